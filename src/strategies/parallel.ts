import { TaskError } from '../errors.js';
import type { WorkerReply } from '../pool/messages.js';
import { POOL_STARTUP_TIMEOUT_MS, startPool } from '../pool/pool.js';
import { batchRanges, measureBatchFigures, resolveBatch } from './batch-size.js';
import type { StrategyDescriptor } from './strategy.js';
import { nowUs } from '../trace/clock.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { recordReply, traceFlags, tracedOnPool } from './traced.js';
import { OFFERS } from '../stats/ideal.js';

/**
 * Tasks dispatched to a warmed piscina pool of `threads` threads. Start-up (threads online and the task
 * code run once on each) is paid and measured in `prepare`, never inside a batch.
 */
export const parallel: StrategyDescriptor = {
  name: 'parallel',
  summary: 'tasks dispatched to a piscina worker pool of T threads',
  usesThreads: true,
  offer: OFFERS.pool,
  waves: ({ tasks, threads }) => Math.ceil(tasks / threads),
  async prepare({ workloadUrl, data, size, taskTimeoutMs, tasks }, { threads, batch, workerMaxOldSpaceMb }) {
    const pool = await startPool({
      threads,
      workload: { workloadUrl, data, size },
      warmTask: { index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
      ...(workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb } : {}),
    });

    // --batch: k consecutive tasks per message, each still answering for itself; a message may take k task times.
    const batching = await resolveBatch(batch, { tasks, threads }, () =>
      measureBatchFigures((task) => pool.run(task), threads),
    );
    const perMessage = batching?.size ?? 1;
    return {
      name: 'parallel',
      startupMs: pool.startupMs,
      ...(batching !== undefined ? { batching } : {}),
      async runBatch(tasks, tracer) {
        if (perMessage === 1) {
          const start = (index: number): Promise<unknown> =>
            tracer === undefined
              ? pool.run({ index })
              : tracedOnPool((task, onReply) => pool.run(task, onReply), { index }, tracer);
          return collectBatch(await settleAll(tasks, taskTimeoutMs, start));
        }
        const ranges = batchRanges(tasks, perMessage);
        const send = async (message: number): Promise<WorkerReply[]> => {
          const range = ranges[message] as (typeof ranges)[number];
          if (tracer === undefined) return pool.runBatch(range);
          const dispatchUs = nowUs();
          const replies = await pool.runBatch({ ...range, ...traceFlags(tracer) });
          replies.forEach((reply, offset) => recordReply(tracer, range.firstIndex + offset, dispatchUs, reply));
          return replies;
        };
        const messages = await settleAll(ranges.length, taskTimeoutMs * perMessage, send);
        return collectBatch(
          messages.flatMap((outcome, message): PromiseSettledResult<unknown>[] => {
            if (outcome.status === 'rejected')
              return Array.from({ length: ranges[message]?.count ?? 0 }, () => outcome);
            // The message arrived: each task in it answers for itself.
            return (outcome.value as WorkerReply[]).map((reply) =>
              reply.ok
                ? { status: 'fulfilled', value: reply.value }
                : { status: 'rejected', reason: new TaskError(reply.error) },
            );
          }),
        );
      },
      workers: () => pool.workers(),
      close: () => pool.close(),
    };
  },
};
