import { describe, expect, it } from 'vitest';
import { roundsPerProcess } from '../../src/runner/allocation.js';
import { varianceComponents } from '../../src/stats/variance-components.js';

describe('variance within and between processes', () => {
  it('matches the method of moments computed with numpy', () => {
    // numpy: within = Σ Σ (x − x̄ᵢ)² / Σ (nᵢ − 1); between = var(x̄ᵢ, ddof=1) − within · mean(1 / nᵢ).
    const components = varianceComponents([
      [1.0, 1.2, 0.9, 1.1],
      [2.0, 2.2, 1.8],
      [1.5, 1.4, 1.6, 1.5, 1.5],
    ]);
    expect(components?.within).toBeCloseTo(0.016666666666666677, 12);
    expect(components?.between).toBeCloseTo(0.22148148148148145, 12);
  });

  it('floors between at 0 when the groups agree, and needs two groups', () => {
    expect(
      varianceComponents([
        [1, 2, 3],
        [1, 2, 3],
      ])?.between,
    ).toBe(0);
    expect(varianceComponents([[1, 2, 3]])).toBeUndefined();
  });
});

describe('rounds per process', () => {
  const bounds = { min: 2, max: 40 };
  it('takes many short processes when processes differ, few long ones when they agree', () => {
    // m* = √(within · c / (between · r)): 1 · 800 / (0.5 · 200) → √8 ≈ 2.8 → 3.
    expect(roundsPerProcess({ within: 1, between: 0.5 }, 800, 200, bounds)).toBe(3);
    expect(roundsPerProcess({ within: 1, between: 0.001 }, 800, 200, bounds)).toBe(40);
    expect(roundsPerProcess({ within: 1, between: 0 }, 800, 200, bounds)).toBe(40);
    expect(roundsPerProcess({ within: 0.01, between: 5 }, 800, 200, bounds)).toBe(2);
  });

  it('costlier start-ups buy longer processes', () => {
    const cheap = roundsPerProcess({ within: 1, between: 0.1 }, 100, 200, bounds);
    const dear = roundsPerProcess({ within: 1, between: 0.1 }, 3200, 200, bounds);
    expect(dear).toBeGreaterThan(cheap);
  });
});
