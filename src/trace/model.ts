/**
 * What the measuring engine records for a few traced samples per cell: when each task was handed to a pool,
 * began and ended, on which thread, plus counters and each pool worker's event-loop utilization.
 *
 * Every timestamp is µs on one clock shared by all threads and processes of a run:
 * `performance.timeOrigin * 1000 + performance.now() * 1000`, which each thread computes itself.
 */

export type TraceThread = { kind: 'main' } | { kind: 'worker'; threadId: number };

export interface TraceSpan {
  /** Benchmark id, e.g. "cpu-compute/parallel/t2". */
  cellId: string;
  /** Measuring process index (0-based) within the run. */
  process: number;
  /** Round index within that process. */
  round: number;
  /** Sample index of this cell within the run. */
  sample: number;
  taskIndex: number;
  thread: TraceThread;
  /** Pool strategies: when the main thread handed the task to the pool. */
  dispatchUs?: number;
  /** When the task began running on its thread. */
  startUs: number;
  /** When it ended there. */
  endUs: number;
}

export const TRACE_COUNTER_NAMES = ['tasks in flight', 'event-loop utilization'] as const;
export type TraceCounterName = (typeof TRACE_COUNTER_NAMES)[number];

export interface TraceCounter {
  cellId: string;
  process: number;
  tsUs: number;
  name: TraceCounterName;
  value: number;
}

export interface TraceWorker {
  cellId: string;
  process: number;
  threadId: number;
  /** `worker.performance.eventLoopUtilization()` over the cell's traced samples, 0…1. */
  eventLoopUtilization: number;
}

export interface TraceCapture {
  spans: TraceSpan[];
  counters: TraceCounter[];
  workers: TraceWorker[];
}

/** "event loop" or "worker 3": the name a thread's track carries in every picture. */
export function threadName(thread: TraceThread): string {
  return thread.kind === 'main' ? 'event loop' : `worker ${thread.threadId}`;
}

/** A key that tells threads apart within one measuring process. */
export function threadKey(thread: TraceThread): string {
  return thread.kind === 'main' ? 'main' : `worker:${thread.threadId}`;
}
