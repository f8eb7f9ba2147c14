import type { Grain, Overheads } from '../../results/overheads-schema.js';
import type { BarData, LineSeries } from '../data/chart-data.js';
import { formatMs, formatPercent, formatRatio, formatThreads } from '../../format/numbers.js';
import type { ReportInput } from '../data/report-input.js';
import {
  dispatchVariants,
  grainLines,
  grainTables,
  overheadTables,
  type StudyTable,
} from '../terminal/study-tables.js';
import { renderBarChart } from './bar-chart.js';
import { escapeHtml } from './escape.js';
import { renderLineChart } from './line-chart.js';
import type { StyleBook } from './series-style.js';
import { formatBytes, formatUs } from '../../format/numbers.js';

/**
 * The HTML sections of study files (`corescope study overhead|grain`): charts of pool start-up, round trip,
 * dispatch and payload cost, and the grain sweep with its thresholds marked; the exact figures follow as tables.
 */

/** Pools drawn in their strategy's colours, so piscina looks like `parallel` everywhere in the report. */
const poolStrategy = (pool: string): string => (pool === 'piscina' ? 'parallel' : pool);
/** Grain lines: `parallel`, `raw`, and a batched parallel line (`parallel --batch auto`) in the batched colour. */
const lineStrategy = (series: string): string => (series.includes('--batch') ? 'batched' : series);

