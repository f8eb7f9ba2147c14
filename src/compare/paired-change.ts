import type { Benchmark } from '../results/schema.js';
import { taggedSamples } from '../results/tagged-samples.js';
import { hierarchicalReplicates, medianInPlace } from '../stats/hierarchical.js';
import { pairedLogRatios } from '../stats/paired.js';
import { median, variance } from '../stats/summary.js';
import { CHANGE_RESAMPLES, type Measurement, unjudgeable } from './measure-change.js';

/**
 * One benchmark measured by `ab`, as head / base from paired rounds. The two sides' processes alternated (base 1,
 * head 1, base 2…), so head's process i ran right after base's process i: round r of one is paired with round r of
 * the other, and whatever drifted between pairs (a neighbour's load, the runner's mood) cancels in their ratio. The
 * change is the median of the paired log ratios; its standard error comes from the two-stage bootstrap over
 * process pairs, then rounds. It feeds the same judgement as compare's unpaired change (judge.ts).
 */
export function measurePairedChange(
  base: Benchmark,
  head: Benchmark,
  resamples: number = CHANGE_RESAMPLES,
): Measurement {
  const refused = unjudgeable(base, head);
  if (refused !== undefined) return refused;
  const groups = pairedLogRatios(taggedSamples(head), taggedSamples(base));
  const pairs = groups.flat();
  if (groups.length < 2) {
    return {
      kind: 'unjudged',
      id: base.id,
      verdict: 'unreliable',
      reason: 'under 2 paired processes',
      baseMedianMs: median(base.samplesMs),
      headMedianMs: median(head.samplesMs),
    };
  }
  const replicates = hierarchicalReplicates(groups, medianInPlace, { resamples });
  return {
    kind: 'estimate',
    estimate: {
      id: base.id,
      baseMedianMs: median(base.samplesMs),
      headMedianMs: median(head.samplesMs),
      logRatio: median(pairs),
      standardError: Math.sqrt(variance(replicates)),
      processes: { base: groups.length, head: groups.length },
      samples: { base: pairs.length, head: pairs.length },
      precise: base.status === 'ok' && head.status === 'ok' && base.precision.met && head.precision.met,
    },
  };
}
