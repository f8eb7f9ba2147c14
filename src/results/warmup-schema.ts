import { z } from 'zod';

const pct = z.number().nonnegative();
const bytes = z.number().nonnegative();

/**
 * The largest used JS heap seen over the steady window, bytes: the main thread's at each batch's end, and the pool
 * threads' at each traced task's end (the largest any thread reported). V8's used_heap_size counts garbage not yet
 * collected, so it is what the collector had to deal with, not what the work keeps alive. Absent in older files.
 */
const heap = z.object({ mainBytes: bytes, workersBytes: bytes.optional() }).optional();

/**
 * What warm-up found for one cell in one measuring process (runner/warm-up.ts): how long it took, whether the batch
 * times settled, and what the steady batches showed of garbage collection and of a fresh worker's cold start.
 */
export const warmupReportSchema = z.object({
  batches: z.int().nonnegative(),
  ms: z.number().nonnegative(),
  /** The batch times settled (no trend beyond noise); false: capped at --warmup-max and measured anyway. */
  steady: z.boolean(),
  reason: z.string(),
  /** Change across the last window of batches, % (Theil–Sen; negative: still getting faster). */
  trendPct: z.number(),
  /** GC pauses as a share of the steady window's wall time: the main thread's, and the pool threads' (per thread). */
  gc: z.object({ mainPct: pct, workersPct: pct.optional() }),
  heap,
  /**
   * A fresh pool thread's cold start: the median over threads of the time its first tasks took beyond its steady
   * speed, and of how many tasks it took to get there (the pool's own start-up ran one task per thread before).
   */
  coldStart: z
    .object({ excessMs: z.number().nonnegative(), tasksUntilSteady: z.number().nonnegative(), threads: z.int() })
    .optional(),
});

export type WarmupReport = z.infer<typeof warmupReportSchema>;

/** A cell's warm-up over every measuring process, and whether its timed samples still drifted. */
export const warmupSchema = z.object({
  /** One report per measuring process that warmed the cell, in process order. */
  processes: z.array(warmupReportSchema.extend({ process: z.int().nonnegative() })),
  /** Processes whose warm-up was capped before the batch times settled. */
  notSteady: z.int().nonnegative(),
  /**
   * The median of each process's first timed sample over the median of the rest (1.00: no drift), and whether that
   * is beyond noise: then the cell is marked "not steady", as an imprecise one is.
   */
  firstSampleRatio: z.number().nonnegative(),
  drifting: z.boolean(),
  /** Median over processes of the steady window's GC shares, %. */
  gc: z.object({ mainPct: pct, workersPct: pct.optional() }),
  /** Median over processes of the steady window's largest used heaps. */
  heap,
  coldStart: z.object({ excessMs: z.number().nonnegative(), tasksUntilSteady: z.number().nonnegative() }).optional(),
});

export type CellWarmup = z.infer<typeof warmupSchema>;
