import { seededRandom } from './bootstrap.js';
import { quantileSorted } from './summary.js';

/**
 * The two-stage (hierarchical) bootstrap for values that come in groups: here, samples taken by several
 * measuring processes. Each replicate draws the groups with replacement, then, within each drawn group, its
 * values with replacement, and computes the statistic of everything drawn. Drawing groups first is what lets
 * the spread *between* processes (JIT and GC state, memory layout, the machine's mood) into the interval; a
 * plain bootstrap of the pooled values would pass one process's steadiness off as the run's.
 */

export interface BootstrapOptions {
  resamples?: number;
  confidence?: number;
  seed?: number;
}

export interface Interval {
  /** The statistic of all values as measured. */
  estimate: number;
  low: number;
  high: number;
}

export const DEFAULT_RESAMPLES = 2000;
const DEFAULT_SEED = 0x5eed;

/** Every replicate of `statistic`, sorted ascending. Empty groups are ignored; no values at all is an error. */
export function hierarchicalReplicates(
  groups: ReadonlyArray<readonly number[]>,
  statistic: (values: number[]) => number,
  options: BootstrapOptions = {},
): number[] {
  const filled = groups.filter((group) => group.length > 0);
  if (filled.length === 0) throw new RangeError('hierarchical bootstrap of no values');
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const total = filled.reduce((count, group) => count + group.length, 0);
  const drawn = new Array<number>(total);
  const replicates = new Array<number>(options.resamples ?? DEFAULT_RESAMPLES);
  for (let replicate = 0; replicate < replicates.length; replicate += 1) {
    drawn.length = 0;
    for (let pick = 0; pick < filled.length; pick += 1) {
      const group = filled[Math.floor(random() * filled.length)] as readonly number[];
      for (let value = 0; value < group.length; value += 1)
        drawn.push(group[Math.floor(random() * group.length)] as number);
    }
    replicates[replicate] = statistic(drawn);
  }
  return replicates.sort((a, b) => a - b);
}

/** Percentile interval of `statistic` from the two-stage bootstrap, with the statistic of the data itself. */
export function hierarchicalInterval(
  groups: ReadonlyArray<readonly number[]>,
  statistic: (values: number[]) => number,
  options: BootstrapOptions = {},
): Interval {
  const replicates = hierarchicalReplicates(groups, statistic, options);
  const tail = (1 - (options.confidence ?? 0.95)) / 2;
  return {
    estimate: statistic(groups.flat()),
    low: quantileSorted(replicates, tail),
    high: quantileSorted(replicates, 1 - tail),
  };
}

/** Median (R type 7, as summary.ts) that may reorder `values`: the bootstrap calls it thousands of times. */
export function medianInPlace(values: number[]): number {
  values.sort((a, b) => a - b);
  return quantileSorted(values, 0.5);
}
