import { steadyState, type SteadyVerdict } from './steady-state.js';
import { WIDE_SPREAD_REL } from './wide-spread.js';

/**
 * The warm-up controller of one cell in one measuring process (or of one pool thread): the measuring loop runs a
 * batch, reports it with `record`, and asks `done()` whether to run another. It reads no clock itself: the caller
 * passes `nowMs` (performance.now() in the engine, a fake clock in tests), so the same object serves the main
 * thread, a worker thread, and a synthetic test alike.
 *
 * Warm-up ends at the first of:
 * - the minimum is met (time, task executions and a full window of batches) and the window is steady: steady;
 * - `maxMs` has passed since warm-up began: capped, not steady. The cell is measured anyway and marked.
 *
 * What the peers do, and why these defaults:
 * - JMH: 5 warm-up iterations of 10 s each by default (since 1.21; 20 × 1 s before), fixed, no test of
 *   steadiness. Right for a JVM benchmark measured alone for minutes; far too long for a suite that must run a
 *   whole matrix of cells in several processes within ~90 s.
 * - criterion.rs: warms up for 3 s (`warm_up_time`), doubling iterations, also with no test; it uses the warm-up
 *   only to estimate the iteration time.
 * - pyperf: 1 warm-up value per process on CPython; with `--calibrate-warmups` (made for PyPy's JIT) it adds
 *   warm-ups until the warm-ups' two halves agree (20 values each; means within 10 %, quartiles within 5 %) and the
 *   first kept value is no outlier, up to 300 values. This is the closest model: a test on the series, capped.
 * - tinybench (v6): at least 250 ms and at least 16 iterations, both; no test.
 * corescope takes pyperf's approach (a test on the recent batches, with a cap) with tinybench's two minimums
 * (time and executions), and keeps the cap near criterion's 3 s so that a workload that never settles costs a
 * bounded, known amount per cell and process.
 */

export interface WarmupOptions {
  /** Warm for at least this long, ms. */
  minMs: number;
  /** And for at least this many task executions in all. */
  minTasks: number;
  /**
   * Pool threads that must each be warmed (1: the main thread alone, held to the minimums above). A pool hands a
   * task to whichever thread is free, so a batch can leave one thread cold: with threads > 1, `record` takes the
   * batch's work per threadId (every pool reply names its thread), and warm-up waits until every thread has run
   * `minTasks` tasks or tasks totalling `minMs` of its own time. Either is enough: V8 tiers a function up on the
   * work it has run (its interrupt budget counts bytecode executed), not on how many calls that work came in, and a
   * task minimum alone made a pool warm for as long as it had threads (`cpu-hash`, 4 threads on 2 cores: 20-23
   * warm-up batches and 0.7-1.3 s a process).
   */
  threads?: number;
  /** Give up on steadiness after this long, ms: the cell is measured anyway, marked not steady. */
  maxMs: number;
  /** Batches the steady-state test looks at; also a minimum count of batches. */
  window: number;
  /** The cell's noise (robust relative spread); see SteadyOptions.noiseRel. */
  noiseRel: number;
  /** Relative change across the window that counts as no trend; see SteadyOptions.trendTolerance. */
  trendTolerance: number;
}

/**
 * Full profile. The minimum is small on purpose: a run warms every cell of every workload in every measuring
 * process (30 cells × 3 processes for `npm run bench`), so a fixed long minimum would spend the run's budget on
 * code that settles in a few batches (loops do). What keeps library code warming (a Markdown renderer, a YAML
 * parser, still getting faster after some hundreds of calls) is the trend test, not the minimum: a window that
 * still falls is not steady, and warm-up goes on, up to the cap (--warmup-max). 200 ms and 32 tasks (on each pool
 * thread: 32 tasks or 200 ms of them) is tinybench's scale; a window of 5 batches is the fewest that give the trend
 * test a usable standard error.
 */
export const WARMUP_FULL: Omit<WarmupOptions, 'maxMs'> = {
  minMs: 200,
  minTasks: 32,
  window: 5,
  noiseRel: WIDE_SPREAD_REL,
  trendTolerance: 0.05,
};

/**
 * Quick profile: under half the full minimum, still a test on a short window (4 batches, the least the test takes)
 * so a quick run says when it was not steady rather than silently averaging a cold start in.
 */
export const WARMUP_QUICK: Omit<WarmupOptions, 'maxMs'> = {
  minMs: 80,
  minTasks: 16,
  window: 4,
  noiseRel: WIDE_SPREAD_REL,
  trendTolerance: 0.05,
};

