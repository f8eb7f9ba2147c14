import { cpuShareOf, idealSpeedup, type WorkAlone } from '../stats/ideal.js';
import { STRATEGIES } from './index.js';

/** What the ideal of one cell rests on: the cell, the run's settings, and the workload's own sequential cell. */
export interface CellIdealQuery {
  strategy: string;
  threads: number;
  tasks: number;
  usableCores: number;
  maxInFlight: number | null;
  /** The same workload's sequential cell in the same run: its cores and loop busy, and the declared kind. */
  alone: WorkAlone;
}

/**
 * The ideal speedup of a cell: its strategy's offer (tasks in flight, lanes to compute on) against the computing
 * the work needs, measured in this run (stats/ideal.ts gives the rule and why). The one place a cell's ideal is
 * worked out: the runner writes it into the file, and older files are brought to it when read (results/upgrade.ts),
 * so the table, verdicts, charts, compare and every export read the same figure. Undefined for a strategy this
 * version does not know (a file from a newer one).
 */
export function cellIdealSpeedup(query: CellIdealQuery): number | undefined {
  const { strategy, threads, tasks, usableCores, maxInFlight, alone } = query;
  const offer = STRATEGIES.find((known) => known.name === strategy)?.offer({
    tasks,
    threads,
    usableCores,
    maxInFlight,
  });
  return offer === undefined ? undefined : idealSpeedup(tasks, offer, cpuShareOf(alone));
}
