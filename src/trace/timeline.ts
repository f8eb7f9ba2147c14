/**
 * A terminal timeline drawn from real timestamps: one row per task, one column per slice of wall time,
 * showing when each task computed, when it waited, and on which thread.
 */

/** A stretch of one task's life. Times are absolute ms (performance.timeOrigin + now()), valid across threads. */
export interface Span {
  task: string;
  /** 0 is the main thread; workers have their own ids. */
  threadId: number;
  /** `ready`: the task could run but its thread (or pool) was busy; also drawn between a task's own spans. */
  kind: 'wait' | 'cpu' | 'ready';
  startMs: number;
  endMs: number;
}

const GLYPH = { cpu: '█', wait: '░', ready: '·', idle: ' ' } as const;

export const LEGEND =
  `${GLYPH.cpu} computing on a core   ${GLYPH.wait} waiting (no CPU used)   ${GLYPH.ready} ready, waiting ` +
  `its turn for the thread`;

/**
 * Rows in the order tasks first appear in `spans`. Between a task's first start and its last end, a column is `cpu`
 * if the task computed in it, else `wait` if it was waiting on I/O, else `ready` (its thread was busy with another
 * task).
 * `scaleMs` fixes the time the full width stands for, so timelines printed one under another share a scale.
 */
export function renderTimeline(spans: readonly Span[], widthChars: number, scaleMs?: number): string[] {
  if (spans.length === 0) return [];
  const originMs = Math.min(...spans.map((span) => span.startMs));
  const totalMs = scaleMs ?? Math.max(...spans.map((span) => span.endMs)) - originMs;
  const columnMs = Math.max(totalMs, 1) / widthChars;
  const tasks = [...new Set(spans.map((span) => span.task))];
  const labelWidth = Math.max(...tasks.map((task) => task.length));
  const rows = tasks.map((task) => {
    const own = spans.filter((span) => span.task === task);
    const firstMs = Math.min(...own.map((span) => span.startMs));
    const lastMs = Math.max(...own.map((span) => span.endMs));
    let bar = '';
    for (let column = 0; column < widthChars; column += 1) {
      const fromMs = originMs + column * columnMs;
      const toMs = fromMs + columnMs;
      const overlaps = (span: Span): boolean => span.startMs < toMs && span.endMs > fromMs;
      if (own.some((span) => span.kind === 'cpu' && overlaps(span))) bar += GLYPH.cpu;
      else if (own.some((span) => span.kind === 'wait' && overlaps(span))) bar += GLYPH.wait;
      else if (firstMs < toMs && lastMs > fromMs) bar += GLYPH.ready;
      else bar += GLYPH.idle;
    }
    return `${task.padEnd(labelWidth)}  ${threadLabel(own)}  │${bar}│`;
  });
  const threadWidth = (rows[0]?.indexOf('│') ?? 0) - labelWidth - 2;
  const axisStart = ' '.repeat(labelWidth + 2 + threadWidth);
  const end = `${Math.round(totalMs)} ms`;
  rows.push(`${axisStart} 0${' '.repeat(Math.max(1, widthChars - end.length))}${end}`);
  return rows;
}

/** "main" or "thread 3"; a task that moved threads lists them all. Padded so bars line up. */
function threadLabel(spans: readonly Span[]): string {
  const ids = [...new Set(spans.map((span) => span.threadId))];
  const label = ids.map((id) => (id === 0 ? 'main' : `thread ${id}`)).join('+');
  return label.padEnd(9);
}
