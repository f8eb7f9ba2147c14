import { renderTimeline, type Span } from './timeline.js';
import { formatMs } from '../format/numbers.js';
import type { TraceCapture } from './model.js';
import { representativeSample, type TracedSample, wallUs } from './select.js';

/**
 * `run --timeline`: one traced sample per cell (the one of median wall time) drawn with the demo's terminal
 * renderer, one row per task, the cells one under another on one time scale, so sequential, concurrent and
 * parallel compare at a glance.
 */

export const TRACE_LEGEND =
  '█ running on its thread (an async task from its start to its end: computing or awaiting)   · queued: ' +
  'handed to the pool, waiting for a free worker';

/** Rows of one cell past this are summed up in a line: the trace file (--trace) has every task. */
export const MAX_TASK_ROWS = 24;

/**
 * Lines to print (no trailing newline): the legend, then for each of `cellIds` that has traced spans a title
 * and its timeline. `widthChars` is the width of the bars; labels add about 20 columns. Cells without traced
 * spans are left out; none at all gives no lines.
 */
export function renderTraceTimeline(capture: TraceCapture, cellIds: readonly string[], widthChars: number): string[] {
  const samples = cellIds.flatMap((cellId) => representativeSample(capture, cellId) ?? []);
  if (samples.length === 0) return [];
  const scaleMs = Math.max(...samples.map((sample) => wallUs(sample) / 1000));
  const lines = [TRACE_LEGEND];
  for (const sample of samples) {
    const tasks = [...new Set(sample.spans.map((span) => span.taskIndex))].sort((a, b) => a - b);
    const shown = new Set(tasks.slice(0, MAX_TASK_ROWS));
    lines.push(
      '',
      `${sample.cellId} · sample ${sample.sample} (process ${sample.process}, round ${sample.round}): ` +
        `${formatMs(wallUs(sample) / 1000)}`,
    );
    lines.push(...renderTimeline(toDemoSpans(sample, shown), widthChars, scaleMs).map((row) => `  ${row}`));
    if (tasks.length > shown.size) lines.push(`  … and ${tasks.length - shown.size} more tasks`);
  }
  return lines;
}

/** The demo renderer's spans: a run is drawn as `cpu`, a queue wait as `ready`, in ms from the sample's start. */
function toDemoSpans(sample: TracedSample, shown: ReadonlySet<number>): Span[] {
  const ms = (us: number): number => (us - sample.startUs) / 1000;
  const ordered = [...sample.spans]
    .filter((span) => shown.has(span.taskIndex))
    .sort((a, b) => a.taskIndex - b.taskIndex);
  return ordered.flatMap((span) => {
    const common = { task: `task ${span.taskIndex}`, threadId: span.thread.kind === 'main' ? 0 : span.thread.threadId };
    const run: Span = { ...common, kind: 'cpu', startMs: ms(span.startUs), endMs: ms(span.endUs) };
    return span.dispatchUs === undefined
      ? [run]
      : [{ ...common, kind: 'ready', startMs: ms(span.dispatchUs), endMs: ms(span.startUs) }, run];
  });
}
