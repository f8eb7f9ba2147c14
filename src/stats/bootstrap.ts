import { median, quantileSorted } from './summary.js';

/** mulberry32: a small seeded PRNG, so a bootstrap interval is the same every time for the same data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resample(values: readonly number[], random: () => number): number[] {
  return Array.from({ length: values.length }, () => values[Math.floor(random() * values.length)] as number);
}

export interface RatioInterval {
  /** median(numerator) / median(denominator) */
  ratio: number;
  low: number;
  high: number;
}

/**
 * Ratio of medians with a percentile-bootstrap confidence interval. Used for speedup (baseline / cell):
 * it makes no normality assumption, and medians shrug off the odd slow sample a busy machine produces.
 */
export function bootstrapMedianRatio(
  numerator: readonly number[],
  denominator: readonly number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): RatioInterval {
  const { resamples = 2000, confidence = 0.95, seed = 0x5eed } = options;
  if (numerator.length === 0 || denominator.length === 0) throw new RangeError('bootstrapMedianRatio: empty sample');
  const random = seededRandom(seed);
  const ratios: number[] = [];
  for (let i = 0; i < resamples; i += 1) {
    ratios.push(median(resample(numerator, random)) / median(resample(denominator, random)));
  }
  ratios.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return {
    ratio: median(numerator) / median(denominator),
    low: quantileSorted(ratios, tail),
    high: quantileSorted(ratios, 1 - tail),
  };
}
