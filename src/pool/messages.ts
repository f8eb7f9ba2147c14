import type { SerializedError } from '../errors.js';

/**
 * What a pool thread is started with (its `workerData`): the cell's workload and the data `setup` returned.
 * It crosses to each thread once, when the thread starts, as a plain hand-written pool would hand its threads
 * their input; per-task messages then carry only an index. (Sending `data` with every task cost a 256 KiB
 * structured clone per task: 7 ms of a 16 ms gzip batch on 2 threads of the development VM.)
 */
export interface PoolWorkload {
  workloadUrl: string;
  data: unknown;
  size: number;
}

/**
 * What the main thread posts to a pool thread for one task. Plain data only: it is structured-cloned.
 * `step` says what to run: the whole `task` (the default); only its `compute` half on `waited`, what its `wait`
 * half returned on the main thread (the `hybrid` strategy); `load` imports the workload and runs nothing (a
 * warm-up for tasks too long to run just to warm); `noop` answers at once without loading anything (what is left
 * of its round trip is the pool's own cost).
 */
export interface WorkerTask {
  index: number;
  step?: 'task' | 'compute' | 'load' | 'noop';
  waited?: unknown;
  /** A traced sample (never a timed one): the reply says when the task ran on its thread. */
  trace?: boolean;
  /**
   * A warm-up task (traced too): the reply also gives the thread's GC total and used heap, after waiting for the
   * thread's GC entries to arrive. Only warm-up reads them, so only warm-up pays that wait.
   */
  gc?: boolean;
}

/**
 * Several consecutive tasks in one message (`--batch`): indices firstIndex .. firstIndex + count - 1. One
 * message instead of `count` divides the per-message dispatch cost among them.
 */
export interface WorkerBatch {
  firstIndex: number;
  count: number;
  trace?: boolean;
  gc?: boolean;
}

/** When a traced task ran on its thread, µs on the clock every thread shares (see trace/model.ts). */
export interface RanAt {
  startUs: number;
  endUs: number;
  /** The thread's running total of GC pauses when the task ended, ms (differences between replies give shares). */
  gcTotalMs?: number;
  /** The thread's used JS heap when the task ended, bytes (V8's used_heap_size: live objects and garbage alike). */
  heapUsedBytes?: number;
}

/** A worker's answer. Failures come back as data, so their name, message and code survive the thread hop. */
export type WorkerReply = ({ ok: true; value: unknown } | { ok: false; error: SerializedError }) & {
  threadId: number;
  ranAt?: RanAt;
};
