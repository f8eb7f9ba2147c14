import { assignLanes } from '../../trace/lanes.js';
import type { TraceCapture, TraceSpan } from '../../trace/model.js';
import { representativeSample, type TracedSample, wallUs } from '../../trace/select.js';
import { formatMsExact } from '../../format/numbers.js';
import { coordinate as c, escapeHtml } from './escape.js';
import type { StyleBook } from './series-style.js';
import { formatTick, legend, markerShape, niceTicks, point } from './svg-parts.js';

/**
 * Swimlanes of one traced sample per cell (the one of median wall time), cells one under another on one time
 * scale: each task is a bar on the track of the thread that ran it. Tasks in progress at once on one thread
 * (concurrent) stack in lanes of that track; pool tasks show their queue wait on a track of its own, hatched
 * and outlined, and a marker where the event loop handed them over. Colour follows the strategy, as in every
 * other chart; the hatching and the markers carry the rest without it. Every bar's exact figures are in its
 * tooltip.
 */

export interface TimelineCell {
  id: string;
  strategy: string;
}

const WIDTH = 1080;
const LEFT = 170;
const RIGHT = 24;
const TOP = 26;
const LANE_HEIGHT = 12;
const LANE_GAP = 3;
const TRACK_GAP = 6;
const CELL_TITLE = 20;
const CELL_GAP = 16;
const BOTTOM = 34;
const MARKER_HALF_WIDTH = 3.5;

interface Track {
  name: string;
  kind: 'event loop' | 'queue' | 'worker';
  bars: Array<{ span: TraceSpan; startUs: number; endUs: number; kind: 'run' | 'queue' }>;
  dispatchMarks: TraceSpan[];
}

export function traceTimelineFigure(
  capture: TraceCapture,
  cells: readonly TimelineCell[],
  styles: StyleBook,
  chartId: string,
  title: string,
): string {
  const shown = cells.flatMap((cell) => {
    const sample = representativeSample(capture, cell.id);
    return sample === undefined ? [] : [{ cell, sample, tracks: tracksOf(capture, sample) }];
  });
  if (shown.length === 0) return '';
  const ticks = niceTicks(Math.max(...shown.map(({ sample }) => wallUs(sample))) / 1000);
  const scaleMs = ticks[ticks.length - 1] ?? 1;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const hatchId = `${chartId}-queue`;

  let y = TOP;
  const groups: string[] = [];
  for (const { cell, sample, tracks } of shown) {
    const style = styles.strategy(cell.strategy);
    const xOf = (us: number): number => LEFT + ((us - sample.startUs) / 1000 / scaleMs) * plotWidth;
    const parts: string[] = [
      markerShape(style.marker, 8, y + CELL_TITLE / 2 - 3, style.color),
      `<text class="cell-title" x="18" y="${c(y + CELL_TITLE / 2 + 1)}">${escapeHtml(`${cell.id} · sample ${sample.sample}, process ${sample.process}: ${formatMsExact(wallUs(sample) / 1000)}`)}</text>`,
    ];
    y += CELL_TITLE;
    for (const track of tracks) {
      const { lanes, placed } = assignLanes(track.bars);
      const height = Math.max(1, lanes) * (LANE_HEIGHT + LANE_GAP) - LANE_GAP;
      const bars = placed.map(({ item, lane }) => {
        const x = xOf(item.startUs);
        const width = Math.max(1, xOf(item.endUs) - x);
        const top = y + lane * (LANE_HEIGHT + LANE_GAP);
        const rect =
          item.kind === 'run'
            ? `<rect x="${c(x)}" y="${c(top)}" width="${c(width)}" height="${LANE_HEIGHT}" ` +
              `fill="${style.color}" stroke="#ffffff" stroke-width="0.5"/>`
            : `<rect x="${c(x)}" y="${c(top)}" width="${c(width)}" height="${LANE_HEIGHT}" ` +
              `fill="url(#${hatchId})" stroke="${style.color}" stroke-width="1" stroke-dasharray="3 2"/>`;
        return point(tipOf(item.kind, item.span, sample), rect, `bar ${item.kind}`);
      });
      const marks = track.dispatchMarks.map((span) => {
        const x = xOf(span.dispatchUs ?? span.startUs);
        const shape =
          `<path ` +
          `d="M${c(x - MARKER_HALF_WIDTH)},${c(y)}L${c(x + MARKER_HALF_WIDTH)},${c(y)}L${c(x)},${c(y + LANE_HEIGHT * 0.7)}Z" ` +
          `fill="#1d2125"/>`;
        return point(
          `${cell.id} · task ${span.taskIndex} handed to the pool at ` +
            `${formatMsExact(((span.dispatchUs ?? span.startUs) - sample.startUs) / 1000)}`,
          shape,
          'dispatch',
        );
      });
      parts.push(
        `<g class="track" data-track="${escapeHtml(track.name)}" data-kind="${track.kind}" data-lanes="${lanes}">` +
          (`<text class="track-label" x="${LEFT - 8}" y="${c(y + Math.min(height, LANE_HEIGHT) - 2)}" ` +
            `text-anchor="end">${escapeHtml(track.name)}</text>`) +
          `<rect class="lane" x="${LEFT}" y="${c(y)}" width="${c(plotWidth)}" height="${c(height)}"/>` +
          `${bars.join('')}${marks.join('')}</g>`,
      );
      y += height + TRACK_GAP;
    }
    const tasks = new Set(sample.spans.map((span) => span.taskIndex)).size;
    groups.push(
      `<g class="cell" data-cell="${escapeHtml(cell.id)}" data-strategy="${escapeHtml(cell.strategy)}" ` +
        `data-tasks="${tasks}">${parts.join('')}</g>`,
    );
    y += CELL_GAP - TRACK_GAP;
  }
  const plotBottom = y - CELL_GAP + TRACK_GAP;
  const height = plotBottom + BOTTOM;
  const grid = ticks.map((tick) => {
    const x = LEFT + (tick / scaleMs) * plotWidth;
    return (
      `<line class="grid" x1="${c(x)}" x2="${c(x)}" y1="${TOP - 4}" y2="${c(plotBottom)}"/>` +
      `<text class="tick" x="${c(x)}" y="${TOP - 9}" text-anchor="middle">${formatTick(tick)}</text>` +
      `<text class="tick" x="${c(x)}" y="${c(plotBottom + 14)}" text-anchor="middle">${formatTick(tick)}</text>`
    );
  });
  const color = shown[0] === undefined ? '#6b6b6b' : styles.strategy(shown[0].cell.strategy).color;
  const svg = [
    `<svg class="plot" viewBox="0 0 ${WIDTH} ${c(height)}" role="img" aria-label="${escapeHtml(title)}">`,
    `<defs><pattern id="${hatchId}" patternUnits="userSpaceOnUse" width="6" height="6" ` +
      `patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" ` +
      `y2="6" stroke="#8a929b" stroke-width="2"/></pattern></defs>`,
    ...grid,
    ...groups,
    `<text class="axis-title" x="${c(LEFT + plotWidth / 2)}" y="${c(height - 6)}" ` +
      `text-anchor="middle">ms from the sample's first hand-over or start</text>`,
    '</svg>',
  ].join('');
  const strategies = [...new Set(shown.map(({ cell }) => cell.strategy))];
  const entries = [
    ...strategies.map((strategy) => ({
      label: `task running on its thread (${strategy})`,
      swatch: `<rect x="2" y="2" width="30" height="10" fill="${styles.strategy(strategy).color}"/>`,
    })),
    {
      label: 'queued in the pool, waiting for a free worker',
      swatch:
        `<rect x="2" y="2" width="30" height="10" fill="url(#${hatchId})" stroke="${color}" ` +
        `stroke-dasharray="3 2"/>`,
    },
    { label: 'handed to the pool (dispatch)', swatch: `<path d="M13,2L21,2L17,11Z" fill="#1d2125"/>` },
  ];
  return (
    `<figure class="timeline" data-chart="timeline" ` +
    `data-cells="${shown.length}"><figcaption>${escapeHtml(title)}</figcaption>${svg}${legend(entries)}</figure>`
  );
}

