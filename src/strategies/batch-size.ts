import { performance } from 'node:perf_hooks';
import type { WorkerTask } from '../pool/messages.js';

/** What `--batch` asks for: a fixed number of tasks per message, or a choice from measured costs. */
export type BatchSetting = number | 'auto';

/** The batch size one cell used, and for 'auto' the measured figures it was chosen from. */
export interface BatchChoice {
  requested: BatchSetting;
  /** Tasks per message. */
  size: number;
  /** Wall time per message with many no-op messages queued on this cell's pool, µs (auto only). */
  dispatchUs?: number;
  /** One task's time on a pool thread, round trip minus a no-op's, µs (auto only). */
  taskUs?: number;
}

/**
 * The main thread posts and receives every message for all threads, so it is the pool's one shared
 * resource. Auto keeps its dispatch work per task under this share of the task's own time, across the lanes.
 */
export const AUTO_DISPATCH_SHARE = 0.02;
/**
 * Each thread should still get this many messages per batch: a batch handed out in too few large pieces
 * leaves threads idle at the end when the pieces do not divide evenly or one task runs long.
 */
export const AUTO_MIN_MESSAGES_PER_THREAD = 4;

/**
 * The smallest k at which the main thread's dispatch work, `threads` lanes each finishing a message every
 * k × task time, stays under AUTO_DISPATCH_SHARE; never so large that a thread gets fewer than
 * AUTO_MIN_MESSAGES_PER_THREAD messages.
 */
export function chooseBatchSize(figures: {
  dispatchUs: number;
  taskUs: number;
  tasks: number;
  threads: number;
}): number {
  const { dispatchUs, taskUs, tasks, threads } = figures;
  const wanted = Math.ceil((threads * dispatchUs) / (AUTO_DISPATCH_SHARE * Math.max(taskUs, 1)));
  return Math.max(1, Math.min(wanted, batchSizeCap(tasks, threads)));
}

/** The largest batch size auto may choose for `tasks` tasks on `threads` threads. */
export function batchSizeCap(tasks: number, threads: number): number {
  return Math.max(1, Math.floor(tasks / (threads * AUTO_MIN_MESSAGES_PER_THREAD)));
}

/** Consecutive index ranges of at most `size` tasks covering 0 .. tasks - 1, in order. */
export function batchRanges(tasks: number, size: number): Array<{ firstIndex: number; count: number }> {
  const ranges: Array<{ firstIndex: number; count: number }> = [];
  for (let firstIndex = 0; firstIndex < tasks; firstIndex += size)
    ranges.push({ firstIndex, count: Math.min(size, tasks - firstIndex) });
  return ranges;
}

type RunOnPool = (task: WorkerTask) => Promise<unknown>;

/**
 * Measures, on a warmed pool, what auto needs: the wall time per message with a burst of no-op messages
 * queued (the dispatch cost when the pool is busy), and one real task's time on a thread (its round trip
 * minus a no-op's). Each figure is the best of a few tries: interference only ever adds time.
 */
export async function measureBatchFigures(
  run: RunOnPool,
  threads: number,
): Promise<{ dispatchUs: number; taskUs: number }> {
  const noop = (index: number): WorkerTask => ({ index, step: 'noop' });
  const realTask: WorkerTask = { index: 0 };
  const burst = Math.max(64, 16 * threads);
  let dispatchUs = Number.POSITIVE_INFINITY;
  // The first burst also warms the no-op path on every thread; the minimum leaves that out.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const startedAt = performance.now();
    await Promise.all(Array.from({ length: burst }, (_, index) => run(noop(index))));
    dispatchUs = Math.min(dispatchUs, ((performance.now() - startedAt) * 1000) / burst);
  }
  const noopRoundTripUs = await bestRoundTripUs(() => run(noop(0)), 5);
  const realRoundTripUs = await bestRoundTripUs(() => run(realTask), 2);
  return { dispatchUs, taskUs: Math.max(1, realRoundTripUs - noopRoundTripUs) };
}

async function bestRoundTripUs(once: () => Promise<unknown>, tries: number): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < tries; attempt += 1) {
    const startedAt = performance.now();
    await once();
    best = Math.min(best, (performance.now() - startedAt) * 1000);
  }
  return best;
}

/**
 * Settles `--batch` for one cell: a number is used as given; 'auto' measures (only when more than one task
 * per message is even allowed) and chooses. Undefined means one task per message and records nothing.
 */
export async function resolveBatch(
  requested: BatchSetting | undefined,
  cell: { tasks: number | undefined; threads: number },
  measure: () => Promise<{ dispatchUs: number; taskUs: number }>,
): Promise<BatchChoice | undefined> {
  if (requested === undefined) return undefined;
  if (requested !== 'auto') return { requested, size: requested };
  const tasks = cell.tasks ?? Number.POSITIVE_INFINITY;
  if (batchSizeCap(tasks, cell.threads) === 1) return { requested, size: 1 };
  const figures = await measure();
  return { requested, size: chooseBatchSize({ ...figures, tasks, threads: cell.threads }), ...figures };
}
