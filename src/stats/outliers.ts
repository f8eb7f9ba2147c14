import { quantileSorted } from './summary.js';

/**
 * Tukey's fences, as hyperfine and criterion report them: a value beyond 1.5 × IQR outside the quartiles is an
 * outlier, beyond 3 × IQR a severe one. Outliers are counted and shown, never dropped: a slow sample on a
 * busy machine is a fact about the run.
 */
export interface OutlierCounts {
  /** Below the lower fence (Q1 − 1.5 × IQR). */
  low: number;
  /** Above the upper fence (Q3 + 1.5 × IQR). */
  high: number;
  /** Beyond 3 × IQR on either side (counted in low/high too). */
  severe: number;
}

export function tukeyOutliers(values: readonly number[]): OutlierCounts {
  const counts: OutlierCounts = { low: 0, high: 0, severe: 0 };
  if (values.length < 4) return counts;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  for (const value of sorted) {
    if (value < q1 - 1.5 * iqr) counts.low += 1;
    else if (value > q3 + 1.5 * iqr) counts.high += 1;
    if (value < q1 - 3 * iqr || value > q3 + 3 * iqr) counts.severe += 1;
  }
  return counts;
}
