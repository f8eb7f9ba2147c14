import type { TaskPool } from '../pool/pool.js';
import { hasSplit, type Workload } from '../workload.js';
import type { ServeStrategy } from './messages.js';

/** Runs one `/compute` task; `index` numbers the requests, as a batch numbers its tasks. */
export type RunCompute = (index: number) => Promise<unknown>;

export interface ComputeContext {
  workload: Workload;
  data: unknown;
  size: number;
  /** Required by `parallel` and `hybrid`. */
  pool?: TaskPool;
}

/**
 * How `/compute` runs its task under each strategy. Inline ones run it on the server's own event loop:
 * `sequential` one request at a time (a queue, as a handler behind a mutex would), `concurrent` as requests
 * arrive. `parallel` sends the whole task to the pool; `hybrid` waits inline and sends only the computing half.
 */
export function computeRoute(strategy: ServeStrategy, context: ComputeContext): RunCompute {
  const { workload, data, size, pool } = context;
  const input = (index: number): { data: unknown; size: number; index: number } => ({ data, size, index });
  switch (strategy) {
    case 'concurrent':
      return (index) => Promise.resolve().then(() => workload.task(input(index)));
    case 'sequential': {
      let queue: Promise<unknown> = Promise.resolve();
      return (index) => {
        const run = queue.then(() => workload.task(input(index)));
        // The next request waits for this one to finish, whether it succeeded or not.
        queue = run.catch(() => undefined);
        return run;
      };
    }
    case 'parallel':
      if (pool === undefined) throw new Error('parallel serving needs a pool');
      return (index) => pool.run({ index });
    case 'hybrid': {
      if (pool === undefined) throw new Error('hybrid serving needs a pool');
      if (!hasSplit(workload)) throw new Error(`workload ${workload.id} has no wait/compute split for hybrid`);
      return async (index) => pool.run({ index, step: 'compute', waited: await workload.wait(input(index)) });
    }
  }
}
