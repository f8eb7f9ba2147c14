import { z } from 'zod';
import { measureConfigSchema } from './config-schema.js';
import { warmupSchema } from './warmup-schema.js';
import { batchingSchema, grainSchema, overheadsSchema } from './overheads-schema.js';
import { machineProbeSchema } from './machine-schema.js';
import { provenanceSchema } from './provenance-schema.js';
import { scalingEntrySchema } from './scaling-schema.js';
import { traceCaptureSchema } from './trace-schema.js';
import { workerFiguresSchema } from './workers-schema.js';

/**
 * The result file, schemaVersion 3. This zod schema is the single source of truth: the published JSON Schema
 * (schema/result-v3.schema.json) is generated from it, and every file is validated on write and on read.
 * z.number() refuses NaN and ±Infinity, so a non-finite figure can never reach disk. Older files are read too:
 * load.ts upgrades them to this shape first (upgrade.ts): version 1 (one measuring process, no calibration), and
 * version 2 (the same shape, but a pool's ideal speedup was capped at the core count whatever the work).
 */

export const SCHEMA_VERSION = 3;
export const SUPPORTED_SCHEMA_VERSIONS = [1, 2, SCHEMA_VERSION] as const;

const ms = z.number().nonnegative();
const count = z.int().nonnegative();

export const statsSchema = z.object({
  n: z.int().positive(),
  mean: ms,
  median: ms,
  sd: ms,
  min: ms,
  max: ms,
  p75: ms,
  p99: ms,
  /**
   * The 95 % interval of the median, ms (a two-stage bootstrap: over processes, then samples). Its half-width as a
   * share of the median is `precision.reachedPct`. (Version 2 also kept that half-width as `ci95`, ms, and `rme`,
   * %: the same figures under names that meant a t-interval of the mean elsewhere; dropped on reading.)
   */
  medianCi95: z.tuple([ms, ms]),
});

export const errorSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string().optional(),
  /** Exit code of the worker thread or process that died (`crashed`). */
  exitCode: z.int().optional(),
  stack: z.string().optional(),
});

export const workloadRefSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['io', 'cpu', 'mixed']),
  /** Module the workload came from: a built-in id, or the path the user gave. */
  source: z.string().min(1),
  size: z.number().positive(),
  tasks: z.int().positive(),
  /**
   * Floor on one sample's wall time that no strategy can beat, ms, stated by workloads whose tasks depend on
   * each other: the critical path (longest chain of dependent steps). Absent when the workload states none.
   */
  criticalPathMs: ms.optional(),
});

const benchmarkBase = {
  /** `<workload>/<strategy>/t<threads>`: stable, so files from different runs and machines line up. */
  id: z.string().min(1),
  workload: workloadRefSchema,
  strategy: z.string().min(1),
  threads: z.int().positive(),
  /** Wall time of each sample per batch of `tasks` tasks (the sample's time / `repeats`), ms, in the order taken. */
  samplesMs: z.array(ms),
  /** For each sample: the measuring process of this run that took it (0-based), and its round in that process. */
  samplesProcess: z.array(count),
  samplesRound: z.array(count),
  warnings: z.array(z.string()),
  /**
   * UV_THREADPOOL_SIZE of the process that measured this cell; present only when the run swept it (--uv-threadpool).
   */
  uvThreadpoolSize: z.int().positive().optional(),
};

export const cpuSchema = z.object({
  userMs: ms,
  systemMs: ms,
  /** Process CPU time / wall time over the samples: how many cores were busy on average. */
  effectiveParallelism: z.number().nonnegative(),
});

export const eventLoopSchema = z.object({
  /** Share of wall time the measuring process's event loop was busy (0..1). */
  utilization: z.number().min(0).max(1),
  /** 99th percentile of event-loop delay, ms. */
  delayP99Ms: ms,
});

const ratioInterval = z.tuple([z.number().nonnegative(), z.number().nonnegative()]);

export const derivedSchema = z.object({
  /** Median over rounds of sequential's sample / this cell's, both from the same round of the same process. */
  speedup: z.number().positive(),
  /** Its 95 % interval: two-stage bootstrap over processes, then rounds, of the paired log ratios. */
  speedupCi95: ratioInterval,
  /** Rounds in which both cells took a sample: the pairs the speedup rests on. */
  pairs: count,
  /**
   * The best speedup this cell's strategy could give on this work: tasks / max(ceil(tasks / slots),
   * share × ceil(tasks / compute lanes)), the share being the computing the work needs, read from the sequential
   * cell's cores busy (stats/ideal.ts). Version 2 capped a pool's lanes at the core count whatever the work.
   */
  idealSpeedup: z.number().positive(),
  efficiency: z.number().nonnegative(),
  /**
   * For `parallel`: raw's time / this cell's at the same thread count, paired by round: the share of the floor
   * reached.
   */
  relativeToRaw: z.number().positive().optional(),
  relativeToRawCi95: ratioInterval.optional(),
});

export const precisionSchema = z.object({
  /** --precision: the half-width of the median's 95 % interval a cell should reach, % of the median. */
  targetPct: z.number().positive(),
  reachedPct: z.number().nonnegative(),
  /** Reached, with samples from at least two measuring processes. */
  met: z.boolean(),
});

/** Tukey's fences over the cell's samples; every sample is kept, these are counted. */
export const outliersSchema = z.object({ low: count, high: count, severe: count });

