import { describe, expect, it } from 'vitest';
import { findKnee, type LoadPoint } from '../../src/serve/knee.js';

/**
 * A synthetic server of capacity `capacityPerS`: it delivers min(offered, capacity). Below capacity its p99 grows as
 * an M/M/1 queue's does, 4.6 / (μ − λ); at and past it the backlog grows over the whole window (plus the random
 * walk a queue at ρ = 1 takes, about 3 √(window / μ)).
 */
function curve(capacityPerS: number, rates: readonly number[], windowS = 2): LoadPoint[] {
  return rates.map((offeredPerS) => {
    const achievedPerS = Math.min(offeredPerS, capacityPerS);
    const p99Ms =
      offeredPerS < capacityPerS
        ? (4.6 / (capacityPerS - offeredPerS)) * 1000
        : 1000 * (windowS * (1 - capacityPerS / offeredPerS) + 3 * Math.sqrt(windowS / capacityPerS));
    return { offeredPerS, achievedPerS, p99Ms };
  });
}

describe('knee finder', () => {
  it('puts the knee below a saturating server capacity, and capacity at what it delivered', () => {
    const knee = findKnee(curve(100, [25, 50, 75, 100, 150, 200, 300]));
    expect(knee.saturated).toBe(true);
    expect(knee.capacityPerS).toBe(100);
    // p99 at 25/s is 61 ms; 75/s (184 ms) is within 3×, 100/s is saturated.
    expect(knee.kneePerS).toBe(75);
  });

  it('says a server never saturated when every point kept up, and capacity is then a floor', () => {
    const knee = findKnee(curve(10_000, [25, 50, 100, 200]));
    expect(knee).toEqual({ kneePerS: 200, capacityPerS: 200, saturated: false });
  });

  it('has no knee when even the lightest load is over capacity', () => {
    const knee = findKnee(curve(10, [25, 50, 100]));
    expect(knee.kneePerS).toBeNull();
    expect(knee.capacityPerS).toBe(10);
    expect(knee.saturated).toBe(true);
  });

  it('turns at a throughput shortfall even where latency stayed low (requests timed out and were dropped)', () => {
    const points: LoadPoint[] = [
      { offeredPerS: 50, achievedPerS: 50, p99Ms: 5 },
      { offeredPerS: 100, achievedPerS: 99, p99Ms: 6 },
      { offeredPerS: 200, achievedPerS: 120, p99Ms: 7 },
    ];
    expect(findKnee(points)).toEqual({ kneePerS: 100, capacityPerS: 120, saturated: true });
  });

  it('does not depend on the order the points come in', () => {
    const points = curve(100, [25, 50, 75, 100, 150]);
    expect(findKnee([...points].reverse())).toEqual(findKnee(points));
  });

  it('has nothing to say about an empty sweep', () => {
    expect(findKnee([])).toEqual({ kneePerS: null, capacityPerS: 0, saturated: false });
  });
});
