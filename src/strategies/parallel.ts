import { TaskError } from '../errors.js';
import type { WorkerReply } from '../pool/messages.js';
import { POOL_STARTUP_TIMEOUT_MS, startPool } from '../pool/pool.js';
import { batchRanges, measureBatchFigures, resolveBatch } from './batch-size.js';
import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';

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
      workload: { workloadUrl, data, size },
      warmTask: { index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
      ...(workerMaxOldSpaceMb !== undefined ? { maxOldGenerationSizeMb: workerMaxOldSpaceMb } : {}),
    });

    // --batch: k consecutive tasks per message, each still answering for itself; a message may take k task times.
    const batching = await resolveBatch(batch, { tasks, threads }, () => measureBatchFigures((task) => pool.run(task), threads));
    const perMessage = batching?.size ?? 1;
    return {
      name: 'parallel',
      startupMs: pool.startupMs,
      ...(batching !== undefined ? { batching } : {}),
      async runBatch(tasks) {
        if (perMessage === 1) return collectBatch(await settleAll(tasks, taskTimeoutMs, (index) => pool.run({ index })));
        const ranges = batchRanges(tasks, perMessage);
        const messages = await settleAll(ranges.length, taskTimeoutMs * perMessage, (message) => pool.runBatch(ranges[message] as (typeof ranges)[number]));
        return collectBatch(
          messages.flatMap((outcome, message): PromiseSettledResult<unknown>[] => {
            if (outcome.status === 'rejected') return Array.from({ length: ranges[message]?.count ?? 0 }, () => outcome);
            // The message arrived: each task in it answers for itself.
            return (outcome.value as WorkerReply[]).map((reply) =>
              reply.ok ? { status: 'fulfilled', value: reply.value } : { status: 'rejected', reason: new TaskError(reply.error) },
            );
          }),
        );
      },
      close: () => pool.close(),
    };
  },
};
