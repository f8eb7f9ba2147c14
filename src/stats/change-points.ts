import { bestEnergySplit, DistancePrefix } from './energy-split.js';
import { type PooledTTest, pooledTTest } from './pooled-t-test.js';

/**
 * Change points of one series by the method of Hunter (Fleming et al. 2023, "Hunter: Using Change Point
 * Detection to Hunt for Performance Regressions"), as Apache Otava implements it:
 *
 * 1. Split: sliding windows of `windowLength` points, overlapping by half. In each, E-Divisive (energy-split.ts)
 *    proposes the strongest split; Student's t-test between the segments on either side decides whether it is
 *    real at a relaxed first-pass level; splitting repeats inside the segments until a proposal fails.
 * 2. Merge: the union of those "weak" change points is pruned bottom-up: the one with the largest p-value goes
 *    while it is not below `maxPValue` (or, once all are, the smallest change while not above `minMagnitude`),
 *    and every remaining point is re-tested against its new neighbours.
 *
 * A t-test instead of E-Divisive's permutation test makes the result deterministic with no seed and gives
 * small p-values from a handful of points: a permutation test's p-value cannot fall below 1/(permutations + 1).
 * Two deliberate differences from Otava 0.7: sample standard deviations (n − 1) in the t-test, where Otava
 * passes population ones to scipy; and after each merge removal every point is re-tested, where Otava re-tests
 * the two after the removed one. Pure math, no I/O.
 */

export interface ChangePointOptions {
  /** Points per sliding window of the split step (Otava's default: 50). */
  windowLength: number;
  /** Largest p-value a change point may keep (Otava's default: 0.001). */
  maxPValue: number;
  /** Smallest relative change kept once every p-value passes, as a fraction (Otava's default: 0). */
  minMagnitude: number;
}

export const DEFAULT_CHANGE_POINT_OPTIONS: Readonly<ChangePointOptions> = {
  windowLength: 50,
  maxPValue: 0.001,
  minMagnitude: 0,
};

export interface ChangePoint extends PooledTTest {
  /** Index of the first point after the change. */
  index: number;
  /** E-Divisive's divergence when the point was proposed. */
  qhat: number;
  /** meanAfter / meanBefore, over the segments between this change point and its neighbours. */
  ratio: number;
  /** max(|after/before − 1|, |before/after − 1|): the change's size whichever way it goes. */
  magnitude: number;
}

interface Candidate {
  index: number;
  qhat: number;
}

export function detectChangePoints(
  series: readonly number[],
  options: ChangePointOptions = DEFAULT_CHANGE_POINT_OPTIONS,
): ChangePoint[] {
  if (!series.every(Number.isFinite)) throw new RangeError('detectChangePoints: every value must be finite');
  if (!Number.isInteger(options.windowLength) || options.windowLength < 2)
    throw new RangeError('detectChangePoints: windowLength must be an integer >= 2');
  if (!(options.maxPValue > 0 && options.maxPValue < 1))
    throw new RangeError('detectChangePoints: maxPValue must be in (0, 1)');
  const prefix = new DistancePrefix(series);
  const weak = split(series, prefix, options.windowLength, firstPassPValue(options.maxPValue));
  return merge(weak, series, options.maxPValue, options.minMagnitude);
}

/** The relaxed level of the split step, as Otava sets it: 10× below 0.05, 2× below 0.5. */
export function firstPassPValue(maxPValue: number): number {
  if (maxPValue < 0.05) return maxPValue * 10;
  return maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
}

function split(series: readonly number[], prefix: DistancePrefix, windowLength: number, pValue: number): Candidate[] {
  const step = Math.floor(windowLength / 2);
  const found = new Map<number, Candidate>();
  let start = 0;
  while (start < series.length) {
    const end = Math.min(start + windowLength, series.length);
    const local = divide(series, prefix, start, end, pValue);
    start = Math.max(local.at(-1)?.index ?? 0, start + step);
    for (const candidate of local) if (!found.has(candidate.index)) found.set(candidate.index, candidate);
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/**
 * E-Divisive's hierarchical splitting of series[start, end): the strongest split of any segment is tested
 * between the two segments it would leave; it stays if significant, and the search stops at the first that is not.
 */
function divide(
  series: readonly number[],
  prefix: DistancePrefix,
  start: number,
  end: number,
  pValue: number,
): Candidate[] {
  const points: Candidate[] = [];
  const memo = new Map<string, Candidate | undefined>();
  for (;;) {
    const bounds = [start, ...points.map((point) => point.index), end];
    let best: { candidate: Candidate; from: number; to: number } | undefined;
    for (let segment = 0; segment + 1 < bounds.length; segment += 1) {
      const from = bounds[segment] ?? start;
      const to = bounds[segment + 1] ?? end;
      const key = `${from}:${to}`;
      if (!memo.has(key)) memo.set(key, bestEnergySplit(prefix, from, to));
      const candidate = memo.get(key);
      if (candidate !== undefined && (best === undefined || candidate.qhat > best.candidate.qhat))
        best = { candidate, from, to };
    }
    if (best === undefined) break;
    const test = pooledTTest(
      series.slice(best.from, best.candidate.index),
      series.slice(best.candidate.index, best.to),
    );
    if (test.pValue > pValue) break;
    points.push(best.candidate);
    points.sort((a, b) => a.index - b.index);
  }
  return points;
}

function merge(
  weak: readonly Candidate[],
  series: readonly number[],
  maxPValue: number,
  minMagnitude: number,
): ChangePoint[] {
  let points = [...weak];
  for (;;) {
    const tested = testBetweenNeighbours(points, series);
    if (tested.length === 0) return tested;
    let weakest = tested.reduce((worst, point) => (point.pValue > worst.pValue ? point : worst));
    if (weakest.pValue < maxPValue) {
      weakest = tested.reduce((smallest, point) => (point.magnitude < smallest.magnitude ? point : smallest));
      if (weakest.magnitude > minMagnitude) return tested;
    }
    points = points.filter((point) => point.index !== weakest.index);
  }
}

/** Each point tested between the segments that reach to its neighbours (or the ends of the series). */
function testBetweenNeighbours(points: readonly Candidate[], series: readonly number[]): ChangePoint[] {
  return points.map((point, position) => {
    const from = points[position - 1]?.index ?? 0;
    const to = points[position + 1]?.index ?? series.length;
    const test = pooledTTest(series.slice(from, point.index), series.slice(point.index, to));
    return { ...point, ...test, ...sizeOf(test.meanBefore, test.meanAfter) };
  });
}

/** Otava's magnitude: a zero mean makes its ratio 0 rather than infinite. */
function sizeOf(before: number, after: number): { ratio: number; magnitude: number } {
  const forward = before === 0 ? 0 : after / before - 1;
  const backward = after === 0 ? 0 : before / after - 1;
  return { ratio: before === 0 ? 1 : after / before, magnitude: Math.max(Math.abs(forward), Math.abs(backward)) };
}
