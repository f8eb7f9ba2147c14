import type { Workload } from '../workload.js';

export const STRATEGY_NAMES = ['sequential', 'concurrent', 'parallel'] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** What every strategy is given for one cell: the workload, where its module lives, and setup's data. */
export interface StrategyContext {
  workload: Workload;
  /** Module URL of the workload: worker threads import the very same module from it. */
  workloadUrl: string;
  data: unknown;
  size: number;
  /** A task that has not settled after this long fails the batch as a timeout. */
  taskTimeoutMs: number;
}

export interface StrategyOptions {
  /** Pool size, for `parallel`. */
  threads: number;
  /** Cap on tasks in flight, for `concurrent`; undefined starts them all at once. */
  maxInFlight?: number;
}

/** One strategy, ready to run batches. One interface for all, so the runner never special-cases them. */
export interface PreparedStrategy {
  readonly name: StrategyName;
  /** Start-up cost paid once while preparing (a pool's threads coming online), ms; 0 when none. */
  readonly startupMs: number;
  /**
   * Runs `tasks` tasks (indices 0..tasks-1) and resolves with their results in index order.
   * When any task fails, every other task is still awaited, then the batch rejects with a BatchFailure.
   */
  runBatch(tasks: number): Promise<unknown[]>;
  close(): Promise<void>;
}
