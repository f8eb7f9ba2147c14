import type { Benchmark } from '../results/schema.js';
import { formatPercent, formatRatio, formatThreads } from './format.js';
import { rawFloorPhrase } from './raw-floor.js';
import { hybridVerdictParts } from './hybrid-verdict.js';
import { libuvGainReason, workloadGroupLabel } from './libuv.js';
import { isMeasured, maxBy } from './measured.js';

/** Below this a strategy "gains nothing"; the noise of a shared 2-core machine sits well inside it. */
const GAIN_THRESHOLD = 1.25;
const LOSS_THRESHOLD = 0.8;

/**
 * One plain-language line per workload, read off the measurements (not off the workload's declared kind):
 * what `concurrent` bought, what `parallel` bought at its best thread count, and which was fastest.
 */
export function verdictLine(benchmarks: Benchmark[]): string {
  const first = benchmarks[0];
  if (first === undefined) return '';
  const id = workloadGroupLabel(first);
  const measured = benchmarks.filter(isMeasured);
  const parts: string[] = [];

  const concurrent = measured.find((benchmark) => benchmark.strategy === 'concurrent');
  if (concurrent !== undefined) {
    const speedup = concurrent.derived.speedup;
    const why =
      speedup >= GAIN_THRESHOLD
        ? (libuvGainReason(concurrent) ?? 'the waits overlap on one thread')
        : speedup < LOSS_THRESHOLD
          ? 'slower: the tasks compete for one thread and add scheduling cost'
          : 'no gain: the work keeps the one thread busy, so Promise.all only takes turns';
    parts.push(`concurrent ${formatRatio(speedup)} — ${why}`);
  }

  const parallel = measured.filter((benchmark) => benchmark.strategy === 'parallel');
  const bestParallel = maxBy(parallel, (benchmark) => benchmark.derived.speedup);
  if (bestParallel !== undefined) {
    const { speedup, efficiency } = bestParallel.derived;
    const threads = formatThreads(bestParallel.threads);
    parts.push(
      speedup >= GAIN_THRESHOLD
        ? `parallel ${formatRatio(speedup)} on ${threads} (${formatPercent(efficiency)} of ideal${rawFloorPhrase(bestParallel)})`
        : `parallel at best ${formatRatio(speedup)} on ${threads} — no gain: dispatch and copying cost more than the pool saves`,
    );
  }

  parts.push(...hybridVerdictParts(benchmarks));
  const fastest = maxBy(measured, (benchmark) => benchmark.derived.speedup);
  if (fastest !== undefined && fastest.strategy !== 'sequential') {
    parts.push(`fastest: ${fastest.strategy}${fastest.strategy === 'parallel' ? ` on ${fastest.threads} threads` : ''}`);
  } else if (fastest !== undefined) {
    parts.push('fastest: sequential — neither strategy pays here');
  }
  const failed = benchmarks.filter((benchmark) => benchmark.status !== 'ok' && benchmark.status !== 'skipped');
  if (failed.length > 0) parts.push(`${failed.length} cell(s) failed: ${failed.map((benchmark) => `${benchmark.id} ${benchmark.status}`).join(', ')}`);
  return `${id}: ${parts.join('; ')}`;
}
