import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, quantileSorted, summarize } from '../../src/stats/summary.js';

/** A deliberately naive reference: the textbook formulas, written out without sharing any code. */
function naiveSummary(values: number[]) {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.map((v) => (v - mean) ** 2).reduce((a, b) => a + b, 0) / (n - 1));
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { n, mean, sd, median, min: sorted[0]!, max: sorted[n - 1]! };
}

describe('summarize', () => {
  it('matches hand-computed figures for a small vector', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample variance 32/7.
    const summary = summarize([9, 4, 2, 4, 5, 4, 7, 5]);
    expect(summary.n).toBe(8);
    expect(summary.mean).toBe(5);
    expect(summary.median).toBe(4.5);
    expect(summary.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(summary.min).toBe(2);
    expect(summary.max).toBe(9);
    // R: quantile(c(2,4,4,4,5,5,7,9), 0.75) = 5.5; 0.99 = 8.86
    expect(summary.p75).toBeCloseTo(5.5, 12);
    expect(summary.p99).toBeCloseTo(8.86, 12);
  });

  it('agrees with the naive reference on random vectors', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial += 1) {
      const values = Array.from({ length: 2 + Math.floor(random() * 40) }, () => random() * 100);
      const expected = naiveSummary(values);
      const actual = summarize(values);
      expect(actual.n).toBe(expected.n);
      expect(actual.mean).toBeCloseTo(expected.mean, 9);
      expect(actual.sd).toBeCloseTo(expected.sd, 9);
      expect(actual.median).toBeCloseTo(expected.median, 9);
      expect(actual.min).toBe(expected.min);
      expect(actual.max).toBe(expected.max);
      expect(actual.p75).toBeGreaterThanOrEqual(actual.median);
      expect(actual.p99).toBeLessThanOrEqual(actual.max);
    }
  });

  it('gives zero spread, not NaN, for a single sample', () => {
    const summary = summarize([3]);
    expect(summary).toMatchObject({ n: 1, mean: 3, median: 3, sd: 0 });
  });

  it('refuses an empty sample', () => {
    expect(() => summarize([])).toThrow(RangeError);
  });

  it('interpolates quantiles like R type 7', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([10], 0.99)).toBe(10);
  });

  it('computes the coefficient of variation', () => {
    expect(coefficientOfVariation({ mean: 10, sd: 1.5 })).toBeCloseTo(0.15, 12);
    expect(coefficientOfVariation({ mean: 0, sd: 1 })).toBe(0);
  });
});
