import { z } from 'zod';
import { environmentSchema, runInfoSchema, toolSchema } from './schema.js';

/**
 * The result file of `corescope serve` (its own file, `kind: "serve"`): latency and throughput of a real HTTP
 * server against offered load, per strategy, thread count and rate. docs/result-file.md describes every field.
 */
export const SERVE_SCHEMA_VERSION = 1;

const count = z.int().nonnegative();
const ms = z.number().nonnegative();

export const latencySummarySchema = z.object({ count, p50Ms: ms, p99Ms: ms, p999Ms: ms, maxMs: ms });

export const routeFiguresSchema = z.object({
  intended: count,
  ok: count,
  okInWindow: count,
  errors: count,
  failures: count,
  timeouts: count,
  windowMs: ms,
  /** From each request's intended send time (coordinated omission corrected): the figure every table shows. */
  corrected: latencySummarySchema,
  /** From the actual send time, for comparison: what a closed-loop generator would have reported. */
  uncorrected: latencySummarySchema,
  histogram: z.string(),
});

export const serverFiguresSchema = z.object({
  eventLoopDelayP99Ms: ms,
  /** The monitor's p99 counts a long block once among many idle samples; the maximum shows it. */
  eventLoopDelayMaxMs: ms,
  eventLoopUtilization: z.number().min(0).max(1),
  coresBusy: z.number().nonnegative(),
  taskErrors: count,
});

/** One offered rate measured once (one repeat). A fault is recorded and the study goes on. */
export const serveMeasurementSchema = z.object({
  repeat: count,
  status: z.enum(['ok', 'timeout', 'crashed', 'error']),
  error: z.string().optional(),
  /** `/compute` 2xx answers per second within the window. */
  achievedPerS: z.number().nonnegative(),
  compute: routeFiguresSchema.nullable(),
  health: routeFiguresSchema.nullable(),
  server: serverFiguresSchema.nullable(),
});

/** A figure over repeats: its median and its spread (the lowest and highest repeat). */
export const spreadSchema = z.object({ median: z.number(), min: z.number(), max: z.number(), n: count });

export const servePointSchema = z.object({
  offeredPerS: z.number().positive(),
  measurements: z.array(serveMeasurementSchema),
  summary: z
    .object({
      achievedPerS: spreadSchema,
      computeP50Ms: spreadSchema,
      computeP99Ms: spreadSchema,
      computeP999Ms: spreadSchema,
      healthP50Ms: spreadSchema,
      healthP99Ms: spreadSchema,
      healthP999Ms: spreadSchema,
      eventLoopDelayP99Ms: spreadSchema,
      eventLoopDelayMaxMs: spreadSchema,
      eventLoopUtilization: spreadSchema,
      coresBusy: spreadSchema,
      errors: count,
      timeouts: count,
      failures: count,
    })
    .nullable(),
});

export const kneeSchema = z.object({
  kneePerS: z.number().nullable(),
  capacityPerS: z.number().nonnegative(),
  saturated: z.boolean(),
});

export const serveSeriesSchema = z.object({
  /** `<workload>/<strategy>/t<threads>`, as run results name their cells. */
  id: z.string(),
  strategy: z.enum(['sequential', 'concurrent', 'parallel', 'hybrid']),
  threads: z.int().positive(),
  points: z.array(servePointSchema),
  /** The knee of each complete repeat, and capacity over repeats. */
  knees: z.array(kneeSchema),
  capacityPerS: spreadSchema.nullable(),
});

export const serveResultSchema = z.object({
  schemaVersion: z.literal(SERVE_SCHEMA_VERSION),
  kind: z.literal('serve'),
  tool: toolSchema,
  run: runInfoSchema,
  environment: environmentSchema,
  config: z.object({
    workload: z.object({ id: z.string(), kind: z.string(), size: z.number().positive() }),
    strategies: z.array(z.string()),
    threads: z.array(z.int().positive()),
    ratesPerS: z.array(z.number().positive()),
    /** `flag` when --rates named them; else multiples of the one-at-a-time capacity 1000 / serviceMs. */
    rateSource: z.enum(['flag', 'service-time']),
    /** Median wall time of one task run alone in the server process, ms. */
    serviceMs: z.number().nonnegative(),
    durationMs: z.number().positive(),
    timeoutMs: z.number().positive(),
    repeats: z.int().positive(),
    healthRatePerS: z.number().positive(),
    computeSockets: z.int().positive(),
    tasksPerThread: z.int().positive(),
    loadGenerator: z.string(),
  }),
  series: z.array(serveSeriesSchema),
  verdict: z.array(z.string()),
  warnings: z.array(z.string()),
});

export type ServeResult = z.infer<typeof serveResultSchema>;
export type ServeSeries = z.infer<typeof serveSeriesSchema>;
export type ServePoint = z.infer<typeof servePointSchema>;
export type ServeMeasurement = z.infer<typeof serveMeasurementSchema>;
export type Spread = z.infer<typeof spreadSchema>;
export type KneeRecord = z.infer<typeof kneeSchema>;
