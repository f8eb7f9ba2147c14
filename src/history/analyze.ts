import { UsageError } from '../errors.js';
import { type ChangePointOptions, detectChangePoints } from '../stats/change-points.js';
import type { HistoryFile } from './history-files.js';
import { type HistoryPoint, type HistorySeries, type MachineHistory, machineHistories, seriesOf } from './series.js';
import { plural } from '../format/numbers.js';

/** Below this many points a series gets a note and no change point: a step needs points on both sides to judge. */
export const MIN_POINTS = 3;

export interface HistoryChange {
  /** Index of the first point after the step. */
  index: number;
  /** Where the step began: the first file (and commit) after it. */
  point: HistoryPoint;
  /** mean after / mean before, over the medians of the segments either side. */
  ratio: number;
  direction: 'slower' | 'faster';
  pValue: number;
  meanBeforeMs: number;
  meanAfterMs: number;
}

export interface SeriesHistory {
  series: HistorySeries;
  /** Oldest first. */
  changes: HistoryChange[];
  /** Why the series has no change points to show, when it cannot have any. */
  note?: string;
}

export interface HistoryAnalysis {
  options: ChangePointOptions;
  fileCount: number;
  machines: MachineHistory[];
  series: SeriesHistory[];
  notes: string[];
}

/**
 * Builds every series (benchmark id × machine) and finds its change points. Throws UsageError (exit 2) when
 * the files cannot form a history: fewer than two, or no benchmark id measured in two files of one machine.
 */
export function analyzeHistory(files: readonly HistoryFile[], options: ChangePointOptions): HistoryAnalysis {
  if (files.length < 2)
    throw new UsageError(`history: give at least two result files or a directory of them (got ${files.length})`);
  const withBenchmarks = files.filter((file) => file.result.benchmarks.length > 0);
  const notes: string[] = [];
  const studies = files.length - withBenchmarks.length;
  if (studies > 0) notes.push(`${plural(studies, 'study file')} (no benchmarks) left out`);
  const machines = machineHistories(withBenchmarks);
  const all = machines.flatMap(seriesOf);
  if (!all.some((series) => series.points.length >= 2)) {
    const listed = withBenchmarks
      .slice(0, 3)
      .map((file) => file.name)
      .join(', ');
    throw new UsageError(
      `history: no benchmark id was measured in two files from the same machine ` +
        `(${listed}${withBenchmarks.length > 3 ? ', …' : ''})`,
    );
  }
  if (machines.length > 1)
    notes.push(
      `${machines.length} machines: each has its own series, never mixed ` +
        `(${machines.map((history) => history.label).join('; ')})`,
    );
  const short = all.filter((series) => series.points.length < MIN_POINTS);
  if (short.length > 0) {
    const named = short
      .slice(0, 4)
      .map((series) => `${series.id} (${series.points.length})`)
      .join(', ');
    notes.push(
      `${short.length} series with fewer than ${MIN_POINTS} points get no change point: ` +
        `${named}${short.length > 4 ? ', …' : ''}`,
    );
  }
  return {
    options,
    fileCount: files.length,
    machines,
    series: all.map((series) => analyzeSeries(series, options)),
    notes,
  };
}

function analyzeSeries(series: HistorySeries, options: ChangePointOptions): SeriesHistory {
  if (series.points.length < MIN_POINTS)
    return { series, changes: [], note: `${plural(series.points.length, 'point')}: too few to judge` };
  const changes = detectChangePoints(
    series.points.map((point) => point.medianMs),
    options,
  ).flatMap((change): HistoryChange[] => {
    const point = series.points[change.index];
    if (point === undefined) return [];
    return [
      {
        index: change.index,
        point,
        ratio: change.ratio,
        direction: change.ratio >= 1 ? 'slower' : 'faster',
        pValue: change.pValue,
        meanBeforeMs: change.meanBefore,
        meanAfterMs: change.meanAfter,
      },
    ];
  });
  return { series, changes };
}
