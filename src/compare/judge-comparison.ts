import { judgeTimeChange, type TimeChangeWord } from '../judgement/judge.js';
import { DETECTION_POWER } from '../judgement/thresholds.js';
import { benjaminiHochberg } from '../stats/multiple-testing.js';
import { normalCdf, normalQuantile, normalSurvival } from '../stats/normal.js';
import type { ChangeEstimate, Measurement } from './measure-change.js';
import { formatPercent } from '../format/numbers.js';

/**
 * The verdicts of one comparison (a head file against its base), all at once, because they are decided together:
 *
 * 1. Each benchmark's change is a log ratio with a standard error (measure-change.ts). Its directional p-value
 *    asks whether the change lies beyond the margin: p = 2 · min(P(beyond +margin is wrong), P(beyond −margin is
 *    wrong)), normal on the log scale.
 * 2. Benjamini–Hochberg over those p-values at level alpha gives R discoveries. The intervals of every row are then
 *    printed at confidence 1 − max(R, 1) · alpha / m (the false-coverage-rate adjustment of Benjamini & Yekutieli
 *    2005). At that level a row's interval lies beyond the margin exactly when BH makes it a discovery, so the
 *    interval printed and the verdict beside it cannot disagree.
 * 3. The verdict is read off that interval (judgement/judge.ts): slower, faster, same (wholly within ±margin) or
 *    inconclusive, the last with the samples that would likely decide it.
 *
 * Why Benjamini–Hochberg and not Holm: when nothing changed (an A/A comparison) both keep the chance of any false
 * verdict at alpha; when a change is real it usually moves many benchmarks at once (slower code is slower in every
 * strategy), and there BH keeps its power where Holm asks every benchmark to clear nearly alpha / m; and BH's
 * adjusted intervals share one level, so a table states one confidence instead of one per row.
 */

export type Verdict = TimeChangeWord | 'unreliable' | 'not comparable';

export interface JudgeOptions {
  /** The margin, as a fraction: 0.03 = 3 %. A change counts only when its whole interval lies beyond it. */
  threshold: number;
  /** Benjamini–Hochberg false-discovery rate over the benchmarks of one comparison. */
  alpha: number;
}

export interface Judgement {
  id: string;
  verdict: Verdict;
  baseMedianMs: number | null;
  headMedianMs: number | null;
  /** median(head) / median(base): above 1 is slower. */
  ratio: number | null;
  /** The interval of that ratio at `confidence`, the level every row of this comparison shares. */
  ratioLow: number | null;
  ratioHigh: number | null;
  confidence: number | null;
  /** Directional p-value against the margin (before the correction), and Benjamini–Hochberg's adjusted one. */
  pValue: number | null;
  adjustedP: number | null;
  /** The smallest slowdown this row would flag with power DETECTION_POWER at its noise, size and level (a fraction). */
  minimumDetectable: number | null;
  /** For inconclusive: about how many times the samples would likely decide (null: none would). */
  samplesFactor: number | null;
  /** Measuring processes behind each file's cell. */
  processes: { base: number; head: number } | null;
  /** One short phrase saying why this verdict. */
  reason: string;
}

export interface JudgedComparison {
  judgements: Judgement[];
  /** The confidence of every interval in it: 1 − max(R, 1) · alpha / m. */
  confidence: number;
  /** Benchmarks judged (m) and discoveries (R). */
  tested: number;
  discoveries: number;
}

export function judgeComparison(measurements: readonly Measurement[], options: JudgeOptions): JudgedComparison {
  const estimates = measurements.flatMap((measurement) =>
    measurement.kind === 'estimate' ? [measurement.estimate] : [],
  );
  const pValues = estimates.map((estimate) => directionalP(estimate, options.threshold));
  const correction = benjaminiHochberg(pValues, options.alpha);
  const tested = estimates.length;
  const level = tested === 0 ? options.alpha : (Math.max(correction.discoveries, 1) * options.alpha) / tested;
  const z = normalQuantile(1 - level / 2);
  let next = 0;
  const judgements = measurements.map((measurement): Judgement => {
    if (measurement.kind === 'unjudged') {
      const { id, verdict, reason, baseMedianMs, headMedianMs } = measurement;
      return {
        id,
        verdict,
        reason,
        baseMedianMs,
        headMedianMs,
        ratio: null,
        ratioLow: null,
        ratioHigh: null,
        confidence: null,
        pValue: null,
        adjustedP: null,
        minimumDetectable: null,
        samplesFactor: null,
        processes: null,
      };
    }
    const index = next;
    next += 1;
    return judged(
      measurement.estimate,
      z,
      1 - level,
      pValues[index] ?? 1,
      correction.adjusted[index] ?? 1,
      options.threshold,
    );
  });
  return { judgements, confidence: 1 - level, tested, discoveries: correction.discoveries };
}

function judged(
  estimate: ChangeEstimate,
  z: number,
  confidence: number,
  pValue: number,
  adjustedP: number,
  margin: number,
): Judgement {
  const halfWidth = z * estimate.standardError;
  const interval = {
    estimate: Math.exp(estimate.logRatio),
    low: Math.exp(estimate.logRatio - halfWidth),
    high: Math.exp(estimate.logRatio + halfWidth),
  };
  const judgement = judgeTimeChange(interval, margin);
  return {
    id: estimate.id,
    verdict: judgement.word,
    baseMedianMs: estimate.baseMedianMs,
    headMedianMs: estimate.headMedianMs,
    ratio: interval.estimate,
    ratioLow: interval.low,
    ratioHigh: interval.high,
    confidence,
    pValue,
    adjustedP,
    minimumDetectable: minimumDetectableChange(estimate.standardError, z, margin),
    samplesFactor: judgement.samplesFactor,
    processes: estimate.processes,
    reason: reasonFor(judgement.word, margin, judgement.samplesFactor),
  };
}

/**
 * 2 · min(P(Z > (x − ln(1 + m)) / se), P(Z < (x − ln(1 − m)) / se)), capped at 1: below γ exactly when the
 * two-sided (1 − γ) normal interval x ± z·se lies wholly beyond one edge of the band.
 */
export function directionalP(estimate: Pick<ChangeEstimate, 'logRatio' | 'standardError'>, margin: number): number {
  const upper = Math.log1p(margin);
  const lower = Math.log1p(-margin);
  const { logRatio, standardError } = estimate;
  if (standardError === 0) return logRatio > upper || logRatio < lower ? 0 : 1;
  return Math.min(
    1,
    2 * Math.min(normalSurvival((logRatio - upper) / standardError), normalCdf((logRatio - lower) / standardError)),
  );
}

/**
 * The smallest slowdown flagged with probability DETECTION_POWER: its lower bound must clear 1 + margin, so the
 * true log ratio must lie (z + z_power) standard errors above ln(1 + margin).
 */
export function minimumDetectableChange(standardError: number, z: number, margin: number): number {
  return (1 + margin) * Math.exp((z + normalQuantile(DETECTION_POWER)) * standardError) - 1;
}

/** Short: the compare table must fit 120 columns (the rule line under its title explains "~k×"). */
function reasonFor(word: TimeChangeWord, margin: number, samplesFactor: number | null): string {
  const band = formatPercent(margin, 1);
  switch (word) {
    case 'slower':
      return `CI above +${band}`;
    case 'faster':
      return `CI below −${band}`;
    case 'same':
      return `CI within ±${band}`;
    case 'inconclusive':
      return samplesFactor === null
        ? 'on the margin'
        : `~${Number((Math.ceil(samplesFactor * 10) / 10).toFixed(1))}× samples`;
  }
}
