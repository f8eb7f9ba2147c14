import { plays } from '../strategies/index.js';
import { resolveMeasureConfig } from '../options/measure-config.js';
import type { Benchmark, Environment } from '../results/schema.js';
import type { Grain, GrainPoint } from '../results/overheads-schema.js';
import { aggregateWorkload } from '../runner/aggregate.js';
import { newRecord } from '../runner/records.js';
import { measureProcess } from '../runner/supervisor.js';
import { crossingFromBelow } from '../stats/crossing.js';
import type { BatchSetting } from '../strategies/batch-size.js';

/** 0.05 ms (dispatch cost dominates) to 20 ms (dispatch cost vanishes), about ×2–2.5 apart. */
export const DEFAULT_GRAINS_MS: readonly number[] = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20];

/** Each sample runs about this much sequential work, whatever the grain: cheap grains get more tasks. */
const TARGET_SAMPLE_MS = 40;
/** At least this many tasks per thread, so waves divide evenly and one slow task does not decide a sample. */
const MIN_TASKS_PER_THREAD = 8;
const MAX_TASKS = 1000;

const WORKLOAD_ID = 'cpu-spin';

export interface GrainConfig {
  grainsMs: number[];
  threads: number[];
  rounds: number;
  warmupRounds: number;
  environment: Environment;
}

/**
 * The lines of the sweep. Each runs with its own sequential baseline, interleaved in one measuring child per
 * grain: `raw` beside `parallel` one task per message, and `parallel` with `--batch auto` on its own (the
 * batch setting is per child).
 */
const SERIES: ReadonlyArray<{ strategies: string[]; batch: BatchSetting; label: (strategy: string) => string }> = [
  { strategies: ['parallel', 'raw'], batch: 1, label: (strategy) => strategy },
  { strategies: ['parallel'], batch: 'auto', label: () => 'parallel --batch auto' },
];

function tasksForGrain(grainMs: number, maxThreads: number): number {
  return Math.min(MAX_TASKS, Math.max(MIN_TASKS_PER_THREAD * maxThreads, Math.round(TARGET_SAMPLE_MS / grainMs)));
}

export interface GrainHooks {
  onProgress?: (grainMs: number, done: number, total: number) => void;
  /** Aborted: stop after the current sample, keeping what was measured; `killSignal`: end the child at once. */
  signal?: AbortSignal;
  killSignal?: AbortSignal;
}

/** Runs the sweep grain by grain and returns its figures and thresholds, plus a warning per failed cell. */
export async function runGrainSweep(
  sweep: GrainConfig,
  hooks: GrainHooks = {},
): Promise<{ grain: Grain; warnings: string[] }> {
  const points: GrainPoint[] = [];
  const warnings: string[] = [];
  const total = sweep.grainsMs.length * SERIES.length;
  let done = 0;
  const { signal, killSignal } = hooks;
  const signals = { ...(signal !== undefined ? { signal } : {}), ...(killSignal !== undefined ? { killSignal } : {}) };
  for (const grainMs of sweep.grainsMs) {
    const tasks = tasksForGrain(grainMs, Math.max(...sweep.threads));
    for (const series of SERIES) {
      if (hooks.signal?.aborted === true) break;
      hooks.onProgress?.(grainMs, done, total);
      // The same config and records as a run's, one fixed-rounds process per grain and series.
      const { config } = resolveMeasureConfig(
        {
          workloads: [WORKLOAD_ID],
          strategies: series.strategies,
          threads: sweep.threads,
          tasks,
          size: grainMs,
          rounds: sweep.rounds,
          processes: 1,
          warmupRounds: sweep.warmupRounds,
          batch: series.batch,
        },
        sweep.environment,
      );
      const record = newRecord(WORKLOAD_ID, config);
      const { usableCores } = sweep.environment;
      await measureProcess(
        record,
        { config, rounds: { kind: 'fixed', count: config.rounds ?? 1 }, usableCores, traceSamples: 0 },
        { onRound: () => undefined, ...signals },
      );
      const benchmarks = aggregateWorkload(record, {
        usableCores,
        maxInFlight: null,
        interrupted: false,
        precisionPct: config.precisionPct,
      });
      points.push(...pointsOf(benchmarks, grainMs, tasks, series.label));
      for (const benchmark of benchmarks) {
        if (benchmark.status !== 'ok')
          warnings.push(
            `grain ${grainMs} ms: ${benchmark.id} ${benchmark.status}${'error' in benchmark ? `: ${benchmark.error.message}` : ''}`,
          );
      }
      done += 1;
    }
  }
  return {
    grain: {
      workload: WORKLOAD_ID,
      grainsMs: sweep.grainsMs,
      threads: sweep.threads,
      points,
      thresholds: thresholdsOf(points),
    },
    warnings,
  };
}

function pointsOf(
  benchmarks: Benchmark[],
  grainMs: number,
  tasks: number,
  label: (strategy: string) => string,
): GrainPoint[] {
  const sequential = benchmarks.find((benchmark) => plays(benchmark.strategy, 'baseline'));
  if (sequential?.status !== 'ok') return [];
  const taskMs = sequential.stats.median / tasks;
  return benchmarks.flatMap((benchmark): GrainPoint[] =>
    plays(benchmark.strategy, 'baseline') || benchmark.status !== 'ok' || benchmark.derived === null
      ? []
      : [
          {
            series: label(benchmark.strategy),
            strategy: benchmark.strategy,
            threads: benchmark.threads,
            grainMs,
            taskMs,
            tasks,
            batch: benchmark.batching?.size ?? 1,
            samplesMs: benchmark.samplesMs,
            medianMs: benchmark.stats.median,
            speedup: benchmark.derived.speedup,
            efficiency: benchmark.derived.efficiency,
          },
        ],
  );
}

/** 90 % of ideal: the usual bar for "the pool costs little at this grain". */
const EFFICIENT = 0.9;

export function thresholdsOf(points: readonly GrainPoint[]): Grain['thresholds'] {
  const keys = [...new Map(points.map((point) => [`${point.series}\u0000${point.threads}`, point])).values()];
  return keys.map(({ series, threads }) => {
    const line = points.filter((point) => point.series === series && point.threads === threads);
    const breakEven = crossingFromBelow(
      line.map((point) => ({ x: point.grainMs, y: point.speedup })),
      1,
    );
    const efficient = crossingFromBelow(
      line.map((point) => ({ x: point.grainMs, y: point.efficiency })),
      EFFICIENT,
    );
    return {
      series,
      threads,
      breakEvenMs: breakEven?.x ?? null,
      efficient90Ms: efficient?.x ?? null,
      belowSweep: { breakEven: breakEven?.below ?? false, efficient90: efficient?.below ?? false },
    };
  });
}
