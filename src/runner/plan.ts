import { cellKey } from '../results/benchmark-id.js';
import { plays, ROLES, strategyNamed, type StrategyName } from '../strategies/index.js';

export interface PlannedCell {
  /** The cell's key within its workload: `parallel/t2` (results/benchmark-id.ts, with the benchmark id). */
  id: string;
  strategy: StrategyName;
  threads: number;
}

/**
 * Default thread counts: powers of two below the usable cores, the cores themselves, and one oversubscribed
 * point at twice the cores (where threads start to fight over cores). 2 cores: 1, 2, 4; 12 cores: 1, 2, 4, 8, 12, 24.
 */
export function defaultThreadCounts(usableCores: number): number[] {
  const counts: number[] = [];
  for (let threads = 1; threads < usableCores; threads *= 2) counts.push(threads);
  counts.push(usableCores, usableCores * 2);
  return [...new Set(counts)];
}

/**
 * The cells of one workload. `sequential` always runs, since every speedup is measured against it; the
 * single-threaded strategies run once (as t1), `parallel` once per thread count.
 */
export function planCells(strategies: readonly StrategyName[], threadCounts: readonly number[]): PlannedCell[] {
  const cells: PlannedCell[] = [{ id: cellKey(ROLES.baseline, 1), strategy: ROLES.baseline, threads: 1 }];
  for (const strategy of strategies) {
    if (plays(strategy, 'baseline')) continue;
    const counts = strategyNamed(strategy).usesThreads ? [...new Set(threadCounts)].sort((a, b) => a - b) : [1];
    for (const threads of counts) cells.push({ id: cellKey(strategy, threads), strategy, threads });
  }
  return cells;
}
