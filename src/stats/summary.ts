export interface Summary {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (n - 1 denominator). */
  sd: number;
  min: number;
  max: number;
  p75: number;
  p99: number;
}

/** Linear-interpolation quantile of sorted data (R's type 7, the default of R and NumPy). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no data');
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

/** Sample variance (n - 1); 0 for fewer than two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let sumSquares = 0;
  for (const value of values) sumSquares += (value - m) ** 2;
  return sumSquares / (values.length - 1);
}

/**
 * Descriptive statistics of a non-empty sample. With one value, spread figures are 0. No interval here: a cell's
 * interval is of its median, across measuring processes (stats/hierarchical.ts).
 */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const m = mean(sorted);
  const sd = Math.sqrt(variance(sorted));
  return {
    n,
    mean: m,
    median: quantileSorted(sorted, 0.5),
    sd,
    min: sorted[0] as number,
    max: sorted[n - 1] as number,
    p75: quantileSorted(sorted, 0.75),
    p99: quantileSorted(sorted, 0.99),
  };
}

/** Coefficient of variation (sd / mean); 0 for a zero mean. */
export function coefficientOfVariation(summary: Pick<Summary, 'mean' | 'sd'>): number {
  return summary.mean === 0 ? 0 : summary.sd / summary.mean;
}
