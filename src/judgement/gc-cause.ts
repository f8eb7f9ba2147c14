import { formatPercent } from '../format/numbers.js';
import { GC_CAUSE_MIN_POINTS, GC_CAUSE_MIN_RATIO } from './thresholds.js';

/**
 * Names garbage collection as a cause of a poor speedup only when the measured shares show it: the workers spent
 * clearly more of their time collecting than the main thread did on the same work. Both figures come from the
 * same run (gc-meter on the main thread's sequential cell, the workers' totals on the parallel cell).
 */
export interface GcShares {
  /** GC share of the main thread's time on the sequential cell (0..1). */
  mainShare: number;
  /** GC share of the workers' time on the parallel cell (0..1), all threads together. */
  workerShare: number;
}

export function gcCause(shares: GcShares): string | undefined {
  const { mainShare, workerShare } = shares;
  const clear = workerShare - mainShare >= GC_CAUSE_MIN_POINTS && workerShare >= GC_CAUSE_MIN_RATIO * mainShare;
  if (!clear) return undefined;
  const workers = `workers spent ${formatPercent(workerShare)} of their time collecting garbage`;
  return `${workers}, against ${formatPercent(mainShare)} on the main thread`;
}
