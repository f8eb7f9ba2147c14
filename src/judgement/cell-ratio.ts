import { samplesByProcess, taggedSamples } from '../results/tagged-samples.js';
import type { Benchmark } from '../results/schema.js';
import { seededRandom } from '../stats/bootstrap.js';
import { hierarchicalReplicates, medianInPlace } from '../stats/hierarchical.js';
import { pairedRatio } from '../stats/paired.js';
import { median, quantileSorted } from '../stats/summary.js';
import type { RatioInterval } from './judge.js';
import { VERDICT_CONFIDENCE } from './thresholds.js';

type Sampled = Pick<Benchmark, 'samplesMs' | 'samplesProcess' | 'samplesRound'>;

/** Seeds of the two cells' bootstraps when they are not paired: different, so the two are drawn independently. */
const SEED_A = 0x5eed;
const SEED_B = 0x5eee;

/**
 * time(a) / time(b) for two cells of one workload, with its 95 % interval. Cells measured in the same rounds of the
 * same processes are paired (stats/paired.ts), so drift cancels; cells that share no round (a libuv sweep runs each
 * pool size in its own processes) get the ratio of medians with a two-stage bootstrap of each cell. Undefined when
 * either cell has no samples.
 */
export function cellTimeRatio(a: Sampled, b: Sampled): RatioInterval | undefined {
  if (a.samplesMs.length === 0 || b.samplesMs.length === 0) return undefined;
  const paired = pairedRatio(taggedSamples(a), taggedSamples(b));
  if (paired !== undefined) return paired;
  return unpairedRatio(a, b);
}

function unpairedRatio(a: Sampled, b: Sampled): RatioInterval | undefined {
  if (![...a.samplesMs, ...b.samplesMs].every((sample) => sample > 0)) return undefined;
  const ofA = hierarchicalReplicates(samplesByProcess(a), medianInPlace, { seed: SEED_A });
  const ofB = hierarchicalReplicates(samplesByProcess(b), medianInPlace, { seed: SEED_B });
  // Replicates come sorted: shuffle one side so that each ratio pairs independent draws.
  const random = seededRandom(SEED_B);
  for (let index = ofB.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [ofB[index], ofB[other]] = [ofB[other] as number, ofB[index] as number];
  }
  const ratios = ofA.map((value, index) => value / (ofB[index] as number)).sort((x, y) => x - y);
  const tail = (1 - VERDICT_CONFIDENCE) / 2;
  return {
    estimate: median(a.samplesMs) / median(b.samplesMs),
    low: quantileSorted(ratios, tail),
    high: quantileSorted(ratios, 1 - tail),
  };
}
