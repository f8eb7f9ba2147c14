import type { WorkerReply, WorkerTask } from '../pool/messages.js';
import { nowUs } from '../trace/clock.js';
import type { BatchTracer } from './strategy.js';

/**
 * How a strategy starts a task when its batch is traced: the same call, with the times around it recorded. Only
 * traced batches take these paths; timed ones start tasks exactly as before.
 */

/** A main-thread task: its span runs from the call until it returns, or until its promise settles. */
export function tracedOnMain(start: (index: number) => unknown, tracer: BatchTracer): (index: number) => unknown {
  return (index) => {
    const startUs = nowUs();
    const value = start(index);
    const end = (): void => tracer.onMain(index, startUs, nowUs());
    if (typeof (value as PromiseLike<unknown> | null)?.then !== 'function') {
      end();
      return value;
    }
    return (value as Promise<unknown>).finally(end);
  };
}

type PoolRun = (task: WorkerTask, onReply?: (reply: WorkerReply) => void) => Promise<unknown>;

/** A task sent to a pool thread, asking the thread to say when it ran it. */
export function tracedOnPool(run: PoolRun, task: WorkerTask, tracer: BatchTracer): Promise<unknown> {
  const dispatchUs = nowUs();
  return run({ ...task, ...traceFlags(tracer) }, (reply) => recordReply(tracer, task.index, dispatchUs, reply));
}

/** What a traced task (or message of tasks) asks of its pool thread. */
export function traceFlags(tracer: BatchTracer): { trace: true; gc?: true } {
  return tracer.readsGc === true ? { trace: true, gc: true } : { trace: true };
}

export function recordReply(tracer: BatchTracer, index: number, dispatchUs: number, reply: WorkerReply): void {
  if (reply.ranAt !== undefined) tracer.onWorker(index, reply.threadId, dispatchUs, reply.ranAt);
}
