/**
 * What a strategy offers one batch of equal tasks: how many tasks it can hold in flight at once (`slots`), and on
 * how many lanes their computing can run side by side (`computeLanes`), or null where corescope does not bound it.
 */
export interface LaneOffer {
  /** Tasks in flight at once: 1 for sequential, the in-flight cap for concurrent, the threads for a pool. */
  slots: number;
  /** Tasks that can compute at once: min(threads, usable cores) for a pool; null: no computing bound is drawn. */
  computeLanes: number | null;
}

/**
 * What an offer depends on: the batch, the pool size, the machine and the in-flight cap. A strategy's wave count
 * (StrategyDescriptor.waves) reads the same figures.
 */
export interface OfferQuery {
  tasks: number;
  threads: number;
  usableCores: number;
  maxInFlight: number | null;
}

/**
 * The offers there are, one per way of running a batch. A strategy names its own (strategies/*.ts); the upgrade of
 * older files names the one each of their strategies had (results/upgrade.ts). One formula each, here.
 */
export const OFFERS = {
  /** One task after another on one thread: `sequential`. */
  oneAtATime: (): LaneOffer => ({ slots: 1, computeLanes: 1 }),
  /**
   * Every task in flight on one event loop (up to a cap): `concurrent`. No computing bound: a task's CPU time
   * shrinks under Promise.all (io-http in results/reference/dev-2core.json: 0.133 cores busy alone, 0.584 at
   * 10.97×, so 40 % of the CPU per task), so the sequential cell's share is not the least it needs there, and a
   * bound drawn from it would not be an upper bound. The ideal: every wait overlaps.
   */
  allOnOneLoop: ({ tasks, maxInFlight }: OfferQuery): LaneOffer => ({
    slots: Math.min(tasks, maxInFlight ?? tasks),
    computeLanes: null,
  }),
  /** A pool of T threads, one task each at a time: `parallel`, `raw`. */
  pool: ({ threads, usableCores }: OfferQuery): LaneOffer => ({
    slots: threads,
    computeLanes: Math.min(threads, usableCores),
  }),
  /** Every wait at once on the main thread, then the compute halves on a pool of T threads: `hybrid`. */
  waitsThenPool: ({ tasks, threads, usableCores }: OfferQuery): LaneOffer => ({
    slots: tasks,
    computeLanes: Math.min(threads, usableCores),
  }),
} as const;

/**
 * The best speedup a batch of `tasks` equal tasks can reach on `offer`, for work that keeps a core busy
 * `cpuShare` of its wall time when run alone (0: it only waits, 1: it only computes).
 *
 * Why this bound. A task of wall w computes c·w and waits (1 − c)·w. Two things limit a batch of n tasks:
 *  - slots: a slot runs one task at a time and a task cannot finish faster than w, so n tasks on S slots need at
 *    least ceil(n / S) · w;
 *  - cores: the computing parts, n of them of c·w each, are kept whole (as the design's wave count always kept
 *    tasks whole; an OS time-slicing T > P threads could do a little better), so on L lanes they need at least
 *    ceil(n / L) · c·w (the makespan of n equal jobs on L machines). Waiting needs no core: it overlaps freely.
 * The batch needs at least the larger of the two, so
 *
 *     ideal = n / max(ceil(n / S), c · ceil(n / L))
 *
 * For work that only computes (c = 1) on a pool this is n / ceil(n / min(T, P)), the core-count ideal; for work
 * that only waits (c = 0) it is n / ceil(n / T): every thread is a lane whatever the cores. Mixed work lands in
 * between, continuously in c. Amdahl's law was the other candidate, and the wrong one here: it models a share that
 * cannot run in parallel at all, while waiting runs in parallel best of all; its fit is kept for scaling (amdahl.ts).
 *
 * Both limits are lower bounds on time, so this is an upper bound on speedup, as an ideal must be: efficiency above
 * 100 % means the bound was read wrong, or noise.
 */
export function idealSpeedup(tasks: number, offer: LaneOffer, cpuShare: number): number {
  const { slots, computeLanes } = offer;
  if (!(tasks >= 1 && slots >= 1 && (computeLanes === null || computeLanes >= 1)))
    throw new RangeError(`idealSpeedup: tasks, slots and lanes must be >= 1 (got ${tasks}, ${slots}, ${computeLanes})`);
  if (!(cpuShare >= 0 && cpuShare <= 1))
    throw new RangeError(`idealSpeedup: cpuShare must be in 0..1 (got ${cpuShare})`);
  const slotWaves = Math.ceil(tasks / Math.min(slots, tasks));
  const computeWaves = computeLanes === null ? 0 : cpuShare * Math.ceil(tasks / Math.min(computeLanes, tasks));
  return tasks / Math.max(slotWaves, computeWaves);
}

/** How a workload's sequential cell ran: one task in flight at a time, nothing else of the work in the way. */
export interface WorkAlone {
  /** Process CPU time / wall time. */
  coresBusy: number;
  /** Share of wall time the main thread's event loop was busy (0..1). */
  loopBusy: number;
  /** What the workload declares itself: 'cpu', 'io' or 'mixed'. */
  kind: string;
}

/**
 * The share of its wall time a task keeps a core busy, read from the run's own sequential cell, where one task runs
 * at a time: the larger of its cores busy and its loop busy, capped at 1. The kind a workload declares is a label;
 * the cell is a measurement, so the share comes from the cell. Each figure catches computing the other misses:
 *  - cores busy catches computing off the main thread: libuv's pool (cpu-hash-async in results/reference/
 *    dev-2core.json: 1.01 cores busy, its loop 5 % busy);
 *  - loop busy catches computing the CPU clock misses on a loaded machine: a main thread that waits for a core
 *    neither computes nor waits for I/O, yet its loop is busy (a quick run at load average 6 on 2 cores: cpu-compute's
 *    sequential cell read 0.57 cores busy with its loop 100 % busy).
 * A workload declared 'cpu' gets the share 1 whatever was read: contention can hide computing from both figures
 * (libuv's threads waiting for a core), never add any, and its author says it computes. A pool only adds computing
 * (dispatch, a second event loop), so the share read alone is the least the work needs and the ideal stays an upper
 * bound. Above 1 is the runtime's helper threads (GC, the JIT), not work that more cores would share out.
 */
export function cpuShareOf(alone: WorkAlone): number {
  if (alone.kind === 'cpu') return 1;
  const busy = Math.max(alone.coresBusy, alone.loopBusy);
  return Number.isFinite(busy) ? Math.min(1, Math.max(0, busy)) : 1;
}

/** A cell's ideal speedup: its strategy's offer against the computing the work needs, read from its sequential cell. */
export function cellIdealSpeedup(tasks: number, offer: LaneOffer, alone: WorkAlone): number {
  return idealSpeedup(tasks, offer, cpuShareOf(alone));
}
