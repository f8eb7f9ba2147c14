import { threadId } from 'node:worker_threads';
import { threadGcLedger } from './gc-meter.js';

/**
 * GC figures a pool thread can send back with its replies (src/pool/run-in-worker.ts is where the lead wires them
 * in): `threadGcTotals()`, this thread's running totals, read without waiting (nothing added to the task's time).
 * The main thread takes the difference between marks per threadId (gc-totals.ts). This is the reading for a cell's
 * GC share: it counts every pause on the thread, including those V8 runs between tasks. V8 posts scavenges and
 * incremental-marking steps as foreground tasks, which a worker runs on its event loop while it waits for the next
 * message: measured on markdown-it in a worker, 100 tasks, 52 ms of pauses in all, of which only 24 ms fell inside
 * the tasks' own windows (a GcMeter around each task, gc-meter.ts, would miss the rest). A pause is reported one
 * event-loop turn after it ends, so the last task's collections of a sample land in the next one: over many samples
 * the sum is right, one sample alone may be off by a pause.
 *
 * It works the same on the main thread, so a sequential cell is measured by the same code.
 */

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
