import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { TaskError } from '../errors.js';
import { distFileUrl } from '../paths.js';
import type { PoolWorkload, WorkerReply, WorkerTask } from './messages.js';
import type { RawRequest, RawResponse } from './raw-messages.js';
import { workerExitError } from './worker-exit.js';

const WORKER_FILE = distFileUrl('workers', 'raw-worker.js');

export interface RawPool {
  readonly threads: number;
  /** Wall time from creating the pool until every thread was online and had run the task once, ms. */
  readonly startupMs: number;
  /** Threads started to replace one that died, since the pool started. */
  readonly replacedThreads: number;
  /** `onReply` sees the whole reply (the thread it ran on, when it ran if traced) before its value is returned. */
  run(task: WorkerTask, onReply?: (reply: WorkerReply) => void): Promise<unknown>;
  /** The pool's threads now, for readings such as each one's event-loop utilization. */
  workers(): readonly Worker[];
  close(): Promise<void>;
}

export interface StartRawPoolOptions {
  threads: number;
  /** What every thread runs, handed to each once at start (its `workerData`), as `parallel`'s pool does. */
  workload: PoolWorkload;
  /** A task run once on every thread before timing starts (module import, JIT warm-up). */
  warmTask: WorkerTask;
  startupTimeoutMs: number;
  /**
   * Heap cap per thread (--worker-max-old-space-mb), as for `parallel`: over it the task fails with
   * ERR_WORKER_OUT_OF_MEMORY.
   */
  workerMaxOldSpaceMb?: number;
}

/** What a thread that died without a task reported: raised by the next `run`, as the piscina pool does. */
interface IdleExit {
  exitCode: number;
  threadId: number;
  cause: string | undefined;
}

interface Pending {
  id: number;
  task: WorkerTask;
  resolve: (value: unknown) => void;
  reject: (reason: Error) => void;
  onReply: ((reply: WorkerReply) => void) | undefined;
}

interface Slot {
  worker: Worker;
  /** Kept apart from `worker.threadId`, which reads -1 once the thread has stopped. */
  threadId: number;
  current: Pending | undefined;
  /** The uncaught error a dying thread reported, kept for the message of the task it takes down. */
  crash: Error | undefined;
}

/**
 * The floor every pool is measured against: `threads` plain worker threads, a FIFO queue, one `postMessage`
 * per task, one task per thread at a time (as piscina is configured here). No library between the caller
 * and `worker_threads`, so whatever `parallel` costs beyond this is the pool's own overhead.
 */
class RawWorkerPool implements RawPool {
  readonly slots: Slot[];
  startupMs = 0;
  replacedThreads = 0;
  private readonly queue: Pending[] = [];
  private readonly idleExits: IdleExit[] = [];
  private nextId = 0;
  private closed = false;

  constructor(
    readonly threads: number,
    private readonly workload: PoolWorkload,
    private readonly workerMaxOldSpaceMb?: number,
  ) {
    this.slots = Array.from({ length: threads }, () => {
      const worker = this.newWorker();
      const slot: Slot = { worker, threadId: worker.threadId, current: undefined, crash: undefined };
      this.listen(slot);
      return slot;
    });
  }

