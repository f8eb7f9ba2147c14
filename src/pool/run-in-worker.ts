import { getHeapStatistics } from 'node:v8';
import { threadId, workerData } from 'node:worker_threads';
import { serializeError } from '../errors.js';
import { loadWorkload } from '../workload-source.js';
import type { Workload } from '../workload.js';
import { assertCloneableResult } from './cloneable.js';
import type { PoolWorkload, RanAt, WorkerReply, WorkerTask } from './messages.js';
import { stopGcLedger, threadGcLedger } from '../gc/gc-meter.js';
import { nowUs } from '../trace/clock.js';

/**
 * The body every pool thread shares (piscina's and the raw pool's), so the two differ by the pool and nothing
 * else. The thread was started with its cell's workload and data (`workerData`); it imports the module on the
 * first task that needs it and keeps it.
 */
const cell = workerData as PoolWorkload;
let loading: Promise<Workload> | undefined;
let workload: Workload | undefined;

export async function runInWorker(message: WorkerTask): Promise<WorkerReply> {
  if (message.step === 'noop') return { ok: true, value: message.index, threadId };
  // GC is observed while warm-up tasks read it (from the first one on), and never during timed or traced ones.
  if (message.gc === true) threadGcLedger();
  else stopGcLedger();
  let startUs = 0;
  // A traced task says when it ran; a warm-up task also gives this thread's used heap and running GC total after
  // it: V8 collects between tasks as well as during them, so the main thread takes differences of totals between
  // replies, not per-task windows. The flush lets this thread's GC entries arrive (after the task's end is taken).
  const ranAt = async (): Promise<{ ranAt?: RanAt }> => {
    if (message.trace !== true || startUs === 0) return {};
    const endUs = nowUs();
    if (message.gc !== true) return { ranAt: { startUs, endUs } };
    await threadGcLedger().flush();
    const heapUsedBytes = getHeapStatistics().used_heap_size;
    return { ranAt: { startUs, endUs, gcTotalMs: threadGcLedger().totalGcMs, heapUsedBytes } };
  };
  try {
    workload ??= await (loading ??= loadWorkload(cell.workloadUrl));
    if (message.step === 'load') return { ok: true, value: null, threadId };
    const input = { data: cell.data, size: cell.size, index: message.index };
    if (message.trace === true) startUs = nowUs();
    let value: unknown;
    if (message.step === 'compute') {
      if (workload.compute === undefined) throw new Error(`${cell.workloadUrl}: the workload has no "compute" step`);
      value = await workload.compute({ ...input, waited: message.waited });
    } else {
      value = await workload.task(input);
    }
    const reply = { ok: true as const, value, threadId, ...(await ranAt()) };
    assertCloneableResult(value, cell.workloadUrl);
    return reply;
  } catch (error) {
    return { ok: false, error: serializeError(error), threadId, ...(await ranAt()) };
  }
}
