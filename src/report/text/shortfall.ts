import { moreDataFlag, samplesFactorText, type RunBudget } from '../../judgement/more-data.js';
import type { OkBenchmark, ResultFile } from '../../results/schema.js';
import { median } from '../../stats/summary.js';
import { processShiftLine } from './process-shift.js';

/**
 * What a report says under a run's tables when cells fell short of --precision: how many, what would narrow them,
 * and, where one process moved every cell of a workload alike, that it did. Empty when every cell is precise. One
 * home, so the terminal, Markdown and HTML say the same.
 */
export function shortfallSentences(result: ResultFile): string[] {
  const short = result.benchmarks.filter(
    (benchmark): benchmark is OkBenchmark => benchmark.status === 'ok' && !benchmark.precision.met,
  );
  if (short.length === 0) return [];
  const target = result.config.precisionPct ?? short[0]?.precision.targetPct ?? 0;
  const shifted = processShiftLine(result.benchmarks);
  return [
    `${short.length} of ${result.benchmarks.length} cells short of ±${Number(target.toFixed(1))} % (--precision): ` +
      shortfallRemedy(short, result.config),
    ...(shifted !== undefined ? [shifted] : []),
  ];
}

/**
 * What would narrow the cells that fell short of --precision, at the spread they showed: a half-width shrinks
 * with the square root of the samples, so a cell at ±6 % against ±3 % needs about 4× its samples. The median short
 * cell's factor is the one named; the worst cell's would send every user to a run of minutes for one stubborn cell.
 * On a VM whose speed drifts with time (benchmarks/reference/machine-drift.mjs: about 10 % between 4 s spells on
 * the 2-core development VM) this is minutes, and saying so beats a bare "measure longer".
 */
export function shortfallRemedy(short: readonly OkBenchmark[], budget: RunBudget): string {
  const factor = median(short.map((cell) => (cell.precision.reachedPct / cell.precision.targetPct) ** 2));
  const flag = moreDataFlag(factor, budget, true);
  const needed = `the median one needs about ${samplesFactorText(factor)} its samples`;
  return `at the spread they showed, ${needed}${flag === undefined ? '' : ` (${flag})`}; a quieter machine needs fewer`;
}
