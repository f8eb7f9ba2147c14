import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AMDAHL_MIN_THREAD_COUNTS, amdahlScaling, fitAmdahl } from '../../src/stats/amdahl.js';
import { seededRandom } from '../../src/stats/bootstrap.js';
import type { ScalingPoint } from '../../src/stats/scaling-points.js';

function curve(serialFraction: number, threads: readonly number[], noise = 0, seed = 1): ScalingPoint[] {
  const random = seededRandom(seed);
  return threads.map((n) => ({
    threads: n,
    // The 1-thread point is the reference, exactly 1 by definition; the others carry multiplicative noise.
    scaling: n === 1 ? 1 : amdahlScaling(serialFraction, n) * (1 + noise * (2 * random() - 1)),
  }));
}

describe('amdahlScaling', () => {
  it('follows the law at its fixed points', () => {
    expect(amdahlScaling(0, 8)).toBeCloseTo(8, 12);
    expect(amdahlScaling(1, 8)).toBeCloseTo(1, 12);
    expect(amdahlScaling(0.5, 2)).toBeCloseTo(1 / (0.5 + 0.25), 12);
    expect(amdahlScaling(0.1, 1)).toBeCloseTo(1, 12);
  });
});

describe('fitAmdahl', () => {
  it('recovers the serial fraction of an exact curve', () => {
    for (const serialFraction of [0, 0.01, 0.05, 0.2, 0.6]) {
      const fit = fitAmdahl(curve(serialFraction, [1, 2, 4, 8, 16]));
      expect(fit.status).toBe('ok');
      if (fit.status !== 'ok') continue;
      expect(fit.serialFraction).toBeCloseTo(serialFraction, 9);
      expect(fit.rSquared).toBeGreaterThan(0.999999);
      expect(fit.maxScaling).toEqual(serialFraction === 0 ? null : expect.closeTo(1 / serialFraction, 6));
    }
  });

  it('recovers any serial fraction within 0.02 from points with ±3 % noise', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (serialFraction, seed) => {
          const fit = fitAmdahl(curve(serialFraction, [1, 2, 3, 4, 6, 8, 12, 16], 0.03, seed));
          if (fit.status !== 'ok') return false;
          return Math.abs(fit.serialFraction - serialFraction) < 0.02;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the fraction within 0..1 for super-linear and retrograde data', () => {
    const superLinear = fitAmdahl([
      { threads: 1, scaling: 1 },
      { threads: 2, scaling: 2.2 },
      { threads: 4, scaling: 4.5 },
    ]);
    expect(superLinear).toMatchObject({ status: 'ok', serialFraction: 0, maxScaling: null });
    const retrograde = fitAmdahl([
      { threads: 1, scaling: 1 },
      { threads: 2, scaling: 0.7 },
      { threads: 4, scaling: 0.5 },
    ]);
    expect(retrograde).toMatchObject({ status: 'ok', serialFraction: 1, maxScaling: 1 });
  });

  it('says why instead of fitting too few points', () => {
    const two = fitAmdahl(curve(0.1, [1, 2]));
    expect(two.status).toBe('insufficient');
    if (two.status === 'insufficient')
      expect(two.reason).toContain(`at least ${AMDAHL_MIN_THREAD_COUNTS} thread counts`);
    // Repeating a thread count adds no information about the curve's shape.
    expect(fitAmdahl([...curve(0.1, [1, 2]), ...curve(0.1, [2], 0.01, 7)]).status).toBe('insufficient');
    expect(fitAmdahl(curve(0.1, [1, 2, 4])).status).toBe('ok');
  });

  it('needs the 1-thread reference and refuses non-finite figures', () => {
    const noReference = fitAmdahl(curve(0.1, [2, 4, 8]));
    expect(noReference).toEqual({ status: 'insufficient', reason: 'Amdahl: no 1-thread point to scale from' });
    const broken = fitAmdahl([
      { threads: 1, scaling: 1 },
      { threads: 2, scaling: Number.NaN },
      { threads: 4, scaling: 3 },
    ]);
    expect(broken.status).toBe('insufficient');
  });
});
