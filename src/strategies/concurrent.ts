import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { tracedOnMain } from './traced.js';
import { OFFERS } from '../stats/ideal.js';

/**
 * All tasks started at once on the event loop and awaited together (`Promise.all` semantics, but every task
 * is awaited even after one fails, so no stray work bleeds into the next sample). One thread: waits overlap,
 * computation does not. `maxInFlight` caps how many run at a time, like a connection limit.
 */
export const concurrent: StrategyDescriptor = {
  name: 'concurrent',
  summary: 'all tasks at once with Promise.all on the event loop (optionally capped in flight)',
  usesThreads: false,
  offer: OFFERS.allOnOneLoop,
  waves: ({ tasks, maxInFlight }) => Math.ceil(tasks / Math.min(tasks, maxInFlight ?? tasks)),
  prepare({ workload, data, size, taskTimeoutMs }, { maxInFlight }) {
    return {
      name: 'concurrent',
      startupMs: 0,
      async runBatch(tasks, tracer) {
        const start = (index: number): unknown => workload.task({ data, size, index });
        const traced = tracer === undefined ? start : tracedOnMain(start, tracer);
        return collectBatch(await settleAll(tasks, taskTimeoutMs, traced, maxInFlight ?? tasks));
      },
      close: () => Promise.resolve(),
    };
  },
};
