import { plays } from '../strategies/index.js';
import { cellTimeRatio } from '../judgement/cell-ratio.js';
import { fastestOf } from '../judgement/fastest.js';
import { judgeSpeedup, type SpeedupWord } from '../judgement/judge.js';
import { COMPUTE_BOTTLENECK_BUSY, CPU_BOUND_BUSY } from '../judgement/thresholds.js';
import { costFigures, deliveredCores } from '../judgement/pool-cost.js';
import { formatPercent } from '../format/numbers.js';
import { cellName, ratioWithInterval, speedupInterval } from '../report/text/judgement-text.js';
import { isMeasured, type Measured } from '../report/data/measured.js';
import type { Benchmark, Environment } from '../results/schema.js';
import { poolAdvice, type GrainAdvice } from './pool-advice.js';

/**
 * Reads a short run of one workload (sequential, concurrent, parallel and, when the workload splits its task,
 * hybrid) and says what kind of work it is and what to use, from the measurements alone: the declared kind
 * is shown beside the verdict, never used for it.
 *
 * - Sequential keeps the main thread busy (event-loop utilization) nearly all the time → CPU-bound: there is
 *   no waiting to overlap, only computing to spread over threads.
 * - Otherwise the tasks wait. Run concurrently, all waits overlap; if the one thread is then busy at least
 *   half the time, computing has become the bottleneck → mixed: overlap waits and move the computing to a
 *   pool (hybrid). If not → I/O-bound: concurrency is enough, a pool only adds overhead.
 *
 * What it recommends is only what the evidence shows (judgement/judge.ts): a strategy whose speedup is a gain;
 * "keep it on the main thread" when every candidate is decided and none gains (for a pool too fine-grained at
 * this grain, with the batch or task size that would pay, from its own dispatch and task figures); "undecided"
 * when a candidate is inconclusive and none gains.
 */

export type WorkClass = 'io' | 'cpu' | 'mixed';

export interface SpeedupAt {
  threads: number;
  speedup: number;
  /** Its 95 % interval, and the word it earns against the margin. */
  low: number;
  high: number;
  word: SpeedupWord;
}

export interface Evidence {
  tasks: number;
  sequentialMedianMs: number;
  /** Process CPU time / wall time under sequential: ~1 when one core computes all the time. */
  cpuPerWall: number;
  /** Main-thread event-loop utilization under sequential, and under concurrent. */
  eventLoopUtilization: number;
  concurrentEventLoopUtilization: number | null;
  concurrentSpeedup: SpeedupAt | null;
  parallelSpeedup: SpeedupAt[];
  /** Null when the workload has no wait/compute split (hybrid skipped). */
  hybridSpeedup: SpeedupAt[] | null;
}

export interface Recommendation {
  /** `sequential`: keep it on the main thread, nothing measured gains; `undecided`: the evidence cannot tell yet. */
  strategy: 'concurrent' | 'parallel' | 'hybrid' | 'sequential' | 'undecided';
  /** Pool size for `parallel` and `hybrid`. */
  threads: number | null;
  /** For a pool too fine-grained at this grain: the batch or task size its own figures say would pay. */
  grain?: GrainAdvice;
  /** For `undecided`: about how many times the samples would likely decide (null: no practical run would). */
  samplesFactor?: number | null;
}

export interface Classification {
  workload: { id: string; declaredKind: string; source: string };
  class: WorkClass;
  recommendation: Recommendation;
  /** Plain-language reasons, each quoting a measured figure. */
  reasons: string[];
  evidence: Evidence;
}

type Machine = Pick<Environment, 'usableCores' | 'machine'>;

function measured(benchmarks: Benchmark[], strategy: string): Measured[] {
  return benchmarks
    .filter((benchmark): benchmark is Measured => isMeasured(benchmark) && benchmark.strategy === strategy)
    .sort((a, b) => a.threads - b.threads);
}

