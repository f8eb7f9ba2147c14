import { mean, variance } from './summary.js';
import { studentTCdf, tCritical } from './student-t.js';

/**
 * Welch's unequal-variances t-test (Welch 1947): the two samples need not share a variance or a size, which
 * two benchmark runs on a shared machine rarely do. Pure math; the caller decides what to feed it (compare
 * feeds log times, see welchLogRatio).
 */
export interface WelchResult {
  /** mean(b) - mean(a) */
  meanDifference: number;
  /** Standard error of that difference. */
  standardError: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  pValue: number;
  /** (1 - alpha) confidence interval of meanDifference. */
  low: number;
  high: number;
}

export function welchTTest(a: readonly number[], b: readonly number[], alpha = 0.05): WelchResult {
  if (a.length < 2 || b.length < 2)
    throw new RangeError(`welchTTest: each sample needs at least 2 values (got ${a.length} and ${b.length})`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`welchTTest: alpha must be in (0, 1), got ${alpha}`);
  const perA = variance(a) / a.length;
  const perB = variance(b) / b.length;
  const meanDifference = mean(b) - mean(a);
  const standardError = Math.sqrt(perA + perB);
  if (standardError === 0) {
    // Both samples constant: the difference is exact, so it is either certainly real or certainly absent.
    const pValue = meanDifference === 0 ? 1 : 0;
    return {
      meanDifference,
      standardError,
      t: meanDifference === 0 ? 0 : Math.sign(meanDifference) * Infinity,
      df: a.length + b.length - 2,
      pValue,
      low: meanDifference,
      high: meanDifference,
    };
  }
  const df = (perA + perB) ** 2 / (perA ** 2 / (a.length - 1) + perB ** 2 / (b.length - 1));
  const t = meanDifference / standardError;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  const margin = tCritical(df, alpha) * standardError;
  return { meanDifference, standardError, t, df, pValue, low: meanDifference - margin, high: meanDifference + margin };
}

export interface LogRatioResult extends WelchResult {
  /** Ratio of geometric means, head / base, with its (1 - alpha) interval. */
  geometricRatio: number;
  ratioLow: number;
  ratioHigh: number;
}

/**
 * Welch's test on log times. A slowdown multiplies times (a 10 % slower build is ×1.10 at every size), so on
 * the log scale it is a shift, and the right tail that timing samples carry is pulled in. The interval maps
 * back to a ratio of geometric means, head / base. Every time must be positive.
 */
export function welchLogRatio(base: readonly number[], head: readonly number[], alpha = 0.05): LogRatioResult {
  if (![...base, ...head].every((value) => value > 0 && Number.isFinite(value))) {
    throw new RangeError('welchLogRatio: times must be positive and finite');
  }
  const result = welchTTest(base.map(Math.log), head.map(Math.log), alpha);
  return {
    ...result,
    geometricRatio: Math.exp(result.meanDifference),
    ratioLow: Math.exp(result.low),
    ratioHigh: Math.exp(result.high),
  };
}
