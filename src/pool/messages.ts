import type { SerializedError } from '../errors.js';

/** What the main thread posts to a pool worker for one task. Plain data only: it is structured-cloned. */
export interface WorkerTask {
  workloadUrl: string;
  data: unknown;
  size: number;
  index: number;
  /**
   * Which part of the workload to run: the whole `task` (the default), or only its `compute` half on
   * `waited`, what its `wait` half returned on the main thread (the `hybrid` strategy).
   */
  step?: 'task' | 'compute';
  waited?: unknown;
}

/**
 * Several consecutive tasks in one message (`--batch`): indices firstIndex .. firstIndex + count - 1. One
 * message instead of `count` divides the per-message dispatch cost among them.
 */
export interface WorkerBatch {
  workloadUrl: string;
  data: unknown;
  size: number;
  firstIndex: number;
  count: number;
}

/** A worker's answer. Failures come back as data, so their name, message and code survive the thread hop. */
export type WorkerReply =
  | { ok: true; value: unknown; threadId: number }
  | { ok: false; error: SerializedError; threadId: number };
