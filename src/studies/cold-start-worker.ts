import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type SerializedError } from '../errors.js';
import { threadGcLedger } from '../gc/gc-meter.js';
import { threadGcTotals } from '../gc/worker-gc.js';
import { loadWorkload } from '../workload-source.js';

/**
 * The cold-start probe's thread (see cold-start-probe.ts): a plain worker_threads Worker, started fresh for one
 * probe. It imports the workload, then runs `runs` tasks one after another, timing each here on its own clock, so
 * nothing of a message's trip is in a task's time. It answers once, with every figure, and exits.
 */
export interface ColdStartWorkerData {
  workloadUrl: string;
  data: unknown;
  size: number;
  /** The workload's tasks per batch: task indices cycle through 0..tasks-1, as batches do. */
  tasks: number;
  /** Tasks to run and time on this thread. */
  runs: number;
}

export type ColdStartWorkerReply =
  | { ok: true; moduleLoadMs: number; taskDurationsMs: number[]; threadGcMs: number }
  | { ok: false; error: SerializedError };

async function probe(input: ColdStartWorkerData): Promise<ColdStartWorkerReply> {
  try {
    const loadStartMs = performance.now();
    const workload = await loadWorkload(input.workloadUrl);
    const moduleLoadMs = performance.now() - loadStartMs;
    const taskDurationsMs: number[] = [];
    const ledger = threadGcLedger();
    const gcBefore = threadGcTotals();
    for (let run = 0; run < input.runs; run += 1) {
      const taskInput = { data: input.data, size: input.size, index: run % input.tasks };
      const startMs = performance.now();
      await workload.task(taskInput);
      taskDurationsMs.push(performance.now() - startMs);
      // The flush turns the loop twice between tasks: V8 can run the GC steps it posted as foreground tasks there,
      // outside the next task's time.
      await ledger.flush();
    }
    // The last task's pauses are reported (see gc-meter.ts) before the totals are read.
    await ledger.flush();
    const threadGcMs = threadGcTotals().gcMs - gcBefore.gcMs;
    return { ok: true, moduleLoadMs, taskDurationsMs, threadGcMs };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void probe(workerData as ColdStartWorkerData).then((reply) => port.postMessage(reply));
}
