import { z } from 'zod';

/**
 * How a run measures: the one definition of every measuring setting and its range. The same object is the input
 * of the programmatic `run()` (after defaults), what every measuring child receives, and the result file's
 * `config`. Each message reads after the setting's name ("--tasks: 0 is out of range (1..100000)"), which the
 * resolver (options/measure-config.ts) puts in front as the user spelled it: a flag or an option key.
 */

const range = (min: number, max?: number): string => `${min}${max === undefined ? ' or more' : `..${max}`}`;

/** A whole number from `min` to `max` (inclusive; no upper bound when `max` is undefined). */
function integer(min: number, max?: number) {
  const outside = (issue: { input?: unknown }): string => `${String(issue.input)} is out of range (${range(min, max)})`;
  const whole = z.int({ error: (issue) => `"${String(issue.input)}" is not an integer` }).min(min, { error: outside });
  return max === undefined ? whole : whole.max(max, { error: outside });
}

/** Milliseconds: positive, or zero where `allowZero`. */
function milliseconds({ allowZero }: { allowZero: boolean }) {
  const message = (issue: { input?: unknown }): string =>
    `${String(issue.input)} is not a ${allowZero ? '' : 'positive '}number of milliseconds`;
  const finite = z.number({ error: message });
  return allowZero ? finite.min(0, { error: message }) : finite.positive({ error: message });
}

const percentage = z
  .number({ error: (issue) => `"${String(issue.input)}" is not a percentage (e.g. 5 or 5%)` })
  .positive({ error: (issue) => `${String(issue.input)} % is out of range (over 0 to under 100)` })
  .lt(100, { error: (issue) => `${String(issue.input)} % is out of range (over 0 to under 100)` });

const positiveNumber = z
  .number({ error: (issue) => `"${String(issue.input)}" is not a positive number` })
  .positive({ error: (issue) => `"${String(issue.input)}" is not a positive number` });

export const MAX_THREADS = 1024;
/** The largest fixed --batch accepted: beyond it one message holds more work than any deadline should. */
export const MAX_BATCH = 10_000;
const batchMessage = (issue: { input?: unknown }): string =>
  `"${String(issue.input)}" must be "auto" or a whole number of tasks per message from 1 to ${MAX_BATCH}`;
const tasksPerMessage = z
  .int({ error: batchMessage })
  .min(1, { error: batchMessage })
  .max(MAX_BATCH, { error: batchMessage });
const threadCounts = z.array(integer(1, MAX_THREADS)).min(1, { error: 'expected at least one value' });
const names = z.array(z.string()).min(1, { error: 'expected at least one value' });

export const measureConfigSchema = z.object({
  /** Built-in ids or paths to workload files, as the user named them. */
  workloads: names,
  strategies: names,
  /** Pool sizes for the strategies that use threads. */
  threads: threadCounts,
  /** Tasks per sample requested; null means each workload's default. */
  tasks: integer(1, 100_000).nullable(),
  /** Task size requested, in the workload's unit; null means each workload's default. */
  size: positiveNumber.nullable(),
  /** Rounds per measuring process (--rounds), or null when they ran until precise or out of time. */
  rounds: integer(1, 10_000).nullable(),
  /** Measuring processes per workload: at least this many (more while imprecise and within --max-time). */
  processes: integer(1, 100),
  /**
   * --precision (%) and --max-time per workload (ms): when to stop measuring (absent in version 1 files). The
   * budget leaves out the warm-up of the minimum of processes (runner/process-plan.ts).
   */
  precisionPct: percentage,
  maxTimeMs: milliseconds({ allowZero: false }),
  /** A sample runs its batch as often as it takes to last this long, ms (absent in version 1 files: one batch). */
  minSampleMs: milliseconds({ allowZero: true }),
  warmupRounds: integer(0, 1000),
  /** Warm-up per cell and process stops here, steady or not (the cell is then measured anyway and marked). */
  warmupMaxMs: milliseconds({ allowZero: false }).max(600_000, {
    error: (issue) => `${String(issue.input)} ms is out of range (up to 10 min)`,
  }),
  quick: z.boolean(),
  taskTimeoutMs: integer(1, 24 * 3_600_000),
  /** Cap on tasks in flight for `concurrent`; null: none. */
  maxInFlight: integer(1).nullable(),
  /** Heap caps, MiB (--worker-max-old-space-mb, --child-max-old-space-mb); absent: Node's defaults. */
  workerMaxOldSpaceMb: integer(8, 1_048_576).optional(),
  childMaxOldSpaceMb: integer(16, 1_048_576).optional(),
  /**
   * libuv pool sizes swept (--uv-threadpool): every workload ran once per size, in a child with that
   * UV_THREADPOOL_SIZE.
   */
  uvThreadpoolSizes: threadCounts.optional(),
  /** --batch: tasks per message for `parallel`, or 'auto'. */
  batch: z.union([z.literal('auto'), tasksPerMessage], { error: batchMessage }).optional(),
});

