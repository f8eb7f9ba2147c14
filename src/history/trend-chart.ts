import { formatMs } from '../format/numbers.js';
import { coordinate as c, escapeHtml } from '../report/html/escape.js';
import { axisTitle, legend, markerShape, point } from '../report/html/svg-parts.js';
import type { HistoryChange, SeriesHistory } from './analyze.js';
import { changeSize, formatPValue, shortCommit } from './describe.js';

/**
 * One series' trend as inline SVG: the median of every file in history order with its interval, the mean of
 * each segment between change points as a dashed level, and each change point as a rule between the two
 * files it separates, topped by a triangle that points the way the time moved (up: slower) and labelled with
 * its size, so a change reads without colour. Drawn with presentation attributes only: the page's
 * Content-Security-Policy allows no style attribute.
 */

const WIDTH = 520;
const HEIGHT = 300;
const MARGIN = { left: 76, right: 18, top: 30, bottom: 46 };
const LINE = '#0072b2';
const SLOWER = '#d55e00';
const FASTER = '#009e73';

export function renderTrendChart(history: SeriesHistory): string {
  const { series, changes } = history;
  const points = series.points;
  const attributes =
    `data-chart="trend" data-series="${escapeHtml(series.id)}" ` +
    `data-machine="${escapeHtml(series.machine.label)}" data-points="${points.length}" ` +
    `data-change-points="${changes.length}"`;
  const caption = `<figcaption>${escapeHtml(series.id)}</figcaption>`;
  const note =
    history.note === undefined ? '' : `<p class="empty">${escapeHtml(`${history.note}: no change point`)}</p>`;
  if (points.length === 0)
    return `<figure class="chart" ${attributes}>${caption}<p class="empty">No measured figures to draw.</p></figure>`;

  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xOf = (index: number): number =>
    points.length === 1
      ? MARGIN.left + plotWidth / 2
      : MARGIN.left + 12 + (index / (points.length - 1)) * (plotWidth - 24);
  const ticks = rangeTicks(
    Math.min(...points.map((p) => p.intervalMs[0])),
    Math.max(...points.map((p) => p.intervalMs[1])),
  );
  const yLow = ticks[0] ?? 0;
  const yHigh = ticks.at(-1) ?? 1;
  const yOf = (ms: number): number => MARGIN.top + plotHeight - ((ms - yLow) / (yHigh - yLow)) * plotHeight;

  const grid = ticks.map(
    (tick) =>
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${c(yOf(tick))}" ` +
      `y2="${c(yOf(tick))}"/>` +
      (`<text class="tick" x="${MARGIN.left - 6}" y="${c(yOf(tick) + 4)}" ` +
        `text-anchor="end">${escapeHtml(formatMs(tick))}</text>`),
  );
  // About ten labels whatever the length: every k-th file, always the newest.
  const every = Math.max(1, Math.ceil(points.length / 10));
  const xTicks = points.map((_, index) => {
    const labelled = index % every === 0 || index === points.length - 1;
    const x = c(xOf(index));
    return `<line class="axis" x1="${x}" x2="${x}" y1="${HEIGHT - MARGIN.bottom}" y2="${HEIGHT - MARGIN.bottom + 4}"/>${labelled ? `<text class="tick" x="${x}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">#${index + 1}</text>` : ''}`;
  });

  const bounds = [0, ...changes.map((change) => change.index), points.length];
  const levels = bounds.slice(0, -1).map((from, segment) => {
    const to = bounds[segment + 1] ?? points.length;
    const mean = points.slice(from, to).reduce((sum, p) => sum + p.medianMs, 0) / (to - from);
    return (
      `<line class="level" x1="${c(xOf(from) - 4)}" x2="${c(xOf(to - 1) + 4)}" y1="${c(yOf(mean))}" ` +
      `y2="${c(yOf(mean))}" stroke="#5f6770" stroke-width="1.2" stroke-dasharray="5 3"/>`
    );
  });
  const path = points.map((p, index) => `${index === 0 ? 'M' : 'L'}${c(xOf(index))},${c(yOf(p.medianMs))}`).join('');
  const line =
    points.length > 1 ? `<path class="line" d="${path}" fill="none" stroke="${LINE}" stroke-width="1.8"/>` : '';
  const marks = points.map((p, index) => {
    const x = xOf(index);
    const interval =
      `<line class="interval" x1="${c(x)}" x2="${c(x)}" y1="${c(yOf(p.intervalMs[0]))}" ` +
      `y2="${c(yOf(p.intervalMs[1]))}" stroke="${LINE}" stroke-width="1" stroke-opacity="0.55"/>`;
    const commit =
      p.commit === undefined
        ? ''
        : ` · commit ${shortCommit(p.commit)}${p.branch !== undefined ? ` (${p.branch})` : ''}`;
    const tip =
      `#${index + 1} ${p.file}${commit} · ${p.startedAt} · median ${formatMs(p.medianMs)} ` +
      `(${formatMs(p.intervalMs[0])}–${formatMs(p.intervalMs[1])})`;
    return point(tip, `${interval}${markerShape('circle', x, yOf(p.medianMs), LINE)}`);
  });
  const changeMarks = changes.map((change) =>
    changeMark(change, (xOf(change.index - 1) + xOf(change.index)) / 2, HEIGHT - MARGIN.bottom),
  );

  const svg = [
    `<svg class="plot" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(`${series.id}: median time per run`)}">`,
    ...grid,
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${HEIGHT - MARGIN.bottom}" ` +
      `y2="${HEIGHT - MARGIN.bottom}"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}"/>`,
    ...xTicks,
    axisTitle(
      `result file, in history order (${series.machine.orderedBy === 'commit' ? 'by commit time' : 'by run start'})`,
      MARGIN.left + plotWidth / 2,
      HEIGHT - 8,
    ),
    axisTitle('median per sample (axis not from 0)', 12, MARGIN.top + plotHeight / 2, true),
    `<g class="series" data-series="${escapeHtml(series.id)}">${levels.join('')}${line}${marks.join('')}</g>`,
    ...changeMarks,
    '</svg>',
  ].join('');
  const entries = [
    {
      label: 'median of a run, with its 95 % interval',
      swatch:
        `<line x1="1" x2="33" y1="7" y2="7" stroke="${LINE}" ` +
        `stroke-width="2"/>${markerShape('circle', 17, 7, LINE)}`,
    },
    {
      label: 'segment mean',
      swatch: '<line x1="1" x2="33" y1="7" y2="7" stroke="#5f6770" stroke-width="1.2" stroke-dasharray="5 3"/>',
    },
    { label: 'change point: slower', swatch: markerShape('triangle', 17, 8, SLOWER) },
    { label: 'change point: faster', swatch: markerShape('triangle-down', 17, 6, FASTER) },
  ];
  return `<figure class="chart" ${attributes}>${caption}${svg}${legend(entries)}${note}</figure>`;
}

