import { plays } from '../../strategies/index.js';
import { cellTimeRatio } from '../../judgement/cell-ratio.js';
import { judgeSpeedup } from '../../judgement/judge.js';
import type { Benchmark } from '../../results/schema.js';
import { formatMs, formatRatio } from '../../format/numbers.js';
import { cellName, ratioWithInterval } from './judgement-text.js';
import { isMeasured, type Measured, maxBy } from '../data/measured.js';

/**
 * The verdict's parts about `hybrid` and about a stated floor: what hybrid bought against the best pure
 * strategy (concurrent or parallel) of the same workload, judged on their paired ratio, and how close the fastest
 * cell came to the workload's critical path. Empty when neither applies.
 */
export function hybridVerdictParts(benchmarks: Benchmark[]): string[] {
  const measured = benchmarks.filter(isMeasured);
  const parts: string[] = [];
  const hybrid = fastestOf(measured.filter((benchmark) => plays(benchmark.strategy, 'split')));
  const pure = fastestOf(
    measured.filter((benchmark) => plays(benchmark.strategy, 'loop') || plays(benchmark.strategy, 'pool')),
  );
  if (hybrid !== undefined && pure !== undefined) {
    const head = `hybrid ${formatRatio(hybrid.derived.speedup)} on ${hybrid.threads} threads`;
    // time(pure) / time(hybrid): hybrid's speedup over the best pure strategy.
    const versus = cellTimeRatio(pure, hybrid);
    const judgement = versus === undefined ? undefined : judgeSpeedup(versus);
    const pureName = cellName(pure);
    switch (judgement?.word) {
      case 'gain':
        parts.push(
          `${head}, ${ratioWithInterval(judgement.interval)} faster than the best pure strategy (${pureName})`,
        );
        break;
      case 'slower':
        parts.push(`${head}, slower than ${pureName}: ${ratioWithInterval(judgement.interval)} its speed`);
        break;
      case 'same':
        parts.push(`${head}, the same as ${pureName} within the margin: ${ratioWithInterval(judgement.interval)}`);
        break;
      default:
        parts.push(
          `${head}, not told apart from ${pureName}${judgement === undefined ? '' : `: ${ratioWithInterval(judgement.interval)}`}`,
        );
    }
  }
  const floorMs = benchmarks[0]?.workload.criticalPathMs;
  const fastest = fastestOf(measured);
  if (floorMs !== undefined && floorMs > 0 && fastest !== undefined) {
    parts.push(
      `critical path ${formatMs(floorMs)}: the fastest (${fastest.strategy}, ` +
        `${formatMs(fastest.stats.median)}) is ${formatRatio(fastest.stats.median / floorMs)} the floor`,
    );
  }
  return parts;
}

/** The cell with the lowest median, the first of equals. */
function fastestOf(benchmarks: Measured[]): Measured | undefined {
  return maxBy(benchmarks, (benchmark) => -benchmark.stats.median);
}
