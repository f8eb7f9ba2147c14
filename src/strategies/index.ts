import { concurrent } from './concurrent.js';
import { hybrid } from './hybrid.js';
import { parallel } from './parallel.js';
import { raw } from './raw.js';
import { sequential } from './sequential.js';
import type { StrategyDescriptor } from './strategy.js';

export type {
  BatchTracer,
  PreparedStrategy,
  StrategyContext,
  StrategyDescriptor,
  StrategyOptions,
} from './strategy.js';

/** Every strategy corescope knows, in the order cells run and print. `sequential` first: it is the baseline. */
export const STRATEGIES: readonly StrategyDescriptor[] = [sequential, concurrent, parallel, raw, hybrid];

export const STRATEGY_NAMES: readonly string[] = STRATEGIES.map((strategy) => strategy.name);
/** What a run uses when --strategies is not given: every strategy that is not opt-in. */
export const DEFAULT_STRATEGY_NAMES: readonly string[] = STRATEGIES.filter((strategy) => strategy.optIn !== true).map(
  (strategy) => strategy.name,
);
export type StrategyName = string;

export function strategyNamed(name: string): StrategyDescriptor {
  const strategy = STRATEGIES.find((candidate) => candidate.name === name);
  if (strategy === undefined) throw new Error(`unknown strategy "${name}" (known: ${STRATEGY_NAMES.join(', ')})`);
  return strategy;
}

/**
 * The parts reports and judgements speak of, each played by one strategy: the baseline every speedup is measured
 * against, concurrency on the event loop, the worker pool, the pool's library-free floor, and the wait/compute
 * split. Code outside this folder asks `plays(name, role)` and never compares strategy names itself.
 */
export const ROLES = {
  baseline: sequential.name,
  loop: concurrent.name,
  pool: parallel.name,
  floor: raw.name,
  split: hybrid.name,
} as const;

export type Role = keyof typeof ROLES;

export function plays(name: string, role: Role): boolean {
  return name === ROLES[role];
}
