import type { WorkerReply, WorkerTask } from './messages.js';

/** One task for a raw pool thread. `id` pairs the reply with its caller; the task itself is what piscina gets. */
export interface RawRequest {
  id: number;
  task: WorkerTask;
}

/** A raw thread's answer: the same reply a piscina worker gives, tagged with the request's id. */
export type RawResponse = WorkerReply & { id: number };
