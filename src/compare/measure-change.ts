import { samplesByProcess } from '../results/tagged-samples.js';
import type { Benchmark } from '../results/schema.js';
import { hierarchicalReplicates, medianInPlace } from '../stats/hierarchical.js';
import { median, variance } from '../stats/summary.js';

/**
 * One benchmark measured in two files, as a change in its median time, head / base. The unit of replication is the
 * measuring process: each file's median is bootstrapped in two stages (its processes with replacement, then the
 * samples within each drawn process), so the spread between processes (JIT and GC state, memory layout) is in the
 * error, not only one process's steadiness. Each replicate gives a ratio of medians head / base; the standard
 * error of its logarithm is what judge.ts builds intervals and tests on. Pure: the same files give the same figures.
 */

export interface ChangeEstimate {
  id: string;
  baseMedianMs: number;
  headMedianMs: number;
  /** ln(median(head) / median(base)) over all samples of each file. */
  logRatio: number;
  /** Standard deviation of the bootstrap replicates of that log ratio. */
  standardError: number;
  processes: { base: number; head: number };
  samples: { base: number; head: number };
  /** Both cells reached their run's --precision (else at least one stopped on its budget). */
  precise: boolean;
}

export type Measurement =
  | { kind: 'estimate'; estimate: ChangeEstimate }
  | {
      kind: 'unjudged';
      id: string;
      verdict: 'unreliable' | 'not comparable';
      reason: string;
      baseMedianMs: number | null;
      headMedianMs: number | null;
    };

/** Bootstrap replicates per file (enough for a standard error to about 1.6 % of itself). */
export const CHANGE_RESAMPLES = 2000;
/** Different seeds for the two files, so that a file compared with itself is resampled independently twice. */
const BASE_SEED = 0x5eed;
const HEAD_SEED = 0xc0ffee;

export function measureChange(base: Benchmark, head: Benchmark, resamples: number = CHANGE_RESAMPLES): Measurement {
  const refused = unjudgeable(base, head);
  if (refused !== undefined) return refused;
  const baseGroups = samplesByProcess(base);
  const headGroups = samplesByProcess(head);
  const baseReplicates = hierarchicalReplicates(baseGroups, medianInPlace, { resamples, seed: BASE_SEED });
  const headReplicates = hierarchicalReplicates(headGroups, medianInPlace, { resamples, seed: HEAD_SEED });
  // Each file's replicates come sorted; pairing replicate i of one with replicate i of the other would tie their
  // ranks. The two are independent, so the variance of the difference of logs is the sum of the two variances.
  const logVariance = variance(baseReplicates.map(Math.log)) + variance(headReplicates.map(Math.log));
  const baseMedianMs = median(base.samplesMs);
  const headMedianMs = median(head.samplesMs);
  return {
    kind: 'estimate',
    estimate: {
      id: base.id,
      baseMedianMs,
      headMedianMs,
      logRatio: Math.log(headMedianMs / baseMedianMs),
      standardError: Math.sqrt(logVariance),
      processes: { base: baseGroups.length, head: headGroups.length },
      samples: { base: base.samplesMs.length, head: head.samplesMs.length },
      precise: base.status === 'ok' && head.status === 'ok' && base.precision.met && head.precision.met,
    },
  };
}

/**
 * Why two cells cannot be judged at all, or undefined when they can: a failed cell or a different workload (not
 * comparable), or data that cannot decide whatever the change (unreliable): no spread to judge it against,
 * nothing timed, or one measuring process, whose steadiness must not pass for the run's.
 */
export function unjudgeable(base: Benchmark, head: Benchmark): Measurement | undefined {
  const unjudged = (verdict: 'unreliable' | 'not comparable', reason: string, medians = false): Measurement => ({
    kind: 'unjudged',
    id: base.id,
    verdict,
    reason,
    baseMedianMs: medians && base.samplesMs.length > 0 ? median(base.samplesMs) : null,
    headMedianMs: medians && head.samplesMs.length > 0 ? median(head.samplesMs) : null,
  });
  if (base.status !== 'ok' || head.status !== 'ok') {
    const which = [base.status !== 'ok' ? `base ${base.status}` : '', head.status !== 'ok' ? `head ${head.status}` : '']
      .filter(Boolean)
      .join(', ');
    return unjudged('not comparable', which);
  }
  if (base.workload.tasks !== head.workload.tasks || base.workload.size !== head.workload.size) {
    return unjudged(
      'not comparable',
      `workload differs: ${base.workload.tasks} tasks of size ${base.workload.size} vs ` +
        `${head.workload.tasks} of size ${head.workload.size}`,
    );
  }
  if (base.samplesMs.length === 0 || head.samplesMs.length === 0) return unjudged('unreliable', 'no samples', true);
  if (base.samplesMs.length < 2 || head.samplesMs.length < 2) return unjudged('unreliable', 'under 2 samples', true);
  if (![...base.samplesMs, ...head.samplesMs].every((sample) => sample > 0))
    return unjudged('unreliable', 'a 0 ms sample', true);
  const baseProcesses = samplesByProcess(base).length;
  const headProcesses = samplesByProcess(head).length;
  if (baseProcesses < 2 || headProcesses < 2) {
    return unjudged(
      'unreliable',
      baseProcesses >= 2 ? '1 process in head' : headProcesses >= 2 ? '1 process in base' : '1 process in each',
      true,
    );
  }
  return undefined;
}
