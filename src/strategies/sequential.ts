import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { tracedOnMain } from './traced.js';
import { OFFERS } from '../stats/ideal.js';

/** The baseline: one task after another on the measuring process's main thread. */
export const sequential: StrategyDescriptor = {
  name: 'sequential',
  summary: 'one task after another on the main thread (the baseline)',
  usesThreads: false,
  offer: OFFERS.oneAtATime,
  waves: ({ tasks }) => tasks,
  prepare({ workload, data, size, taskTimeoutMs }) {
    return {
      name: 'sequential',
      startupMs: 0,
      async runBatch(tasks, tracer) {
        const start = (index: number): unknown => workload.task({ data, size, index });
        return collectBatch(
          await settleAll(tasks, taskTimeoutMs, tracer === undefined ? start : tracedOnMain(start, tracer), 1),
        );
      },
      close: () => Promise.resolve(),
    };
  },
};
