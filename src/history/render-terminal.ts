import { renderTable } from '../report/terminal/table.js';
import { DEFAULT_WIDTH } from '../report/terminal/width.js';
import { wrapLines } from '../report/terminal/wrap.js';
import { formatMs } from '../format/numbers.js';
import type { HistoryAnalysis, SeriesHistory } from './analyze.js';
import { changeSize, formatPValue, methodParameters, pointPlace } from './describe.js';
import { type HistoryRegression, regressionText } from './regressions.js';
import { summaryLine } from './summary-line.js';

const SPARK_CELLS = 24;
const SPARKS = '▁▂▃▄▅▆▇█';

/** The history as plain text: per machine, a table of series, then every change point with where it began. */
export function renderHistoryTerminal(
  analysis: HistoryAnalysis,
  regressions: readonly HistoryRegression[],
  threshold: number,
  widthColumns = DEFAULT_WIDTH,
): string {
  const lines = [
    `corescope history · ${summaryLine(analysis)}`,
    `change points: Hunter (E-Divisive means + Student's t-test, as in Apache Otava) · ` +
      `${methodParameters(analysis.options)}`,
    '',
  ];
  for (const machine of analysis.machines) {
    const series = analysis.series.filter((history) => history.series.machine === machine);
    lines.push(
      `${machine.label} · ${machine.files.length} files, ordered by ` +
        `${machine.orderedBy === 'commit' ? 'commit time' : 'run start'}`,
    );
    const rows = series.map((history) => [
      clip(history.series.id, 40),
      String(history.series.points.length),
      figure(history, 0),
      figure(history, -1),
      sparkline(history.series.points.map((point) => point.medianMs)),
      changesCell(history),
    ]);
    lines.push(
      renderTable(['benchmark', 'points', 'first', 'newest', 'trend, oldest → newest', 'change points'], rows, {
        textColumns: [0, 4, 5],
        widthColumns,
      }),
      '',
    );
  }
  const changed = analysis.series.filter((history) => history.changes.length > 0);
  if (changed.length > 0) {
    lines.push('Change points (the file named is the first after the step)');
    for (const history of changed) {
      for (const change of history.changes) {
        lines.push(
          `  ${history.series.id}: ${changeSize(change)} (${formatMs(change.meanBeforeMs)} → ` +
            `${formatMs(change.meanAfterMs)}, p = ${formatPValue(change.pValue)})`,
        );
        lines.push(
          `      from ${pointPlace(change.point, change.index)}${analysis.machines.length > 1 ? ` · ${history.series.machine.label}` : ''}`,
        );
      }
    }
    lines.push('');
  }
  for (const note of analysis.notes) lines.push(`note: ${note}`);
  if (regressions.length === 0) lines.push(`No series ends on a slowdown beyond ${(threshold * 100).toFixed(1)} %.`);
  for (const regression of regressions)
    lines.push(`regression: ${regressionText(regression, analysis.machines.length > 1)}`);
  // Tables arrive as one multi-line string and fit already; what is still too wide is prose, wrapped.
  return `${wrapLines(lines, widthColumns).join('\n')}\n`;
}

function figure(history: SeriesHistory, at: number): string {
  const point = history.series.points.at(at);
  return point === undefined ? '–' : formatMs(point.medianMs);
}

function changesCell(history: SeriesHistory): string {
  if (history.note !== undefined) return history.note;
  const newest = history.changes.at(-1);
  if (newest === undefined) return 'none';
  return `${history.changes.length}; newest ${changeSize(newest)} at #${newest.index + 1}`;
}

/** The newest SPARK_CELLS medians as bars scaled between the series' own minimum and maximum. */
export function sparkline(values: readonly number[]): string {
  const shown = values.slice(-SPARK_CELLS);
  const low = Math.min(...shown);
  const high = Math.max(...shown);
  const bars = shown
    .map((value) => SPARKS[high === low ? 3 : Math.round(((value - low) / (high - low)) * (SPARKS.length - 1))] ?? '?')
    .join('');
  return values.length > SPARK_CELLS ? `…${bars}` : bars;
}

/** Cuts a line to `width` characters, marking the cut. */
function clip(text: string, width: number): string {
  const characters = [...text];
  return characters.length <= width ? text : `${characters.slice(0, width - 1).join('')}…`;
}
