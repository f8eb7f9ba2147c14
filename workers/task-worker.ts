/**
 * The piscina worker entry: tiny on purpose. It imports a workload module by URL (the same module the main
 * thread uses for the other strategies), caches it, and runs one task per message. Errors are serialised
 * here because piscina keeps neither an error's class nor its own properties across threads.
 */
import { threadId } from 'node:worker_threads';
import { serializeError } from '../src/errors.js';
import { assertCloneableResult } from '../src/pool/cloneable.js';
import { reportWorkerExit } from '../src/pool/worker-exit.js';
import { loadWorkloadOnce } from '../src/workload-source.js';
import type { WorkerBatch, WorkerReply, WorkerTask } from '../src/pool/messages.js';

reportWorkerExit();

export default async function runTask(message: WorkerTask): Promise<WorkerReply> {
  try {
    const workload = await loadWorkloadOnce(message.workloadUrl);
    const input = { data: message.data, size: message.size, index: message.index };
    let value: unknown;
    if (message.step === 'compute') {
      if (workload.compute === undefined) throw new Error(`${message.workloadUrl}: the workload has no "compute" step`);
      value = await workload.compute({ ...input, waited: message.waited });
    } else {
      value = await workload.task(input);
    }
    assertCloneableResult(value, message.workloadUrl);
    return { ok: true, value, threadId };
  } catch (error) {
    return { ok: false, error: serializeError(error), threadId };
  }
}

/**
 * `count` tasks from one message (`--batch`), one after another as a thread runs tasks, each answering for
 * itself: one task's failure does not hide the others' results.
 */
export async function runBatch(batch: WorkerBatch): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  for (let offset = 0; offset < batch.count; offset += 1) {
    replies.push(await runTask({ workloadUrl: batch.workloadUrl, data: batch.data, size: batch.size, index: batch.firstIndex + offset }));
  }
  return replies;
}