  run(task: WorkerTask, onReply?: (reply: WorkerReply) => void): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('raw pool is closed'));
    // A thread that died since the last task: its replacement's start-up may land in this sample, so say so.
    const idleExit = this.idleExits.shift();
    if (idleExit !== undefined)
      return Promise.reject(workerExitError(idleExit.exitCode, 'between tasks', idleExit.threadId, idleExit.cause));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject, onReply });
      this.dispatch();
    });
  }

  workers(): readonly Worker[] {
    return this.slots.map((slot) => slot.worker);
  }

  /** Resolves when every thread is online; rejects when one fails to start. */
  online(): Promise<void> {
    return Promise.all(
      this.slots.map(
        ({ worker }) =>
          new Promise<void>((resolve, reject) => {
            worker.once('online', resolve);
            worker.once('error', reject);
            worker.once('exit', (code) => reject(new Error(`raw pool thread exited with code ${code} while starting`)));
          }),
      ),
    ).then(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    const closedError = new Error('raw pool closed');
    for (const pending of this.queue.splice(0)) pending.reject(closedError);
    for (const slot of this.slots) {
      const pending = slot.current;
      slot.current = undefined;
      pending?.reject(closedError);
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /** Puts a fresh thread in `slot`; the old one's late events are ignored from now on. */
  private replaceThread(slot: Slot): void {
    slot.worker = this.newWorker();
    slot.threadId = slot.worker.threadId;
    slot.crash = undefined;
    this.replacedThreads += 1;
    this.listen(slot);
  }

  private newWorker(): Worker {
    const limit = this.workerMaxOldSpaceMb;
    return new Worker(WORKER_FILE, {
      workerData: this.workload,
      ...(limit === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: limit } }),
    });
  }

  private listen(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (response: RawResponse) => this.onResponse(slot, worker, response));
    worker.on('error', (error: Error) => {
      if (slot.worker === worker) slot.crash = error;
    });
    worker.on('exit', (code) => this.onExit(slot, worker, code));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0 || this.closed) return;
      if (slot.current !== undefined) continue;
      const pending = this.queue.shift() as Pending;
      slot.current = pending;
      try {
        slot.worker.postMessage({ id: pending.id, task: pending.task } satisfies RawRequest);
      } catch (error) {
        // Data that cannot be cloned fails this task; the thread never saw it and stays usable.
        slot.current = undefined;
        pending.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  private onResponse(slot: Slot, worker: Worker, response: RawResponse): void {
    const pending = slot.current;
    if (slot.worker !== worker || pending === undefined || pending.id !== response.id) return;
    slot.current = undefined;
    pending.onReply?.(response);
    if (response.ok) pending.resolve(response.value);
    else pending.reject(new TaskError(response.error));
    this.dispatch();
  }

  /**
   * A thread died: its task fails, a fresh thread takes its place, the queue goes on. The failure is the one
   * `parallel` records for the same death — a `WorkerExit` with the thread's exit code (`crashed`), except a
   * thread over its heap cap, whose ERR_WORKER_OUT_OF_MEMORY is the task's `error` — so the floor and the pool
   * read alike. A death with no task running is raised by the next `run`.
   */
  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (slot.worker !== worker || this.closed) return;
    const { current: pending, crash, threadId } = slot;
    const cause = crash !== undefined ? `uncaught ${crash.name}: ${crash.message}` : undefined;
    slot.current = undefined;
    this.replaceThread(slot);
    if (pending === undefined) {
      this.idleExits.push({ exitCode: code, threadId, cause });
    } else {
      pending.reject(isOutOfMemory(crash) ? crash : workerExitError(code, 'during a task', threadId, cause));
    }
    this.dispatch();
  }
}

function isOutOfMemory(error: Error | undefined): error is Error {
  return (error as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Starts `threads` plain worker threads, waits until all are online and each has run the warm task once. */
export async function startRawPool(options: StartRawPoolOptions): Promise<RawPool> {
  const { threads, warmTask, startupTimeoutMs } = options;
  const startedAt = performance.now();
  const pool = new RawWorkerPool(threads, options.workload, options.workerMaxOldSpaceMb);
  try {
    await withDeadline(
      pool.online(),
      startupTimeoutMs,
      `raw pool of ${threads} threads not online within ${startupTimeoutMs} ms`,
    );
    // Every thread is idle and the queue empty, so `threads` tasks submitted together land one per thread.
    const remainingMs = Math.max(1, startupTimeoutMs - (performance.now() - startedAt));
    await withDeadline(
      Promise.all(Array.from({ length: threads }, () => pool.run(warmTask))),
      remainingMs,
      `raw pool warm-up did not finish within ${startupTimeoutMs} ms`,
    );
  } catch (error) {
    await pool.close();
    throw error;
  }
  pool.startupMs = performance.now() - startedAt;
  return pool;
}

async function withDeadline<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
