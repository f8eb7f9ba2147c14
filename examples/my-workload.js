// A workload of your own: `npx corescope run --workload ./examples/my-workload.js`
// (or `npx corescope classify ./examples/my-workload.js` for a recommendation).
//
// Plain ESM JavaScript, no build step. The measuring process imports this module for `sequential` and
// `concurrent`, and every worker thread imports the very same module for `parallel`, so keep module scope
// cheap and free of side effects; start servers or write fixtures in `setup`.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { defineWorkload } from 'corescope';

export default defineWorkload({
  id: 'fetch-and-digest',
  kind: 'mixed',
  description: 'wait `size` ms for a (simulated) download, then hash what arrived 200 times',
  defaultSize: 20,
  defaultTasks: 8,

  // Optional: runs once per cell in the measuring process; returns plain, cloneable data for the tasks.
  setup: ({ size, tasks }) => ({ payloadBytes: 16 * 1024, latencyMs: size, tasks }),

  // One unit of work. Its result must be cloneable: it may come back from a worker thread.
  async task(input) {
    return digest(await download(input));
  },

  // Optional: the same task split in two, for the `hybrid` strategy: `wait` runs on the event loop (all
  // tasks at once), `compute` on a worker thread with what `wait` returned. compute(wait(x)) === task(x).
  wait: (input) => download(input),
  compute: ({ waited }) => digest(waited),
});

async function download({ data, index }) {
  await sleep(data.latencyMs);
  return Buffer.alloc(data.payloadBytes, index).toString('base64');
}

function digest(text) {
  let hash = text;
  for (let round = 0; round < 200; round += 1) hash = createHash('sha256').update(hash).update(text).digest('hex');
  return hash;
}
