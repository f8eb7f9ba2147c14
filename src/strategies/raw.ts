import { POOL_STARTUP_TIMEOUT_MS } from '../pool/pool.js';
import { startRawPool } from '../pool/raw-pool.js';
import type { StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { tracedOnPool } from './traced.js';
import { OFFERS } from '../stats/ideal.js';

/**
 * The floor: the same tasks on `threads` plain worker threads, one message per task, no library. It runs
 * beside `parallel` so every pool figure can be read against what this machine's threads allow, not only
 * against the ideal. Same start-up rules as `parallel`: threads online and the task run once on each first.
 */
export const raw: StrategyDescriptor = {
  name: 'raw',
  summary: 'the floor: plain worker_threads, one postMessage per task, no pool library',
  usesThreads: true,
  // Not in the default list: measured on 2 cores, it adds about 60 % to `npm run bench` (every parallel cell
  // measured twice). Name it (`-s sequential,concurrent,parallel,raw`); `study grain` always runs it.
  optIn: true,
  offer: OFFERS.pool,
  waves: ({ tasks, threads }) => Math.ceil(tasks / threads),
  async prepare({ workloadUrl, data, size, taskTimeoutMs }, { threads, workerMaxOldSpaceMb }) {
    const pool = await startRawPool({
      threads,
      workload: { workloadUrl, data, size },
      warmTask: { index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
      // The same heap cap as `parallel`'s workers, so a leaking task fails alike under the floor and the pool.
      ...(workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb } : {}),
    });
    return {
      name: 'raw',
      startupMs: pool.startupMs,
      async runBatch(tasks, tracer) {
        const start = (index: number): Promise<unknown> =>
          tracer === undefined
            ? pool.run({ index })
            : tracedOnPool((task, onReply) => pool.run(task, onReply), { index }, tracer);
        return collectBatch(await settleAll(tasks, taskTimeoutMs, start));
      },
      workers: () => pool.workers(),
      close: () => pool.close(),
    };
  },
};
