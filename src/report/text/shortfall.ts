import { moreDataFlag, samplesFactorText, type RunBudget } from '../../judgement/more-data.js';
import type { OkBenchmark } from '../../results/schema.js';
import { median } from '../../stats/summary.js';

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
