import { quantileSorted } from '../stats/summary.js';
import { groupTraceSpans } from './group.js';
import type { TraceCapture, TraceSpan } from './model.js';
import { tracedSamples, wallUs } from './select.js';

/**
 * What a pool did with its threads in the traced samples of a cell, the figures piscina users ask for when a
 * pool underdelivers: how busy its threads were, how long tasks queued against how long they ran, and each
 * worker's own event-loop utilization. Only cells whose tasks ran on pool threads have them.
 */

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
}

export interface WorkerFigure {
  process: number;
  threadId: number;
  tasks: number;
  /** Time this thread had a task running, ms, over the traced samples. */
  busyMs: number;
  /** busyMs / the traced samples' wall time. */
  busyShare: number;
  /** From worker.performance.eventLoopUtilization(); null when the capture has no reading for the thread. */
  eventLoopUtilization: number | null;
}

export interface WorkerFigures {
  /** Pool threads (largest count over the cell's processes). */
  threads: number;
  /** Traced samples the figures come from. */
  samples: number;
  /** Time pool threads had a task running, summed over threads and samples, ms. */
  busyMs: number;
  /** Wall time of the traced samples, summed, ms (first hand-over to last end). */
  wallMs: number;
  /** busy / (wall × threads): 1 when every thread ran a task the whole time. */
  poolUtilization: number;
  /** Hand-over to start, ms; null when no task recorded its hand-over. */
  queueWaitMs: Percentiles | null;
  /** Start to end on the worker, ms. */
  runMs: Percentiles;
  workers: WorkerFigure[];
}

/** Per cell id, for every cell with tasks on pool threads. */
export function workerFigures(capture: TraceCapture): Map<string, WorkerFigures> {
  const figures = new Map<string, WorkerFigures>();
  const threadsOf = new Map<string, Map<number, number[]>>();
  for (const group of groupTraceSpans(capture)) {
    const byProcess = threadsOf.get(group.cellId) ?? new Map<number, number[]>();
    byProcess.set(group.process, group.workerThreadIds);
    threadsOf.set(group.cellId, byProcess);
  }
  for (const [cellId, threadsByProcess] of threadsOf) {
    const onWorkers = capture.spans.filter((span) => span.cellId === cellId && span.thread.kind === 'worker');
    if (onWorkers.length === 0) continue;
    let busyUs = 0;
    let capacityUs = 0;
    let wallSumUs = 0;
    const wallByProcess = new Map<number, number>();
    const busyByWorker = new Map<string, { process: number; threadId: number; tasks: number; busyUs: number }>();
    const samples = tracedSamples(capture, cellId);
    for (const sample of samples) {
      const threadIds = threadsByProcess.get(sample.process) ?? [];
      const wall = wallUs(sample);
      wallSumUs += wall;
      capacityUs += wall * threadIds.length;
      wallByProcess.set(sample.process, (wallByProcess.get(sample.process) ?? 0) + wall);
      for (const threadId of threadIds) {
        const own = sample.spans.filter((span) => span.thread.kind === 'worker' && span.thread.threadId === threadId);
        const busy = unionUs(own);
        busyUs += busy;
        const key = `${sample.process}/${threadId}`;
        const entry = busyByWorker.get(key) ?? { process: sample.process, threadId, tasks: 0, busyUs: 0 };
        entry.tasks += own.length;
        entry.busyUs += busy;
        busyByWorker.set(key, entry);
      }
    }
    const waits = onWorkers.flatMap((span) =>
      span.dispatchUs === undefined ? [] : [(span.startUs - span.dispatchUs) / 1000],
    );
    const eluOf = (process: number, threadId: number): number | null =>
      capture.workers.find(
        (worker) => worker.cellId === cellId && worker.process === process && worker.threadId === threadId,
      )?.eventLoopUtilization ?? null;
    figures.set(cellId, {
      threads: Math.max(...[...threadsByProcess.values()].map((ids) => ids.length)),
      samples: samples.length,
      busyMs: busyUs / 1000,
      wallMs: wallSumUs / 1000,
      poolUtilization: capacityUs > 0 ? Math.min(1, busyUs / capacityUs) : 0,
      queueWaitMs: waits.length > 0 ? percentiles(waits) : null,
      runMs: percentiles(onWorkers.map((span) => (span.endUs - span.startUs) / 1000)),
      workers: [...busyByWorker.values()]
        .sort((a, b) => a.process - b.process || a.threadId - b.threadId)
        .map((worker) => {
          const wall = wallByProcess.get(worker.process) ?? 0;
          return {
            process: worker.process,
            threadId: worker.threadId,
            tasks: worker.tasks,
            busyMs: worker.busyUs / 1000,
            busyShare: wall > 0 ? Math.min(1, worker.busyUs / wall) : 0,
            eventLoopUtilization: eluOf(worker.process, worker.threadId),
          };
        }),
    });
  }
  return figures;
}

/** p50, p90, p99 by linear interpolation (R's type 7), as every other quantile corescope reports. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9), p99: quantileSorted(sorted, 0.99) };
}

/** Time covered by at least one of the spans, µs: a thread running two async tasks at once is busy once. */
function unionUs(spans: readonly TraceSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.startUs - b.startUs);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const span of sorted) {
    const from = Math.max(span.startUs, coveredUntil);
    if (span.endUs > from) total += span.endUs - from;
    coveredUntil = Math.max(coveredUntil, span.endUs);
  }
  return total;
}
