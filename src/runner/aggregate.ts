import { benchmarkId } from '../results/benchmark-id.js';
import type { Benchmark, OkBenchmark } from '../results/schema.js';
import { hierarchicalInterval, medianInPlace } from '../stats/hierarchical.js';
import { cellIdealSpeedup, type WorkAlone } from '../stats/ideal.js';
import { median } from '../stats/summary.js';
import { summarize } from '../stats/summary.js';
import { tukeyOutliers } from '../stats/outliers.js';
import { plays, strategyNamed } from '../strategies/index.js';
import { pairedRatio } from './pairs.js';
import { samplesByProcess } from '../results/tagged-samples.js';
import type { CellWarmup } from '../results/warmup-schema.js';
import { samplesDriftAcrossProcesses, type SamplesDrift } from '../stats/steady-state.js';
import type { CellRecord, TaggedSample, WorkloadRecord } from './records.js';

export interface AggregateOptions {
  usableCores: number;
  maxInFlight: number | null;
  /** The run was interrupted: cells with no samples say so instead of "no samples". */
  interrupted: boolean;
  /** Target half-width of each cell's 95 % interval, % of its median (--precision). */
  precisionPct: number;
  /** Bootstrap replicates per interval; fewer for the interim files written while a run goes on. */
  resamples?: number;
}

/**
 * Turns what arrived for one workload into result entries: robust summaries with intervals that carry the
 * spread between measuring processes, the precision reached, outliers, CPU and event-loop figures, and paired
 * speedups against the workload's own sequential cell. Pure: the same records always give the same entries.
 */
export function aggregateWorkload(record: WorkloadRecord, options: AggregateOptions): Benchmark[] {
  const workloadId = record.info?.id ?? record.spec;
  const workload = {
    id: workloadId,
    kind: record.info?.kind ?? 'mixed',
    source: record.spec,
    size: record.info?.size ?? 1,
    tasks: record.info?.tasks ?? 1,
    ...(record.info?.criticalPathMs !== undefined ? { criticalPathMs: record.info.criticalPathMs } : {}),
  } as const;
  const baselineCell = record.cells.find(
    (cell) => plays(cell.strategy, 'baseline') && cell.failure === undefined && cell.samples.length > 0,
  );
  // Read once per workload: every cell's ideal reads the same baseline figures.
  const baseline =
    baselineCell === undefined ? undefined : { cell: baselineCell, alone: aloneFigures(baselineCell, workload.kind) };

  return record.cells.map((cell): Benchmark => {
    const base = {
      id: benchmarkId(workloadId, cell.strategy, cell.threads),
      workload,
      strategy: cell.strategy,
      threads: cell.threads,
      samplesMs: cell.samples.map((sample) => sample.wallMs),
      samplesProcess: cell.samples.map((sample) => sample.process),
      samplesRound: cell.samples.map((sample) => sample.round),
      warnings: [] as string[],
    };
    const failure =
      cell.failure ??
      (record.fatal !== undefined ? { status: 'error' as const, error: record.fatal.error } : undefined);
    if (failure !== undefined) return { ...base, ...failure, status: failure.status };
    if (cell.skipReason !== undefined) return { ...base, status: 'skipped', reason: cell.skipReason };
    if (cell.samples.length === 0) {
      return {
        ...base,
        status: 'skipped',
        reason: options.interrupted ? 'interrupted before its first sample' : 'no samples were taken',
      };
    }
    // The pool is read against its library-free floor at the same thread count: what piscina costs beyond it.
    const floor = plays(cell.strategy, 'pool')
      ? record.cells.find(
          (other) =>
            plays(other.strategy, 'floor') &&
            other.threads === cell.threads &&
            other.failure === undefined &&
            other.samples.length > 0,
        )
      : undefined;
    return okEntry(base, cell, baseline, floor, workload.tasks, options);
  });
}

function okEntry(
  base: Omit<
    OkBenchmark,
    | 'status'
    | 'stats'
    | 'cpu'
    | 'eventLoop'
    | 'derived'
    | 'startupMs'
    | 'repeats'
    | 'processes'
    | 'precision'
    | 'outliers'
  >,
  cell: CellRecord,
  baseline: Baseline | undefined,
  floor: CellRecord | undefined,
  tasks: number,
  options: AggregateOptions,
): OkBenchmark {
  const resamples = options.resamples !== undefined ? { resamples: options.resamples } : {};
  const groups = samplesByProcess(base);
  const interval = hierarchicalInterval(groups, medianInPlace, resamples);
  const flat = summarize(base.samplesMs);
  const halfWidthMs = (interval.high - interval.low) / 2;
  const reachedPct = flat.median > 0 ? (halfWidthMs / flat.median) * 100 : 0;
  const stats = { ...flat, medianCi95: [interval.low, interval.high] as [number, number] };
  const met = reachedPct <= options.precisionPct && groups.length >= 2;

  const sumOf = (pick: (sample: TaggedSample) => number): number =>
    cell.samples.reduce((total, sample) => total + pick(sample), 0);
  const wallMs = sumOf((sample) => sample.wallMs);
  const userMs = sumOf((sample) => sample.cpuUserMs);
  const systemMs = sumOf((sample) => sample.cpuSystemMs);
  const loopActiveMs = sumOf((sample) => sample.loopActiveMs);
  const loopIdleMs = sumOf((sample) => sample.loopIdleMs);

  const warnings = [...base.warnings];
  // Warm-up or not, a cell whose first samples still ran slow is marked, never averaged in silently.
  const drift = samplesDriftAcrossProcesses(groups);
  if (drift.beyondNoise) warnings.push(`not steady: its first timed samples ran ${drift.ratio.toFixed(2)}× the rest`);
  const warmup = cellWarmup(cell, drift);
  if (groups.length < 2) warnings.push('one measuring process: its interval cannot show the spread between processes');
  if (stats.n < 3) warnings.push(`only ${stats.n} sample(s): no meaningful spread or interval`);

  return {
    ...base,
    warnings,
    status: 'ok',
    stats,
    precision: { targetPct: options.precisionPct, reachedPct, met },
    outliers: tukeyOutliers(base.samplesMs),
    repeats: cell.repeats ?? 1,
    processes: groups.length,
    cpu: { userMs, systemMs, effectiveParallelism: wallMs > 0 ? (userMs + systemMs) / wallMs : 0 },
    eventLoop: {
      utilization: clamp01(loopActiveMs / Math.max(loopActiveMs + loopIdleMs, Number.EPSILON)),
      delayP99Ms: median(cell.samples.map((sample) => sample.delayP99Ms)),
    },
    derived: derivedFigures(cell, baseline, floor, tasks, options),
    startupMs: cell.startupsMs.length > 0 ? median(cell.startupsMs) : 0,
    ...(cell.batching !== undefined ? { batching: cell.batching } : {}),
    ...(warmup !== undefined ? { warmup } : {}),
  };
}

