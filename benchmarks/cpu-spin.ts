import { performance } from 'node:perf_hooks';
import { defineWorkload } from '../src/workload.js';

/** Calibration runs until one timing lasts this long, so timer resolution and one-off stalls stay small. */
const CALIBRATION_MIN_MS = 20;
/** Best of this many timings: interference only ever makes a timing slower, so the fastest is the truest. */
const CALIBRATION_TIMINGS = 5;

interface SpinData {
  /** Loop iterations one millisecond of this machine's main thread runs, measured in setup. */
  iterationsPerMs: number;
}

/**
 * A fixed amount of pure-JS integer work: a linear congruential generator in 32-bit integer arithmetic
 * (`Math.imul`). Its result is returned, so the JIT cannot drop it. A fixed iteration count, not a clock,
 * ends each task: on an oversubscribed machine a descheduled task takes longer instead of finishing early,
 * so no strategy is credited with work it skipped.
 *
 * Why not xorshift: an xorshift loop with a running sum ran at full speed in worker threads for a few
 * hundred tasks, then at half speed for good (Node 20, measured on the 2-core VM: 1 ms tasks became 2 ms
 * on the worker, never on the main thread), which made every pool look twice as slow as it is. This loop
 * kept its speed over thousands of tasks on both.
 */
export function spin(iterations: number): number {
  let state = 1;
  for (let i = 0; i < iterations; i += 1) state = (Math.imul(state, 1_664_525) + 1_013_904_223) | 0;
  return state;
}

/** Iterations per millisecond on this thread: the fastest of several timings of at least CALIBRATION_MIN_MS. */
export function calibrateIterationsPerMs(): number {
  let iterations = 100_000;
  spin(iterations); // JIT warm-up before any timing counts
  let best = 0;
  for (let timing = 0; timing < CALIBRATION_TIMINGS;) {
    const startedAt = performance.now();
    spin(iterations);
    const elapsedMs = performance.now() - startedAt;
    if (elapsedMs < CALIBRATION_MIN_MS) {
      iterations *= 2;
      continue;
    }
    best = Math.max(best, iterations / elapsedMs);
    timing += 1;
  }
  return best;
}

export default defineWorkload<SpinData, number>({
  id: 'cpu-spin',
  kind: 'cpu',
  description: "pure-JS integer loop sized in ms of this machine's CPU time, calibrated when the workload is set up",
  defaultSize: 1,
  defaultTasks: 64,
  setup: () => ({ iterationsPerMs: calibrateIterationsPerMs() }),
  task: ({ data, size }) => spin(Math.max(1, Math.round(size * data.iterationsPerMs))),
});
