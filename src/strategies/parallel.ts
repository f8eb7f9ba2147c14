import { startPool } from '../pool/pool.js';
import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, taskTimeoutError } from './task-outcome.js';

/** Start-up budget for a pool: worker boot and module import, independent of task size. */
const POOL_STARTUP_TIMEOUT_MS = 30_000;

/**
 * Tasks dispatched to a warmed piscina pool of `threads` threads. Start-up (threads online and the task
 * code run once on each) is paid and measured in `prepare`, never inside a batch.
 */
export const parallel: StrategyDescriptor = {
  name: 'parallel',
  summary: 'tasks dispatched to a piscina worker pool of T threads',
  usesThreads: true,
  lanes: ({ threads, usableCores }) => Math.min(threads, usableCores),
  waves: ({ tasks, threads }) => Math.ceil(tasks / threads),
  async prepare({ workloadUrl, data, size, taskTimeoutMs }, { threads }) {
    const pool = await startPool({
      threads,
      warmTask: { workloadUrl, data, size, index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
    });

    const runOne = async (index: number): Promise<unknown> => {
      const signal = AbortSignal.timeout(taskTimeoutMs);
      try {
        return await pool.run({ workloadUrl, data, size, index }, signal);
      } catch (error) {
        // piscina ends the worker of an aborted task and starts a fresh one in its place.
        if (signal.aborted) throw taskTimeoutError(taskTimeoutMs);
        throw error;
      }
    };

    return {
      name: 'parallel',
      startupMs: pool.startupMs,
      async runBatch(tasks) {
        return collectBatch(await Promise.allSettled(Array.from({ length: tasks }, (_, index) => runOne(index))));
      },
      close: () => pool.close(),
    };
  },
};
