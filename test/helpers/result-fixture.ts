import type { Benchmark, ResultFile } from '../../src/results/schema.js';

/**
 * A small, valid result file built in code (synthetic figures, for schema and format tests only; real
 * measurements come from real runs). `samplesFor` lets a test shape the samples of each benchmark.
 */
export function syntheticResult(samplesFor: (id: string) => number[] = () => [10, 11, 10.5, 10.2, 10.8]): ResultFile {
  const workload = { id: 'cpu-hash', kind: 'cpu' as const, source: 'cpu-hash', size: 1600, tasks: 16 };
  const ok = (strategy: string, threads: number): Benchmark => {
    const id = `cpu-hash/${strategy}/t${threads}`;
    const samplesMs = samplesFor(id);
    const sorted = [...samplesMs].sort((a, b) => a - b);
    const mean = samplesMs.reduce((a, b) => a + b, 0) / samplesMs.length;
    return {
      id,
      workload,
      strategy,
      threads,
      status: 'ok',
      samplesMs,
      samplesProcess: samplesMs.map((_, index) => index % 2),
      samplesRound: samplesMs.map((_, index) => Math.floor(index / 2)),
      warnings: [],
      stats: {
        n: samplesMs.length,
        mean,
        median: sorted[Math.floor(sorted.length / 2)] ?? mean,
        sd: 0.3,
        min: sorted[0] ?? mean,
        max: sorted.at(-1) ?? mean,
        p75: mean,
        p99: mean,
        medianCi95: [mean - 0.4, mean + 0.4],
      },
      precision: { targetPct: 3, reachedPct: 4, met: false },
      outliers: { low: 0, high: 0, severe: 0 },
      repeats: 1,
      processes: 2,
      cpu: { userMs: 50, systemMs: 2, effectiveParallelism: 1 },
      eventLoop: { utilization: 0.5, delayP99Ms: 1 },
      derived: { speedup: 1, speedupCi95: [0.9, 1.1], pairs: 2, idealSpeedup: 1, efficiency: 1 },
      startupMs: 0,
    };
  };
  return {
    schemaVersion: 3,
    tool: { name: 'corescope', version: '0.0.0-test' },
    run: {
      startedAt: '2026-11-26T07:00:00.000Z',
      finishedAt: '2026-11-26T07:01:00.000Z',
      label: 'synthetic',
      argv: [],
      interrupted: false,
    },
    environment: {
      node: '20.20.2',
      v8: '11.3',
      uv: '1.46.0',
      platform: 'linux',
      arch: 'x64',
      cpuModel: 'Synthetic CPU',
      logicalCpus: 2,
      availableParallelism: 2,
      cgroupCpuLimit: null,
      usableCores: 2,
      memoryBytes: 24e9,
      uvThreadpoolSize: 4,
      ci: null,
      hostname: 'synthetic',
    },
    config: {
      workloads: ['cpu-hash'],
      strategies: ['sequential', 'parallel'],
      threads: [1, 2],
      tasks: null,
      size: null,
      rounds: 5,
      processes: 2,
      warmupRounds: 1,
      quick: false,
      taskTimeoutMs: 10_000,
      maxInFlight: null,
    },
    benchmarks: [
      ok('sequential', 1),
      ok('parallel', 2),
      {
        id: 'cpu-hash/parallel/t4',
        workload,
        strategy: 'parallel',
        threads: 4,
        status: 'error',
        samplesMs: [],
        samplesProcess: [],
        samplesRound: [],
        warnings: [],
        error: { name: 'TypeError', message: 'boom', code: 'E_BOOM' },
        failedTasks: 3,
        totalTasks: 16,
      },
    ],
    warnings: [],
  };
}
