import { formatMs, formatRatio, plural } from '../format/numbers.js';
import { COLD_START_BATCH_SHARE } from './thresholds.js';

/** A cell's measured cold start per fresh pool thread, and its batch time. */
export interface ColdStartFigures {
  /** Median over threads of the time a fresh thread's first tasks took beyond its steady speed, ms. */
  excessMs: number;
  /** Median over threads of the tasks a fresh thread took to reach its steady speed. */
  tasksUntilSteady: number;
  /** The cell's batch, ms (the median timed sample: every figure here is of warm threads). */
  batchMs: number;
}

/**
 * Names a fresh thread's cold start where it would explain a loss: when it is at least COLD_START_BATCH_SHARE of a
 * batch, a pool created per batch (or one that replaces idle threads) pays it every time. The threads of a pool
 * warm side by side, so one thread's excess is what a fresh pool adds to a batch's wall time.
 */
export function coldStartCause(figures: ColdStartFigures): string | undefined {
  const { excessMs, tasksUntilSteady, batchMs } = figures;
  if (!(batchMs > 0) || !(excessMs >= COLD_START_BATCH_SHARE * batchMs)) return undefined;
  const tasks = plural(Math.round(tasksUntilSteady), 'task');
  return (
    `a fresh pool thread loses ${formatMs(excessMs)} to JIT warm-up over its first ${tasks}, ` +
    `${formatRatio(excessMs / batchMs)} a batch's time: keep the pool alive between batches`
  );
}
