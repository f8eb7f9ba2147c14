/**
 * Entry of a raw pool thread: plain `worker_threads`, no library, one message in and one out per task. It runs
 * the same body as a piscina worker (run-in-worker.ts), so the difference between the `raw` and `parallel`
 * strategies is the pool and nothing else.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { serializeError } from '../src/errors.js';
import { assertCloneable } from '../src/pool/cloneable.js';
import type { RawRequest, RawResponse } from '../src/pool/raw-messages.js';
import { runInWorker } from '../src/pool/run-in-worker.js';

const port = parentPort;
if (port === null) throw new Error('raw-worker.js must run as a worker thread');

port.on('message', (request: RawRequest) => {
  void runInWorker(request.task).then((reply) => {
    try {
      port.postMessage({ ...reply, id: request.id } satisfies RawResponse);
    } catch (error) {
      // A result that cannot be cloned fails its task, not the thread. The cheap check in runInWorker runs a full
      // clone only once per workload, so a later result can still get here: describe it as that check would.
      let reason: unknown = error;
      try {
        assertCloneable(reply.ok ? reply.value : undefined);
      } catch (described) {
        reason = described;
      }
      port.postMessage({ id: request.id, ok: false, error: serializeError(reason), threadId } satisfies RawResponse);
    }
  });
});
