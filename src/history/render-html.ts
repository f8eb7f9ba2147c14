import { formatMs } from '../format/numbers.js';
import { escapeHtml } from '../report/html/escape.js';
import { renderPage } from '../report/html/page.js';
import { TOOL_VERSION } from '../version.js';
import type { HistoryAnalysis } from './analyze.js';
import { changeSize, formatPValue, METHOD_NAME, methodParameters, shortCommit } from './describe.js';
import { type HistoryRegression, regressionText } from './regressions.js';
import { summaryLine } from './summary-line.js';
import { renderTrendChart } from './trend-chart.js';

/**
 * One self-contained HTML file: a trend chart per series (benchmark id × machine), the change points as a
 * table, and the notes. The page, its styles and its policy are the report's (report/html/page.ts): nothing is
 * fetched, and every string from a result file is escaped.
 */
export function renderHistoryHtml(
  analysis: HistoryAnalysis,
  regressions: readonly HistoryRegression[],
  threshold: number,
): string {
  const body = [
    '<header><h1>corescope history</h1>',
    `<p class="sub">${escapeHtml(`${summaryLine(analysis)} · corescope ${TOOL_VERSION}`)}</p></header>`,
    `<p class="about">${escapeHtml(`Change points: ${METHOD_NAME}; ${methodParameters(analysis.options)}.`)}</p>`,
    regressions.length > 0
      ? `<ul class="warnings">${regressions.map((regression) => `<li>${escapeHtml(`Regression: ${regressionText(regression, analysis.machines.length > 1)}`)}</li>`).join('')}</ul>`
      : `<p class="about">${escapeHtml(`No series ends on a slowdown beyond ${(threshold * 100).toFixed(1)} %.`)}</p>`,
  ];
  analysis.machines.forEach((machine, index) => {
    const series = analysis.series.filter((history) => history.series.machine === machine);
    body.push(
      `<h2 id="machine-${index + 1}">${escapeHtml(machine.label)}</h2>`,
      `<p class="about">${escapeHtml(`${machine.files.length} files, ordered by ${machine.orderedBy === 'commit' ? 'commit time' : 'run start'}: ${machine.files.map((file) => file.name).join(', ')}`)}</p>`,
      '<div class="charts">',
      ...series.map(renderTrendChart),
      '</div>',
    );
    const rows = series.flatMap((history) =>
      history.changes.map(
        (change) =>
          `<tr><td class="text"><code>${escapeHtml(history.series.id)}</code></td><td ` +
          `class="text">${escapeHtml(changeSize(change))}</td>` +
          `<td>${escapeHtml(`${formatMs(change.meanBeforeMs)} → ${formatMs(change.meanAfterMs)}`)}</td>` +
          `<td class="text">${escapeHtml(`#${change.index + 1} ${change.point.file}`)}</td><td class="text">${change.point.commit === undefined ? '–' : `<code>${escapeHtml(shortCommit(change.point.commit))}</code>`}</td>` +
          `<td>${escapeHtml(formatPValue(change.pValue))}</td></tr>`,
      ),
    );
    if (rows.length > 0) {
      body.push(
        '<div class="table-wrap"><table class="change-points"><caption>Change points (the file named is ' +
          'the first after the step)</caption>',
        '<tr><th>benchmark</th><th class="text">change</th><th>before → after</th><th ' +
          'class="text">from</th><th class="text">commit</th><th>p</th></tr>',
        ...rows,
        '</table></div>',
      );
    }
  });
  if (analysis.notes.length > 0)
    body.push(
      '<h2 id="notes">Notes</h2>',
      `<ul class="warnings">${analysis.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`,
    );
  return renderPage(`corescope history: ${summaryLine(analysis)}`, body.join('\n'));
}
