import { z } from 'zod';

/**
 * Scaling fits recorded in the result file (optional top-level `scaling`), one entry per CPU-bound workload
 * and thread-sweeping strategy. Kept apart from schema.ts so the fits can grow without touching the core
 * schema; schema.ts only references `scalingEntrySchema`.
 */

const insufficientFitSchema = z.object({
  status: z.literal('insufficient'),
  /** Why no figure is given (too few thread counts within the cores, no 1-thread cell, ...). */
  reason: z.string(),
});

export const amdahlFitSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    /** s in C(N) = 1 / (s + (1 - s) / N). */
    serialFraction: z.number().min(0).max(1),
    /** 1 / s, the capacity no thread count can pass; null when s = 0. */
    maxScaling: z.number().positive().nullable(),
    /** In scaling space; may be negative for a curve that fits worse than a flat line. */
    rSquared: z.number(),
    pointsUsed: z.int().positive(),
  }),
  insufficientFitSchema,
]);

export const uslFitSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    /** σ, contention. */
    sigma: z.number().nonnegative(),
    /** κ, coherency. */
    kappa: z.number().nonnegative(),
    /** N* = sqrt((1 - σ) / κ), thread count of peak throughput; null when κ = 0 or σ ≥ 1 (no peak). */
    peakThreads: z.number().positive().nullable(),
    /** Capacity at N*, relative to 1 thread; null with no peak. */
    peakScaling: z.number().positive().nullable(),
    rSquared: z.number(),
    pointsUsed: z.int().positive(),
  }),
  insufficientFitSchema,
]);

export const scalingPointSchema = z.object({
  threads: z.int().positive(),
  /** median(1-thread cell) / median(this cell): throughput relative to 1 thread of the same strategy. */
  scaling: z.number().positive(),
  /** False for thread counts above the usable cores: they measure oversubscription, not scaling, and are not fitted. */
  used: z.boolean(),
});

export const scalingPredictionSchema = z.object({
  /** A thread count on a machine with that many cores (2× and 4× the measured cores). */
  threads: z.int().positive(),
  /** Predicted capacity relative to 1 thread; null when that model could not be fitted. */
  amdahl: z.number().positive().nullable(),
  usl: z.number().positive().nullable(),
});

export const scalingEntrySchema = z.object({
  workload: z.string().min(1),
  strategy: z.string().min(1),
  /** libuv pool size of the cells fitted, when the run swept UV_THREADPOOL_SIZE. */
  uvThreadpoolSize: z.int().positive().optional(),
  /** Cores the fit treats as the machine: points above it are oversubscribed. */
  usableCores: z.int().positive(),
  /** Speedup of this strategy's 1-thread cell over sequential: scaling × t1Speedup = speedup over sequential. */
  t1Speedup: z.number().positive().nullable(),
  points: z.array(scalingPointSchema),
  amdahl: amdahlFitSchema,
  usl: uslFitSchema,
  predictions: z.array(scalingPredictionSchema),
});

export type ScalingEntry = z.infer<typeof scalingEntrySchema>;
