/**
 * Entry of a raw pool thread: plain `worker_threads`, no library, one message in and one out per task. It
 * receives the same task message a piscina worker gets and runs it the same way, so the difference between
 * the `raw` and `parallel` strategies is the pool and nothing else.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { serializeError } from '../src/errors.js';
import { assertCloneable, assertCloneableResult } from '../src/pool/cloneable.js';
import type { RawRequest, RawResponse } from '../src/pool/raw-messages.js';
import { loadWorkloadOnce } from '../src/workload-source.js';

const port = parentPort;
if (port === null) throw new Error('raw-worker.js must run as a worker thread');

async function answer({ id, task }: RawRequest): Promise<RawResponse> {
  try {
    const workload = await loadWorkloadOnce(task.workloadUrl);
    const value = await workload.task({ data: task.data, size: task.size, index: task.index });
    // The same check as the piscina worker's, so an uncloneable result fails with the same message under both.
    assertCloneableResult(value, task.workloadUrl);
    return { id, ok: true, value, threadId };
  } catch (error) {
    return { id, ok: false, error: serializeError(error), threadId };
  }
}

port.on('message', (request: RawRequest) => {
  void answer(request).then((response) => {
    try {
      port.postMessage(response);
    } catch (error) {
      // A result that cannot be cloned fails its task, not the thread. The cheap check above runs a full clone
      // only once per workload, so a later result can still get here: describe it as that check would.
      let reason: unknown = error;
      try {
        assertCloneable(response.ok ? response.value : undefined);
      } catch (described) {
        reason = described;
      }
      port.postMessage({ id: request.id, ok: false, error: serializeError(reason), threadId } satisfies RawResponse);
    }
  });
});
