import { judgeSpeedup, type RatioInterval, type RatioJudgement, type SpeedupWord } from './judge.js';
import { DEFAULT_MARGIN } from './thresholds.js';

/**
 * "Fastest" as a claim: the best cell, and every other cell that the data cannot separate from it. A cell is
 * separated only when the best is a gain over it (the interval of time(cell) / time(best) wholly above
 * 1 + margin); a cell whose ratio is the same, or inconclusive, is tied with the best and named beside it.
 */

export interface Tie<T> {
  item: T;
  /** Best against this item, as a speedup (time of the item / time of the best); undefined when none was had. */
  judgement: RatioJudgement<SpeedupWord> | undefined;
}

export interface Fastest<T> {
  best: T;
  /** The items not separated from the best, best first. */
  tied: Array<Tie<T>>;
}

/**
 * `speedOf` picks the best (highest first; the first of equals); `ratioToBest(item, best)` gives time(item) /
 * time(best) with its interval, or undefined when the two cannot be set against each other.
 */
export function fastestOf<T>(
  items: readonly T[],
  speedOf: (item: T) => number,
  ratioToBest: (item: T, best: T) => RatioInterval | undefined,
  margin: number = DEFAULT_MARGIN,
): Fastest<T> | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || speedOf(item) > speedOf(best)) best = item;
  if (best === undefined) return undefined;
  const tied: Array<Tie<T>> = [{ item: best, judgement: undefined }];
  for (const item of items) {
    if (item === best) continue;
    const ratio = ratioToBest(item, best);
    const judgement = ratio === undefined ? undefined : judgeSpeedup(ratio, margin);
    if (judgement?.word !== 'gain') tied.push({ item, judgement });
  }
  return { best, tied };
}
