import type { HistoryAnalysis, HistoryChange, SeriesHistory } from './analyze.js';
import { changeSize, pointPlace } from './describe.js';

export interface HistoryRegression {
  history: SeriesHistory;
  change: HistoryChange;
}

/**
 * Series whose newest change point is a slowdown beyond `threshold` (a fraction: 0.05 = 5 %): what
 * `--fail-on-regression` exits 3 on. An older slowdown that a newer change undid, or followed, is not counted:
 * only where each series stands now.
 */
export function newestRegressions(analysis: HistoryAnalysis, threshold: number): HistoryRegression[] {
  return analysis.series.flatMap((history) => {
    const change = history.changes.at(-1);
    return change !== undefined && change.direction === 'slower' && change.ratio - 1 > threshold
      ? [{ history, change }]
      : [];
  });
}

/** One line naming the regression: id, size, where it began, and the machine when several are in play. */
export function regressionText(regression: HistoryRegression, withMachine: boolean): string {
  const { history, change } = regression;
  const machine = withMachine ? ` on ${history.series.machine.label}` : '';
  return `${history.series.id}${machine}: ${changeSize(change)} from ${pointPlace(change.point, change.index)}`;
}
