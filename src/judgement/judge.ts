import { DEFAULT_MARGIN, MAX_SAMPLES_FACTOR } from './thresholds.js';

/**
 * The one rule behind every verdict word: where a ratio's interval lies against the band 1 ± margin.
 * - wholly above 1 + margin: a gain (for a speedup) or slower (for a time ratio, head / base);
 * - wholly below 1 − margin: the other way round;
 * - wholly inside the band: the same, as an equivalence test (TOST) concludes;
 * - anything else: inconclusive, with an estimate of how much more data would likely decide.
 * Because the band contains 1, a gain, a loss, "faster" or "slower" can never come with an interval that contains 1.
 */

export interface RatioInterval {
  /** The ratio as measured. */
  estimate: number;
  low: number;
  high: number;
}

/** Where an interval lies against the band [1 − margin, 1 + margin]. */
export type BandPosition = 'above' | 'below' | 'within' | 'straddles';

/** For a ratio where higher is better: a speedup (sequential's time / the cell's). */
export type SpeedupWord = 'gain' | 'same' | 'slower' | 'inconclusive';
/** For a ratio where higher is worse: time of the head / time of the base. */
export type TimeChangeWord = 'slower' | 'faster' | 'same' | 'inconclusive';

export interface RatioJudgement<Word extends string> {
  word: Word;
  interval: RatioInterval;
  margin: number;
  /**
   * For an inconclusive interval: about how many times the samples would likely decide it, if the interval narrows
   * as 1 / √samples (more rounds and more processes alike) and the estimate stays where it is. Null when decided,
   * or when no practical run would decide (the estimate sits on the margin: see MAX_SAMPLES_FACTOR).
   */
  samplesFactor: number | null;
}

export function checkMargin(margin: number): number {
  if (!(margin >= 0 && margin < 1)) throw new RangeError(`margin must be in [0, 1), got ${margin}`);
  return margin;
}

export function bandPosition(
  interval: Pick<RatioInterval, 'low' | 'high'>,
  margin: number = DEFAULT_MARGIN,
): BandPosition {
  checkMargin(margin);
  if (!(interval.low <= interval.high))
    throw new RangeError(`interval low ${interval.low} is above its high ${interval.high}`);
  if (interval.low > 1 + margin) return 'above';
  if (interval.high < 1 - margin) return 'below';
  if (interval.low >= 1 - margin && interval.high <= 1 + margin) return 'within';
  return 'straddles';
}

const SPEEDUP_WORDS: Record<BandPosition, SpeedupWord> = {
  above: 'gain',
  below: 'slower',
  within: 'same',
  straddles: 'inconclusive',
};
const TIME_WORDS: Record<BandPosition, TimeChangeWord> = {
  above: 'slower',
  below: 'faster',
  within: 'same',
  straddles: 'inconclusive',
};

/** A speedup (higher is better) against the margin. */
export function judgeSpeedup(interval: RatioInterval, margin: number = DEFAULT_MARGIN): RatioJudgement<SpeedupWord> {
  const position = bandPosition(interval, margin);
  return {
    word: SPEEDUP_WORDS[position],
    interval,
    margin,
    samplesFactor: position === 'straddles' ? samplesToDecide(interval, margin) : null,
  };
}

/** A time ratio head / base (higher is worse) against the margin. */
export function judgeTimeChange(
  interval: RatioInterval,
  margin: number = DEFAULT_MARGIN,
): RatioJudgement<TimeChangeWord> {
  const position = bandPosition(interval, margin);
  return {
    word: TIME_WORDS[position],
    interval,
    margin,
    samplesFactor: position === 'straddles' ? samplesToDecide(interval, margin) : null,
  };
}

/**
 * How many times the samples would likely move a straddling interval to one side of a band edge, on the log scale
 * (where ratio intervals are near symmetric), side by side: with the estimate past an edge, the half-width
 * towards the band must shrink below the estimate's distance to that edge; with the estimate inside the band, both
 * half-widths must shrink below the distances to their edges. Half-widths shrink as 1 / √samples, so the factor
 * is (half-width / distance)². Null when the estimate sits on an edge or the factor passes MAX_SAMPLES_FACTOR.
 */
export function samplesToDecide(interval: RatioInterval, margin: number = DEFAULT_MARGIN): number | null {
  checkMargin(margin);
  if (!(interval.low > 0 && interval.estimate > 0)) return null;
  const centre = Math.log(interval.estimate);
  const upper = Math.log1p(margin);
  const lower = margin === 0 ? 0 : Math.log1p(-margin);
  const below = Math.max(0, centre - Math.log(interval.low));
  const above = Math.max(0, Math.log(interval.high) - centre);
  let factor: number;
  if (centre > upper) factor = (below / (centre - upper)) ** 2;
  else if (centre < lower) factor = (above / (lower - centre)) ** 2;
  else if (centre === upper || centre === lower) return null;
  else factor = Math.max((below / (centre - lower)) ** 2, (above / (upper - centre)) ** 2);
  return Number.isFinite(factor) && factor <= MAX_SAMPLES_FACTOR ? factor : null;
}
