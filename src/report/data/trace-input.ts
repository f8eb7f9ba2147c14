import type { ResultFile } from '../../results/schema.js';
import type { TraceCapture } from '../../trace/model.js';

/**
 * The trace capture a result file holds in its optional top-level `trace` (src/results/trace-schema.ts), as
 * `run --trace` writes it: the reading side of the report's timelines. The loader validates it with the rest
 * of the file; this only reads it.
 */
export function traceOf(result: ResultFile): TraceCapture | undefined {
  return result.trace;
}
