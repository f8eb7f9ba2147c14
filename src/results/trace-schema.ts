import { z } from 'zod';
import { TRACE_COUNTER_NAMES, type TraceCapture } from '../trace/model.js';

/**
 * The optional top-level `trace` of a result file: the task timings of the few samples per cell that
 * `run --trace` traced (src/trace/model.ts). The report draws its swimlanes from it, and the same capture
 * becomes the Chrome trace file. Bounded, so a result file stays far below the loader's size limit whatever
 * `--trace-samples` asked for: at about 200 bytes a span, the caps keep it within a few MiB.
 */

export const MAX_TRACE_SPANS = 20_000;
export const MAX_TRACE_COUNTERS = 20_000;
export const MAX_TRACE_WORKERS = 4_096;

const us = z.number().nonnegative();
const index = z.int().nonnegative();

const traceSpanSchema = z
  .object({
    cellId: z.string().min(1),
    process: index,
    round: index,
    sample: index,
    taskIndex: index,
    thread: z.discriminatedUnion('kind', [z.object({ kind: z.literal('main') }), z.object({ kind: z.literal('worker'), threadId: index })]),
    dispatchUs: us.optional(),
    startUs: us,
    endUs: us,
  })
  .refine((span) => span.endUs >= span.startUs, { message: 'endUs is before startUs', path: ['endUs'] })
  .refine((span) => span.dispatchUs === undefined || span.dispatchUs <= span.startUs, { message: 'dispatchUs is after startUs', path: ['dispatchUs'] });

export const traceCaptureSchema = z.object({
  spans: z.array(traceSpanSchema).max(MAX_TRACE_SPANS),
  counters: z
    .array(
      z.object({
        cellId: z.string().min(1),
        process: index,
        tsUs: us,
        name: z.enum(TRACE_COUNTER_NAMES),
        value: z.number().nonnegative(),
      }),
    )
    .max(MAX_TRACE_COUNTERS),
  workers: z
    .array(
      z.object({
        cellId: z.string().min(1),
        process: index,
        threadId: index,
        eventLoopUtilization: z.number().min(0).max(1),
      }),
    )
    .max(MAX_TRACE_WORKERS),
}) satisfies z.ZodType<TraceCapture>; // stops compiling if the schema and the model drift apart

