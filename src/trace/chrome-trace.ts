import { type TraceCapture, type TraceSpan, threadKey, threadName } from './model.js';
import { groupTraceSpans, processKey } from './group.js';
import { nestsProperly, type SliceBounds } from './nesting.js';

/**
 * A capture as Chrome Trace Event Format JSON, which https://ui.perfetto.dev and chrome://tracing open.
 *
 * - One process (pid) per cell and measuring process, named after the cell; one track (tid) per thread:
 *   "event loop" for the measuring process's main thread, "worker <threadId>" for pool threads.
 * - A task is an `X` (complete) event on its thread's track. The format requires the duration events of one
 *   thread to nest; tasks that overlap on one thread (`concurrent`: all awaiting at once on the event loop)
 *   do not, so those become nestable async events (`b`/`e`), which may overlap, as the format prescribes.
 * - Pool tasks: the queue wait (dispatch → start) is an async event of its own (waits overlap each other);
 *   the dispatch is a short `X` slice on the event-loop track, and a flow (`s` → `f`, bound to the enclosing
 *   slice at each end) leads from it to the run on the worker's track.
 * - Counters (`C`): tasks in flight and event-loop utilization, per cell.
 * Timestamps are µs from the capture's first timestamp (kept in metadata), so fractions of a µs survive.
 */

export interface TraceEvent {
  name: string;
  ph: 'X' | 'b' | 'e' | 's' | 'f' | 'C' | 'M';
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  cat?: string;
  id?: string;
  bp?: 'e';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms' | 'ns';
  metadata: Record<string, unknown>;
}

export interface ChromeTraceMeta {
  tool: { name: string; version: string };
  /** The run's start, ISO 8601, and its label, for the reader's orientation. */
  startedAt?: string;
  label?: string | null;
}

/** Longest a dispatch slice is drawn, µs: it marks a moment, the hand-over, not a stretch of work. */
const DISPATCH_SLICE_US = 1;
/** Flow ends sit this far inside their slice (at most half of it), so each binds to that slice unambiguously. */
const FLOW_INSET_US = 0.5;
/** Tids are pid × this + the thread's place in its process: unique in the whole file, as viewers expect. */
const TIDS_PER_PROCESS = 1000;

