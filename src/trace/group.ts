import { type TraceCapture, type TraceSpan, threadKey } from './model.js';

/** The spans of one cell in one measuring process: what one process (pid) of an exported trace holds. */
export interface ProcessSpans {
  key: string;
  cellId: string;
  process: number;
  spans: TraceSpan[];
  /** By threadKey(), main thread first, then workers by thread id. */
  spansByThread: Map<string, TraceSpan[]>;
  /** Every pool thread of the cell in that process, from its spans and from the capture's worker list, ascending. */
  workerThreadIds: number[];
}

export function processKey(cellId: string, process: number): string {
  return `${cellId}\u0000${process}`;
}

/** Cells in the order they first appear in the capture, each one's processes in ascending order. */
export function groupTraceSpans(capture: TraceCapture): ProcessSpans[] {
  const cellOrder = new Map<string, number>();
  const groups = new Map<string, ProcessSpans>();
  const groupOf = (cellId: string, process: number): ProcessSpans => {
    if (!cellOrder.has(cellId)) cellOrder.set(cellId, cellOrder.size);
    const key = processKey(cellId, process);
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, cellId, process, spans: [], spansByThread: new Map(), workerThreadIds: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const span of capture.spans) {
    const group = groupOf(span.cellId, span.process);
    group.spans.push(span);
    if (span.thread.kind === 'worker' && !group.workerThreadIds.includes(span.thread.threadId))
      group.workerThreadIds.push(span.thread.threadId);
  }
  for (const worker of capture.workers) {
    const group = groups.get(processKey(worker.cellId, worker.process));
    if (group !== undefined && !group.workerThreadIds.includes(worker.threadId))
      group.workerThreadIds.push(worker.threadId);
  }
  for (const group of groups.values()) {
    group.workerThreadIds.sort((a, b) => a - b);
    const keys = [
      ...(group.spans.some((span) => span.thread.kind === 'main') ? ['main'] : []),
      ...group.workerThreadIds.map((threadId) => threadKey({ kind: 'worker', threadId })),
    ];
    for (const key of keys)
      group.spansByThread.set(
        key,
        group.spans.filter((span) => threadKey(span.thread) === key),
      );
    for (const [key, spans] of group.spansByThread) if (spans.length === 0) group.spansByThread.delete(key);
  }
  return [...groups.values()].sort(
    (a, b) => (cellOrder.get(a.cellId) ?? 0) - (cellOrder.get(b.cellId) ?? 0) || a.process - b.process,
  );
}
