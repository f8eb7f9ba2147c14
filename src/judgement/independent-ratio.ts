import { normalQuantile } from '../stats/normal.js';
import type { RatioInterval } from './judge.js';
import { VERDICT_CONFIDENCE } from './thresholds.js';

/**
 * a / b for two ratios measured independently (in different measuring processes, e.g. two libuv pool sizes), each
 * with its interval at `confidence`: on the log scale each half-width is z·SE, and independent SEs add in
 * quadrature. A normal approximation on the log scale, the scale on which ratio intervals are near symmetric.
 */
export function ratioOfIndependent(
  a: RatioInterval,
  b: RatioInterval,
  confidence: number = VERDICT_CONFIDENCE,
): RatioInterval {
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const se = (interval: RatioInterval): number => (Math.log(interval.high) - Math.log(interval.low)) / (2 * z);
  const centre = Math.log(a.estimate) - Math.log(b.estimate);
  const halfWidth = z * Math.hypot(se(a), se(b));
  return { estimate: a.estimate / b.estimate, low: Math.exp(centre - halfWidth), high: Math.exp(centre + halfWidth) };
}
