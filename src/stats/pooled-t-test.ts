import { studentTCdf } from './student-t.js';

/**
 * Student's two-sample t-test with pooled variance (equal variances assumed), two-sided: the significance test
 * of Hunter (Fleming et al. 2023) for a change point between the segments on either side of it. Unlike
 * Welch's test it accepts a side of one point (the other side then carries the variance), which a change point
 * at the newest file needs.
 */
export interface PooledTTest {
  meanBefore: number;
  meanAfter: number;
  /** Sample standard deviations (n − 1), 0 for a side of one point. */
  sdBefore: number;
  sdAfter: number;
  t: number;
  df: number;
  /** Two-sided p-value; 1 when there are too few points to judge (df < 1). */
  pValue: number;
}

export function pooledTTest(before: readonly number[], after: readonly number[]): PooledTTest {
  if (before.length === 0 || after.length === 0)
    throw new RangeError('pooledTTest: each side needs at least one value');
  const [meanBefore, squaresBefore] = meanAndSquares(before);
  const [meanAfter, squaresAfter] = meanAndSquares(after);
  const sdBefore = before.length > 1 ? Math.sqrt(squaresBefore / (before.length - 1)) : 0;
  const sdAfter = after.length > 1 ? Math.sqrt(squaresAfter / (after.length - 1)) : 0;
  const df = before.length + after.length - 2;
  const base = { meanBefore, meanAfter, sdBefore, sdAfter, df };
  // Two points alone, one each side, say nothing about the noise: no test (Otava's rule too).
  if (df < 1) return { ...base, t: 0, pValue: 1 };
  const difference = meanAfter - meanBefore;
  const standardError = Math.sqrt(((squaresBefore + squaresAfter) / df) * (1 / before.length + 1 / after.length));
  if (standardError === 0) {
    // No noise at all on either side: the difference is exact, so it is either certainly real or certainly absent.
    return { ...base, t: difference === 0 ? 0 : Math.sign(difference) * Infinity, pValue: difference === 0 ? 1 : 0 };
  }
  const t = difference / standardError;
  return { ...base, t, pValue: Math.min(1, 2 * studentTCdf(-Math.abs(t), df)) };
}

/** Mean and sum of squared deviations, in two passes (no cancellation for values far from zero). */
function meanAndSquares(values: readonly number[]): [number, number] {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return [mean, values.reduce((sum, value) => sum + (value - mean) ** 2, 0)];
}
