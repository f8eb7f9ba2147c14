import type { BarData, BarSeries } from '../data/chart-data.js';
import { coordinate as c, escapeHtml } from './escape.js';
import { hatchAngle, type StrategyStyle, type StyleBook } from './series-style.js';
import { axisTitle, formatTick, legend, niceTicks, point } from './svg-parts.js';

export interface BarChartSpec {
  kind: string;
  title: string;
  valueTitle: string;
  data: BarData;
  /** Colour bars by strategy (sequential vs concurrent) or by machine (one series per file). */
  colorBy: 'strategy' | 'machine';
  /** Short figure printed at the end of each bar. */
  format(value: number): string;
  /** Fixed top of the value axis (100 for a percentage); else a round value above the largest bar. */
  maxValue?: number;
}

const WIDTH = 520;
const BAR_HEIGHT = 13;
const BAR_GAP = 2;
const GROUP_GAP = 12;
const MARGIN = { right: 62, top: 8, bottom: 42 };

/**
 * Horizontal grouped bars: categories down the side (their labels can be long), one bar per series in each.
 * A second machine's bars are hatched, a third's hatched the other way, so they differ without colour.
 */
export function renderBarChart(spec: BarChartSpec, styles: StyleBook, chartId: string): string {
  const { categories, series } = spec.data;
  const caption = `<figcaption>${escapeHtml(spec.title)}</figcaption>`;
  if (categories.length === 0 || series.length === 0) {
    return (
      `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" data-series-count="0">${caption}<p ` +
      `class="empty">No measured figures to draw.</p></figure>`
    );
  }
  const longest = Math.max(...categories.map((category) => category.length));
  const left = Math.min(190, Math.max(70, longest * 6.6 + 14));
  const groupHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const plotHeight = categories.length * (groupHeight + GROUP_GAP) - GROUP_GAP;
  const height = MARGIN.top + plotHeight + MARGIN.bottom;
  const plotWidth = WIDTH - left - MARGIN.right;
  const values = series.flatMap((entry) => entry.values.flatMap((value) => (value === null ? [] : [value.value])));
  const ticks = spec.maxValue !== undefined ? niceTicks(spec.maxValue, 4) : niceTicks(Math.max(...values) * 1.02);
  const top = ticks[ticks.length - 1] ?? 1;
  const xOf = (value: number): number => left + (Math.min(value, top) / top) * plotWidth;

  const styleOf = (entry: BarSeries): StrategyStyle =>
    spec.colorBy === 'machine' ? styles.machine(entry.machineIndex) : styles.strategy(entry.strategy);
  const patterns: string[] = [];
  const fillOf = (entry: BarSeries, index: number): string => {
    const color = styleOf(entry).color;
    const angle = hatchAngle(entry.machineIndex);
    if (angle === null) return color;
    const id = `${chartId}-hatch-${index}`;
    patterns.push(
      `<pattern id="${id}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(${angle})">` +
        (`<rect width="6" height="6" fill="${color}" fill-opacity="0.22"/><line x1="0" y1="0" x2="0" ` +
          `y2="6" stroke="${color}" stroke-width="3"/></pattern>`),
    );
    return `url(#${id})`;
  };
  const fills = series.map((entry, index) => fillOf(entry, index));

  const grid = ticks.map(
    (tick) =>
      `<line class="grid" x1="${c(xOf(tick))}" x2="${c(xOf(tick))}" y1="${MARGIN.top}" ` +
      `y2="${MARGIN.top + plotHeight}"/>` +
      (`<text class="tick" x="${c(xOf(tick))}" y="${MARGIN.top + plotHeight + 16}" ` +
        `text-anchor="middle">${formatTick(tick)}</text>`),
  );
  const labels = categories.map((category, index) => {
    const middle = MARGIN.top + index * (groupHeight + GROUP_GAP) + groupHeight / 2;
    return (
      `<text class="category" x="${c(left - 8)}" y="${c(middle + 4)}" ` +
      `text-anchor="end">${escapeHtml(category)}</text>`
    );
  });
  const bars = series.map((entry, seriesIndex) => {
    const color = styleOf(entry).color;
    const marks = entry.values.map((value, categoryIndex) => {
      if (value === null) return '';
      const y = MARGIN.top + categoryIndex * (groupHeight + GROUP_GAP) + seriesIndex * (BAR_HEIGHT + BAR_GAP);
      const width = Math.max(1, xOf(value.value) - left);
      const rect =
        `<rect x="${left}" y="${c(y)}" width="${c(width)}" height="${BAR_HEIGHT}" ` +
        `fill="${fills[seriesIndex] ?? color}" stroke="${color}" stroke-width="1"/>`;
      const figure =
        `<text class="bar-value" x="${c(left + width + 4)}" ` +
        `y="${c(y + BAR_HEIGHT - 3)}">${escapeHtml(spec.format(value.value))}</text>`;
      return point(value.tip, rect + figure, 'bar');
    });
    return (
      `<g class="series" data-series="${escapeHtml(entry.label)}" ` +
      `data-strategy="${escapeHtml(entry.strategy)}">${marks.join('')}</g>`
    );
  });
  const entries = series.map((entry, index) => ({
    label: entry.label,
    swatch:
      `<rect x="2" y="1" width="30" height="12" fill="${fills[index] ?? styleOf(entry).color}" ` +
      `stroke="${styleOf(entry).color}"/>`,
  }));
  const svg = [
    `<svg class="plot" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(spec.title)}">`,
    patterns.length > 0 ? `<defs>${patterns.join('')}</defs>` : '',
    ...grid,
    `<line class="axis" x1="${left}" x2="${left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}"/>`,
    ...labels,
    ...bars,
    axisTitle(spec.valueTitle, left + plotWidth / 2, height - 8),
    '</svg>',
  ].join('');
  // The swatches need the same patterns; they live in the chart's own <defs>, which a document-wide url() finds.
  return (
    `<figure class="chart" data-chart="${escapeHtml(spec.kind)}" ` +
    `data-series-count="${series.length}">${caption}${svg}${legend(entries)}</figure>`
  );
}
