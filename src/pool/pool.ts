import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { TaskError } from '../errors.js';
import { distFileUrl } from '../paths.js';
import type { PoolWorkload, WorkerBatch, WorkerReply, WorkerTask } from './messages.js';
import {
  exitCodeOfPiscinaError,
  isWorkerExitReport,
  workerExitError,
  workerLostError,
  type WorkerExitReport,
} from './worker-exit.js';

export interface TaskPool {
  readonly threads: number;
  /** Wall time from creating the pool until every thread was online and had run the task once, ms. */
  readonly startupMs: number;
  /** `onReply` sees the whole reply (the thread it ran on, when it ran if traced) before its value is returned. */
  run(task: WorkerTask, onReply?: (reply: WorkerReply) => void): Promise<unknown>;
  /** Several tasks in one message (--batch): one reply per task, in index order. */
  runBatch(batch: WorkerBatch): Promise<WorkerReply[]>;
  /** The pool's threads now, for readings such as each one's event-loop utilization. */
  workers(): readonly Worker[];
  close(): Promise<void>;
}

export interface StartPoolOptions {
  threads: number;
  /** What every thread runs, handed to each once at start (its `workerData`). */
  workload: PoolWorkload;
  /** A task run on every thread before timing starts (module import, JIT warm-up). */
  warmTask: WorkerTask;
  /** Give up starting the pool after this long (a worker that cannot load would otherwise hang). */
  startupTimeoutMs: number;
  /** Heap cap per worker (--worker-max-old-space-mb): a worker over it fails its task with ERR_WORKER_OUT_OF_MEMORY. */
  workerMaxOldSpaceMb?: number;
  /** Tasks one thread runs at once (piscina's concurrentTasksPerWorker); 1 unless an async task should overlap. */
  concurrentTasksPerWorker?: number;
}

const WORKER_FILE = distFileUrl('workers', 'task-worker.js').href;
/** Start-up budget for any pool, on top of --task-timeout: worker boot and module import, whatever the task size. */
export const POOL_STARTUP_TIMEOUT_MS = 30_000;
const POLL_MS = 1;

/**
 * Creates a piscina pool with exactly `threads` threads, waits for every one to come online, then runs the
 * warm-up task until every thread has run it once. Start-up is timed here, apart from any sample.
 */
export async function startPool(options: StartPoolOptions): Promise<TaskPool> {
  const { threads, warmTask, startupTimeoutMs } = options;
  const startedAt = performance.now();
  const deadline = startedAt + startupTimeoutMs;
  const piscina = new Piscina<WorkerTask, WorkerReply>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: options.concurrentTasksPerWorker ?? 1,
    workerData: options.workload,
    ...(options.workerMaxOldSpaceMb !== undefined
      ? { resourceLimits: { maxOldGenerationSizeMb: options.workerMaxOldSpaceMb } }
      : {}),
  });
  let poolError: Error | undefined;
  piscina.on('error', (error: unknown) => {
    poolError = error instanceof Error ? error : new Error(String(error));
  });

  // Exits reported by workers; one seen as a task's own failure is taken off, the rest died between tasks.
  const exits: WorkerExitReport[] = [];
  piscina.on('message', (message: unknown) => {
    if (isWorkerExitReport(message)) exits.push(message);
  });
  const throwIfExitedBetweenTasks = (): void => {
    const idleExit = exits.shift();
    if (idleExit !== undefined) throw workerExitError(idleExit.exitCode, 'between tasks', idleExit.threadId);
  };
  // Task failures come back as replies; a throw from piscina means the worker itself died (or the message was
  // aborted). The dead worker's own report is taken off here, so it is not raised again as a later exit.
  const workerDeathOf = (error: unknown): Error => {
    const exitCode = exitCodeOfPiscinaError(error);
    const reported = exits.findIndex((report) => exitCode === undefined || report.exitCode === exitCode);
    const report = reported >= 0 ? exits.splice(reported, 1)[0] : undefined;
    if (exitCode !== undefined) return workerExitError(exitCode, 'during a task', report?.threadId);
    if (!(error instanceof Error)) return workerLostError(error);
    // An uncaught error kills the thread too (exit code 1, reported just before piscina passes the error on):
    // `crashed` with that code, as the raw pool records it. Out of memory stays the task's own error.
    const code = (error as { code?: unknown }).code;
    if (report !== undefined && code !== 'ERR_WORKER_OUT_OF_MEMORY') {
      return workerExitError(
        report.exitCode,
        'during a task',
        report.threadId,
        `uncaught ${error.name}: ${error.message}`,
      );
    }
    return error;
  };

  const run = async (task: WorkerTask, onReply?: (reply: WorkerReply) => void): Promise<unknown> => {
    throwIfExitedBetweenTasks();
    let reply: WorkerReply;
    try {
      reply = await piscina.run(task);
    } catch (error) {
      throw workerDeathOf(error);
    }
    onReply?.(reply);
    if (!reply.ok) throw new TaskError(reply.error);
    return reply.value;
  };

  // The worker file's named export `runBatch` takes the batch; piscina selects it by name per task. A batched
  // message meets a dying worker exactly as a single task does, so it gets the same mapping.
  const batchPiscina = piscina as unknown as Piscina<WorkerBatch, WorkerReply[]>;
  const runBatch = async (batch: WorkerBatch): Promise<WorkerReply[]> => {
    throwIfExitedBetweenTasks();
    try {
      return await batchPiscina.run(batch, { name: 'runBatch' });
    } catch (error) {
      throw workerDeathOf(error);
    }
  };

  try {
    while (piscina.threads.length < threads) {
      if (poolError !== undefined) throw poolError;
      if (performance.now() > deadline)
        throw new Error(`pool of ${threads} threads not online within ${startupTimeoutMs} ms`);
      await sleep(POLL_MS);
    }
    // Warm-up meets a dying worker like any task does, so its exit report is consumed the same way.
    const warmOnce = (): Promise<WorkerReply> =>
      piscina.run(warmTask).catch((error: unknown) => {
        throw workerDeathOf(error);
      });
    await warmEveryThread(warmOnce, threads, deadline);
  } catch (error) {
    await piscina.destroy();
    throw error;
  }
  const startupMs = performance.now() - startedAt;
  return { threads, startupMs, run, runBatch, workers: () => piscina.threads, close: () => piscina.destroy() };
}

/** Runs the warm task in waves of `threads` until every thread id has answered at least once. */
async function warmEveryThread(warmOnce: () => Promise<WorkerReply>, threads: number, deadline: number): Promise<void> {
  const warmed = new Set<number>();
  while (warmed.size < threads) {
    if (performance.now() > deadline)
      throw new Error(`pool warm-up reached ${warmed.size} of ${threads} threads in time`);
    const replies = await Promise.all(Array.from({ length: threads }, warmOnce));
    for (const reply of replies) {
      if (!reply.ok) throw new TaskError(reply.error);
      warmed.add(reply.threadId);
    }
  }
}
