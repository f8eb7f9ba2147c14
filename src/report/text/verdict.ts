import { plays } from '../../strategies/index.js';
import { cellTimeRatio } from '../../judgement/cell-ratio.js';
import { fastestOf } from '../../judgement/fastest.js';
import { judgeSpeedup } from '../../judgement/judge.js';
import { CPU_BOUND_BUSY, DEFAULT_MARGIN } from '../../judgement/thresholds.js';
import type { Benchmark } from '../../results/schema.js';
import { formatPercent } from '../../format/numbers.js';
import { hybridVerdictParts } from './hybrid-verdict.js';
import {
  cellName,
  cellNames,
  inconclusivePhrase,
  ratioWithInterval,
  speedupInterval,
  type VerdictContext,
} from './judgement-text.js';
import { workloadGroupLabel } from '../data/workload-group.js';
import { libuvGainReason } from './libuv.js';
import { isMeasured, type Measured } from '../data/measured.js';
import { parallelPart } from './parallel-verdict.js';

/**
 * One plain-language line per workload, read off the measurements (not off the workload's declared kind): what
 * `concurrent` bought, what `parallel` bought at its best thread count, and which cells were fastest. Every word
 * comes from an interval against the margin (judgement/judge.ts), and a cause is given only where a figure of the
 * same run shows it.
 */
export function verdictLine(benchmarks: Benchmark[], context: VerdictContext = {}): string {
  const first = benchmarks[0];
  if (first === undefined) return '';
  const measured = benchmarks.filter(isMeasured);
  const parts: string[] = [];

  const concurrent = measured.find((benchmark) => plays(benchmark.strategy, 'loop'));
  if (concurrent !== undefined) parts.push(concurrentPart(concurrent, measured, context));
  const parallel = parallelPart(benchmarks, context);
  if (parallel !== undefined) parts.push(parallel);
  parts.push(...hybridVerdictParts(benchmarks));
  const fastest = fastestPart(measured);
  if (fastest !== undefined) parts.push(fastest);

  const failed = benchmarks.filter((benchmark) => benchmark.status !== 'ok' && benchmark.status !== 'skipped');
  if (failed.length > 0)
    parts.push(
      `${failed.length} cell(s) failed: ${failed.map((benchmark) => `${benchmark.id} ${benchmark.status}`).join(', ')}`,
    );
  return `${workloadGroupLabel(first)}: ${parts.join('; ')}`;
}

function concurrentPart(concurrent: Measured, measured: readonly Measured[], context: VerdictContext): string {
  const interval = speedupInterval(concurrent);
  const judgement = judgeSpeedup(interval);
  const head = `concurrent ${ratioWithInterval(interval)}`;
  // The one figure that says whether the tasks wait or compute: the main thread's busy share, run one at a time.
  const busy = measured.find((benchmark) => plays(benchmark.strategy, 'baseline'))?.eventLoop.utilization;
  const computing = busy !== undefined && busy >= CPU_BOUND_BUSY;
  switch (judgement.word) {
    case 'gain': {
      const why =
        libuvGainReason(concurrent) ??
        (busy !== undefined && !computing
          ? `the waits overlap on one thread (run one at a time, it idled ${formatPercent(1 - busy)} of the time)`
          : undefined);
      return `${head} — gain${why === undefined ? '' : `: ${why}`}`;
    }
    case 'same':
      return `${head} — no gain${computing ? `: run one at a time the main thread computed ${formatPercent(busy)} of the time, so Promise.all only takes turns` : ''}`;
    case 'slower':
      return `${head} — slower${computing ? `: the tasks take turns on one thread that computed ${formatPercent(busy)} of the time run one at a time` : ''}`;
    case 'inconclusive':
      return `${head} — ${inconclusivePhrase(judgement, [concurrent], context)}`;
  }
}

/** "fastest: X", or the best and every cell the data cannot separate from it, said as a tie. */
function fastestPart(measured: readonly Measured[]): string | undefined {
  const fastest = fastestOf(
    measured,
    (benchmark) => benchmark.derived.speedup,
    (item, best) => cellTimeRatio(item, best),
  );
  if (fastest === undefined) return undefined;
  const [, ...others] = fastest.tied;
  if (others.length === 0) {
    return plays(fastest.best.strategy, 'baseline')
      ? 'fastest: sequential — no strategy beats it here'
      : `fastest: ${cellName(fastest.best)}`;
  }
  const allSame = others.every((tie) => tie.judgement?.word === 'same');
  const how = allSame ? `the same within ±${formatPercent(DEFAULT_MARGIN)}` : 'not told apart';
  return `fastest: ${cellName(fastest.best)}, tied with ${cellNames(others.map((tie) => tie.item))} (${how})`;
}