export type MeasureConfig = z.infer<typeof measureConfigSchema>;

/** Settings of a run that change no figure: whether the machine is probed first, and traced batches per cell. */
export const runExtrasSchema = z.object({
  /** Spin a plain thread per core first, to see what the machine delivers (--no-probe skips it). */
  probe: z.boolean(),
  /** Traced batches per cell, taken apart from the timed samples (timelines, per-worker figures). */
  traceSamples: integer(0, 100),
});

export type RunExtras = z.infer<typeof runExtrasSchema>;

/** The measuring settings a profile decides; everything else has one default whatever the profile. */
export type RunProfile = Pick<
  MeasureConfig,
  'processes' | 'precisionPct' | 'maxTimeMs' | 'minSampleMs' | 'warmupRounds' | 'warmupMaxMs' | 'tasks'
>;

/**
 * Full profile: `npm run bench` (six workloads) in about 90 s on 2 cores. Quick: a first look or a smoke test,
 * about 20 s; two processes, shorter samples.
 *
 * minSampleMs: a sample repeats its batch until it lasts this long. On the 2-core development VM a CPU-bound sample
 * of 5-20 ms varied by 10-20 % from one to the next: a scheduler tick or a stalled vCPU is a large share of it. At
 * 50 ms one such stall of a few ms is a few per cent; longer samples buy little more and cost rounds.
 * tasks: null means each workload's own, else DEFAULT_TASKS.
 * maxTimeMs: start-up and timed rounds per workload; the warm-up of the minimum of processes comes on top of it
 * (runner/process-plan.ts). 8 s keeps `npm run bench` near its 90 s with the bench's ~25 s of warm-up outside it.
 * warmupMaxMs: a workload that never settles costs at most this per cell and process (criterion warms for 3 s; a
 * run measures a whole matrix of cells in several processes, and the cap is reached only by code that never
 * settles); quick keeps half of it: library code took over a second to settle on the 2-core VM.
 */
export const RUN_PROFILES: { full: RunProfile; quick: RunProfile } = {
  full: {
    processes: 3,
    precisionPct: 3,
    maxTimeMs: 8_000,
    minSampleMs: 50,
    warmupRounds: 1,
    warmupMaxMs: 3_000,
    tasks: null,
  },
  quick: {
    processes: 2,
    precisionPct: 3,
    maxTimeMs: 1_500,
    minSampleMs: 20,
    warmupRounds: 1,
    warmupMaxMs: 1_500,
    tasks: 8,
  },
};

/** Defaults that do not depend on the profile (threads depend on the machine: options/measure-config.ts). */
export const MEASURE_DEFAULTS = {
  size: null,
  rounds: null,
  taskTimeoutMs: 10_000,
  maxInFlight: null,
  /** Tasks per message for `parallel`: chosen per cell from the measured dispatch cost and task time. */
  batch: 'auto',
  probe: true,
  /**
   * Traced batches per cell, taken after the timed rounds of each workload's first process: enough for the
   * report's timelines and the per-worker figures, and too few to cost the run anything noticeable.
   */
  traceSamples: 1,
} as const satisfies Partial<MeasureConfig & RunExtras>;
