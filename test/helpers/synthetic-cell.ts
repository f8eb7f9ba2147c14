import type { OkBenchmark } from '../../src/results/schema.js';
import type { WorkloadKind } from '../../src/workload.js';

export interface CellShape {
  workload?: string;
  kind?: WorkloadKind;
  strategy: string;
  threads: number;
  medianMs: number;
  /** Speedup over sequential; defaults to what the median implies against a 100 ms sequential cell. */
  speedup?: number;
  coresBusy?: number;
  uvThreadpoolSize?: number;
  /** Id suffix, as a --uv-threadpool sweep gives cells whose pool size is not the default. */
  idSuffix?: string;
  /** Half-width of the speedup's 95 % interval, % of the speedup (default 5). */
  speedupCiPct?: number;
  /**
   * The samples as factors of the median, one per round, taken alternately by two processes (default 0.99, 1,
   * 1.01). Cells of one workload given the same length pair up round by round, as the engine's cells do.
   */
  sampleFactors?: number[];
  /** Main-thread event-loop utilization (default 0.5). */
  loopBusy?: number;
}

/**
 * One `ok` result entry with a chosen median (synthetic figures for pure tests of fits and verdict text; real
 * measurements come from real runs). Samples are the median ±1 %, so every summary figure is consistent.
 */
export function okCell(shape: CellShape): OkBenchmark {
  const workload = shape.workload ?? 'cpu-compute';
  const samplesMs = (shape.sampleFactors ?? [0.99, 1, 1.01]).map((factor) => shape.medianMs * factor);
  const speedup = shape.speedup ?? 100 / shape.medianMs;
  const ci = (shape.speedupCiPct ?? 5) / 100;
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    id: `${workload}/${shape.strategy}/t${shape.threads}${shape.idSuffix ?? ''}`,
    workload: { id: workload, kind: shape.kind ?? 'cpu', source: workload, size: 1, tasks: 64 },
    strategy: shape.strategy,
    threads: shape.threads,
    status: 'ok',
    samplesMs,
    samplesProcess: samplesMs.map((_, index) => index % 2),
    samplesRound: samplesMs.map((_, index) => Math.floor(index / 2)),
    warnings: [],
    ...(shape.uvThreadpoolSize !== undefined ? { uvThreadpoolSize: shape.uvThreadpoolSize } : {}),
    stats: {
      n: samplesMs.length,
      mean: shape.medianMs,
      median: shape.medianMs,
      sd: shape.medianMs * 0.01,
      min: sorted[0] ?? shape.medianMs,
      max: sorted.at(-1) ?? shape.medianMs,
      p75: shape.medianMs,
      p99: shape.medianMs,
      medianCi95: [shape.medianMs * 0.975, shape.medianMs * 1.025],
    },
    precision: { targetPct: 3, reachedPct: 2.5, met: true },
    outliers: { low: 0, high: 0, severe: 0 },
    repeats: 1,
    processes: 2,
    cpu: { userMs: shape.medianMs * 3, systemMs: 0, effectiveParallelism: shape.coresBusy ?? 1 },
    eventLoop: { utilization: shape.loopBusy ?? 0.5, delayP99Ms: 1 },
    derived: {
      speedup,
      speedupCi95: [speedup * (1 - ci), speedup * (1 + ci)],
      pairs: samplesMs.length,
      idealSpeedup: 1,
      efficiency: speedup,
    },
    startupMs: 0,
  };
}
