import type { LineSeries } from '../data/chart-data.js';
import { IDEAL } from '../data/chart-data.js';
import { coordinate as c, escapeHtml } from './escape.js';
import { dashFor, type StyleBook } from './series-style.js';
import { axisTitle, formatTick, legend, markerShape, niceTicks, point } from './svg-parts.js';

export interface LineChartSpec {
  /** Kind of chart, for the page and its tests: "speedup", "efficiency". */
  kind: string;
  title: string;
  xTitle: string;
  yTitle: string;
  series: readonly LineSeries[];
  /** A reference level drawn as a faint rule (1× speedup, 100 % efficiency). */
  guideY?: number;
  /** Log scale on x whatever the range (sizes, grains); by default only past an 8× range of thread counts. */
  logX?: boolean;
  /** Log scale on y, ticks at powers of ten (costs from µs to ms); else linear from 0. */
  logY?: boolean;
  /** Tick label of an x value (default: the number as is). */
  formatX?: (x: number) => string;
  /** Tick label of a y value (default: the number as is). */
  formatY?: (y: number) => string;
}

/** Powers of ten from just below `min` to just above `max`: the ticks of a log axis. */
function decadeTicks(min: number, max: number): number[] {
  const low = Math.floor(Math.log10(min));
  const high = Math.max(low + 1, Math.ceil(Math.log10(max)));
  return Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
}

const WIDTH = 520;
const HEIGHT = 300;
const MARGIN = { left: 58, right: 18, top: 14, bottom: 46 };

/**
 * A line chart over thread counts. The x axis is linear up to an 8× range of thread counts and log2 beyond,
 * so 1–2–4–…–64 stay evenly readable; ticks sit on the thread counts actually measured.
 */
