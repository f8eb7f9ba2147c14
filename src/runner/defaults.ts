import type { BatchSetting } from '../strategies/batch-size.js';

/**
 * The run settings every entry point shares (the `run` command, the programmatic `run`, `classify`, the
 * studies), so a figure means the same whichever way it was taken.
 */

/** Full profile: about a minute on 2 cores. Quick: seconds, for a first look or a smoke test. */
export const RUN_PROFILES = {
  full: { rounds: 10, warmupRounds: 1, tasks: null },
  quick: { rounds: 5, warmupRounds: 1, tasks: 8 },
} as const;

/** A task that has not settled after this long fails its cell as a timeout. */
export const DEFAULT_TASK_TIMEOUT_MS = 10_000;

/** Tasks per message for `parallel`: chosen per cell from the measured dispatch cost and task time. */
export const DEFAULT_BATCH: BatchSetting = 'auto';
