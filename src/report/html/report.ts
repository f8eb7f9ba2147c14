import { TOOL_VERSION } from '../../version.js';
import {
  cpuTimeBars,
  efficiencySeries,
  eventLoopBars,
  ioComparison,
  speedupSeries,
  workloadsOf,
} from '../data/chart-data.js';
import { formatMs } from '../../format/numbers.js';
import { renderBarChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { renderLineChart } from './line-chart.js';
import { renderPage } from './page.js';
import { machinesTable, noticeList, resultsTable } from './sections.js';
import { noticesOf } from '../text/notices.js';
import { shortfallSentences } from '../text/shortfall.js';
import { StyleBook } from './series-style.js';
import type { ReportInput } from '../data/report-input.js';
import { groupRows, tableRows } from '../columns/results-columns.js';
import { fitSeries } from '../data/scaling-fit-series.js';
import { scalingFitsBlock } from './scaling-fits.js';
import { studySections } from './study-sections.js';
import { traceTimelineFigure } from './trace-timeline.js';
import { workerFiguresTable } from './worker-figures-table.js';
import { traceOf } from '../data/trace-input.js';
import { verdictContext } from '../text/judgement-text.js';
import { verdictLine } from '../text/verdict.js';
import { plural } from '../../format/numbers.js';

function machineSummary(input: ReportInput): string {
  const { environment, run } = input.result;
  return (
    `${input.machine}: ${environment.cpuModel}, ${environment.usableCores} usable cores, Node ` +
    `${environment.node}, ${environment.platform}/${environment.arch}, ` +
    `${run.startedAt}${run.interrupted ? ' (interrupted)' : ''}`
  );
}

/**
 * One self-contained HTML file: charts as inline SVG drawn here (no chart library, nothing fetched), the
 * tables, the machines' metadata and every warning. Every string from a result file is escaped.
 */
export function renderReport(inputs: readonly ReportInput[]): string {
  const styles = new StyleBook();
  let chartCount = 0;
  const chartId = (): string => `chart-${(chartCount += 1)}`;
  const many = inputs.length > 1;
  const workloads = workloadsOf(inputs);
  const { warnings, notes } = noticesOf(inputs);
  // Study files hold no workloads: name what they do hold instead of "0 workloads".
  const studies = [
    ...new Set(
      inputs.flatMap((input) => [
        ...(input.result.overheads !== undefined ? ['overhead study'] : []),
        ...(input.result.grain !== undefined ? ['grain study'] : []),
      ]),
    ),
  ];
  const contents = [
    ...(workloads.length > 0 || studies.length === 0 ? [plural(workloads.length, 'workload')] : []),
    ...studies,
  ].join(' · ');
  const body: string[] = [
    '<header><h1>corescope report</h1>',
    `<p class="sub">${escapeHtml(`${inputs.length} result file${many ? 's' : ''}: ${inputs.map((input) => input.machine).join(', ')} · ${contents} · `)}` +
      `<a href="#warnings">${plural(warnings.length, 'warning')}</a> · ` +
      `<a href="#notes">${plural(notes.length, 'note')}</a>` +
      `${escapeHtml(` · corescope ${TOOL_VERSION}`)}</p></header>`,
    `<ul class="sub">${inputs.map((input) => `<li>${escapeHtml(machineSummary(input))}</li>`).join('')}</ul>`,
  ];

  const io = ioComparison(inputs);
  if (io.categories.length > 0) {
    body.push(
      '<h2 id="io">I/O-bound work: concurrent against sequential</h2>',
      '<p class="about">The same tasks, one after another and all at once with Promise.all, on one ' +
        "thread. Waits overlap, so concurrent time stays near one task's wait.</p>",
      '<div class="charts">',
      renderBarChart(
        {
          kind: 'io-comparison',
          title: 'Wall time per sample: sequential vs concurrent',
          valueTitle: 'median wall time of one sample (ms)',
          data: io,
          colorBy: 'strategy',
          format: formatMs,
        },
        styles,
        chartId(),
      ),
      '</div>',
    );
  }

  // One section per workload, and per libuv pool size in a --uv-threadpool sweep (workloadGroupKey): each
  // machine's rows of it, grouped once for the verdicts and the tables.
  const grouped = groupRows(tableRows(inputs));
  workloads.forEach((workload, index) => {
    const first = workload.first.workload;
    body.push(
      `<h2 id="workload-${index + 1}">${escapeHtml(workload.label)}</h2>`,
      `<p class="about">${escapeHtml(`${workload.kind}-bound · ${first?.tasks ?? '?'} tasks of size ${first?.size ?? '?'} per sample`)}</p>`,
    );
    const verdicts = inputs.flatMap((input) => {
      const rows = grouped.get(input)?.get(workload.key);
      return rows === undefined
        ? []
        : [
            `${many ? `${input.machine} · ` : ''}${verdictLine(
              rows.map((row) => row.benchmark),
              verdictContext(input.result),
            )}`,
          ];
    });
    body.push(
      `<ul class="verdicts">${verdicts.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      '<div class="charts">',
    );
    body.push(
      renderLineChart(
        {
          kind: 'speedup',
          title: 'Speedup vs threads',
          xTitle: 'threads (pool size)',
          yTitle: 'speedup (× sequential)',
          series: [...speedupSeries(inputs, workload.key), ...fitSeries(inputs, workload.key)],
          guideY: 1,
        },
        styles,
      ),
      renderLineChart(
        {
          kind: 'efficiency',
          title: 'Efficiency vs threads',
          xTitle: 'threads (pool size)',
          yTitle: 'efficiency (% of ideal)',
          series: efficiencySeries(inputs, workload.key),
          guideY: 100,
        },
        styles,
      ),
      renderBarChart(
        {
          kind: 'cpu-time',
          title: 'CPU time per strategy',
          valueTitle: 'CPU time per sample, user + system (ms)',
          data: cpuTimeBars(inputs, workload.key),
          colorBy: 'machine',
          format: formatMs,
        },
        styles,
        chartId(),
      ),
      renderBarChart(
        {
          kind: 'event-loop',
          title: 'Event-loop utilization per strategy',
          valueTitle: 'main thread event loop busy (% of wall time)',
          data: eventLoopBars(inputs, workload.key),
          colorBy: 'machine',
          format: (value) => `${value.toFixed(0)} %`,
          maxValue: 100,
        },
        styles,
        chartId(),
      ),
      '</div>',
      scalingFitsBlock(inputs, workload.key),
    );
    for (const input of inputs) {
      const capture = traceOf(input.result);
      const rows = grouped.get(input)?.get(workload.key);
      if (capture === undefined || rows === undefined) continue;
      const cells = rows.map(({ benchmark }) => ({ id: benchmark.id, strategy: benchmark.strategy }));
      const title = `Who ran when, on which thread: one traced sample per cell${many ? ` · ${input.machine}` : ''}`;
      body.push(
        traceTimelineFigure(capture, cells, styles, chartId(), title),
        workerFiguresTable(
          capture,
          cells.map((cell) => cell.id),
        ),
      );
    }
    for (const input of inputs) {
      const rows = grouped.get(input)?.get(workload.key);
      if (rows === undefined) continue;
      body.push(
        `<details${many ? '' : ' open'}><summary>${escapeHtml(`All figures${many ? ` · ${input.machine}` : ''}`)}</summary>${resultsTable(rows)}</details>`,
      );
    }
  });

  body.push(...studySections(inputs, styles, chartId));
  body.push(
    '<h2 id="machines">Machines</h2>',
    machinesTable(inputs),
    '<h2 id="warnings">Warnings</h2>',
    '<p class="about">What needs attention: a failed cell, a cell\'s own warning, a noisy machine.</p>',
    noticeList(warnings, many, 'None: every cell ran, and neither the cells nor the machine were flagged.', 'warnings'),
    '<h2 id="notes">Notes</h2>',
    '<p class="about">About precision: cells short of --precision (with what they reached), outliers kept.</p>',
    ...inputs.flatMap((input) =>
      shortfallSentences(input.result).map(
        (sentence) => `<p>${escapeHtml(many ? `${input.machine}: ${sentence}` : sentence)}</p>`,
      ),
    ),
    noticeList(notes, many, 'None: every cell reached --precision, with no outliers.', 'notes'),
  );
  return renderPage(`corescope report: ${inputs.map((input) => input.machine).join(', ')}`, body.join('\n'));
}
