/**
 * The engine's own constants: how rounds and processes are shared out. What a user can set, with its defaults and
 * profiles, is defined once in results/config-schema.ts.
 */

/** Tasks per sample when neither the run nor the workload says. */
export const DEFAULT_TASKS = 16;

/** A process takes at least this many rounds, so its own spread can be seen, and at most the maximum. */
export const MIN_ROUNDS_PER_PROCESS = 3;
/** Fewest rounds a process gets once the measured spread decides (allocation.ts): two still show its own spread. */
export const MIN_ALLOCATED_ROUNDS = 2;
export const MAX_ROUNDS_PER_PROCESS = 10_000;
/** Adaptive runs add processes while some cell is imprecise, up to this many per workload. */
export const MAX_PROCESSES = 12;
