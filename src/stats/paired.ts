import { hierarchicalInterval, medianInPlace, type Interval } from './hierarchical.js';

/**
 * Paired estimates. Two cells measured in the same round of the same process ran seconds apart on the same
 * machine state, so the ratio of their two samples cancels what drifted meanwhile (a neighbour's load, thermal
 * state, the vCPU's mood). A ratio is the median of those per-round ratios; its interval comes from the
 * two-stage bootstrap over processes, then rounds, of the log ratios (logs: a ratio's spread is symmetric there).
 * Used by the runner for speedups and by the judgements for any two cells of one workload.
 */

/** One sample and where it came from: the measuring process of the run and its round in that process. */
export interface PairedSample {
  process: number;
  round: number;
  wallMs: number;
}

/** Pairs by process and round; numerator / denominator of each pair, as logs grouped by process. */
export function pairedLogRatios(numerator: readonly PairedSample[], denominator: readonly PairedSample[]): number[][] {
  const byRound = new Map<string, number>();
  for (const sample of denominator) byRound.set(`${sample.process}:${sample.round}`, sample.wallMs);
  const groups = new Map<number, number[]>();
  for (const sample of numerator) {
    const other = byRound.get(`${sample.process}:${sample.round}`);
    if (other === undefined || other <= 0 || sample.wallMs <= 0) continue;
    let group = groups.get(sample.process);
    if (group === undefined) groups.set(sample.process, (group = []));
    group.push(Math.log(sample.wallMs / other));
  }
  return [...groups.values()];
}

export interface PairedRatio extends Interval {
  pairs: number;
}

/** Median of the paired ratios numerator / denominator with its interval; undefined when no round holds both. */
export function pairedRatio(
  numerator: readonly PairedSample[],
  denominator: readonly PairedSample[],
  resamples?: number,
): PairedRatio | undefined {
  const groups = pairedLogRatios(numerator, denominator);
  const pairs = groups.reduce((count, group) => count + group.length, 0);
  if (pairs === 0) return undefined;
  const logs = hierarchicalInterval(groups, medianInPlace, resamples !== undefined ? { resamples } : {});
  return { estimate: Math.exp(logs.estimate), low: Math.exp(logs.low), high: Math.exp(logs.high), pairs };
}
