import { benchmarkId, type Benchmark, type OkBenchmark } from '../results/schema.js';
import { bootstrapMedianRatio } from '../stats/bootstrap.js';
import { idealSpeedup } from '../stats/ideal.js';
import { coefficientOfVariation, summarize } from '../stats/summary.js';
import { strategyNamed } from '../strategies/index.js';
import { relativeToRaw } from './raw-floor.js';
import type { CellRecord, WorkloadRecord } from './supervisor.js';

/** Over this coefficient of variation a cell's figures are flagged as unreliable. */
export const CV_WARNING_THRESHOLD = 0.1;

export interface AggregateOptions {
  usableCores: number;
  maxInFlight: number | null;
  /** The run was interrupted: cells with no samples say so instead of "no samples". */
  interrupted: boolean;
}

/**
 * Turns what arrived for one workload into result entries: summaries, CPU and event-loop figures, and speedup
 * against the workload's own sequential cell. Pure: the same records always give the same entries.
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
  const baseline = record.cells.find((cell) => cell.strategy === 'sequential' && cell.failure === undefined && cell.samples.length > 0);

  return record.cells.map((cell): Benchmark => {
    const base = {
      id: benchmarkId(workloadId, cell.strategy, cell.threads),
      workload,
      strategy: cell.strategy,
      threads: cell.threads,
      samplesMs: cell.samples.map((sample) => sample.wallMs),
      warnings: [] as string[],
    };
    const failure = cell.failure ?? (record.fatal !== undefined ? { status: 'error' as const, error: record.fatal.error } : undefined);
    if (failure !== undefined) return { ...base, ...failure, status: failure.status };
    if (cell.skipReason !== undefined) return { ...base, status: 'skipped', reason: cell.skipReason };
    if (cell.samples.length === 0) {
      return { ...base, status: 'skipped', reason: options.interrupted ? 'interrupted before its first sample' : 'no samples were taken' };
    }
    return okEntry(base, cell, baseline, workload.tasks, options, relativeToRaw(cell, record.cells));
  });
}

function okEntry(
  base: Omit<OkBenchmark, 'status' | 'stats' | 'cpu' | 'eventLoop' | 'derived' | 'startupMs'>,
  cell: CellRecord,
  baseline: CellRecord | undefined,
  tasks: number,
  options: AggregateOptions,
  floorRatio: number | undefined,
): OkBenchmark {
  const stats = summarize(base.samplesMs);
  const wallMs = sum(cell.samples.map((sample) => sample.wallMs));
  const userMs = sum(cell.samples.map((sample) => sample.cpuUserMs));
  const systemMs = sum(cell.samples.map((sample) => sample.cpuSystemMs));
  const loopActiveMs = sum(cell.samples.map((sample) => sample.loopActiveMs));
  const loopIdleMs = sum(cell.samples.map((sample) => sample.loopIdleMs));
  const warnings = [...base.warnings];
  const cv = coefficientOfVariation(stats);
  if (cv > CV_WARNING_THRESHOLD) {
    warnings.push(`coefficient of variation ${(cv * 100).toFixed(0)} % is over ${CV_WARNING_THRESHOLD * 100} %: figures are unreliable`);
  }
  if (stats.n < 3) warnings.push(`only ${stats.n} sample(s): no meaningful spread or interval`);

  let derived: OkBenchmark['derived'] = null;
  if (baseline !== undefined) {
    const interval = bootstrapMedianRatio(baseline.samples.map((sample) => sample.wallMs), base.samplesMs);
    const lanes = strategyNamed(cell.strategy).lanes({ tasks, threads: cell.threads, usableCores: options.usableCores, maxInFlight: options.maxInFlight });
    const ideal = idealSpeedup(tasks, lanes);
    derived = {
      speedup: interval.ratio,
      speedupCi95: [interval.low, interval.high],
      idealSpeedup: ideal,
      efficiency: interval.ratio / ideal,
      ...(floorRatio !== undefined ? { relativeToRaw: floorRatio } : {}),
    };
  }

  return {
    ...base,
    warnings,
    status: 'ok',
    stats,
    cpu: { userMs, systemMs, effectiveParallelism: wallMs > 0 ? (userMs + systemMs) / wallMs : 0 },
    eventLoop: {
      utilization: clamp01(loopActiveMs / Math.max(loopActiveMs + loopIdleMs, Number.EPSILON)),
      delayP99Ms: cell.samples.at(-1)?.delayP99Ms ?? 0,
    },
    derived,
    startupMs: cell.startupMs,
    ...(cell.batching !== undefined ? { batching: cell.batching } : {}),
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
