import type { ChangePointOptions } from '../stats/change-points.js';
import type { HistoryChange } from './analyze.js';
import type { HistoryPoint } from './series.js';

/** How history's change points are found, in the words every output (and --help) uses. */
export const METHOD_NAME =
  'Hunter change points (Fleming et al. 2023, as in Apache Otava): E-Divisive means splits (Matteson & ' +
  "James 2014) in sliding windows, each tested with Student's t-test, then merged";

export function methodParameters(options: ChangePointOptions): string {
  return `window ${options.windowLength} points, p ≤ ${options.maxPValue}${options.minMagnitude > 0 ? `, changes over ${(options.minMagnitude * 100).toFixed(1)} %` : ''}`;
}

/** "+15.2 % slower" / "−9.8 % faster": the ratio of the segment means, signed. */
export function changeSize(change: HistoryChange): string {
  const percent = (change.ratio - 1) * 100;
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)} % ${change.direction}`;
}

export function formatPValue(pValue: number): string {
  if (pValue === 0) return '0';
  return pValue >= 0.001 ? pValue.toFixed(3) : pValue.toExponential(1);
}

export function shortCommit(commit: string): string {
  return /^[0-9a-f]{12,}$/.test(commit) ? commit.slice(0, 7) : commit;
}

/** "#9 run-09.json (commit abc1234, main)": which file, counting from 1, and its commit where recorded. */
export function pointPlace(point: HistoryPoint, index: number): string {
  const commit =
    point.commit === undefined
      ? ''
      : ` (commit ${shortCommit(point.commit)}${point.branch !== undefined ? `, ${point.branch}` : ''})`;
  return `#${index + 1} ${point.file}${commit}`;
}