export const okBenchmarkSchema = z.object({
  ...benchmarkBase,
  status: z.literal('ok'),
  stats: statsSchema,
  cpu: cpuSchema,
  eventLoop: eventLoopSchema,
  precision: precisionSchema,
  outliers: outliersSchema,
  /** Batches per sample (calibrated once per cell so a sample lasts at least config.minSampleMs). */
  repeats: z.int().positive(),
  /** Measuring processes the samples came from. */
  processes: z.int().positive(),
  /** Null when the sequential baseline of the same workload has no figures. */
  derived: derivedSchema.nullable(),
  /** Pool start-up (threads online and warmed), ms; 0 for strategies without one. */
  startupMs: ms,
  /** Tasks per message, for `parallel` run with --batch. */
  batching: batchingSchema.optional(),
  /** Pool cells: what the threads did in the traced batches (utilization, queue wait against run time, each thread). */
  workers: workerFiguresSchema.optional(),
  /** What warm-up found in each measuring process, and whether the timed samples still drifted (warmup-schema.ts). */
  warmup: warmupSchema.optional(),
});

export const failedBenchmarkSchema = z.object({
  ...benchmarkBase,
  status: z.enum(['error', 'timeout', 'crashed']),
  error: errorSchema,
  /** In the failing sample: how many of its tasks failed. */
  failedTasks: count.optional(),
  totalTasks: count.optional(),
  /** The distinct errors of the failing sample's tasks and how many tasks each failed, commonest first (at most 5). */
  taskErrors: z
    .array(
      z.object({
        name: z.string(),
        code: z.string().optional(),
        exitCode: z.int().optional(),
        message: z.string(),
        tasks: count,
      }),
    )
    .optional(),
  /** Process exit code or signal, for `crashed`. */
  exit: z.object({ code: z.int().nullable(), signal: z.string().nullable() }).optional(),
});

export const skippedBenchmarkSchema = z.object({
  ...benchmarkBase,
  status: z.literal('skipped'),
  reason: z.string(),
});

export const benchmarkSchema = z.discriminatedUnion('status', [
  okBenchmarkSchema,
  failedBenchmarkSchema,
  skippedBenchmarkSchema,
]);

export const environmentSchema = z.object({
  node: z.string(),
  v8: z.string(),
  uv: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  logicalCpus: z.int().positive(),
  availableParallelism: z.int().positive(),
  /** CPUs allowed by the cgroup quota (cpu.max), or null when none is set. */
  cgroupCpuLimit: z.number().positive().nullable(),
  /** The core count this run assumed: availableParallelism capped by the cgroup quota. */
  usableCores: z.int().positive(),
  memoryBytes: z.number().positive(),
  uvThreadpoolSize: z.int().positive(),
  /** Which CI service ran this, or null outside CI. */
  ci: z.string().nullable(),
  hostname: z.string(),
  /** What the hardware delivered in this run, measured by a plain spin before any workload (machine-schema.ts). */
  machine: machineProbeSchema.optional(),
});

/**
 * The file's `config` is the run's MeasureConfig (config-schema.ts), read leniently: a study records no workloads,
 * and a file from an older version lacks the settings added since (the stopping settings of version 1, the warm-up
 * cap). So every setting is optional on reading except those every version has written.
 */
export const configSchema = measureConfigSchema
  .partial()
  .required({
    threads: true,
    tasks: true,
    size: true,
    rounds: true,
    processes: true,
    warmupRounds: true,
    quick: true,
    taskTimeoutMs: true,
    maxInFlight: true,
  })
  .extend({ workloads: z.array(z.string()), strategies: z.array(z.string()) });

/** Which tool wrote a file: every corescope file has it (result files, serve files). */
export const toolSchema = z.object({ name: z.literal('corescope'), version: z.string() });

/** When and how a run or a study ran: every corescope file has it. */
export const runInfoSchema = z.object({
  startedAt: z.iso.datetime(),
  /** Null while the run is still going. */
  finishedAt: z.iso.datetime().nullable(),
  label: z.string().nullable(),
  argv: z.array(z.string()),
  interrupted: z.boolean(),
});

export const resultFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: toolSchema,
  run: runInfoSchema,
  environment: environmentSchema,
  config: configSchema,
  benchmarks: z.array(benchmarkSchema),
  warnings: z.array(z.string()),
  /** Amdahl and USL fits per CPU-bound workload and thread-sweeping strategy (see scaling-schema.ts). */
  scaling: z.array(scalingEntrySchema).optional(),
  /** Overhead breakdown, from `corescope study overhead` (see overheads-schema.ts). */
  overheads: overheadsSchema.optional(),
  /** The traced batches (a few per cell, never timed ones): when each task ran on which thread (trace-schema.ts). */
  trace: traceCaptureSchema.optional(),
  /** Grain sweep, from `corescope study grain` (see overheads-schema.ts). */
  grain: grainSchema.optional(),
  /** The commit, branch and CI job measured, where known (see provenance-schema.ts). */
  provenance: provenanceSchema.optional(),
});

export type ResultFile = z.infer<typeof resultFileSchema>;
export type Benchmark = z.infer<typeof benchmarkSchema>;
export type OkBenchmark = z.infer<typeof okBenchmarkSchema>;
export type FailedBenchmark = z.infer<typeof failedBenchmarkSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type RunConfig = z.infer<typeof configSchema>;
export type BenchmarkStatus = Benchmark['status'];
