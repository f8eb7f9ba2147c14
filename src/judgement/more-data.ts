/**
 * What to run to decide an inconclusive judgement, from the samples factor judge.ts estimates and the settings of
 * the run that measured it: more rounds when the run fixed them, a longer --max-time when the cell ran out of
 * budget, a tighter --precision when it stopped because it had reached the one asked for.
 */

export interface RunBudget {
  /** --rounds per measuring process, or null when the run stopped on precision or time. */
  rounds: number | null;
  /** --max-time per workload, ms (absent in files of schemaVersion 1). */
  maxTimeMs?: number | undefined;
  /** --precision, % (absent in files of schemaVersion 1). */
  precisionPct?: number | undefined;
}

/** The flag (and value) that would give about `factor` times the samples; undefined when the budget says nothing. */
export function moreDataFlag(factor: number, budget: RunBudget, stoppedOnBudget: boolean): string | undefined {
  if (!(factor > 1)) return undefined;
  if (budget.rounds !== null) return `--rounds ${Math.ceil(budget.rounds * factor)}`;
  if (stoppedOnBudget && budget.maxTimeMs !== undefined)
    return `--max-time ${Math.ceil((budget.maxTimeMs * factor) / 1000)}s`;
  if (!stoppedOnBudget && budget.precisionPct !== undefined)
    return `--precision ${trimmed(budget.precisionPct / Math.sqrt(factor))}`;
  return undefined;
}

/** "about 2.4× the samples (--max-time 6s)", or why no run length would do. */
export function moreDataPhrase(factor: number | null, budget?: RunBudget, stoppedOnBudget = true): string {
  if (factor === null) return 'its estimate sits too close to the margin to say what run length would decide it';
  const flag = budget === undefined ? undefined : moreDataFlag(factor, budget, stoppedOnBudget);
  return `about ${samplesFactorText(factor)} the samples would likely decide${flag === undefined ? '' : ` (${flag})`}`;
}

/** "2.4×", "13×": a factor of samples, rounded up at one decimal (whole numbers from 10). */
export function samplesFactorText(factor: number): string {
  return `${trimmed(Math.ceil(factor * 10) / 10)}×`;
}

function trimmed(value: number): string {
  return String(Number(value.toFixed(value < 10 ? 1 : 0)));
}
