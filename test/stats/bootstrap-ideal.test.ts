import { describe, expect, it } from 'vitest';
import { bootstrapMedianRatio, seededRandom } from '../../src/stats/bootstrap.js';

describe('bootstrapMedianRatio', () => {
  const slow = [100, 102, 98, 101, 99, 103, 97, 100];
  const fast = [50, 51, 49, 50.5, 49.5, 52, 48, 50];

  it('gives the ratio of medians with an interval around it', () => {
    const interval = bootstrapMedianRatio(slow, fast);
    expect(interval.ratio).toBeCloseTo(100 / 50, 12);
    expect(interval.low).toBeLessThanOrEqual(interval.ratio);
    expect(interval.high).toBeGreaterThanOrEqual(interval.ratio);
    expect(interval.low).toBeGreaterThan(1.8);
    expect(interval.high).toBeLessThan(2.2);
  });

  it('is deterministic for the same data and seed', () => {
    expect(bootstrapMedianRatio(slow, fast)).toEqual(bootstrapMedianRatio(slow, fast));
  });

  it('widens with noisier data', () => {
    const noisy = [40, 60, 45, 55, 35, 65, 50, 50];
    const tight = bootstrapMedianRatio(slow, fast);
    const wide = bootstrapMedianRatio(slow, noisy);
    expect(wide.high - wide.low).toBeGreaterThan(tight.high - tight.low);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