/**
 * The cell's warm-up over its processes, with the drift test on its timed samples (each process's first sample
 * against the rest, stats/steady-state.ts). Undefined when no process warmed it (--warmup 0).
 */
function cellWarmup(cell: CellRecord, drift: SamplesDrift): CellWarmup | undefined {
  if (cell.warmups.length === 0) return undefined;
  const mid = (values: readonly number[]): number => (values.length === 0 ? 0 : median(values));
  const workers = cell.warmups.flatMap((report) => (report.gc.workersPct !== undefined ? [report.gc.workersPct] : []));
  const cold = cell.warmups.flatMap((report) => (report.coldStart !== undefined ? [report.coldStart] : []));
  const heaps = cell.warmups.flatMap((report) => (report.heap !== undefined ? [report.heap] : []));
  const workerHeaps = heaps.flatMap((entry) => (entry.workersBytes !== undefined ? [entry.workersBytes] : []));
  return {
    processes: cell.warmups,
    notSteady: cell.warmups.filter((report) => !report.steady).length,
    firstSampleRatio: drift.ratio,
    drifting: drift.beyondNoise,
    gc: {
      mainPct: mid(cell.warmups.map((report) => report.gc.mainPct)),
      ...(workers.length > 0 ? { workersPct: mid(workers) } : {}),
    },
    ...(heaps.length > 0
      ? {
          heap: {
            mainBytes: mid(heaps.map((entry) => entry.mainBytes)),
            ...(workerHeaps.length > 0 ? { workersBytes: mid(workerHeaps) } : {}),
          },
        }
      : {}),
    ...(cold.length > 0
      ? {
          coldStart: {
            excessMs: mid(cold.map((entry) => entry.excessMs)),
            tasksUntilSteady: mid(cold.map((entry) => entry.tasksUntilSteady)),
          },
        }
      : {}),
  };
}

/** The workload's baseline cell, and its figures alone that every cell's ideal reads. */
interface Baseline {
  cell: CellRecord;
  alone: WorkAlone;
}

/** Speedup against the baseline, paired round by round, read against the ideal and the floor; null without one. */
function derivedFigures(
  cell: CellRecord,
  baseline: Baseline | undefined,
  floor: CellRecord | undefined,
  tasks: number,
  options: AggregateOptions,
): OkBenchmark['derived'] {
  const speedup =
    baseline === undefined ? undefined : pairedRatio(baseline.cell.samples, cell.samples, options.resamples);
  if (speedup === undefined || baseline === undefined) return null;
  const offer = strategyNamed(cell.strategy).offer({
    tasks,
    threads: cell.threads,
    usableCores: options.usableCores,
    maxInFlight: options.maxInFlight,
  });
  const ideal = cellIdealSpeedup(tasks, offer, baseline.alone);
  const toFloor = floor === undefined ? undefined : pairedRatio(floor.samples, cell.samples, options.resamples);
  return {
    speedup: speedup.estimate,
    speedupCi95: [speedup.low, speedup.high],
    pairs: speedup.pairs,
    idealSpeedup: ideal,
    efficiency: speedup.estimate / ideal,
    ...(toFloor !== undefined
      ? { relativeToRaw: toFloor.estimate, relativeToRawCi95: [toFloor.low, toFloor.high] as [number, number] }
      : {}),
  };
}

/** The sequential cell's cores busy and loop busy, where one task runs at a time: what the ideal reads the work by. */
function aloneFigures(baseline: CellRecord, kind: string): WorkAlone {
  const sumOf = (pick: (sample: TaggedSample) => number): number =>
    baseline.samples.reduce((total, sample) => total + pick(sample), 0);
  const wallMs = sumOf((sample) => sample.wallMs);
  const activeMs = sumOf((sample) => sample.loopActiveMs);
  const idleMs = sumOf((sample) => sample.loopIdleMs);
  return {
    coresBusy: wallMs > 0 ? sumOf((sample) => sample.cpuUserMs + sample.cpuSystemMs) / wallMs : 0,
    loopBusy: clamp01(activeMs / Math.max(activeMs + idleMs, Number.EPSILON)),
    kind,
  };
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
