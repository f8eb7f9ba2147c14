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

/** Worker share at least this many points over the main thread's, and this ratio of it, to be named. */
const MIN_POINTS = 0.05;
const MIN_RATIO = 1.5;

export function gcCause(shares: GcShares): string | undefined {
  const { mainShare, workerShare } = shares;
  if (!(workerShare - mainShare >= MIN_POINTS && workerShare >= MIN_RATIO * mainShare)) return undefined;
  const pct = (share: number): string => `${Math.round(share * 100)} %`;
  const workers = `workers spent ${pct(workerShare)} of their time collecting garbage`;
  return `${workers}, against ${pct(mainShare)} on the main thread`;
}
