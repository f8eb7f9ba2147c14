import { describe, expect, it } from 'vitest';
import { mean, variance } from '../../src/stats/summary.js';
import { welchLogRatio, welchTTest } from '../../src/stats/welch.js';

// The two worked examples of the Wikipedia article "Welch's t-test" (published: t, ν and p to 2–3 digits);
// the exact figures in the second column are scipy.stats.ttest_ind(a, b, equal_var=False), SciPy 1.17.
const A1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
const A2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];
const B1 = [17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8];
const B2 = [
  21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5, 22.5, 23.6, 21.5, 22.5, 23.5, 21.5,
  21.8,
];

describe('welchTTest', () => {
  it('reproduces the published example with equal sizes (t = -2.46, ν = 25.0, p = 0.021)', () => {
    // welchTTest(x, y) measures mean(y) - mean(x), so (A2, A1) is SciPy's ttest_ind(A1, A2).
    const result = welchTTest(A2, A1);
    expect(result.t).toBeCloseTo(-2.455356398286006, 9);
    expect(result.df).toBeCloseTo(24.988529290231416, 9);
    expect(result.pValue).toBeCloseTo(0.021378001462866992, 9);
  });

  it('reproduces the published example with unequal sizes and variances (t = -1.57, ν = 9.9, p = 0.149)', () => {
    const result = welchTTest(B2, B1);
    expect(result.t).toBeCloseTo(-1.5654335235985037, 9);
    expect(result.df).toBeCloseTo(9.904741248650831, 9);
    expect(result.pValue).toBeCloseTo(0.14884169660532817, 9);
  });

  it('agrees with the textbook formula computed naively, and is symmetric under swapping the samples', () => {
    const a = [3.1, 2.9, 3.4, 3.3, 3.0, 2.8];
    const b = [3.6, 3.9, 3.3, 4.1];
    const se = Math.sqrt(variance(a) / a.length + variance(b) / b.length);
    const forward = welchTTest(a, b);
    const backward = welchTTest(b, a);
    expect(forward.t).toBeCloseTo((mean(b) - mean(a)) / se, 12);
    expect(backward.t).toBeCloseTo(-forward.t, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 12);
    expect(forward.low).toBeLessThan(forward.meanDifference);
    expect(forward.high).toBeGreaterThan(forward.meanDifference);
  });

  it('gives p = 1 for identical samples and p = 0 for two different constants', () => {
    expect(welchTTest([5, 6, 7], [5, 6, 7]).pValue).toBeCloseTo(1, 12);
    expect(welchTTest([5, 5, 5], [5, 5, 5]).pValue).toBe(1);
    expect(welchTTest([5, 5, 5], [6, 6, 6]).pValue).toBe(0);
  });

  it('refuses samples too small to have a variance', () => {
    expect(() => welchTTest([1], [1, 2])).toThrow(RangeError);
  });
});

describe('welchLogRatio', () => {
  it('matches SciPy on log times and maps the interval back to a ratio of geometric means', () => {
    const base = [10.2, 10.5, 9.9, 10.1, 10.4];
    const head = [11.0, 11.3, 10.9, 11.5, 11.2];
    const result = welchLogRatio(base, head);
    // scipy: ttest_ind(log(base), log(head), equal_var=False): t = -6.342552313456674, df = 7.932383322366957,
    // p = 0.00023051738679915324, 95 % CI of log(base) - log(head) = (-0.12252023782287398, -0.05711281691041674).
    expect(result.t).toBeCloseTo(6.342552313456674, 9);
    expect(result.df).toBeCloseTo(7.932383322366957, 9);
    expect(result.pValue).toBeCloseTo(0.00023051738679915324, 9);
    expect(Math.log(result.ratioLow)).toBeCloseTo(0.05711281691041674, 9);
    expect(Math.log(result.ratioHigh)).toBeCloseTo(0.12252023782287398, 9);
  });

  it('sees a planted ×1.10 exactly as a ratio of 1.10, whatever the spread', () => {
    const base = [20.1, 19.7, 22.4, 20.9, 21.3, 19.9];
    const result = welchLogRatio(
      base,
      base.map((value) => value * 1.1),
    );
    expect(result.geometricRatio).toBeCloseTo(1.1, 12);
    expect(result.ratioLow).toBeLessThan(1.1);
    expect(result.ratioHigh).toBeGreaterThan(1.1);
  });

  it('refuses non-positive times, which have no logarithm', () => {
    expect(() => welchLogRatio([0, 1, 2], [1, 2, 3])).toThrow(RangeError);
  });
});
