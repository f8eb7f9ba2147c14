import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, invokeWithDeadline } from './task-outcome.js';

/**
 * All tasks started at once on the event loop and awaited together (`Promise.all` semantics, but every task
 * is awaited even after one fails, so no stray work bleeds into the next sample). One thread: waits overlap,
 * computation does not. `maxInFlight` caps how many run at a time, like a connection limit.
 */
export const concurrent: StrategyDescriptor = {
  name: 'concurrent',
  summary: 'all tasks at once with Promise.all on the event loop (optionally capped in flight)',
  usesThreads: false,
  // Waiting needs no core, so every task in flight is a lane.
  lanes: ({ tasks, maxInFlight }) => Math.min(tasks, maxInFlight ?? tasks),
  waves: ({ tasks, maxInFlight }) => Math.ceil(tasks / Math.min(tasks, maxInFlight ?? tasks)),
  prepare({ workload, data, size, taskTimeoutMs }, { maxInFlight }) {
    const start = (index: number): Promise<unknown> =>
      invokeWithDeadline(() => workload.task({ data, size, index }), taskTimeoutMs);
    return {
      name: 'concurrent',
      startupMs: 0,
      async runBatch(tasks) {
        if (maxInFlight === undefined || maxInFlight >= tasks) {
          return collectBatch(await Promise.allSettled(Array.from({ length: tasks }, (_, index) => start(index))));
        }
        const settled = new Array<PromiseSettledResult<unknown>>(tasks);
        let next = 0;
        const lane = async (): Promise<void> => {
          while (next < tasks) {
            const index = next;
            next += 1;
            try {
              settled[index] = { status: 'fulfilled', value: await start(index) };
            } catch (reason) {
              settled[index] = { status: 'rejected', reason };
            }
          }
        };
        await Promise.all(Array.from({ length: maxInFlight }, lane));
        return collectBatch(settled);
      },
      close: () => Promise.resolve(),
    };
  },
};
