import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { tracedOnMain } from './traced.js';

/**
 * All tasks started at once on the event loop and awaited together (`Promise.all` semantics, but every task
 * is awaited even after one fails, so no stray work bleeds into the next sample). One thread: waits overlap,
 * computation does not. `maxInFlight` caps how many run at a time, like a connection limit.
 */
export const concurrent: StrategyDescriptor = {
  name: 'concurrent',
  summary: 'all tasks at once with Promise.all on the event loop (optionally capped in flight)',
  usesThreads: false,
  // No computing bound: a task's CPU time shrinks under Promise.all (io-http in results/reference/dev-2core.json:
  // 0.133 cores busy alone, 0.584 at 10.97×, so 40 % of the CPU per task), so the sequential cell's share is not
  // the least it needs there, and a bound drawn from it would not be an upper bound. The ideal: every wait overlaps.
  offer: ({ tasks, maxInFlight }) => ({ slots: Math.min(tasks, maxInFlight ?? tasks), computeLanes: null }),
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
