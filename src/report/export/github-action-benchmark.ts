import { ciEntries } from './ci-entries.js';
import type { Exporter } from './exporter.js';
import { formatRatio, formatThreads } from '../../format/numbers.js';

/**
 * github-action-benchmark's `customSmallerIsBetter` input: a JSON array of { name, unit, value, range?, extra? }
 * (its README; `range` and `extra` are free text shown in the chart's tooltip). The value is the median time of
 * one sample (one batch of the workload's tasks) in ms, the range the run's 95 % half-width. Speedup, which is
 * bigger-is-better, cannot share the file: it goes into `extra`.
 */
export const githubActionBenchmarkExporter: Exporter = {
  format: 'github-action-benchmark',
  extensions: [],
  render(inputs) {
    const entries = ciEntries(inputs).map(({ name, input, benchmark }) => {
      const { stats, derived } = benchmark;
      const speedup =
        derived === null
          ? ''
          : `\nspeedup ${formatRatio(derived.speedup)} (95% CI ` +
            `${derived.speedupCi95[0].toFixed(2)}–${derived.speedupCi95[1].toFixed(2)}) vs sequential`;
      return {
        name,
        unit: 'ms',
        value: stats.median,
        range: `± ${Number(((stats.medianCi95[1] - stats.medianCi95[0]) / 2).toPrecision(3))}`,
        extra:
          `median of ${stats.n} samples, each a batch of ${benchmark.workload.tasks} tasks; ` +
          `${benchmark.strategy} on ${formatThreads(benchmark.threads)}${speedup}\nmachine: ` +
          `${input.machine}, ${input.result.environment.cpuModel}, ${input.result.environment.usableCores} ` +
          `usable cores`,
      };
    });
    return `${JSON.stringify(entries, null, 2)}\n`;
  },
};
