import { escapeCell, markdownTable } from '../report/compare/markdown.js';
import { formatMs } from '../format/numbers.js';
import type { HistoryAnalysis } from './analyze.js';
import { changeSize, formatPValue, METHOD_NAME, methodParameters, shortCommit } from './describe.js';
import { type HistoryRegression, regressionText } from './regressions.js';
import { summaryLine } from './summary-line.js';

/** GitHub-flavoured Markdown, for a job summary or a pull-request comment. */
export function renderHistoryMarkdown(
  analysis: HistoryAnalysis,
  regressions: readonly HistoryRegression[],
  threshold: number,
): string {
  const lines = [
    '## corescope history',
    '',
    `${escapeCell(summaryLine(analysis))}`,
    '',
    `_Change points: ${escapeCell(METHOD_NAME)}; ${escapeCell(methodParameters(analysis.options))}._`,
    '',
  ];
  if (regressions.length > 0) {
    for (const regression of regressions)
      lines.push(`**Regression: ${escapeCell(regressionText(regression, analysis.machines.length > 1))}**`, '');
  } else {
    lines.push(`No series ends on a slowdown beyond ${(threshold * 100).toFixed(1)} %.`, '');
  }
  for (const machine of analysis.machines) {
    const series = analysis.series.filter((history) => history.series.machine === machine);
    lines.push(
      `### ${escapeCell(machine.label)}`,
      '',
      `${machine.files.length} files, ordered by ${machine.orderedBy === 'commit' ? 'commit time' : 'run start'}.`,
      '',
    );
    const rows = series.map((history) => {
      const points = history.series.points;
      const newest = history.changes.at(-1);
      const changes =
        history.note ??
        (newest === undefined
          ? 'none'
          : `${history.changes.length}; newest ${changeSize(newest)} at #${newest.index + 1}`);
      return [
        `\`${history.series.id}\``,
        String(points.length),
        points[0] === undefined ? '–' : formatMs(points[0].medianMs),
        points.at(-1) === undefined ? '–' : formatMs(points.at(-1)?.medianMs ?? 0),
        changes,
      ];
    });
    lines.push(markdownTable(['benchmark', 'points', 'first', 'newest', 'change points'], rows, [4]), '');
    const changed = series.filter((history) => history.changes.length > 0);
    if (changed.length === 0) continue;
    lines.push('#### Change points', '');
    const changeRows = changed.flatMap((history) =>
      history.changes.map((change) => [
        `\`${history.series.id}\``,
        changeSize(change),
        `${formatMs(change.meanBeforeMs)} → ${formatMs(change.meanAfterMs)}`,
        `#${change.index + 1} ${change.point.file}`,
        change.point.commit === undefined ? '–' : `\`${shortCommit(change.point.commit)}\``,
        formatPValue(change.pValue),
      ]),
    );
    lines.push(
      markdownTable(
        ['benchmark', 'change', 'before → after', 'from (first file after the step)', 'commit', 'p'],
        changeRows,
        [1, 3, 4],
      ),
      '',
    );
  }
  if (analysis.notes.length > 0)
    lines.push('### Notes', '', ...analysis.notes.map((note) => `- ${escapeCell(note)}`), '');
  return lines.join('\n');
}