function htmlTable(table: StudyTable): string {
  const head = `<tr>${table.header.map((name, index) => `<th${index === 0 ? ' class="text"' : ''}>${escapeHtml(name)}</th>`).join('')}</tr>`;
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((value, index) => `<td${index === 0 ? ' class="text"' : ''}>${escapeHtml(value)}</td>`).join('')}</tr>`,
  );
  return (
    `<p class="table-title">${escapeHtml(table.title)}</p><div class="table-wrap"><table ` +
    `class="study">${head}${rows.join('')}</table></div>`
  );
}

function overheadCharts(input: ReportInput, overheads: Overheads, styles: StyleBook, chartId: () => string): string[] {
  const pools = [...new Set(overheads.startup.map((figure) => figure.pool))];
  const startup: LineSeries[] = pools.map((pool) => ({
    label: pool,
    strategy: poolStrategy(pool),
    machineIndex: 0,
    points: overheads.startup
      .filter((figure) => figure.pool === pool)
      .map((figure) => ({
        x: figure.threads,
        y: figure.medianMs,
        tip:
          `${input.machine} · ${pool} start-up with ${formatThreads(figure.threads)}: median ` +
          `${formatMs(figure.medianMs)} over ${figure.samplesMs.length} starts (range ` +
          `${formatMs(Math.min(...figure.samplesMs))}–${formatMs(Math.max(...figure.samplesMs))})`,
      })),
  }));
  const roundTrip: BarData = {
    categories: overheads.roundTrip.map((figure) => figure.pool),
    series: [
      {
        label: input.machine,
        strategy: 'measure',
        machineIndex: 0,
        values: overheads.roundTrip.map((figure) => ({
          value: figure.medianUs,
          tip:
            `${input.machine} · ${figure.pool}: one no-op task there and back, median ` +
            `${formatUs(figure.medianUs)} over ${figure.samplesUs.length} runs`,
        })),
      },
    ],
  };
  const variants = dispatchVariants(overheads);
  const dispatch: LineSeries[] = variants.map((variant) => ({
    label: variant.batch === 1 ? variant.pool : `${variant.pool}, ${variant.batch} per message`,
    // A batched variant is its own line: it gets its own colour and marker.
    strategy: variant.batch === 1 ? poolStrategy(variant.pool) : 'batched',
    machineIndex: 0,
    points: overheads.dispatch
      .filter((figure) => figure.pool === variant.pool && figure.batch === variant.batch)
      .map((figure) => ({
        x: figure.threads,
        y: figure.medianUs,
        tip: `${input.machine} · ${figure.pool}${figure.batch > 1 ? `, ${figure.batch} tasks per message` : ''}, ${formatThreads(figure.threads)}: ${formatUs(figure.medianUs)} per task with ${figure.queued} queued`,
      })),
  }));
  const modes = [
    ['clone', 'structured clone'],
    ['transfer', 'transfer (ArrayBuffer)'],
    ['shared', 'SharedArrayBuffer'],
  ] as const;
  const payload: LineSeries[] = modes.flatMap(([mode, name]) => {
    const figures = overheads.payload.filter((figure) => figure.mode === mode).sort((a, b) => a.bytes - b.bytes);
    if (figures.length === 0) return [];
    return [
      {
        label: name,
        strategy: `payload ${mode}`,
        machineIndex: 0,
        points: figures.map((figure) => ({
          x: figure.bytes,
          y: figure.medianUs,
          tip:
            `${input.machine} · ${name}, ${formatBytes(figure.bytes)}: round trip ` +
            `${formatUs(figure.medianUs)}, ${formatUs(Math.max(0, figure.overUs))} over the same trip ` +
            `without a payload`,
        })),
      },
    ];
  });
  return [
    renderLineChart(
      {
        kind: 'startup',
        title: 'Pool start-up per pool size',
        xTitle: 'threads (pool size)',
        yTitle: 'start-up, median (ms)',
        series: startup,
      },
      styles,
    ),
    renderBarChart(
      {
        kind: 'round-trip',
        title: 'Round trip of one no-op task',
        valueTitle: 'one task there and back, median (µs)',
        data: roundTrip,
        colorBy: 'machine',
        format: formatUs,
      },
      styles,
      chartId(),
    ),
    renderLineChart(
      {
        kind: 'dispatch',
        title: `Dispatch cost per task, ${overheads.dispatch[0]?.queued ?? 0} queued`,
        xTitle: 'threads (pool size)',
        yTitle: 'wall time per task, median (µs)',
        series: dispatch,
      },
      styles,
    ),
    renderLineChart(
      {
        kind: 'payload',
        title: 'Payload there and back: clone vs transfer vs SharedArrayBuffer',
        xTitle: 'payload size',
        yTitle: 'round trip, median',
        series: payload,
        logX: true,
        logY: true,
        formatX: formatBytes,
        formatY: formatUs,
      },
      styles,
    ),
  ];
}

function grainChart(input: ReportInput, grain: Grain, styles: StyleBook): string {
  const lines = grainLines(grain);
  const threadOrder = [...new Set(grain.threads)].sort((a, b) => a - b);
  const series: LineSeries[] = lines.flatMap((line): LineSeries[] => {
    const points = grain.points
      .filter((point) => point.series === line.series && point.threads === line.threads)
      .sort((a, b) => a.grainMs - b.grainMs);
    const name = `${line.series}, ${formatThreads(line.threads)}`;
    // Thread counts are told apart by dash pattern, as machines are elsewhere.
    const machineIndex = Math.max(0, threadOrder.indexOf(line.threads));
    const measured: LineSeries = {
      label: name,
      strategy: lineStrategy(line.series),
      machineIndex,
      points: points.map((point) => ({
        x: point.grainMs,
        y: point.efficiency * 100,
        tip: `${input.machine} · ${name}, tasks of ${formatMs(point.taskMs)} (${point.tasks} per sample${point.batch > 1 ? `, ${point.batch} per message` : ''}): efficiency ${formatPercent(point.efficiency)}, speedup ${formatRatio(point.speedup)}`,
      })),
    };
    const threshold = grain.thresholds.find(
      (candidate) => candidate.series === line.series && candidate.threads === line.threads,
    );
    // Break-even is where speedup reaches 1, i.e. efficiency 1 / ideal; the ideal is speedup / efficiency of any point.
    const sample = points.find((point) => point.efficiency > 0 && point.speedup > 0);
    const ideal = sample === undefined ? undefined : sample.speedup / sample.efficiency;
    const marks = [
      threshold?.breakEvenMs != null && ideal !== undefined
        ? {
            x: threshold.breakEvenMs,
            y: 100 / ideal,
            tip: `${input.machine} · ${name}: beats sequential from ≈ ${formatMs(threshold.breakEvenMs)} per task`,
          }
        : undefined,
      threshold?.efficient90Ms != null
        ? {
            x: threshold.efficient90Ms,
            y: 90,
            tip: `${input.machine} · ${name}: 90 % efficiency from ≈ ${formatMs(threshold.efficient90Ms)} per task`,
          }
        : undefined,
    ].filter((mark) => mark !== undefined);
    return marks.length === 0
      ? [measured]
      : [
          measured,
          {
            label: `${name}: break-even / 90 % grains`,
            strategy: lineStrategy(line.series),
            machineIndex,
            points: marks,
            marksOnly: true,
          },
        ];
  });
  return renderLineChart(
    {
      kind: 'grain',
      title: `Efficiency vs task grain (${grain.workload}), break-even and 90 % grains marked`,
      xTitle: 'task cost (ms of CPU work)',
      yTitle: 'efficiency (% of ideal)',
      series,
      guideY: 90,
      logX: true,
      formatX: (x) => String(x),
    },
    styles,
  );
}

export function studySections(inputs: readonly ReportInput[], styles: StyleBook, chartId: () => string): string[] {
  const many = inputs.length > 1;
  return inputs.flatMap((input, index) => {
    const { overheads, grain } = input.result;
    const suffix = many ? ` · ${input.machine}` : '';
    const parts: string[] = [];
    if (overheads !== undefined) {
      parts.push(
        `<h2 id="overheads-${index + 1}">${escapeHtml(`Overheads${suffix}`)}</h2>`,
        '<p class="about">What a pool costs before any work is done: starting it, one message there and ' +
          'back, handing out many queued tasks, and moving data to a thread.</p>',
        '<div class="charts">',
        ...overheadCharts(input, overheads, styles, chartId),
        '</div>',
        `<details open><summary>Overhead ` +
          `figures</summary>${overheadTables(overheads).map(htmlTable).join('')}</details>`,
      );
    }
    if (grain !== undefined) {
      parts.push(
        `<h2 id="grain-${index + 1}">${escapeHtml(`Grain sweep${suffix}`)}</h2>`,
        '<p class="about">How large a task must be for the pool to pay: efficiency against task cost per ' +
          'thread count. Hollow markers: where a line first beats sequential, and where it reaches 90 % ' +
          '(the dotted rule).</p>',
        '<div class="charts">',
        grainChart(input, grain, styles),
        '</div>',
        `<details open><summary>Grain figures</summary>${grainTables(grain).map(htmlTable).join('')}</details>`,
      );
    }
    return parts;
  });
}
