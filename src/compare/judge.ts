import type { Benchmark } from '../results/schema.js';
import { bootstrapMedianRatio } from '../stats/bootstrap.js';
import { coefficientOfVariation, median, summarize } from '../stats/summary.js';
import { welchLogRatio } from '../stats/welch.js';

/** Over this coefficient of variation (in either file) a figure is too noisy to judge (DESIGN.md: 10 %). */
const UNRELIABLE_CV = 0.1;

export type Verdict = 'faster' | 'slower' | 'no significant change' | 'unreliable' | 'not comparable';

export interface JudgeOptions {
  /** Smallest change worth reporting, as a fraction: 0.05 = 5 %. */
  threshold: number;
  /** Significance level of the test, and 1 - confidence of the interval. */
  alpha: number;
}

export interface Judgement {
  id: string;
  verdict: Verdict;
  baseMedianMs: number | null;
  headMedianMs: number | null;
  /** median(head) / median(base): above 1 is slower. */
  ratio: number | null;
  /** Percentile-bootstrap (1 - alpha) interval of that ratio (seeded: the same files give the same interval). */
  ratioLow: number | null;
  ratioHigh: number | null;
  /** Two-sided p-value of Welch's t-test on log times. */
  pValue: number | null;
  baseCv: number | null;
  headCv: number | null;
  /** One short phrase saying why this verdict. */
  reason: string;
}

/**
 * Judges one benchmark measured twice on the same machine. The headline figure is the ratio of medians (what a
 * reader sees in the run table); significance comes from Welch's t-test on log times. "slower" needs all three:
 * p < alpha, the median ratio beyond the threshold, and the geometric means moving the same way — so neither a
 * tiny-but-significant change nor a large-but-noisy one fails a build.
 */
export function judgePair(base: Benchmark, head: Benchmark, options: JudgeOptions): Judgement {
  const empty = { id: base.id, baseMedianMs: null, headMedianMs: null, ratio: null, ratioLow: null, ratioHigh: null, pValue: null, baseCv: null, headCv: null };
  if (base.status !== 'ok' || head.status !== 'ok') {
    const which = [base.status !== 'ok' ? `base ${base.status}` : '', head.status !== 'ok' ? `head ${head.status}` : ''].filter(Boolean).join(', ');
    return { ...empty, verdict: 'not comparable', reason: which };
  }
  if (base.workload.tasks !== head.workload.tasks || base.workload.size !== head.workload.size) {
    return {
      ...empty,
      verdict: 'not comparable',
      reason: `workload differs: ${base.workload.tasks} tasks of size ${base.workload.size} vs ${head.workload.tasks} of size ${head.workload.size}`,
    };
  }
  const baseSamples = base.samplesMs;
  const headSamples = head.samplesMs;
  if (baseSamples.length === 0 || headSamples.length === 0) {
    return { ...empty, verdict: 'unreliable', reason: 'no samples to judge' };
  }
  const figures = {
    id: base.id,
    baseMedianMs: median(baseSamples),
    headMedianMs: median(headSamples),
    baseCv: coefficientOfVariation(summarize(baseSamples)),
    headCv: coefficientOfVariation(summarize(headSamples)),
  };
  if (baseSamples.length < 2 || headSamples.length < 2) {
    return { ...empty, ...figures, verdict: 'unreliable', reason: 'fewer than 2 samples: no test possible' };
  }
  if (![...baseSamples, ...headSamples].every((sample) => sample > 0)) {
    return { ...empty, ...figures, verdict: 'unreliable', reason: 'a sample of 0 ms: too fast to time' };
  }
  const interval = bootstrapMedianRatio(headSamples, baseSamples, { confidence: 1 - options.alpha });
  const test = welchLogRatio(baseSamples, headSamples, options.alpha);
  const judged = { ...figures, ratio: interval.ratio, ratioLow: interval.low, ratioHigh: interval.high, pValue: test.pValue };

  const noisiest = Math.max(figures.baseCv, figures.headCv);
  if (noisiest > UNRELIABLE_CV) {
    const where = figures.baseCv >= figures.headCv ? 'base' : 'head';
    return { ...judged, verdict: 'unreliable', reason: `CV ${formatPercent(noisiest)} in ${where} is over ${formatPercent(UNRELIABLE_CV)}` };
  }
  const significant = test.pValue < options.alpha;
  const change = interval.ratio - 1;
  if (significant && change > options.threshold && test.geometricRatio > 1) {
    return { ...judged, verdict: 'slower', reason: `${signedPercent(change)} beyond ±${formatPercent(options.threshold)}, ${formatP(test.pValue)}` };
  }
  if (significant && change < -options.threshold && test.geometricRatio < 1) {
    return { ...judged, verdict: 'faster', reason: `${signedPercent(change)} beyond ±${formatPercent(options.threshold)}, ${formatP(test.pValue)}` };
  }
  const why = significant ? `${signedPercent(change)} is within ±${formatPercent(options.threshold)}` : `${formatP(test.pValue)} ≥ ${options.alpha}`;
  return { ...judged, verdict: 'no significant change', reason: why };
}

function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(1))} %`;
}

function signedPercent(fraction: number): string {
  return `${fraction >= 0 ? '+' : '−'}${formatPercent(Math.abs(fraction))}`;
}

/** "p = 0.012" or "p < 0.001". */
function formatP(pValue: number): string {
  return pValue < 0.001 ? 'p < 0.001' : `p = ${pValue.toFixed(3)}`;
}
