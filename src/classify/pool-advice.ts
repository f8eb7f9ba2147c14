import { batchThatPays, grainThatPays, poolCost, type PoolCostFigures } from '../judgement/pool-cost.js';
import { DEFAULT_MARGIN } from '../judgement/thresholds.js';
import { formatUs } from '../format/numbers.js';

/** What a pool too fine-grained at this grain would need, from its own dispatch and task figures. */
export interface GrainAdvice {
  /** Tasks per message (--batch) from which the pool would gain, at the current task size. */
  batch: number;
  /** Or: how many times more work per task would make it gain, at the current batch size. */
  taskFactor: number;
  /** That task size as time on the main thread, ms. */
  taskMs: number;
}

/**
 * For a pool that gained nothing: the reason its own figures give, and the grain that would pay, but only when the
 * figures show that dispatch is what stops it. When computing on the pool is the limit no batch or task size
 * helps, and the advice is to keep the work on the main thread.
 */
export function poolAdvice(figures: PoolCostFigures): { reason: string; grain?: GrainAdvice } {
  const cost = poolCost(figures);
  const dispatch = `sending a task costs ${formatUs(cost.dispatchPerTaskUs)} (${figures.batch === 1 ? 'one task' : `${figures.batch} tasks`} per message)`;
  const task = `computing one takes ${formatUs(figures.sequentialTaskUs)} on the main thread`;
  if (cost.ceiling > 1 + DEFAULT_MARGIN) {
    return {
      reason:
        `the pool gained nothing, though its own figures allow up to ${cost.ceiling.toFixed(2)}× ` +
        `(${dispatch}, ${task}): the cause is not in them; keep it on the main thread`,
    };
  }
  const batch = batchThatPays(figures);
  const factor = grainThatPays(figures);
  if (cost.limit === 'compute' || batch === undefined || factor === undefined) {
    return {
      reason:
        `a task takes ${formatUs(figures.taskUs)} on a pool thread against ` +
        `${formatUs(figures.sequentialTaskUs)} on the main thread, ` +
        (`on ${figures.lanes.toFixed(2)} cores: by these figures no batch size makes a pool pay; keep it ` +
          `on the main thread`),
    };
  }
  const taskMs = (figures.sequentialTaskUs * factor) / 1000;
  return {
    reason:
      `too fine-grained for a pool at this grain: ${dispatch}, ${task}; it would pay from ${batch} tasks ` +
      `per message (--batch ${batch}), or with tasks about ${factor.toFixed(1)}× larger ` +
      `(${formatUs(taskMs * 1000)} each)`,
    grain: { batch, taskFactor: factor, taskMs },
  };
}
