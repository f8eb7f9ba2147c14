import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/stats/multiple-testing.js';
import { VECTORS } from '../vectors/vectors.js';

describe('Benjamini–Hochberg, against scipy.stats.false_discovery_control (test/vectors)', () => {
  it("gives scipy's adjusted p-values in input order, and the discoveries of the step-up rule", () => {
    for (const set of VECTORS.benjaminiHochberg) {
      const result = benjaminiHochberg(set.p, set.q);
      result.adjusted.forEach((value, index) =>
        expect(value, `${set.p.join(',')} [${index}]`).toBeCloseTo(set.adjusted[index] ?? Number.NaN, 14),
      );
      expect(result.discoveries, set.p.join(',')).toBe(set.discoveries);
    }
  });

  it("steps up: a p-value above its own rank's line is still a discovery when a later rank passes", () => {
    // Ranks: 0.01 ≤ 1·0.05/3? yes; 0.04 ≤ 2·0.05/3 = 0.033? no; 0.045 ≤ 0.05? yes: all three are discoveries.
    expect(benjaminiHochberg([0.045, 0.01, 0.04], 0.05).discoveries).toBe(3);
    expect(benjaminiHochberg([], 0.05)).toEqual({ adjusted: [], discoveries: 0 });
    expect(() => benjaminiHochberg([1.2], 0.05)).toThrow(RangeError);
  });
});
