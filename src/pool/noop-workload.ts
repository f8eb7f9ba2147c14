import { defineWorkload } from '../workload.js';

/**
 * A task that does nothing. Sent through a pool, what remains of its round trip is the pool's own cost:
 * posting the message, cloning it, waking a thread, and the reply's way back.
 */
export default defineWorkload<unknown, number>({
  id: 'noop',
  kind: 'cpu',
  description: 'does nothing: measures dispatch cost alone',
  defaultSize: 1,
  task: ({ index }) => index,
});
