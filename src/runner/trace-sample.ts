import { performance } from 'node:perf_hooks';
import type { EventLoopUtilization } from 'node:perf_hooks';
import type { RanAt } from '../pool/messages.js';
import type { PreparedStrategy } from '../strategies/index.js';
import { nowUs } from '../trace/clock.js';
import type { TraceCapture, TraceCounter, TraceSpan } from '../trace/model.js';

/** How often the main thread's event-loop utilization is read during a traced batch, ms. */
const LOOP_READING_MS = 5;

export interface TracedSampleContext {
  cellId: string;
  process: number;
  round: number;
  sample: number;
  tasks: number;
}

/**
 * One traced batch of a cell, taken after its timed samples and never counted among them: every task's span (on
 * the event loop, or handed to a pool thread and run there), the tasks in flight and the event loop's
 * utilization over time, and each pool thread's own event-loop utilization over the batch.
 */
export async function traceBatch(strategy: PreparedStrategy, context: TracedSampleContext): Promise<TraceCapture> {
  const { cellId, process, round, sample, tasks } = context;
  const spans: TraceSpan[] = [];
  const tracer = {
    onMain: (taskIndex: number, startUs: number, endUs: number) =>
      spans.push({ cellId, process, round, sample, taskIndex, thread: { kind: 'main' }, startUs, endUs }),
    onWorker: (taskIndex: number, threadId: number, dispatchUs: number, { startUs, endUs }: RanAt) =>
      spans.push({
        cellId,
        process,
        round,
        sample,
        taskIndex,
        thread: { kind: 'worker', threadId },
        dispatchUs: Math.min(dispatchUs, startUs),
        startUs,
        endUs,
      }),
  };
  const workers = strategy.workers?.() ?? [];
  const workersBefore = workers.map((worker) => worker.performance.eventLoopUtilization());
  const counters: TraceCounter[] = [];
  let loopBefore: EventLoopUtilization = performance.eventLoopUtilization();
  const readLoop = (): void => {
    const reading = performance.eventLoopUtilization(loopBefore);
    loopBefore = performance.eventLoopUtilization();
    counters.push({ cellId, process, tsUs: nowUs(), name: 'event-loop utilization', value: reading.utilization });
  };
  const timer = setInterval(readLoop, LOOP_READING_MS);
  try {
    await strategy.runBatch(tasks, tracer);
  } finally {
    clearInterval(timer);
    readLoop();
  }
  return {
    spans,
    counters: [...counters, ...inFlight(spans, cellId, process)],
    workers: workers.map((worker, index) => ({
      cellId,
      process,
      threadId: worker.threadId,
      eventLoopUtilization: clamp01(worker.performance.eventLoopUtilization(workersBefore[index]).utilization),
    })),
  };
}

/** Tasks in flight (handed over or started, not yet ended) as a step counter, one reading per change. */
export function inFlight(spans: readonly TraceSpan[], cellId: string, process: number): TraceCounter[] {
  const changes = spans.flatMap((span) => [
    { tsUs: span.dispatchUs ?? span.startUs, delta: 1 },
    { tsUs: span.endUs, delta: -1 },
  ]);
  changes.sort((a, b) => a.tsUs - b.tsUs || a.delta - b.delta);
  let value = 0;
  return changes.map(({ tsUs, delta }) => ({
    cellId,
    process,
    tsUs,
    name: 'tasks in flight' as const,
    value: (value += delta),
  }));
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
}