/**
 * A run's warm-up options: its profile's, capped at --warmup-max (its default is the profile's, in
 * results/config-schema.ts). A cap below the profile's time minimum lowers the minimum to it: the cap is the user's
 * word, and a minimum past it would leave no run of the controller valid.
 */
export function warmupOptionsFor(quick: boolean, maxMs: number): WarmupOptions {
  const profile = quick ? WARMUP_QUICK : WARMUP_FULL;
  return { ...profile, minMs: Math.min(profile.minMs, maxMs), maxMs };
}

export interface WarmupStatus {
  done: boolean;
  /** Steady state was reached (false while running, and when capped). */
  steady: boolean;
  reason: string;
  batches: number;
  tasks: number;
  /** Pool threads still short of their minimum (a thread never seen counts); 0 on the main thread. */
  coldThreads: number;
  elapsedMs: number;
  /** The steady-state test on the latest window (its trend is the drift a capped cell showed). */
  verdict: SteadyVerdict;
}

/** What one pool thread did: its task executions, and the time they took from start to end, ms. */
export interface ThreadWork {
  tasks: number;
  busyMs: number;
}

export interface Warmup {
  /**
   * One warm-up batch: its duration, the task executions it ran, the clock right after it (ms), and, for a pool
   * (`threads` > 1), the batch's work per threadId.
   */
  record(batchMs: number, tasksRun: number, nowMs: number, byThread?: ReadonlyMap<number, ThreadWork>): void;
  done(): WarmupStatus;
}

export function createWarmup(options: WarmupOptions): Warmup {
  assertWarmupOptions(options);
  const batches: number[] = [];
  let tasks = 0;
  let startedAtMs: number | undefined;
  let lastMs = 0;
  const threads = options.threads ?? 1;
  const threadWork = new Map<number, ThreadWork>();
  const coldThreads = (): number => {
    if (threads === 1) return 0;
    const warm = [...threadWork.values()].filter(
      (work) => work.tasks >= options.minTasks || work.busyMs >= options.minMs,
    );
    return Math.max(0, threads - warm.length);
  };
  return {
    record(batchMs, tasksRun, nowMs, byThread) {
      if (!(batchMs >= 0) || !Number.isFinite(batchMs)) throw new RangeError('warm-up: batchMs must be finite, ≥ 0');
      if (threads > 1 && byThread === undefined)
        throw new RangeError('warm-up: a pool of several threads must say which thread ran each task');
      for (const [threadId, work] of byThread ?? []) {
        const sum = threadWork.get(threadId) ?? { tasks: 0, busyMs: 0 };
        threadWork.set(threadId, { tasks: sum.tasks + work.tasks, busyMs: sum.busyMs + work.busyMs });
      }
      // Warm-up began when the first batch did, unless the caller's clock says otherwise.
      startedAtMs ??= nowMs - batchMs;
      batches.push(batchMs);
      tasks += tasksRun;
      lastMs = nowMs;
    },
    done() {
      const elapsedMs = startedAtMs === undefined ? 0 : lastMs - startedAtMs;
      const verdict = steadyState(batches, options);
      const cold = coldThreads();
      const status = { batches: batches.length, tasks, coldThreads: cold, elapsedMs, verdict };
      const minimumMet =
        elapsedMs >= options.minMs && tasks >= options.minTasks && cold === 0 && batches.length >= options.window;
      if (minimumMet && verdict.steady) return { done: true, steady: true, reason: verdict.reason, ...status };
      if (elapsedMs >= options.maxMs)
        return { done: true, steady: false, reason: `capped at ${options.maxMs} ms: ${verdict.reason}`, ...status };
      const perThread = threads > 1 ? `; ${cold} of ${threads} threads not yet warmed` : '';
      const reason = minimumMet
        ? verdict.reason
        : `below the minimum (${options.minMs} ms, ${options.minTasks} tasks${perThread})`;
      return { done: false, steady: false, reason, ...status };
    },
  };
}

function assertWarmupOptions(options: WarmupOptions): void {
  const { minMs, minTasks, maxMs } = options;
  if (!(minMs >= 0) || !Number.isFinite(minMs)) throw new RangeError('warm-up: minMs must be finite, ≥ 0');
  if (!Number.isInteger(minTasks) || minTasks < 0) throw new RangeError('warm-up: minTasks must be an integer ≥ 0');
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError('warm-up: threads must be an integer ≥ 1');
  if (!(maxMs >= minMs) || !Number.isFinite(maxMs)) throw new RangeError('warm-up: maxMs must be finite, ≥ minMs');
  steadyState([], options); // throws on a bad window, noise or tolerance, now rather than at the first done()
}