/** Throws when the sequential baseline has no figures: nothing can be classified without it. */
export function classifyWorkload(benchmarks: Benchmark[], machine: Machine): Classification {
  const sequential = measured(benchmarks, 'sequential')[0];
  if (sequential === undefined) {
    const failed = benchmarks.find((benchmark) => plays(benchmark.strategy, 'baseline'));
    const why =
      failed !== undefined && failed.status !== 'ok'
        ? `${failed.status}: ${'error' in failed ? failed.error.message : failed.reason}`
        : 'no figures';
    throw new Error(`cannot classify: the sequential baseline has ${why}`);
  }
  const concurrent = measured(benchmarks, 'concurrent')[0];
  const parallel = measured(benchmarks, 'parallel');
  const hybridSkipped = benchmarks.some(
    (benchmark) => plays(benchmark.strategy, 'split') && benchmark.status === 'skipped',
  );
  const hybrid = hybridSkipped ? [] : measured(benchmarks, 'hybrid');
  const evidence: Evidence = {
    tasks: sequential.workload.tasks,
    sequentialMedianMs: sequential.stats.median,
    cpuPerWall: sequential.cpu.effectiveParallelism,
    eventLoopUtilization: sequential.eventLoop.utilization,
    concurrentEventLoopUtilization: concurrent?.eventLoop.utilization ?? null,
    concurrentSpeedup: concurrent === undefined ? null : speedupAt(concurrent),
    parallelSpeedup: parallel.map(speedupAt),
    hybridSpeedup: hybrid.length === 0 ? null : hybrid.map(speedupAt),
  };

  const workClass = classOf(evidence);
  const reasons = classReasons(workClass, evidence);
  if (concurrent !== undefined) reasons.push(`concurrent (Promise.all): ${described(concurrent)}`);
  for (const cell of [...parallel, ...hybrid]) reasons.push(`${cellName(cell)}: ${described(cell)}`);

  const candidates =
    workClass === 'cpu'
      ? parallel
      : workClass === 'io'
        ? concurrent === undefined
          ? []
          : [concurrent]
        : hybrid.length > 0
          ? hybrid
          : [...(concurrent === undefined ? [] : [concurrent]), ...parallel];
  const recommendation = recommend(
    candidates,
    [sequential, ...(concurrent === undefined ? [] : [concurrent]), ...parallel, ...hybrid],
    machine,
    reasons,
  );

  if (workClass === 'io' && concurrent !== undefined && parallel.length > 0) {
    const bestPool = fastestOf(
      parallel,
      (cell) => cell.derived.speedup,
      () => undefined,
    )?.best;
    const versus = bestPool === undefined ? undefined : cellTimeRatio(bestPool, concurrent);
    if (bestPool !== undefined && versus !== undefined && judgeSpeedup(versus).word === 'gain') {
      reasons.push(
        `a pool only adds overhead: concurrent ran ${ratioWithInterval(versus)} as fast as its best ` +
          `(${cellName(bestPool)})`,
      );
    }
  }
  if (workClass === 'mixed' && hybrid.length === 0) {
    reasons.push(
      'hybrid was not measured: give the workload "wait" and "compute" steps to measure it (README: hybrid)',
    );
  }
  return {
    workload: {
      id: sequential.workload.id,
      declaredKind: sequential.workload.kind,
      source: sequential.workload.source,
    },
    class: workClass,
    recommendation,
    reasons,
    evidence,
  };
}

function classOf(evidence: Evidence): WorkClass {
  if (evidence.eventLoopUtilization >= CPU_BOUND_BUSY) return 'cpu';
  if ((evidence.concurrentEventLoopUtilization ?? 0) >= COMPUTE_BOTTLENECK_BUSY) return 'mixed';
  return 'io';
}

