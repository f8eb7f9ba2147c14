import { type TraceThread, threadKey } from './model.js';

/**
 * Did tasks of a cell run at once, and how: on two worker threads at the same time (parallelism), or
 * interleaved on one thread (concurrency), or never (one after another)? Compared within each traced sample,
 * since samples of a cell run one after another by construction.
 *
 * Two tasks overlap when each starts before the other ends: a task that starts the moment another ends does
 * not overlap it.
 */

export interface TaskInterval {
  cellId: string;
  process: number;
  sample: number;
  thread: TraceThread;
  startUs: number;
  endUs: number;
}

export interface OverlapFacts {
  /** Two tasks were in progress at once on the same thread. */
  onOneThread: boolean;
  /** Two worker threads were running a task at the same moment. */
  acrossWorkers: boolean;
  /** Any two tasks overlapped, wherever they ran. */
  any: boolean;
  /** The most worker threads running a task at one moment. */
  peakBusyWorkers: number;
}

export function overlapFacts(intervals: readonly TaskInterval[], cellId: string): OverlapFacts {
  const facts: OverlapFacts = { onOneThread: false, acrossWorkers: false, any: false, peakBusyWorkers: 0 };
  for (const sample of bySample(intervals.filter((interval) => interval.cellId === cellId))) {
    const { peakTasks, peakWorkers, peakOnOneThread } = sweep(sample);
    facts.any ||= peakTasks >= 2;
    facts.onOneThread ||= peakOnOneThread >= 2;
    facts.acrossWorkers ||= peakWorkers >= 2;
    facts.peakBusyWorkers = Math.max(facts.peakBusyWorkers, peakWorkers);
  }
  return facts;
}

/** Tasks of the cell were running at the same moment on two (or more) worker threads. */
export function ranOnTwoWorkersAtOnce(intervals: readonly TaskInterval[], cellId: string): boolean {
  return overlapFacts(intervals, cellId).acrossWorkers;
}

/** Two tasks of the cell were in progress at once on one thread (started before the other ended). */
export function overlappedOnOneThread(intervals: readonly TaskInterval[], cellId: string): boolean {
  return overlapFacts(intervals, cellId).onOneThread;
}

/** No two tasks of the cell were ever in progress at once. */
export function neverOverlapped(intervals: readonly TaskInterval[], cellId: string): boolean {
  return !overlapFacts(intervals, cellId).any;
}

function bySample(intervals: readonly TaskInterval[]): TaskInterval[][] {
  const groups = new Map<string, TaskInterval[]>();
  for (const interval of intervals) {
    const key = `${interval.process}/${interval.sample}`;
    const list = groups.get(key) ?? [];
    list.push(interval);
    groups.set(key, list);
  }
  return [...groups.values()];
}

interface Moment {
  atUs: number;
  kind: 'end' | 'point' | 'start';
  key: string;
  worker: boolean;
}

const ORDER: Record<Moment['kind'], number> = { end: 0, point: 1, start: 2 };

/**
 * One pass over start and end moments in time order: the most tasks in progress at once overall, on one
 * thread, and the most distinct worker threads busy at once. At one moment, ends come first (touching tasks do
 * not overlap), then zero-length tasks, which overlap only what runs across that moment, then starts.
 */
function sweep(intervals: readonly TaskInterval[]): {
  peakTasks: number;
  peakWorkers: number;
  peakOnOneThread: number;
} {
  const moments = intervals.flatMap((interval): Moment[] => {
    const common = { key: threadKey(interval.thread), worker: interval.thread.kind === 'worker' };
    if (interval.endUs <= interval.startUs) return [{ atUs: interval.startUs, kind: 'point', ...common }];
    return [
      { atUs: interval.startUs, kind: 'start', ...common },
      { atUs: interval.endUs, kind: 'end', ...common },
    ];
  });
  moments.sort((a, b) => a.atUs - b.atUs || ORDER[a.kind] - ORDER[b.kind]);
  const perThread = new Map<string, number>();
  let tasks = 0;
  let busyWorkers = 0;
  const peak = { peakTasks: 0, peakWorkers: 0, peakOnOneThread: 0 };
  for (const moment of moments) {
    const before = perThread.get(moment.key) ?? 0;
    if (moment.kind === 'point') {
      // In progress for an instant: counted against what runs across it, then gone.
      peak.peakTasks = Math.max(peak.peakTasks, tasks + 1);
      peak.peakOnOneThread = Math.max(peak.peakOnOneThread, before + 1);
      if (moment.worker) peak.peakWorkers = Math.max(peak.peakWorkers, busyWorkers + (before === 0 ? 1 : 0));
      continue;
    }
    const delta = moment.kind === 'start' ? 1 : -1;
    const after = before + delta;
    perThread.set(moment.key, after);
    tasks += delta;
    if (moment.worker && before === 0 && after === 1) busyWorkers += 1;
    if (moment.worker && before === 1 && after === 0) busyWorkers -= 1;
    peak.peakTasks = Math.max(peak.peakTasks, tasks);
    peak.peakWorkers = Math.max(peak.peakWorkers, busyWorkers);
    peak.peakOnOneThread = Math.max(peak.peakOnOneThread, after);
  }
  return peak;
}
