import type { LineSeries } from '../chart-data.js';
import { IDEAL } from '../chart-data.js';
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
  const caption = `<figcaption>${escapeHtml(spec.title)}</figcaption>`;
  if (points.length === 0) {
    return `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" data-series-count="0">${caption}<p class="empty">No measured figures to draw.</p></figure>`;
  }
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const [xMin, xMax] = [xs[0] ?? 1, xs[xs.length - 1] ?? 1];
  const logScale = xMin > 0 && xMax / xMin > 8;
  const t = (x: number): number => (logScale ? Math.log2(x) : x);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (x: number): number =>
    xMin === xMax ? MARGIN.left + plotWidth / 2 : MARGIN.left + 12 + ((t(x) - t(xMin)) / (t(xMax) - t(xMin))) * (plotWidth - 24);
  const yTicks = niceTicks(Math.max(...points.map((p) => p.y), spec.guideY ?? 0) * 1.04);
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const yOf = (y: number): number => MARGIN.top + plotHeight - (y / yTop) * plotHeight;

  const grid = yTicks.map(
    (tick) =>
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${c(yOf(tick))}" y2="${c(yOf(tick))}"/>` +
      `<text class="tick" x="${MARGIN.left - 6}" y="${c(yOf(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
  );
  let lastLabelX = -Infinity;
  const xTicks = xs.map((x) => {
    const at = xOf(x);
    const label = at - lastLabelX >= 22 ? `<text class="tick" x="${c(at)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${x}</text>` : '';
    if (label !== '') lastLabelX = at;
    return `<line class="axis" x1="${c(at)}" x2="${c(at)}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom + 4}"/>${label}`;
  });
  const guide =
    spec.guideY === undefined ? '' : `<line class="guide" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${c(yOf(spec.guideY))}" y2="${c(yOf(spec.guideY))}"/>`;

  // Ideal lines first, so measurements are drawn over them.
  const ordered = [...spec.series].sort((a, b) => Number(b.strategy === IDEAL) - Number(a.strategy === IDEAL));
  const drawn = ordered.map((series) => {
    const style = styles.strategy(series.strategy);
    const dash = dashFor(series.strategy, series.machineIndex);
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    const path = sorted.map((p, index) => `${index === 0 ? 'M' : 'L'}${c(xOf(p.x))},${c(yOf(p.y))}`).join('');
    const ideal = series.strategy === IDEAL;
    const line = sorted.length > 1 ? `<path class="line" d="${path}" fill="none" stroke="${style.color}" stroke-width="${ideal ? 1.5 : 2.2}"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>` : '';
    const marks = sorted.map((p) => point(p.tip, markerShape(style.marker, xOf(p.x), yOf(p.y), style.color, ideal)));
    return `<g class="series" data-series="${escapeHtml(series.label)}" data-strategy="${escapeHtml(series.strategy)}">${line}${marks.join('')}</g>`;
  });

  const entries = spec.series.map((series) => {
    const style = styles.strategy(series.strategy);
    const dash = dashFor(series.strategy, series.machineIndex);
    return {
      label: series.label,
      swatch: `<line x1="1" x2="33" y1="7" y2="7" stroke="${style.color}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>${markerShape(style.marker, 17, 7, style.color, series.strategy === IDEAL)}`,
    };
  });
  const svg = [
    `<svg class="plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(spec.title)}">`,
    ...grid,
    guide,
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom}"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>`,
    ...xTicks,
    axisTitle(`${spec.xTitle}${logScale ? ' (log scale)' : ''}`, MARGIN.left + plotWidth / 2, HEIGHT - 8),
    axisTitle(spec.yTitle, 16, MARGIN.top + plotHeight / 2, true),
    ...drawn,
    '</svg>',
  ].join('');
  return `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" data-series-count="${spec.series.length}">${caption}${svg}${legend(entries)}</figure>`;
}
