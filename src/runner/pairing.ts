import type { WorkloadRecord } from './records.js';

/** One side of a run: its workloads, its label, and where its result file goes. */
export interface Side {
  workloads: string[];
  label: string | null;
  outPath: string | null;
}

/**
 * How the scheduler groups records. A plain run has one side, and each workload is a group of one. A paired run
 * (`ab`) has more: the same workload of every side forms a group, whose processes take turns and stop together.
 */
export interface Pairing {
  /** The sides after the run's own (ab's head). */
  others: Side[];
  /**
   * After each process of a group: may share what one side learned with the others; returns why the run must stop
   * (the sides do not hold the same workload), or undefined.
   */
  afterProcess(group: readonly WorkloadRecord[]): string | undefined;
}

/** A plain run: one side, nothing to share. */
export const SOLO: Pairing = { others: [], afterProcess: () => undefined };
