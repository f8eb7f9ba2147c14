import type { MachineProbe } from '../results/machine-schema.js';
import type { OkBenchmark } from '../results/schema.js';
import { DEFAULT_MARGIN } from './thresholds.js';

/**
 * What a pool's own figures, measured in the same run on the same pool, allow it to gain: dispatching a message
 * costs the main thread `dispatchUs` (batching.dispatchUs), a task costs a pool thread `taskUs` (batching.taskUs),
 * and `lanes` threads compute at once. A cause ("dispatch costs more than the pool saves") is stated only when
 * these figures show it, and advice (a batch size, a task size) only when they say what would pay.
 */

export interface PoolCostFigures {
  /** One task on the main thread: the sequential cell's median / tasks, µs. */
  sequentialTaskUs: number;
  /** Wall time per message with the pool busy, µs, and the tasks each message carries. */
  dispatchUs: number;
  batch: number;
  /** One task's computing on a pool thread, µs. */
  taskUs: number;
  /** Threads computing at once: the pool size, capped by the cores the machine delivered (or could use). */
  lanes: number;
}

export interface PoolCost {
  dispatchPerTaskUs: number;
  /** taskUs / lanes: a task's share of the pool's computing, µs. */
  computePerTaskUs: number;
  /** The best speedup these figures allow: dispatch and computing perfectly overlapped (an upper bound). */
  ceiling: number;
  /** The larger of the two per-task costs, the one that sets the ceiling. */
  limit: 'dispatch' | 'compute';
}

export function poolCost(figures: PoolCostFigures): PoolCost {
  const dispatchPerTaskUs = figures.dispatchUs / figures.batch;
  const computePerTaskUs = figures.taskUs / Math.max(figures.lanes, Number.EPSILON);
  const limitUs = Math.max(dispatchPerTaskUs, computePerTaskUs);
  return {
    dispatchPerTaskUs,
    computePerTaskUs,
    ceiling: limitUs > 0 ? figures.sequentialTaskUs / limitUs : Number.POSITIVE_INFINITY,
    limit: dispatchPerTaskUs >= computePerTaskUs ? 'dispatch' : 'compute',
  };
}

/** The figures show the pool cannot gain: even the overlapped ceiling stays within 1 + margin. */
export function poolCannotPay(figures: PoolCostFigures, margin: number = DEFAULT_MARGIN): boolean {
  return poolCost(figures).ceiling <= 1 + margin;
}

/**
 * The time per task the pool must get under to gain at least the margin, counting dispatch and computing one after
 * the other (a lower bound on what the pool gives): the advice below errs on the side of enough.
 */
function budgetPerTaskUs(figures: PoolCostFigures, margin: number): number {
  return figures.sequentialTaskUs / (1 + margin) - figures.taskUs / Math.max(figures.lanes, Number.EPSILON);
}

/** Tasks per message from which the pool would gain; undefined when none would (its computing alone is too slow). */
export function batchThatPays(figures: PoolCostFigures, margin: number = DEFAULT_MARGIN): number | undefined {
  const budgetUs = budgetPerTaskUs(figures, margin);
  return budgetUs > 0 ? Math.max(1, Math.ceil(figures.dispatchUs / budgetUs)) : undefined;
}

/** How many times more work per task (dispatch unchanged, batch as now) would make the pool gain; undefined: none. */
export function grainThatPays(figures: PoolCostFigures, margin: number = DEFAULT_MARGIN): number | undefined {
  const budgetUs = budgetPerTaskUs(figures, margin);
  if (!(budgetUs > 0)) return undefined;
  // Work × k: k·budget ≥ dispatch per task, with the budget per unit of work as now.
  return Math.max(1, figures.dispatchUs / figures.batch / budgetUs);
}

/**
 * Cores the machine probe saw delivered to `threads` spinning threads (the largest count it ran, for more threads
 * than it ran); undefined without a probe.
 */
export function deliveredCores(probe: Pick<MachineProbe, 'threads'> | undefined, threads: number): number | undefined {
  if (probe === undefined || probe.threads.length === 0) return undefined;
  const sorted = [...probe.threads].sort((a, b) => a.threads - b.threads);
  const fitting = sorted.filter((entry) => entry.threads <= threads);
  return (fitting.at(-1) ?? sorted[0])?.deliveredCores;
}

/**
 * The pool's own cost figures for a parallel cell, when --batch auto measured them in its run: the sequential
 * cell's time per task, the dispatch and task figures of the cell's pool, and `cores` (what the probe saw
 * delivered, else the usable cores) capping its lanes. Undefined without those figures or a sequential cell.
 */
export function costFigures(
  cell: Pick<OkBenchmark, 'batching' | 'threads'>,
  sequential: Pick<OkBenchmark, 'stats' | 'workload'> | undefined,
  cores: number,
): PoolCostFigures | undefined {
  const batching = cell.batching;
  if (batching?.dispatchUs === undefined || batching.taskUs === undefined || sequential === undefined) return undefined;
  return {
    sequentialTaskUs: (sequential.stats.median / sequential.workload.tasks) * 1000,
    dispatchUs: batching.dispatchUs,
    batch: batching.size,
    taskUs: batching.taskUs,
    lanes: Math.min(cell.threads, cores),
  };
}