/** The rule between the files a step separates, its triangle at the top, and its size as text. */
function changeMark(change: HistoryChange, x: number, bottom: number): string {
  const slower = change.direction === 'slower';
  const color = slower ? SLOWER : FASTER;
  const top = MARGIN.top - 14;
  const commit = change.point.commit === undefined ? '' : `, commit ${shortCommit(change.point.commit)}`;
  const tip =
    `change point: ${changeSize(change)} (${formatMs(change.meanBeforeMs)} → ` +
    `${formatMs(change.meanAfterMs)}, p = ${formatPValue(change.pValue)}) from #${change.index + 1} ` +
    `${change.point.file}${commit}`;
  const rule =
    `<line class="change-rule" x1="${c(x)}" x2="${c(x)}" y1="${c(top + 6)}" y2="${c(bottom)}" ` +
    `stroke="${color}" stroke-width="1.4" stroke-dasharray="3 3"/>`;
  const label =
    `<text class="change-label" x="${c(x + 8)}" y="${c(top + 4)}" ` +
    `fill="${color}">${escapeHtml(changeSize(change).replace(/ (slower|faster)$/, ''))}</text>`;
  return (
    `<g class="change-point point" tabindex="0" data-direction="${change.direction}" ` +
    `data-index="${change.index}" ` +
    `data-tip="${escapeHtml(tip)}"><title>${escapeHtml(tip)}</title>${rule}${markerShape(slower ? 'triangle' : 'triangle-down', x, top, color)}${label}</g>`
  );
}

/** About five round ticks covering [low, high], padded a little so no point sits on the frame. */
export function rangeTicks(low: number, high: number): number[] {
  const pad = Math.max((high - low) * 0.08, Math.abs(high) * 0.01, 1e-9);
  const from = low - pad;
  const to = high + pad;
  const raw = (to - from) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= raw - 1e-12) ?? 10) * magnitude;
  const first = Math.max(0, Math.floor(from / step) * step);
  const count = Math.ceil((to - first) / step - 1e-9);
  return Array.from({ length: count + 1 }, (_, index) => Number((first + index * step).toPrecision(12)));
}
