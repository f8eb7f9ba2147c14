import { median, quantileSorted } from './summary.js';
import { WIDE_SPREAD_REL } from './wide-spread.js';

/**
 * Is a series of warm-up batch times steady, and did a cell's timed samples still drift? Pure functions on
 * milliseconds in the order they were taken; no clock, no I/O.
 *
 * The test is robust on purpose. A warm-up series on a shared VM has GC spikes and scheduler stalls: a mean or a
 * least-squares slope follows one spike, a median and a Theil–Sen slope (the median of all pairwise slopes) do not.
 * A window getting slower counts as a trend only when the change is both larger than `trendTolerance` and larger
 * than what the window's own noise could draw by chance (two standard errors of a slope over that many points), so
 * a flat but noisy series is steady at once. The noise excuses such a trend up to TREND_NOISE_CAP times the
 * tolerance, no more: over a window of 5 a spread of 8 % would excuse a 20 % change. A window getting faster is
 * warm-up not yet done, and noise never excuses it beyond the tolerance. With the allowance both ways, markdown-it's
 * 2-thread `raw` cell was called steady in 3 of 10 processes of one run while still 6–8 % faster across the window,
 * and the 2-thread cells' first timed samples read 1.06–1.24× the rest.
 */

export interface SteadyOptions {
  /** How many of the most recent batches the test looks at (≥ 4). */
  window: number;
  /**
   * The cell's noise, as a relative spread (robust sd / median): the window's spread must not exceed it. Pass the
   * cell's measured figure when one is known (an earlier process); 0.10 is the design's "wide spread" threshold.
   */
  noiseRel: number;
  /** A change across the window smaller than this share of the median is no trend, whatever the noise (0.05). */
  trendTolerance: number;
}

export interface SteadyVerdict {
  steady: boolean;
  /** One line saying why, for logs and the result file. */
  reason: string;
  /** Batches the test looked at (fewer than `window` means too few yet). */
  batches: number;
  /** Theil–Sen change across the window, relative to its median: −0.2 means 20 % faster by the end. */
  trendRel: number;
  /** What noise alone could draw as a change across the window (two standard errors), relative. */
  trendNoiseRel: number;
  /**
   * Robust spread of the window around its trend line, relative to its median: 1.4826 × MAD of the residuals
   * (the sd of normal data, untouched by a few spikes).
   */
  spreadRel: number;
  /** Median of the window's first half over its second half's: 1.3 means the first half was 30 % slower. */
  halvesRatio: number;
}

/** The most the window's noise can widen the trend tolerance, as a multiple of it. */
const TREND_NOISE_CAP = 2;

/** Scales a median absolute deviation to the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;

export function steadyState(batchMs: readonly number[], options: SteadyOptions): SteadyVerdict {
  assertOptions(options);
  const window = batchMs.slice(-options.window);
  const n = window.length;
  const center = n > 0 ? median(window) : 0;
  const slope = theilSenSlope(window);
  // The spread is the residuals' around the trend line: a clean decline is a trend, not noise.
  const residuals = window.map((value, index) => value - slope * index);
  const spreadRel = n > 0 && center > 0 ? (MAD_TO_SD * medianAbsoluteDeviation(residuals)) / center : 0;
  const trendRel = n >= 2 && center > 0 ? (slope * (n - 1)) / center : 0;
  const trendNoiseRel = n >= 2 ? 2 * spreadRel * slopeStandardErrorFactor(n) : 0;
  const halvesRatio = halvesMedianRatio(window);
  const figures = { batches: n, trendRel, trendNoiseRel, spreadRel, halvesRatio };
  if (n < options.window) return { steady: false, reason: `${n} of ${options.window} batches so far`, ...figures };
  const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;
  if (spreadRel > options.noiseRel)
    return { steady: false, reason: `spread ${pct(spreadRel)} over the noise ${pct(options.noiseRel)}`, ...figures };
  // Noise excuses a trend only one way: a window still getting faster is warm-up not yet done, so it must be within
  // the tolerance itself; a window getting slower (a heap growing, a GC settling in) may hide in the window's noise.
  const allowedRel =
    trendRel < 0
      ? options.trendTolerance
      : Math.max(options.trendTolerance, Math.min(trendNoiseRel, TREND_NOISE_CAP * options.trendTolerance));
  if (Math.abs(trendRel) > allowedRel)
    return {
      steady: false,
      reason: `trend ${pct(trendRel)} across the last ${n} batches (allowed ±${pct(allowedRel)})`,
      ...figures,
    };
  return { steady: true, reason: `steady: trend ${pct(trendRel)}, spread ${pct(spreadRel)}`, ...figures };
}

export interface DriftOptions {
  /** How many of the first samples stand for "the start" (1: the first sample alone, as the target). */
  firstCount?: number;
  /** A ratio up to 1 + this is no drift, however clean the rest (0.10: the issue's ≤ 1.10 target). */
  tolerance?: number;
}

