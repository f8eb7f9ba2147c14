import type { OkBenchmark } from '../results/schema.js';

/**
 * The interval shown around a cell's median wherever one travels alone (history points, the CI exporters):
 * median ± the run's 95 % half-width (stats.ci95), as the tables print "±95% CI" beside the median. Floored
 * at 0: no time is negative. The one place to change when the result file carries an interval of the median.
 */
export function medianIntervalMs(stats: OkBenchmark['stats']): [number, number] {
  return [Math.max(0, stats.median - stats.ci95), stats.median + stats.ci95];
}
