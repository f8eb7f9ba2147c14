import { ciEntries } from './ci-entries.js';
import type { Exporter } from './exporter.js';

/** Bencher's built-in Latency measure is in nanoseconds (bencher.dev, "Track custom benchmarks"). */
const NS_PER_MS = 1e6;

interface Metric {
  value: number;
  lower_value?: number;
  upper_value?: number;
}

/**
 * Bencher Metric Format: { "<benchmark>": { "<measure>": { value, lower_value, upper_value } } }, for
 * `bencher run --adapter json`. Two measures per cell: `latency`, Bencher's built-in slug, as the median time
 * of one sample (one batch of the workload's tasks) in nanoseconds with the run's 95 % interval around it;
 * and `speedup` (× sequential, with its bootstrap interval) where the cell has one. Bencher creates the
 * `speedup` measure on first use.
 */
export const bmfExporter: Exporter = {
  format: 'bmf',
  extensions: ['.bmf.json'],
  render(inputs) {
    const document: Record<string, Record<string, Metric>> = {};
    for (const { name, benchmark } of ciEntries(inputs)) {
      const [low, high] = benchmark.stats.medianCi95;
      const measures: Record<string, Metric> = {
        latency: {
          value: benchmark.stats.median * NS_PER_MS,
          lower_value: low * NS_PER_MS,
          upper_value: high * NS_PER_MS,
        },
      };
      if (benchmark.derived !== null) {
        const [lower, upper] = benchmark.derived.speedupCi95;
        measures.speedup = { value: benchmark.derived.speedup, lower_value: lower, upper_value: upper };
      }
      document[name] = measures;
    }
    return `${JSON.stringify(document, null, 2)}\n`;
  },
};