export interface SamplesDrift {
  /** Median of the first samples over the median of the rest; 1 when there is no rest to compare with. */
  ratio: number;
  /** The first samples were slower than the rest beyond noise: the cell is "not steady". */
  beyondNoise: boolean;
  reason: string;
}

/** Fewer samples than this after the first ones give no quartiles worth a fence: the ratio is given, not judged. */
const MIN_REST = 3;

/**
 * Did a cell's timed samples still drift? The first samples' median against the rest's. It is beyond noise when
 * the ratio exceeds 1 + tolerance AND the first samples' median lies above the rest's upper Tukey fence
 * (Q3 + 1.5 × IQR): pyperf's own test of whether its first warm-up value is an outlier. Only slower counts: a
 * first sample faster than the rest is no sign of missing warm-up.
 */
export function samplesDrift(samplesMs: readonly number[], options: DriftOptions = {}): SamplesDrift {
  const firstCount = options.firstCount ?? 1;
  if (!Number.isInteger(firstCount) || firstCount < 1) throw new RangeError('samplesDrift: firstCount must be ≥ 1');
  return driftOf(samplesMs.slice(0, firstCount), samplesMs.slice(firstCount), options.tolerance ?? WIDE_SPREAD_REL);
}

/**
 * The same test across a cell's measuring processes, as the target reads: the median of each process's
 * first `firstCount` samples against the median of all their other samples.
 */
export function samplesDriftAcrossProcesses(
  samplesByProcessMs: readonly (readonly number[])[],
  options: DriftOptions = {},
): SamplesDrift {
  const firstCount = options.firstCount ?? 1;
  const first = samplesByProcessMs.flatMap((samples) => samples.slice(0, firstCount));
  const rest = samplesByProcessMs.flatMap((samples) => samples.slice(firstCount));
  return driftOf(first, rest, options.tolerance ?? WIDE_SPREAD_REL);
}

function driftOf(first: readonly number[], rest: readonly number[], tolerance: number): SamplesDrift {
  if (first.length === 0 || rest.length === 0)
    return { ratio: 1, beyondNoise: false, reason: 'no samples after the first to compare with' };
  const sortedRest = [...rest].sort((a, b) => a - b);
  const restMedian = quantileSorted(sortedRest, 0.5);
  const firstMedian = median(first);
  const ratio = restMedian > 0 ? firstMedian / restMedian : 1;
  if (rest.length < MIN_REST)
    return { ratio, beyondNoise: false, reason: `first samples ${ratio.toFixed(2)}× the rest, too few to judge` };
  const q1 = quantileSorted(sortedRest, 0.25);
  const q3 = quantileSorted(sortedRest, 0.75);
  const fenceMs = q3 + 1.5 * (q3 - q1);
  const beyondNoise = ratio > 1 + tolerance && firstMedian > fenceMs;
  const reason = beyondNoise
    ? `first samples ${ratio.toFixed(2)}× the rest, above its upper fence`
    : `first samples ${ratio.toFixed(2)}× the rest, within noise`;
  return { ratio, beyondNoise, reason };
}

/** Theil–Sen estimator: the median of the slopes between every pair of points (x = index), per step. */
export function theilSenSlope(values: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i += 1)
    for (let j = i + 1; j < values.length; j += 1)
      slopes.push(((values[j] as number) - (values[i] as number)) / (j - i));
  return slopes.length === 0 ? 0 : median(slopes);
}

function medianAbsoluteDeviation(values: readonly number[]): number {
  const center = median(values);
  return median(values.map((value) => Math.abs(value - center)));
}

/**
 * The standard error of a least-squares slope over x = 0..n−1, times the n − 1 steps of the window, per unit of
 * noise sd: (n − 1) / sqrt(Σ (x − x̄)²) = (n − 1) / sqrt(n (n² − 1) / 12). It is about 1 for 10 points and
 * 0.74 for 20. Theil–Sen is a little less efficient than least squares on normal noise, and far better on spikes.
 */
function slopeStandardErrorFactor(n: number): number {
  return (n - 1) / Math.sqrt((n * (n * n - 1)) / 12);
}

function halvesMedianRatio(window: readonly number[]): number {
  const half = Math.floor(window.length / 2);
  if (half === 0) return 1;
  const late = median(window.slice(window.length - half));
  return late > 0 ? median(window.slice(0, half)) / late : 1;
}

function assertOptions(options: SteadyOptions): void {
  if (!Number.isInteger(options.window) || options.window < 4)
    throw new RangeError('steadyState: window must be an integer ≥ 4');
  if (!(options.noiseRel > 0)) throw new RangeError('steadyState: noiseRel must be > 0');
  if (!(options.trendTolerance >= 0)) throw new RangeError('steadyState: trendTolerance must be ≥ 0');
}
