import { setTimeout as sleep } from 'node:timers/promises';
import { defineWorkload } from '../src/workload.js';

/**
 * The classic "fetch the weather, fetch the news" example: each task only waits. Waiting costs no CPU,
 * so `Promise.all` overlaps every wait on one thread; a pool only overlaps as many waits as it has threads.
 */
export default defineWorkload({
  id: 'io-timer',
  kind: 'io',
  description: 'simulated remote calls: each task waits `size` ms on a timer',
  defaultSize: 10,
  async task({ size, index }) {
    await sleep(size);
    return index;
  },
});
