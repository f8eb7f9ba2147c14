import type { MeasureConfig } from '../results/config-schema.js';
import type { Benchmark, OkBenchmark } from '../results/schema.js';
import { samplesByProcess } from '../results/tagged-samples.js';
import { varianceComponents } from '../stats/variance-components.js';
import { plays } from '../strategies/index.js';
import { roundsPerProcess } from './allocation.js';
import { MAX_PROCESSES, MAX_ROUNDS_PER_PROCESS, MIN_ALLOCATED_ROUNDS, MIN_ROUNDS_PER_PROCESS } from './defaults.js';
import type { RoundPlan } from './protocol.js';
import { liveCells, type WorkloadRecord } from './records.js';

/**
 * The stopping rules: whether a workload gets another measuring process, and how many rounds that process takes.
 * Pure: they read the records and the figures aggregated so far.
 *
 * What --max-time pays for: the start-up and timed rounds of every process, and the warm-up of the processes past
 * the minimum. The warm-up of the minimum of processes is not charged to it, as criterion's warm-up time and JMH's
 * warm-up iterations are apart from their measurement: library code warms for seconds on every thread of every
 * process (six cells of a Markdown renderer: 3-5 s a process on 2 cores), and a budget that pays for it buys the
 * slower-warming code fewer samples and starves the last process (two samples, where the first took six).
 * --warmup-max bounds it instead, per cell and process. A process past the minimum pays its warm-up, so a workload
 * that never settles cannot buy process after process of uncharged warm-up.
 */

/** Whether `record` wants another process: its minimum, or more while some cell is imprecise and time is left. */
export function wantsProcess(record: WorkloadRecord, entries: readonly Benchmark[], config: MeasureConfig): boolean {
  if (record.fatal !== undefined || liveCells(record).length === 0) return false;
  if (config.rounds !== null) return record.completed < config.processes;
  if (record.completed === 0) return true;
  const remainingMs = config.maxTimeMs - spentMs(record, config);
  // The minimum of processes always runs (past the budget, each takes MIN_ALLOCATED_ROUNDS); one more must fit in
  // what is left (half of an average process) and is worth it only while some cell is imprecise.
  if (record.completed < config.processes) return true;
  if (remainingMs < 0.5 * (record.elapsedMs / record.processes) || record.completed >= MAX_PROCESSES) return false;
  return !entries.every(isPreciseOrDone);
}

/** The rounds the next process of `record` takes: fixed, or timed within what is left of its budget. */
export function roundPlanFor(record: WorkloadRecord, entries: readonly Benchmark[], config: MeasureConfig): RoundPlan {
  if (config.rounds !== null) return { kind: 'fixed', count: config.rounds };
  const remainingMs = Math.max(0, config.maxTimeMs - spentMs(record, config) - nextStartupChargeMs(record, config));
  // Past two processes, the spread measured so far says how to split what is left between processes and rounds.
  const rounds = record.completed >= 2 ? allocatedRounds(record, entries) : undefined;
  if (rounds !== undefined)
    return { kind: 'timed', sliceMs: 0, limitMs: remainingMs, minRounds: rounds, maxRounds: rounds };
  return {
    kind: 'timed',
    sliceMs: Math.min(config.maxTimeMs / (2 * config.processes), remainingMs),
    limitMs: remainingMs,
    minRounds: MIN_ROUNDS_PER_PROCESS,
    maxRounds: MAX_ROUNDS_PER_PROCESS,
  };
}

/** Whether a process should take round `round` (0-based), having measured for `elapsedMs` so far. */
export function wantsRound(plan: RoundPlan, round: number, elapsedMs: number): boolean {
  if (plan.kind === 'fixed') return round < plan.count;
  if (round < Math.min(plan.minRounds, MIN_ALLOCATED_ROUNDS)) return true;
  return round < plan.maxRounds && elapsedMs < plan.limitMs && (round < plan.minRounds || elapsedMs < plan.sliceMs);
}

/** A cell that needs no more measuring: failed, skipped, or precise. */
function isPreciseOrDone(benchmark: Benchmark): boolean {
  return benchmark.status !== 'ok' || benchmark.precision.met;
}

/**
 * Cells a further process can leave out: precise already, past the minimum of processes. The baseline always
 * stays, since every other cell's speedup pairs with it round by round; the time saved goes to the cells still
 * short.
 */
export function finishedCells(record: WorkloadRecord, entries: readonly Benchmark[], minimum: number): Set<string> {
  if (record.completed < minimum) return new Set();
  return new Set(
    record.cells
      .filter((cell, index) => {
        const entry = entries[index];
        return !plays(cell.strategy, 'baseline') && entry?.status === 'ok' && entry.precision.met;
      })
      .map((cell) => cell.id),
  );
}

/**
 * Rounds for the next process of a workload, from its least precise cell: its spread within and between the
 * processes so far (logs, so cells of any size compare), and what a process's start-up and a round have cost
 * (allocation.ts). Undefined when every cell is precise or the figures cannot tell yet.
 */
function allocatedRounds(record: WorkloadRecord, entries: readonly Benchmark[]): number | undefined {
  const worst = entries
    .filter((entry): entry is OkBenchmark => entry.status === 'ok' && !entry.precision.met)
    .sort((a, b) => b.precision.reachedPct / b.precision.targetPct - a.precision.reachedPct / a.precision.targetPct)[0];
  if (worst === undefined) return undefined;
  const components = varianceComponents(samplesByProcess(worst).map((group) => group.map(Math.log)));
  const rounds = Math.max(...record.cells.map((other) => other.samples.length));
  if (components === undefined || rounds === 0) return undefined;
  const roundMs = (record.elapsedMs - record.startupMs) / rounds;
  // Two or three processes tell little about the spread between them: never more than twice the rounds they took.
  const most = Math.max(MIN_ALLOCATED_ROUNDS, Math.round((2 * rounds) / record.completed));
  return roundsPerProcess(components, averageStartupMs(record), roundMs, { min: MIN_ALLOCATED_ROUNDS, max: most });
}

function averageStartupMs(record: WorkloadRecord): number {
  return record.processes === 0 ? 0 : record.startupMs / record.processes;
}

/** The warm-up of the processes before index `end` (all by default), ms. */
function warmupMs(record: WorkloadRecord, end = record.warmupsMs.length): number {
  return record.warmupsMs.slice(0, end).reduce((total, ms) => total + ms, 0);
}

/** What --max-time has paid so far: the processes' wall time less the minimum's warm-up, ms. */
function spentMs(record: WorkloadRecord, config: MeasureConfig): number {
  return record.elapsedMs - warmupMs(record, config.processes);
}

function averageWarmupMs(record: WorkloadRecord): number {
  return record.processes === 0 ? 0 : warmupMs(record) / record.processes;
}

/** What the next process will charge before its first sample: its start-up, and its warm-up past the minimum. */
function nextStartupChargeMs(record: WorkloadRecord, config: MeasureConfig): number {
  if (record.processes === 0) return 0;
  return averageStartupMs(record) - (record.processes < config.processes ? averageWarmupMs(record) : 0);
}

/** About how long `record` may still take: its unspent budget, and the warm-up of its minimum's processes to come. */
export function timeLeftMs(record: WorkloadRecord, config: MeasureConfig): number {
  const minimumToCome = Math.max(0, config.processes - record.processes);
  return Math.max(0, config.maxTimeMs - spentMs(record, config)) + minimumToCome * averageWarmupMs(record);
}
