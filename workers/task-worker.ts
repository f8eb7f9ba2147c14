/**
 * The piscina worker entry: tiny on purpose. The thread runs its cell's workload (see run-in-worker.ts), one
 * task per message; errors come back as data because piscina keeps neither an error's class nor its own
 * properties across threads.
 */
import { reportWorkerExit } from '../src/pool/worker-exit.js';
import { runInWorker } from '../src/pool/run-in-worker.js';
import type { WorkerBatch, WorkerReply, WorkerTask } from '../src/pool/messages.js';

reportWorkerExit();

export default function runTask(message: WorkerTask): Promise<WorkerReply> {
  return runInWorker(message);
}

/**
 * `count` tasks from one message (`--batch`), one after another as a thread runs tasks, each answering for
 * itself: one task's failure does not hide the others' results.
 */
export async function runBatch(batch: WorkerBatch): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  const flags = { ...(batch.trace === true ? { trace: true } : {}), ...(batch.gc === true ? { gc: true } : {}) };
  for (let offset = 0; offset < batch.count; offset += 1)
    replies.push(await runInWorker({ index: batch.firstIndex + offset, ...flags }));
  return replies;
}
