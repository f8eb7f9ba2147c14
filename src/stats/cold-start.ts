import { WIDE_SPREAD_REL } from './wide-spread.js';
import { median } from './summary.js';

/**
 * The cold-start cost of a fresh worker thread: what its first tasks cost beyond its own steady speed. A pool that
 * grows, or replaces an idle or crashed worker, pays it again on every new thread (module import aside: that is
 * start-up, timed apart). Pure: per-task durations in, figures out.
 */

export interface ColdStartOptions {
  /** A task within this share above the steady median is at steady speed (the cell's noise; 0.10). */
  noiseRel?: number;
  /**
   * Steady from the first task that is itself within noise and where the median of this many tasks from it is
   * within noise (5): most of them run at steady speed. One fast task among slow ones is not yet steady; a task
   * stretched later by a GC pause or by the scheduler on a busy machine is noise, not cold start.
   */
  steadyRun?: number;
}

export interface ColdStartCost {
  /** Σ over the tasks before steady of (duration − steady median), where positive, ms. */
  excessMs: number;
  /** Tasks run before the thread reached steady speed (0: steady from its first task). */
  tasksUntilSteady: number;
  /** False when no run of `steadyRun` tasks within noise was seen: every task counted as cold. */
  reachedSteady: boolean;
  steadyMedianMs: number;
  /** The first task over the steady median: 3 means the first task took three times as long. */
  firstTaskRatio: number;
}

export function coldStartCost(
  taskDurationsMs: readonly number[],
  steadyMedianMs: number,
  options: ColdStartOptions = {},
): ColdStartCost {
  const noiseRel = options.noiseRel ?? WIDE_SPREAD_REL;
  const steadyRun = options.steadyRun ?? 5;
  if (!(steadyMedianMs > 0)) throw new RangeError('coldStartCost: steadyMedianMs must be > 0');
  if (!Number.isInteger(steadyRun) || steadyRun < 1) throw new RangeError('coldStartCost: steadyRun must be ≥ 1');
  const limitMs = steadyMedianMs * (1 + noiseRel);
  const steadyFrom = (index: number): boolean =>
    (taskDurationsMs[index] as number) <= limitMs && median(taskDurationsMs.slice(index, index + steadyRun)) <= limitMs;
  let tasksUntilSteady = taskDurationsMs.length;
  for (let index = 0; index < taskDurationsMs.length; index += 1) {
    if (steadyFrom(index)) {
      tasksUntilSteady = index;
      break;
    }
  }
  let excessMs = 0;
  for (const durationMs of taskDurationsMs.slice(0, tasksUntilSteady))
    excessMs += Math.max(0, durationMs - steadyMedianMs);
  return {
    excessMs,
    tasksUntilSteady,
    reachedSteady: tasksUntilSteady < taskDurationsMs.length,
    steadyMedianMs,
    firstTaskRatio: taskDurationsMs.length > 0 ? (taskDurationsMs[0] as number) / steadyMedianMs : 1,
  };
}

/**
 * The thread's steady speed, from its own later tasks: the median of the last `tailShare` of them (half). The
 * probe runs enough tasks that the tail is long past warm-up; a median ignores the odd GC pause in it.
 */
export function steadyMedianOf(taskDurationsMs: readonly number[], tailShare = 0.5): number {
  if (taskDurationsMs.length === 0) throw new RangeError('steadyMedianOf: no tasks');
  const tailCount = Math.max(1, Math.floor(taskDurationsMs.length * tailShare));
  return median(taskDurationsMs.slice(-tailCount));
}
