import { TaskError } from '../errors.js';
import { POOL_STARTUP_TIMEOUT_MS, startPool } from '../pool/pool.js';
import { batchRanges, measureBatchFigures, resolveBatch } from './batch-size.js';
import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, runOnPoolWithDeadline, taskTimeoutError } from './task-outcome.js';


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
  async prepare({ workloadUrl, data, size, taskTimeoutMs, tasks }, { threads, batch, workerMaxOldSpaceMb }) {
    const pool = await startPool({
      threads,
      warmTask: { workloadUrl, data, size, index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
      ...(workerMaxOldSpaceMb !== undefined ? { maxOldGenerationSizeMb: workerMaxOldSpaceMb } : {}),
    });

    const runOne = (index: number): Promise<unknown> =>
      runOnPoolWithDeadline((signal) => pool.run({ workloadUrl, data, size, index }, signal), taskTimeoutMs);

    // --batch: k consecutive tasks per message, each still answering for itself; the deadline grows with k.
    const batching = await resolveBatch(batch, { tasks, threads }, () =>
      measureBatchFigures((task) => pool.run(task), { workloadUrl, data, size, index: 0 }, threads),
    );
    const runRange = async (firstIndex: number, count: number): Promise<PromiseSettledResult<unknown>[]> => {
      const signal = AbortSignal.timeout(taskTimeoutMs * count);
      try {
        const replies = await pool.runBatch({ workloadUrl, data, size, firstIndex, count }, signal);
        return replies.map((reply) => (reply.ok ? { status: 'fulfilled', value: reply.value } : { status: 'rejected', reason: new TaskError(reply.error) }));
      } catch (error) {
        // The message was lost as a whole (timeout, worker exit): every task in it failed with it.
        const reason: unknown = signal.aborted ? taskTimeoutError(taskTimeoutMs) : error;
        return Array.from({ length: count }, () => ({ status: 'rejected', reason }));
      }
    };

    return {
      name: 'parallel',
      startupMs: pool.startupMs,
      ...(batching !== undefined ? { batching } : {}),
      async runBatch(tasks) {
        if (batching === undefined || batching.size === 1) {
          return collectBatch(await Promise.allSettled(Array.from({ length: tasks }, (_, index) => runOne(index))));
        }
        const ranges = await Promise.all(batchRanges(tasks, batching.size).map(({ firstIndex, count }) => runRange(firstIndex, count)));
        return collectBatch(ranges.flat());
      },
      close: () => pool.close(),
    };
  },
};
