import { threadId } from 'node:worker_threads';
import { createGcMeter, threadGcLedger } from './gc-meter.js';

/**
 * GC figures a pool thread can send back with its replies (src/pool/run-in-worker.ts is where the lead wires them
 * in). Two ways, for two uses:
 *
 * - `threadGcTotals()`: this thread's running totals, read without waiting (nothing added to the task's time).
 *   The main thread takes the difference between marks per threadId (gc-totals.ts). This is the one for a
 *   cell's GC share: it counts every pause on the thread, including those V8 runs between tasks. V8 posts
 *   scavenges and incremental-marking steps as foreground tasks, which a worker runs on its event loop while it
 *   waits for the next message: measured on markdown-it in a worker, 100 tasks, 52 ms of pauses in all, of which
 *   only 24 ms fell inside the tasks' own windows. A pause is reported one event-loop turn after it ends, so the
 *   last task's collections of a sample land in the next one: over many samples the sum is right, one sample
 *   alone may be off by a pause.
 * - `runMeasuringGc(run)`: the GC pauses that started while one task (or one `--batch` message) ran, flushed
 *   before it returns. The flush waits two event-loop turns, about 10 µs. It misses the pauses V8 runs between
 *   tasks (above): use it for what happened inside a task (a cold-start probe's per-task figures), not for shares.
 *
 * Both work the same on the main thread, so a sequential cell is measured by the same code.
 */

export interface TaskGc {
  /** GC pauses of this thread while the task ran, ms. */
  gcMs: number;
  /** Wall time of the task as this thread saw it, ms. */
  wallMs: number;
  /** V8 used heap after the task minus before, bytes: negative when a collection freed more than it allocated. */
  heapUsedDeltaBytes: number;
  threadId: number;
}

export async function runMeasuringGc<T>(run: () => T | Promise<T>): Promise<{ value: T; gc: TaskGc }> {
  const meter = createGcMeter();
  meter.start();
  let value: T;
  try {
    value = await run();
  } catch (error) {
    await meter.stop(); // closes the window, so its entries are released; the error goes on to the caller
    throw error;
  }
  const reading = await meter.stop();
  return {
    value,
    gc: {
      gcMs: reading.gcMs,
      wallMs: reading.wallMs,
      heapUsedDeltaBytes: reading.heapUsedStopBytes - reading.heapUsedStartBytes,
      threadId,
    },
  };
}

export interface ThreadGcTotals {
  threadId: number;
  /** Every GC pause this thread has reported since it first asked, ms (monotonic: difference two readings). */
  gcMs: number;
}

/** Cheap, synchronous: call once early (thread start) so the totals cover everything after it. */
export function threadGcTotals(): ThreadGcTotals {
  const ledger = threadGcLedger();
  ledger.takeQueued();
  return { threadId, gcMs: ledger.totalGcMs };
}
