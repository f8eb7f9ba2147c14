import type { ThreadGcTotals } from './worker-gc.js';

/**
 * The main thread's side of `threadGcTotals()`: pool replies carry their thread's running GC totals; this keeps
 * the latest per thread, and a sample's GC per thread is the difference between a mark taken before it and one
 * after. Nothing here waits, so it adds nothing to a timed sample. (A pause is reported a turn after it ends: the
 * last task's collections of a sample can land in the next sample's difference; over many samples the sum holds.)
 */
export interface PoolGcTally {
  /** A reply's totals. Older readings of a thread (out of order) are ignored: totals only grow. */
  see(totals: ThreadGcTotals): void;
  /** The totals seen so far, per threadId. */
  mark(): ReadonlyMap<number, number>;
  /** GC ms per thread since `earlier` (a thread first seen after it counts from 0), and their sum. */
  since(earlier: ReadonlyMap<number, number>): { gcMs: number; byThreadMs: Map<number, number> };
}

export function createPoolGcTally(): PoolGcTally {
  const latest = new Map<number, number>();
  return {
    see(totals) {
      if (totals.gcMs > (latest.get(totals.threadId) ?? -1)) latest.set(totals.threadId, totals.gcMs);
    },
    mark: () => new Map(latest),
    since(earlier) {
      const byThreadMs = new Map<number, number>();
      let gcMs = 0;
      for (const [threadId, totalMs] of latest) {
        const deltaMs = Math.max(0, totalMs - (earlier.get(threadId) ?? 0));
        byThreadMs.set(threadId, deltaMs);
        gcMs += deltaMs;
      }
      return { gcMs, byThreadMs };
    },
  };
}

/** GC time as a share of the time the threads had: gcMs / (wallMs × threads), 0 when there was no time. */
export function gcShare(gcMs: number, wallMs: number, threads = 1): number {
  return wallMs > 0 && threads > 0 ? gcMs / (wallMs * threads) : 0;
}
