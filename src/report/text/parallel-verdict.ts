import { plays } from '../../strategies/index.js';
import { judgeSpeedup } from '../../judgement/judge.js';
import { costFigures, deliveredCores, poolCost } from '../../judgement/pool-cost.js';
import { CPU_BOUND_BUSY, DEFAULT_MARGIN } from '../../judgement/thresholds.js';
import type { Benchmark } from '../../results/schema.js';
import { formatPercent, formatThreads } from '../../format/numbers.js';
import { inconclusivePhrase, ratioWithInterval, speedupInterval, type VerdictContext } from './judgement-text.js';
import { isMeasured, maxBy, type Measured } from '../data/measured.js';
import { rawFloorPhrase } from './raw-floor.js';
import { coldStartPhrase, gcPhrase } from './warmup-line.js';
import { formatUs } from '../../format/numbers.js';

/**
 * The verdict's part about `parallel`, at its best thread count: a gain read against what the machine delivered,
 * or no gain with a cause only where this run's own figures show one (dispatch cost and task time measured on the
 * cell's pool, the cores the machine probe saw delivered). Otherwise the figures, and no cause.
 */
export function parallelPart(benchmarks: readonly Benchmark[], context: VerdictContext): string | undefined {
  const measured = benchmarks.filter(isMeasured);
  const best = maxBy(
    measured.filter((benchmark) => plays(benchmark.strategy, 'pool')),
    (benchmark) => benchmark.derived.speedup,
  );
  if (best === undefined) return undefined;
  const interval = speedupInterval(best);
  const judgement = judgeSpeedup(interval);
  const threads = formatThreads(best.threads);
  const delivered = deliveredCores(context.environment?.machine, best.threads);
  if (judgement.word === 'gain') {
    // The probe's cores bound only computing: waiting threads (I/O) need no core each.
    const computing =
      (measured.find((benchmark) => plays(benchmark.strategy, 'baseline'))?.eventLoop.utilization ?? 0) >=
      CPU_BOUND_BUSY;
    const share =
      computing && delivered !== undefined && delivered < best.derived.idealSpeedup
        ? `${formatPercent(interval.estimate / delivered)} of the ${delivered.toFixed(2)} cores this ` +
          `machine delivered in its probe`
        : `${formatPercent(best.derived.efficiency)} of ideal`;
    const causes = `${gcPhrase(best, benchmarks)}${coldStartPhrase(best)}`;
    return `parallel ${ratioWithInterval(interval)} on ${threads} (${share}${rawFloorPhrase(best)}${causes})`;
  }
  const head = `parallel at best ${ratioWithInterval(interval)} on ${threads}`;
  if (judgement.word === 'inconclusive') return `${head} — ${inconclusivePhrase(judgement, [best], context)}`;
  const word = judgement.word === 'same' ? 'no gain' : 'slower than sequential';
  const causes = `${cause(best, measured, delivered, context)}${gcPhrase(best, benchmarks)}${coldStartPhrase(best)}`;
  return `${head} — ${word}${causes}`;
}

/** ": <cause>" when this run's figures show it; " (<figures>)" when they exist but show none; else nothing. */
function cause(
  cell: Measured,
  measured: readonly Measured[],
  delivered: number | undefined,
  context: VerdictContext,
): string {
  const sequential = measured.find((benchmark) => plays(benchmark.strategy, 'baseline'));
  const figures = costFigures(cell, sequential, delivered ?? context.environment?.usableCores ?? cell.threads);
  if (figures !== undefined) {
    const cost = poolCost(figures);
    const sequentialTask = formatUs(figures.sequentialTaskUs);
    if (cost.ceiling <= 1 + DEFAULT_MARGIN && cost.limit === 'dispatch') {
      return (
        `: dispatch costs more than the pool saves (sending a task costs ` +
        `${formatUs(cost.dispatchPerTaskUs)}, ${batchText(figures.batch)}; computing one takes ` +
        `${sequentialTask})`
      );
    }
    if (cost.ceiling <= 1 + DEFAULT_MARGIN) {
      return (
        `: a task takes ${formatUs(figures.taskUs)} on a pool thread against ${sequentialTask} on the main ` +
        `thread, with ${formatThreads(cell.threads)} on ${figures.lanes.toFixed(2)} cores: the pool cannot ` +
        `outpace it`
      );
    }
  }
  if (delivered !== undefined && delivered <= 1 + DEFAULT_MARGIN && cell.threads > 1) {
    return `: the machine delivered only ${delivered.toFixed(2)} cores to ${formatThreads(cell.threads)} in its probe`;
  }
  if (figures !== undefined) {
    const ceiling = poolCost(figures).ceiling;
    return (
      ` (sending a task cost ${formatUs(figures.dispatchUs / figures.batch)}, computing one ` +
      `${formatUs(figures.taskUs)} on a pool thread: these figures alone allow up to ` +
      `${ceiling.toFixed(2)}×)`
    );
  }
  return '';
}

function batchText(batch: number): string {
  return batch === 1 ? 'one task per message' : `${batch} tasks per message`;
}
