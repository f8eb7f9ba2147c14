import { z } from 'zod';
import type { WorkerFigures } from '../trace/worker-figures.js';

/**
 * Per-worker figures of one pool cell, computed from its traced samples (src/trace/worker-figures.ts): pool
 * utilization, queue wait against run time, and each thread's busy share and event-loop utilization.
 * Optional, and only on cells whose tasks ran on pool threads.
 */

const ms = z.number().nonnegative();
const share = z.number().min(0).max(1);
const percentilesSchema = z.object({ p50: ms, p90: ms, p99: ms });

export const workerFiguresSchema = z.object({
  threads: z.int().positive(),
  samples: z.int().positive(),
  busyMs: ms,
  wallMs: ms,
  poolUtilization: share,
  queueWaitMs: percentilesSchema.nullable(),
  runMs: percentilesSchema,
  workers: z
    .array(
      z.object({
        process: z.int().nonnegative(),
        threadId: z.int().nonnegative(),
        tasks: z.int().nonnegative(),
        busyMs: ms,
        busyShare: share,
        eventLoopUtilization: share.nullable(),
      }),
    )
    .max(4_096),
}) satisfies z.ZodType<WorkerFigures>; // stops compiling if the schema and the model drift apart