/** The event loop's track, a queue track for pool cells, and one per pool thread (an idle one included). */
function tracksOf(capture: TraceCapture, sample: TracedSample): Track[] {
  const main = sample.spans.filter((span) => span.thread.kind === 'main');
  const handed = sample.spans.filter((span) => span.dispatchUs !== undefined);
  const workerIds = new Set<number>();
  for (const span of sample.spans) if (span.thread.kind === 'worker') workerIds.add(span.thread.threadId);
  for (const worker of capture.workers)
    if (worker.cellId === sample.cellId && worker.process === sample.process) workerIds.add(worker.threadId);
  const tracks: Track[] = [];
  if (main.length > 0 || handed.length > 0) {
    tracks.push({
      name: 'event loop',
      kind: 'event loop',
      bars: main.map((span) => ({ span, startUs: span.startUs, endUs: span.endUs, kind: 'run' })),
      dispatchMarks: handed,
    });
  }
  if (handed.length > 0) {
    tracks.push({
      name: 'pool queue',
      kind: 'queue',
      bars: handed.map((span) => ({
        span,
        startUs: span.dispatchUs ?? span.startUs,
        endUs: span.startUs,
        kind: 'queue',
      })),
      dispatchMarks: [],
    });
  }
  for (const threadId of [...workerIds].sort((a, b) => a - b)) {
    const own = sample.spans.filter((span) => span.thread.kind === 'worker' && span.thread.threadId === threadId);
    tracks.push({
      name: `worker ${threadId}`,
      kind: 'worker',
      bars: own.map((span) => ({ span, startUs: span.startUs, endUs: span.endUs, kind: 'run' })),
      dispatchMarks: [],
    });
  }
  return tracks;
}

function tipOf(kind: 'run' | 'queue', span: TraceSpan, sample: TracedSample): string {
  const at = (us: number): string => formatMsExact((us - sample.startUs) / 1000);
  const where = span.thread.kind === 'main' ? 'the event loop' : `worker ${span.thread.threadId}`;
  const context = `sample ${span.sample}, round ${span.round}, process ${span.process}`;
  if (kind === 'queue') {
    return (
      `${span.cellId} · task ${span.taskIndex} queued ` +
      `${formatMsExact((span.startUs - (span.dispatchUs ?? span.startUs)) / 1000)}: handed over at ` +
      `${at(span.dispatchUs ?? span.startUs)}, started on ${where} at ${at(span.startUs)} · ${context}`
    );
  }
  const waited =
    span.dispatchUs === undefined
      ? ''
      : ` after ${formatMsExact((span.startUs - span.dispatchUs) / 1000)} in the queue`;
  return (
    `${span.cellId} · task ${span.taskIndex} on ${where}: ` +
    `${formatMsExact((span.endUs - span.startUs) / 1000)}, from ${at(span.startUs)} to ` +
    `${at(span.endUs)}${waited} · ${context}`
  );
}
