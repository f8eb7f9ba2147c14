import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, invokeWithDeadline } from './task-outcome.js';

/** The baseline: one task after another on the measuring process's main thread. */
export const sequential: StrategyDescriptor = {
  name: 'sequential',
  summary: 'one task after another on the main thread (the baseline)',
  usesThreads: false,
  lanes: () => 1,
  waves: ({ tasks }) => tasks,
  prepare({ workload, data, size, taskTimeoutMs }) {
    return {
      name: 'sequential',
      startupMs: 0,
      async runBatch(tasks) {
        const settled: PromiseSettledResult<unknown>[] = [];
        for (let index = 0; index < tasks; index += 1) {
          try {
            const value = await invokeWithDeadline(() => workload.task({ data, size, index }), taskTimeoutMs);
            settled.push({ status: 'fulfilled', value });
          } catch (reason) {
            settled.push({ status: 'rejected', reason });
          }
        }
        return collectBatch(settled);
      },
      close: () => Promise.resolve(),
    };
  },
};