export function renderLineChart(spec: LineChartSpec, styles: StyleBook): string {
  const points = spec.series.flatMap((series) => series.points);
  // A fitted curve spans the x range of its series' own points; its y values may rise above every point.
  const curveYs = spec.series.flatMap((series) => series.fit?.curve.map((p) => p.y) ?? []);
  const caption = `<figcaption>${escapeHtml(spec.title)}</figcaption>`;
  if (points.length === 0) {
    return (
      `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" data-series-count="0">${caption}<p ` +
      `class="empty">No measured figures to draw.</p></figure>`
    );
  }
  // Ticks sit on measured (and predicted) x values; threshold marks lie between them and get no tick of their own.
  const xs = [
    ...new Set(spec.series.flatMap((series) => (series.marksOnly === true ? [] : series.points.map((p) => p.x)))),
  ].sort((a, b) => a - b);
  const allXs = points.map((p) => p.x);
  const [xMin, xMax] = [Math.min(xs[0] ?? Infinity, ...allXs), Math.max(xs[xs.length - 1] ?? -Infinity, ...allXs)];
  const logScale = xMin > 0 && (spec.logX === true || xMax / xMin > 8);
  const t = (x: number): number => (logScale ? Math.log2(x) : x);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (x: number): number =>
    xMin === xMax
      ? MARGIN.left + plotWidth / 2
      : MARGIN.left + 12 + ((t(x) - t(xMin)) / (t(xMax) - t(xMin))) * (plotWidth - 24);
  const yValues = [...points.map((p) => p.y), ...curveYs];
  const positive = yValues.filter((y) => y > 0);
  const logY = spec.logY === true && positive.length > 0;
  const yTicks = logY
    ? decadeTicks(Math.min(...positive), Math.max(...positive))
    : niceTicks(Math.max(...yValues, spec.guideY ?? 0) * 1.04);
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const yBottom = yTicks[0] ?? 1;
  const yOf = (y: number): number =>
    logY
      ? MARGIN.top +
        plotHeight -
        ((Math.log10(Math.max(y, yBottom)) - Math.log10(yBottom)) / (Math.log10(yTop) - Math.log10(yBottom))) *
          plotHeight
      : MARGIN.top + plotHeight - (y / yTop) * plotHeight;
  const formatX = spec.formatX ?? String;
  const formatY = spec.formatY ?? formatTick;

  const grid = yTicks.map(
    (tick) =>
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${c(yOf(tick))}" ` +
      `y2="${c(yOf(tick))}"/>` +
      (`<text class="tick" x="${MARGIN.left - 6}" y="${c(yOf(tick) + 4)}" ` +
        `text-anchor="end">${escapeHtml(formatY(tick))}</text>`),
  );
  let lastLabelX = -Infinity;
  const xTicks = xs.map((x) => {
    const at = xOf(x);
    const label =
      at - lastLabelX >= (spec.formatX === undefined ? 22 : 46)
        ? `<text class="tick" x="${c(at)}" y="${HEIGHT - MARGIN.bottom + 16}" ` +
          `text-anchor="middle">${escapeHtml(formatX(x))}</text>`
        : '';
    if (label !== '') lastLabelX = at;
    return (
      `<line class="axis" x1="${c(at)}" x2="${c(at)}" y1="${HEIGHT - MARGIN.bottom}" ` +
      `y2="${HEIGHT - MARGIN.bottom + 4}"/>${label}`
    );
  });
  const guide =
    spec.guideY === undefined
      ? ''
      : `<line class="guide" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${c(yOf(spec.guideY))}" ` +
        `y2="${c(yOf(spec.guideY))}"/>`;

  // Models first (ideal lines, fits), so measurements are drawn over them.
  const isModel = (series: LineSeries): number => Number(series.strategy === IDEAL || series.fit !== undefined);
  const ordered = [...spec.series].sort((a, b) => isModel(b) - isModel(a));
  const drawn = ordered.map((series) => {
    const style = styles.strategy(series.strategy);
    const dash = seriesDash(series);
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    // A fit's curve is clipped to the chart's x range (it starts at 1 thread, which a sweep may not measure).
    const through = series.fit === undefined ? sorted : series.fit.curve.filter((p) => p.x >= xMin && p.x <= xMax);
    const path = through.map((p, index) => `${index === 0 ? 'M' : 'L'}${c(xOf(p.x))},${c(yOf(p.y))}`).join('');
    const hollow = series.strategy === IDEAL || series.fit !== undefined || series.marksOnly === true;
    const width = series.strategy === IDEAL || series.fit !== undefined ? 1.5 : 2.2;
    const line =
      through.length > 1 && series.marksOnly !== true
        ? `<path class="line" d="${path}" fill="none" stroke="${style.color}" stroke-width="${width}"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`
        : '';
    const marks = sorted.map((p) => point(p.tip, markerShape(style.marker, xOf(p.x), yOf(p.y), style.color, hollow)));
    const role = series.fit !== undefined ? ' data-role="fit"' : series.marksOnly === true ? ' data-role="marks"' : '';
    return (
      `<g class="series" data-series="${escapeHtml(series.label)}" ` +
      `data-strategy="${escapeHtml(series.strategy)}"${role}>${line}${marks.join('')}</g>`
    );
  });

  // Threshold marks explain themselves in the chart's note; a legend entry per line would double the legend.
  const entries = spec.series
    .filter((series) => series.marksOnly !== true)
    .map((series) => {
      const style = styles.strategy(series.strategy);
      const dash = seriesDash(series);
      const hollow = series.strategy === IDEAL || series.fit !== undefined || series.marksOnly === true;
      const line =
        series.marksOnly === true
          ? ''
          : `<line x1="1" x2="33" y1="7" y2="7" stroke="${style.color}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
      return { label: series.label, swatch: `${line}${markerShape(style.marker, 17, 7, style.color, hollow)}` };
    });
  const svg = [
    `<svg class="plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}">`,
    ...grid,
    guide,
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" ` +
      `y2="${HEIGHT - MARGIN.bottom}"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>`,
    ...xTicks,
    axisTitle(`${spec.xTitle}${logScale ? ' (log scale)' : ''}`, MARGIN.left + plotWidth / 2, HEIGHT - 8),
    axisTitle(spec.yTitle, 16, MARGIN.top + plotHeight / 2, true),
    ...drawn,
    '</svg>',
  ].join('');
  return (
    `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" ` +
    `data-series-count="${spec.series.length}">${caption}${svg}${legend(entries)}</figure>`
  );
}

/** A fit is dashed like the ideal line, but in its strategy's colour; machines keep their own pattern. */
function seriesDash(series: LineSeries): string {
  const own = dashFor(series.strategy, series.machineIndex);
  return series.fit !== undefined && own === '' ? '6 3' : own;
}