export function toChromeTrace(capture: TraceCapture, meta: ChromeTraceMeta): ChromeTrace {
  const originUs = Math.min(
    ...capture.spans.map((span) => Math.min(span.startUs, span.dispatchUs ?? span.startUs)),
    ...capture.counters.map((counter) => counter.tsUs),
  );
  const at = (us: number): number => round3(us - (Number.isFinite(originUs) ? originUs : 0));
  const metadataEvents: TraceEvent[] = [];
  const timedEvents: TraceEvent[] = [];
  let nextId = 1;
  const newId = (): string => `0x${(nextId++).toString(16)}`;

  const groups = groupTraceSpans(capture);
  const pidOf = new Map<string, number>();
  groups.forEach((group, index) => {
    const pid = index + 1;
    pidOf.set(group.key, pid);
    const mainTid = pid * TIDS_PER_PROCESS;
    const label = `${group.cellId} · process ${group.process}`;
    metadataEvents.push(
      metadataEvent('process_name', pid, mainTid, { name: label }),
      metadataEvent('process_sort_index', pid, mainTid, { sort_index: pid }),
      metadataEvent('thread_name', pid, mainTid, { name: 'event loop' }),
      metadataEvent('thread_sort_index', pid, mainTid, { sort_index: 0 }),
    );
    const tidOf = new Map<string, number>([['main', mainTid]]);
    group.workerThreadIds.forEach((threadId, place) => {
      const tid = mainTid + place + 1;
      tidOf.set(threadKey({ kind: 'worker', threadId }), tid);
      metadataEvents.push(
        metadataEvent('thread_name', pid, tid, { name: threadName({ kind: 'worker', threadId }) }),
        metadataEvent('thread_sort_index', pid, tid, { sort_index: place + 1 }),
      );
    });

    const dispatches = dispatchSlices(group.spans);
    const dispatchOf = new Map<TraceSpan, DispatchSlice>(
      dispatches.flatMap((slice) => slice.spans.map((span) => [span, slice] as const)),
    );
    for (const dispatch of dispatches) {
      timedEvents.push({
        name: 'dispatch',
        cat: 'dispatch',
        ph: 'X',
        pid,
        tid: mainTid,
        ts: at(dispatch.startUs),
        dur: round3(dispatch.endUs - dispatch.startUs),
        args: { cell: group.cellId, process: group.process, tasks: dispatch.spans.map((span) => span.taskIndex) },
      });
    }

    for (const [key, spans] of group.spansByThread) {
      const tid = tidOf.get(key) ?? mainTid;
      const asSlices = nestsProperly([...spans, ...(key === 'main' ? dispatches : [])]);
      for (const span of spans) {
        const name = `task ${span.taskIndex}`;
        const args = taskArgs(span);
        if (asSlices) {
          timedEvents.push({
            name,
            cat: 'task',
            ph: 'X',
            pid,
            tid,
            ts: at(span.startUs),
            dur: round3(span.endUs - span.startUs),
            args,
          });
        } else {
          const id = newId();
          timedEvents.push(
            { name, cat: 'task', ph: 'b', id, pid, tid, ts: at(span.startUs), args },
            { name, cat: 'task', ph: 'e', id, pid, tid, ts: at(span.endUs) },
          );
        }
        const dispatch = dispatchOf.get(span);
        if (span.dispatchUs === undefined || dispatch === undefined) continue;
        const waitName = `queue wait ${span.taskIndex}`;
        const waitId = newId();
        timedEvents.push(
          {
            name: waitName,
            cat: 'queue',
            ph: 'b',
            id: waitId,
            pid,
            tid: mainTid,
            ts: at(span.dispatchUs),
            args: { ...args, waitUs: round3(span.startUs - span.dispatchUs) },
          },
          { name: waitName, cat: 'queue', ph: 'e', id: waitId, pid, tid: mainTid, ts: at(span.startUs) },
        );
        // A flow's end binds to the slice enclosing it on the worker's track: only runs drawn as slices have one.
        if (!asSlices || span.thread.kind !== 'worker') continue;
        const flowId = newId();
        const flowArgs = { cell: group.cellId, task: span.taskIndex };
        const endUs = span.startUs + Math.min(FLOW_INSET_US, (span.endUs - span.startUs) / 2);
        const startUs = (dispatch.startUs + dispatch.endUs) / 2;
        // A task handed over and run in the same instant leaves no room for an arrow that starts before it ends.
        if (endUs < startUs) continue;
        timedEvents.push(
          {
            name: 'dispatch',
            cat: 'flow',
            ph: 's',
            id: flowId,
            pid,
            tid: mainTid,
            ts: at(startUs),
            args: flowArgs,
          },
          { name: 'dispatch', cat: 'flow', ph: 'f', bp: 'e', id: flowId, pid, tid, ts: at(endUs), args: flowArgs },
        );
      }
    }
  });

  for (const counter of capture.counters) {
    const pid = pidOf.get(processKey(counter.cellId, counter.process));
    if (pid === undefined) continue;
    timedEvents.push({
      name: counter.name,
      cat: 'counter',
      ph: 'C',
      pid,
      tid: pid * TIDS_PER_PROCESS,
      ts: at(counter.tsUs),
      args: { value: counter.value },
    });
  }

  timedEvents.sort((a, b) => a.ts - b.ts);
  return {
    traceEvents: [...metadataEvents, ...timedEvents],
    displayTimeUnit: 'ms',
    metadata: {
      'clock-domain': 'performance.timeOrigin + performance.now(), µs; ts counts from clockOriginUs',
      clockOriginUs: Number.isFinite(originUs) ? originUs : 0,
      tool: meta.tool,
      ...(meta.startedAt !== undefined ? { startedAt: meta.startedAt } : {}),
      ...(meta.label !== undefined && meta.label !== null ? { label: meta.label } : {}),
      workers: capture.workers,
    },
  };
}

function metadataEvent(name: string, pid: number, tid: number, args: Record<string, unknown>): TraceEvent {
  return { name, ph: 'M', pid, tid, ts: 0, args };
}

function taskArgs(span: TraceSpan): Record<string, unknown> {
  return {
    cell: span.cellId,
    process: span.process,
    sample: span.sample,
    round: span.round,
    task: span.taskIndex,
    thread: threadName(span.thread),
    ...(span.thread.kind === 'worker' ? { threadId: span.thread.threadId } : {}),
  };
}

interface DispatchSlice extends SliceBounds {
  spans: TraceSpan[];
}

/**
 * Short slices on the event-loop track at each moment tasks were handed to the pool: what a flow starts from.
 * Tasks handed over at the same µs share one; each lasts until the next hand-over, at most DISPATCH_SLICE_US,
 * so they never overlap one another.
 */
function dispatchSlices(spans: readonly TraceSpan[]): DispatchSlice[] {
  const byMoment = new Map<number, TraceSpan[]>();
  for (const span of spans) {
    if (span.dispatchUs === undefined) continue;
    const list = byMoment.get(span.dispatchUs) ?? [];
    list.push(span);
    byMoment.set(span.dispatchUs, list);
  }
  const moments = [...byMoment.keys()].sort((a, b) => a - b);
  return moments.map((startUs, index) => {
    const next = moments[index + 1];
    const endUs = startUs + Math.min(DISPATCH_SLICE_US, next === undefined ? DISPATCH_SLICE_US : next - startUs);
    return { startUs, endUs, spans: byMoment.get(startUs) ?? [] };
  });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
