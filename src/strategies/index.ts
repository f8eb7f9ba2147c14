import { prepareConcurrent } from './concurrent.js';
import { prepareParallel } from './parallel.js';
import { prepareSequential } from './sequential.js';
import type { PreparedStrategy, StrategyContext, StrategyName, StrategyOptions } from './strategy.js';

export { STRATEGY_NAMES, type PreparedStrategy, type StrategyContext, type StrategyName } from './strategy.js';

/** The one place that maps a strategy name to its implementation. */
export async function prepareStrategy(
  name: StrategyName,
  context: StrategyContext,
  options: StrategyOptions,
): Promise<PreparedStrategy> {
  switch (name) {
    case 'sequential':
      return prepareSequential(context);
    case 'concurrent':
      return prepareConcurrent(context, options.maxInFlight);
    case 'parallel':
      return prepareParallel(context, options.threads);
  }
}
