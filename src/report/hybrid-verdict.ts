import type { Benchmark } from '../results/schema.js';
import { formatMs, formatRatio } from './format.js';
import { isMeasured, type Measured, maxBy } from './measured.js';

/**
 * The verdict's parts about `hybrid` and about a stated floor: what hybrid bought against the best pure
 * strategy (concurrent or parallel) of the same workload, and how close the fastest cell came to the
 * workload's critical path. Empty when neither applies.
 */
export function hybridVerdictParts(benchmarks: Benchmark[]): string[] {
  const measured = benchmarks.filter(isMeasured);
  const parts: string[] = [];
  const hybrid = fastestOf(measured.filter((benchmark) => benchmark.strategy === 'hybrid'));
  const pure = fastestOf(measured.filter((benchmark) => benchmark.strategy === 'concurrent' || benchmark.strategy === 'parallel'));
  if (hybrid !== undefined && pure !== undefined) {
    const versus = pure.stats.median / hybrid.stats.median;
    const pureName = `${pure.strategy}${pure.strategy === 'parallel' ? ` on ${pure.threads}` : ''}`;
    parts.push(
      versus >= 1
        ? `hybrid ${formatRatio(hybrid.derived.speedup)} on ${hybrid.threads} threads, ${formatRatio(versus)} faster than the best pure strategy (${pureName})`
        : `hybrid ${formatRatio(hybrid.derived.speedup)} on ${hybrid.threads} threads, slower than ${pureName} (${formatRatio(1 / versus)})`,
    );
  }
  const floorMs = benchmarks[0]?.workload.criticalPathMs;
  const fastest = fastestOf(measured);
  if (floorMs !== undefined && floorMs > 0 && fastest !== undefined) {
    parts.push(
      `critical path ${formatMs(floorMs)}: the fastest (${fastest.strategy}, ${formatMs(fastest.stats.median)}) is ${formatRatio(fastest.stats.median / floorMs)} the floor`,
    );
  }
  return parts;
}

/** The cell with the lowest median, the first of equals. */
function fastestOf(benchmarks: Measured[]): Measured | undefined {
  return maxBy(benchmarks, (benchmark) => -benchmark.stats.median);
}
