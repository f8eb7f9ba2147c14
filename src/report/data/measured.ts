import type { Benchmark, OkBenchmark } from '../../results/schema.js';

/** An ok cell with derived figures (speedup, efficiency): the cells verdicts and charts are read from. */
export type Measured = OkBenchmark & { derived: NonNullable<OkBenchmark['derived']> };

export function isMeasured(benchmark: Benchmark): benchmark is Measured {
  return benchmark.status === 'ok' && benchmark.derived !== null;
}

/** The item with the highest score, the first of equals; undefined for none. */
export function maxBy<T>(items: readonly T[], score: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || score(item) > score(best)) best = item;
  return best;
}

/** CPU time (user + system) per sample, ms: the totals in the file cover every sample of the cell. */
export function cpuMsPerSample(benchmark: OkBenchmark): number {
  return (benchmark.cpu.userMs + benchmark.cpu.systemMs) / Math.max(1, benchmark.stats.n);
}
