import type { LineSeries } from '../data/chart-data.js';
import { formatMs, formatRatePerS } from '../../format/numbers.js';
import type { ServeResult, ServeSeries, Spread } from '../../results/serve-schema.js';
import { escapeHtml } from './escape.js';
import { renderLineChart } from './line-chart.js';
import { renderPage } from './page.js';
import { StyleBook } from './series-style.js';

/**
 * A serve study as one HTML page: latency against offered load, one line per strategy (the hockey stick), for
 * `/health` (everyone else) and `/compute` (the work itself), and throughput against offered load.
 */

function seriesLabel(series: ServeSeries): string {
  return series.strategy === 'parallel' || series.strategy === 'hybrid'
    ? `${series.strategy} (${series.threads} threads)`
    : `${series.strategy} (inline)`;
}

function lines(
  result: ServeResult,
  pick: (summary: NonNullable<ServeSeries['points'][number]['summary']>) => Spread,
  format: (value: number) => string,
): LineSeries[] {
  return result.series.map((series) => ({
    label: seriesLabel(series),
    strategy: series.strategy,
    machineIndex: 0,
    points: series.points.flatMap((point) => {
      if (point.summary === null) return [];
      const spread = pick(point.summary);
      return [
        {
          x: point.offeredPerS,
          y: spread.median,
          tip:
            `${seriesLabel(series)} at ${formatRatePerS(point.offeredPerS)}: ${format(spread.median)} ` +
            `(${format(spread.min)}–${format(spread.max)}, ${spread.n} repeats)`,
        },
      ];
    }),
  }));
}

/** Axis ticks at powers of ten, short enough for the axis: "1 ms", "100 ms", "1 s". */
function latencyTick(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toPrecision(3))} s` : `${Number(ms.toPrecision(3))} ms`;
}

export function renderServePage(result: ServeResult): string {
  const styles = new StyleBook();
  const title = `corescope serve: ${result.config.workload.id}`;
  const latency = (kind: string, chartTitle: string, pick: Parameters<typeof lines>[1]): string =>
    renderLineChart(
      {
        kind,
        title: chartTitle,
        xTitle: 'offered /compute rate (req/s)',
        // The chart's title names the figure; a rotated axis title would run into the tick labels.
        yTitle: '',
        series: lines(result, pick, formatMs),
        logX: true,
        logY: true,
        formatY: latencyTick,
      },
      styles,
    );
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(
      `${result.environment.cpuModel} · ${result.environment.usableCores} usable cores · Node ` +
        `${result.environment.node} · ${result.config.repeats} repeats of ${result.config.durationMs} ms per rate; ` +
        'latency from each request’s intended send time (coordinated omission corrected).',
    )}</p>`,
    `<section class="verdict">${result.verdict.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</section>`,
    latency(
      'serve-health',
      '/health p99 against offered /compute load: what everyone else waits',
      (s) => s.healthP99Ms,
    ),
    latency('serve-compute', '/compute p99 against offered load: the hockey stick', (s) => s.computeP99Ms),
    renderLineChart(
      {
        kind: 'serve-throughput',
        title: 'Achieved /compute throughput against offered load',
        xTitle: 'offered /compute rate (req/s)',
        yTitle: 'achieved (req/s)',
        series: lines(result, (s) => s.achievedPerS, formatRatePerS),
        logX: true,
      },
      styles,
    ),
    result.warnings.length > 0
      ? `<section class="warnings">${result.warnings.map((w) => `<p>${escapeHtml(w)}</p>`).join('')}</section>`
      : '',
  ].join('\n');
  return renderPage(title, body);
}
