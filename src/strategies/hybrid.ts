import { POOL_STARTUP_TIMEOUT_MS, startPool } from '../pool/pool.js';
import { hasSplit } from '../workload.js';
import type { BatchTracer, StrategyDescriptor } from './strategy.js';
import { collectBatch, settleAll } from './task-outcome.js';
import { tracedOnPool } from './traced.js';
import { OFFERS } from '../stats/ideal.js';

/**
 * Each task's `wait` half runs on the event loop, all tasks at once (waits overlap on one thread, as with
 * `concurrent`); as each wait ends, its `compute` half goes to a warmed piscina pool of `threads` threads
 * (computation spreads over cores, as with `parallel`). Needs workloads that split their task in two.
 */
export const hybrid: StrategyDescriptor = {
  name: 'hybrid',
  summary: 'waits overlap on the event loop while the CPU parts run on a piscina pool of T threads',
  usesThreads: true,
  optIn: true,
  // The compute halves are what needs cores; waits overlap beyond them, so above 100 % of ideal is real.
  offer: OFFERS.waitsThenPool,
  // All waits at once (one wave), then the compute halves queue for the threads.
  waves: ({ tasks, threads }) => 1 + Math.ceil(tasks / threads),
  unsupportedReason: (workload) =>
    hasSplit(workload)
      ? undefined
      : 'the workload does not split its task into "wait" and "compute" steps (see README: hybrid)',
  async prepare({ workload, workloadUrl, data, size, taskTimeoutMs }, { threads, workerMaxOldSpaceMb }) {
    if (!hasSplit(workload)) throw new Error(`hybrid: workload "${workload.id}" has no wait/compute split`);
    const wait = (index: number): Promise<unknown> => Promise.resolve(workload.wait({ data, size, index }));

    // One real wait gives the warm-up a realistic value, so every thread runs (and JIT-compiles) `compute`.
    const waited = await wait(0);
    const pool = await startPool({
      threads,
      workload: { workloadUrl, data, size },
      warmTask: { index: 0, step: 'compute', waited },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS + taskTimeoutMs,
      ...(workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb } : {}),
    });

    // A task is its wait and then its compute, each allowed --task-timeout. Traced, the compute half is drawn on
    // its thread, handed over when the wait ended; the wait itself runs on no thread.
    const runOne = async (index: number, tracer?: BatchTracer): Promise<unknown> => {
      const task = { index, step: 'compute' as const, waited: await wait(index) };
      return tracer === undefined
        ? pool.run(task)
        : tracedOnPool((sent, onReply) => pool.run(sent, onReply), task, tracer);
    };
    return {
      name: 'hybrid',
      startupMs: pool.startupMs,
      async runBatch(tasks, tracer) {
        return collectBatch(await settleAll(tasks, 2 * taskTimeoutMs, (index) => runOne(index, tracer)));
      },
      workers: () => pool.workers(),
      close: () => pool.close(),
    };
  },
};
