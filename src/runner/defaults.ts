/**
 * The engine's own constants: how rounds and processes are shared out. What a user can set, with its defaults and
 * profiles, is defined once in results/config-schema.ts.
 */

/** Tasks per sample when neither the run nor the workload says. */
export const DEFAULT_TASKS = 16;

/** A process takes at least this many rounds, so its own spread can be seen, and at most the maximum. */
export const MIN_ROUNDS_PER_PROCESS = 3;
/**
 * Fewest rounds any process takes: once the measured spread decides (allocation.ts), and past the budget too. Two
 * still show its own spread; one would spend a whole start-up (seconds of warm-up for library code, on every thread)
 * on a single sample, and leave the spread within processes to be guessed from the others.
 */
export const MIN_ALLOCATED_ROUNDS = 2;
export const MAX_ROUNDS_PER_PROCESS = 10_000;
/** Adaptive runs add processes while some cell is imprecise, up to this many per workload. */
export const MAX_PROCESSES = 12;
