import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { TaskError } from '../errors.js';
import { distFileUrl } from '../paths.js';
import { coldStartCost, steadyMedianOf, type ColdStartCost } from '../stats/cold-start.js';
import { loadWorkload } from '../workload-source.js';
import type { ColdStartWorkerData, ColdStartWorkerReply } from './cold-start-worker.js';

/**
 * The cold-start cost of a worker on a workload: a fresh plain worker_threads Worker (no pool: nothing of a
 * pool's own warm-up or dispatch in it) runs `runs` tasks one by one, timing each inside the thread. Its later
 * tasks give its steady speed; its first tasks' excess over that, and how many there were, is what every new
 * thread of a pool pays again. Start-up (thread online, module import) is reported beside it, not in it.
 */

export interface ColdStartProbeOptions {
  workloadUrl: string;
  /** Tasks on the fresh thread (60): enough that the last half is long past the JIT's warm-up. */
  runs?: number;
}

export interface ColdStartProbe {
  /** From `new Worker` until the thread was online, ms. */
  workerOnlineMs: number;
  /** Importing the workload module on the thread, ms. */
  moduleLoadMs: number;
  /** Each task's time on the thread, in order, ms. */
  taskDurationsMs: number[];
  /** Every GC pause on the thread from its first task to its last, between tasks too, ms. */
  threadGcMs: number;
  cost: ColdStartCost;
}

const WORKER_FILE = distFileUrl('src', 'studies', 'cold-start-worker.js');
const DEFAULT_RUNS = 60;
/** The whole probe gives up after this long and terminates the thread (a task that hangs). */
const PROBE_TIMEOUT_MS = 120_000;

export async function probeColdStart(options: ColdStartProbeOptions): Promise<ColdStartProbe> {
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 4) throw new RangeError('probeColdStart: runs must be an integer ≥ 4');
  const workload = await loadWorkload(options.workloadUrl);
  // The workload's own size and tasks per batch: task indices cycle through them on the thread as batches do.
  const size = workload.defaultSize ?? 1;
  const tasks = workload.defaultTasks ?? 1;
  const data: unknown = await workload.setup?.({ size, tasks });
  try {
    const workerData: ColdStartWorkerData = { workloadUrl: options.workloadUrl, data, size, tasks, runs };
    const { reply, workerOnlineMs } = await runProbeThread(workerData, PROBE_TIMEOUT_MS);
    if (!reply.ok) throw new TaskError(reply.error);
    const steadyMedianMs = steadyMedianOf(reply.taskDurationsMs);
    return {
      workerOnlineMs,
      moduleLoadMs: reply.moduleLoadMs,
      taskDurationsMs: reply.taskDurationsMs,
      threadGcMs: reply.threadGcMs,
      cost: coldStartCost(reply.taskDurationsMs, steadyMedianMs),
    };
  } finally {
    await workload.teardown?.(data);
  }
}

function runProbeThread(
  workerData: ColdStartWorkerData,
  timeoutMs: number,
): Promise<{ reply: ColdStartWorkerReply; workerOnlineMs: number }> {
  const createdAtMs = performance.now();
  const worker = new Worker(WORKER_FILE, { workerData });
  let workerOnlineMs = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`cold-start probe: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const settle = (): void => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
    };
    worker.once('online', () => (workerOnlineMs = performance.now() - createdAtMs));
    worker.once('message', (reply: ColdStartWorkerReply) => {
      settle();
      resolve({ reply, workerOnlineMs });
    });
    worker.once('error', (error) => {
      settle();
      reject(error);
    });
    worker.once('exit', (code) => {
      settle();
      reject(new Error(`cold-start probe: the thread exited with code ${code} before answering`));
    });
  });
}