function classReasons(workClass: WorkClass, evidence: Evidence): string[] {
  const busy = formatPercent(evidence.eventLoopUtilization);
  if (workClass === 'cpu') {
    return [
      `run one at a time, the main thread computes ${busy} of the time (CPU/wall ` +
        `${evidence.cpuPerWall.toFixed(2)}): there is little waiting to overlap`,
    ];
  }
  if (workClass === 'mixed') {
    return [
      `run one at a time, the main thread is busy only ${busy} of the time: the tasks wait`,
      `run concurrently, the waits overlap and the one thread is busy ` +
        `${formatPercent(evidence.concurrentEventLoopUtilization ?? 0)} of the time: computing is now the ` +
        `bottleneck`,
    ];
  }
  const reasons = [`run one at a time, the main thread is busy only ${busy} of the time: the tasks mostly wait`];
  if (evidence.concurrentEventLoopUtilization !== null) {
    reasons.push(
      `run concurrently, the thread is still idle ` +
        `${formatPercent(1 - evidence.concurrentEventLoopUtilization)} of the time: it has room for more`,
    );
  }
  return reasons;
}

/**
 * The fastest candidate that gains, with the fewest threads among those the data cannot separate from it; else
 * the main thread when every candidate is decided, else undecided. Pushes the reasons for what it chose.
 */
function recommend(candidates: Measured[], all: Measured[], machine: Machine, reasons: string[]): Recommendation {
  const gains = candidates.filter((cell) => judgeSpeedup(speedupInterval(cell)).word === 'gain');
  const fastest = fastestOf(
    gains,
    (cell) => cell.derived.speedup,
    (item, best) => cellTimeRatio(item, best),
  );
  if (fastest !== undefined) {
    const chosen = fastest.tied.map((tie) => tie.item).sort((a, b) => a.threads - b.threads)[0] ?? fastest.best;
    if (chosen !== fastest.best)
      reasons.push(
        `${cellName(chosen)} is not told apart from ${cellName(fastest.best)}: fewer threads cost less memory`,
      );
    const strategy = chosen.strategy as 'concurrent' | 'parallel' | 'hybrid';
    return { strategy, threads: plays(strategy, 'loop') ? null : chosen.threads };
  }
  const open = candidates.filter((cell) => judgeSpeedup(speedupInterval(cell)).word === 'inconclusive');
  if (open.length > 0) {
    const best =
      fastestOf(
        open,
        (cell) => cell.derived.speedup,
        () => undefined,
      )?.best ?? open[0];
    const factor = best === undefined ? null : judgeSpeedup(speedupInterval(best)).samplesFactor;
    reasons.push(`inconclusive: nothing measured is shown to gain, and ${open.map(cellName).join(', ')} could still`);
    return { strategy: 'undecided', threads: null, samplesFactor: factor };
  }
  // Every candidate decided and none gains: keep it on the main thread, and say what a pool would need.
  const pool = fastestOf(
    candidates.filter((cell) => plays(cell.strategy, 'pool')),
    (cell) => cell.derived.speedup,
    () => undefined,
  )?.best;
  if (pool !== undefined) {
    const sequential = all.find((cell) => plays(cell.strategy, 'baseline'));
    const figures = costFigures(pool, sequential, deliveredCores(machine.machine, pool.threads) ?? machine.usableCores);
    const advice = figures === undefined ? undefined : poolAdvice(figures);
    reasons.push(advice?.reason ?? `${cellName(pool)} gained nothing measurable, and no figure of this run says why`);
    if (advice?.grain !== undefined) return { strategy: 'sequential', threads: null, grain: advice.grain };
  }
  return { strategy: 'sequential', threads: null };
}

function speedupAt(cell: Measured): SpeedupAt {
  const interval = speedupInterval(cell);
  return {
    threads: cell.threads,
    speedup: interval.estimate,
    low: interval.low,
    high: interval.high,
    word: judgeSpeedup(interval).word,
  };
}

/** "1.62× (1.55–1.70), a gain" */
function described(cell: Measured): string {
  const judgement = judgeSpeedup(speedupInterval(cell));
  const word = {
    gain: 'a gain',
    same: 'no gain (the same as sequential)',
    slower: 'slower than sequential',
    inconclusive: 'inconclusive',
  }[judgement.word];
  return `${ratioWithInterval(judgement.interval)}, ${word}`;
}
