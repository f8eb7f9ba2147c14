import { z } from 'zod';

/**
 * Optional parts of a result file written by `corescope study`: the overhead breakdown and the grain sweep.
 * Both are optional at the top level, so every file written before them stays valid.
 */

const ms = z.number().nonnegative();
const us = z.number().nonnegative();
const poolName = z.enum(['piscina', 'raw']);

/** What `--batch` asked for and what one cell used. */
export const batchingSchema = z.object({
  requested: z.union([z.literal('auto'), z.int().positive()]),
  /** Tasks per message. */
  size: z.int().positive(),
  /** For 'auto': wall time per message with many no-op messages queued on the cell's pool, µs. */
  dispatchUs: us.optional(),
  /** For 'auto': one task's time on a pool thread (round trip minus a no-op's), µs. */
  taskUs: us.optional(),
});

/**
 * A fresh worker's cold start on one workload (studies/cold-start-probe.ts): a plain worker_threads Worker runs the
 * workload's tasks one by one, timed on the thread; its first tasks' time beyond its own steady speed is what
 * every new thread of a pool pays again.
 */
export const coldStartSchema = z.object({
  workload: z.string(),
  /** Thread online, and the workload module imported on it, ms (apart from the tasks). */
  workerOnlineMs: ms,
  moduleLoadMs: ms,
  /** The thread's steady task time (median of its later tasks), and its first task over that. */
  steadyTaskMs: ms,
  firstTaskRatio: z.number().nonnegative(),
  /** Time the first tasks took beyond the steady speed, ms, and how many tasks until steady. */
  excessMs: ms,
  tasksUntilSteady: z.int().nonnegative(),
  reachedSteady: z.boolean(),
  /** GC pauses on the thread over all its tasks, as a share of their time, %. */
  gcPct: z.number().nonnegative(),
});

export type ColdStart = z.infer<typeof coldStartSchema>;

export const overheadsSchema = z.object({
  /** A fresh worker's cold start per workload (absent in files written before it). */
  coldStart: z.array(coldStartSchema).optional(),
  /** Pool start-up per pool size: threads online and a no-op run once on each, ms per start. */
  startup: z.array(z.object({ pool: poolName, threads: z.int().positive(), samplesMs: z.array(ms), medianMs: ms })),
  /** One no-op task at a time through a one-thread pool; each sample is the mean of a run of round trips, µs. */
  roundTrip: z.array(z.object({ pool: poolName, samplesUs: z.array(us), medianUs: us })),
  /** `queued` no-op tasks handed to a pool at once: wall time per task, µs. `batch` tasks travel per message. */
  dispatch: z.array(
    z.object({
      pool: poolName,
      threads: z.int().positive(),
      batch: z.int().positive(),
      queued: z.int().positive(),
      samplesUs: z.array(us),
      medianUs: us,
    }),
  ),
  /**
   * A payload sent to a thread and straight back, per size and way of passing it: `clone` (structured
   * clone: copied each way), `transfer` (ArrayBuffer in the transfer list: moved, not copied), `shared`
   * (SharedArrayBuffer: only a handle crosses). Round trip, µs; `overUs` is its median minus the same
   * round trip with no payload.
   */
  payload: z.array(
    z.object({
      mode: z.enum(['clone', 'transfer', 'shared']),
      bytes: z.int().positive(),
      samplesUs: z.array(us),
      medianUs: us,
      overUs: z.number(),
    }),
  ),
});

export const grainPointSchema = z.object({
  /** Which line of the sweep: `raw`, `parallel` (one task per message), `parallel --batch auto`. */
  series: z.string().min(1),
  strategy: z.string().min(1),
  threads: z.int().positive(),
  /** Task cost asked for, ms of calibrated CPU work. */
  grainMs: z.number().positive(),
  /** Task cost measured: the sequential median / tasks, ms. */
  taskMs: ms,
  tasks: z.int().positive(),
  /** Tasks per message this point used. */
  batch: z.int().positive(),
  samplesMs: z.array(ms),
  medianMs: ms,
  /** median(sequential) / median(this point), at the same grain. */
  speedup: z.number().nonnegative(),
  /** speedup / ideal speedup. */
  efficiency: z.number().nonnegative(),
});

export const grainSchema = z.object({
  workload: z.string().min(1),
  grainsMs: z.array(z.number().positive()),
  threads: z.array(z.int().positive()),
  points: z.array(grainPointSchema),
  /**
   * Per series and thread count, interpolated on a log scale between measured grains: the smallest task
   * cost at which the series beats sequential (`breakEvenMs`) and reaches 90 % efficiency
   * (`efficient90Ms`); null when the sweep never gets there (or was already there at its smallest grain:
   * see `belowSweep`).
   */
  thresholds: z.array(
    z.object({
      series: z.string().min(1),
      threads: z.int().positive(),
      breakEvenMs: ms.nullable(),
      efficient90Ms: ms.nullable(),
      /** True when the threshold already held at the smallest grain swept: it lies at or below that grain. */
      belowSweep: z.object({ breakEven: z.boolean(), efficient90: z.boolean() }),
    }),
  ),
});

export type Batching = z.infer<typeof batchingSchema>;
export type Overheads = z.infer<typeof overheadsSchema>;
export type Grain = z.infer<typeof grainSchema>;
export type GrainPoint = z.infer<typeof grainPointSchema>;
