import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSurvival } from '../../src/stats/normal.js';
import { VECTORS } from '../vectors/vectors.js';

describe('standard normal, against scipy.stats.norm (test/vectors)', () => {
  it('CDF to 1e-13 relative, tails included', () => {
    for (const [x, expected] of VECTORS.normalCdf) {
      expect(Math.abs(normalCdf(x) - expected) / expected, `x = ${x}`).toBeLessThan(1e-13);
    }
  });

  it('quantile to 1e-12', () => {
    for (const [p, expected] of VECTORS.normalQuantile)
      expect(Math.abs(normalQuantile(p) - expected), `p = ${p}`).toBeLessThan(1e-12);
  });

  it('survival mirrors the CDF, and the quantile inverts it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
        const x = normalQuantile(p);
        expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-12);
        expect(Math.abs(normalSurvival(x) - (1 - p))).toBeLessThan(1e-12);
      }),
    );
  });

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });
});
