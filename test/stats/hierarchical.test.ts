import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/stats/bootstrap.js';
import { hierarchicalInterval, hierarchicalReplicates, medianInPlace } from '../../src/stats/hierarchical.js';
import { mean, median, quantileSorted } from '../../src/stats/summary.js';

/** Three "processes" whose centres differ (2 % apart), each with its own small spread. */
const GROUPS = [
  [100.2, 99.1, 101.4, 100.8, 99.6, 100.1, 100.9, 99.8],
  [102.3, 101.8, 103.1, 102.6, 101.5, 102.9, 102.2, 102.0],
  [98.4, 99.2, 97.9, 98.8, 98.1, 99.0, 98.6, 98.3],
];

/** The textbook two-stage bootstrap, written plainly and with its own generator: the reference. */
function naiveReplicates(
  groups: number[][],
  statistic: (values: number[]) => number,
  resamples: number,
  seed: number,
): number[] {
  const random = seededRandom(seed);
  const out: number[] = [];
  for (let r = 0; r < resamples; r += 1) {
    const drawn: number[] = [];
    for (let g = 0; g < groups.length; g += 1) {
      const group = groups[Math.floor(random() * groups.length)] ?? [];
      for (let v = 0; v < group.length; v += 1) drawn.push(group[Math.floor(random() * group.length)] ?? Number.NaN);
    }
    out.push(statistic(drawn));
  }
  return out.sort((a, b) => a - b);
}

function varianceOf(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, value) => sum + (value - m) ** 2, 0) / values.length;
}

describe('two-stage bootstrap', () => {
  it('matches the closed form of its variance for the mean (equal group sizes)', () => {
    // Var* = (1/P) [ (1/P) Σ (ȳi − ȳ)² + (1/P) Σ σ̂i² / m ], σ̂i² the plug-in variance of group i.
    const P = GROUPS.length;
    const m = GROUPS[0]?.length ?? 1;
    const groupMeans = GROUPS.map(mean);
    const grand = mean(groupMeans);
    const between = groupMeans.reduce((sum, value) => sum + (value - grand) ** 2, 0) / P;
    const within = GROUPS.reduce((sum, group) => sum + varianceOf(group) / m, 0) / P;
    const expected = (between + within) / P;
    const replicates = hierarchicalReplicates(GROUPS, mean, { resamples: 40_000, seed: 7 });
    // 40 000 replicates: the variance estimate's own error is about 1 %.
    expect(varianceOf(replicates) / expected).toBeGreaterThan(0.96);
    expect(varianceOf(replicates) / expected).toBeLessThan(1.04);
  });

  it('gives the interval a plain implementation gives, for the median', () => {
    const ours = hierarchicalInterval(GROUPS, medianInPlace, { resamples: 20_000, seed: 11 });
    const reference = naiveReplicates(GROUPS, median, 20_000, 12345);
    expect(ours.estimate).toBeCloseTo(median(GROUPS.flat()), 12);
    // Different random streams: the percentiles agree within Monte Carlo error (a fraction of the 2 % spread).
    expect(Math.abs(ours.low - quantileSorted(reference, 0.025))).toBeLessThan(0.25);
    expect(Math.abs(ours.high - quantileSorted(reference, 0.975))).toBeLessThan(0.25);
  });

  it('carries the spread between processes, which a pooled bootstrap hides', () => {
    // Six processes whose centres spread by about 1 %, each steady to 0.1 %: most of the uncertainty lies between them.
    const random = seededRandom(99);
    const centres = [99.2, 100.9, 100.1, 98.8, 101.3, 99.7];
    const groups = centres.map((centre) => Array.from({ length: 20 }, () => centre + (random() - 0.5) * 0.2));
    const hierarchical = hierarchicalInterval(groups, medianInPlace, { seed: 3 });
    const pooled = hierarchicalInterval([groups.flat()], medianInPlace, { seed: 3 });
    const width = (interval: { low: number; high: number }): number => interval.high - interval.low;
    expect(width(hierarchical)).toBeGreaterThan(2 * width(pooled));
  });

  it('is the same every time for the same data, and refuses no data', () => {
    expect(hierarchicalInterval(GROUPS, medianInPlace)).toEqual(hierarchicalInterval(GROUPS, medianInPlace));
    expect(() => hierarchicalInterval([[], []], medianInPlace)).toThrow(RangeError);
    // Empty groups (a process that measured nothing of this cell) are left out, not counted as zeros.
    expect(hierarchicalInterval([[], [5, 5, 5]], medianInPlace)).toEqual({ estimate: 5, low: 5, high: 5 });
  });
});
