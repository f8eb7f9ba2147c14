import type { BatchSetting } from '../strategies/batch-size.js';

/**
 * The run settings every entry point shares (the `run` command, the programmatic `run`, `classify`, `ab`, the
 * studies), so a figure means the same whichever way it was taken.
 */

export interface RunProfile {
  /** Measuring processes per workload, at least (exactly, with --rounds). */
  processes: number;
  /** Stop once every cell's 95 % interval is within ± this % of its median. */
  precisionPct: number;
  /** ...or once a workload has measured this long, start-up of its processes included. */
  maxTimeMs: number;
  /**
   * A sample repeats its batch until it lasts this long. On the 2-core development VM a CPU-bound sample of
   * 5-20 ms varied by 10-20 % from one to the next: a scheduler tick or a stalled vCPU is a large share of it.
   * At 50 ms one such stall of a few ms is a few per cent; longer samples buy little more and cost rounds.
   */
  minSampleMs: number;
  warmupRounds: number;
  /** Tasks per sample when the workload does not say; null: the workload's own, else DEFAULT_TASKS. */
  tasks: number | null;
}

/**
 * Full profile: `npm run bench` (six workloads) in about 90 s on 2 cores. Quick: a first look or a smoke test,
 * about 20 s; two processes, shorter samples.
 */
export const RUN_PROFILES: { full: RunProfile; quick: RunProfile } = {
  full: { processes: 3, precisionPct: 3, maxTimeMs: 12_000, minSampleMs: 50, warmupRounds: 1, tasks: null },
  quick: { processes: 2, precisionPct: 3, maxTimeMs: 2_500, minSampleMs: 20, warmupRounds: 1, tasks: 8 },
};

/** Tasks per sample when neither the run nor the workload says. */
export const DEFAULT_TASKS = 16;

/** A process takes at least this many rounds, so its own spread can be seen, and at most the maximum. */
export const MIN_ROUNDS_PER_PROCESS = 3;
/** Fewest rounds a process gets once the measured spread decides (allocation.ts): two still show its own spread. */
export const MIN_ALLOCATED_ROUNDS = 2;
export const MAX_ROUNDS_PER_PROCESS = 10_000;
/** Adaptive runs add processes while some cell is imprecise, up to this many per workload. */
export const MAX_PROCESSES = 12;

/**
 * Traced batches per cell, taken after the timed rounds of each workload's first process: enough for the
 * report's timelines and the per-worker figures, and too few to cost the run anything noticeable.
 */
export const DEFAULT_TRACE_SAMPLES = 1;

/** A task that has not settled after this long fails its cell as a timeout. */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

/** Tasks per message for `parallel`: chosen per cell from the measured dispatch cost and task time. */
export const DEFAULT_BATCH: BatchSetting = 'auto';
