import type { ResultFile } from '../../results/schema.js';
import { writeFileAtomic } from '../../results/store.js';
import { toChromeTrace } from '../../trace/chrome-trace.js';
import { tracedCellIds } from '../../trace/select.js';
import { renderTraceTimeline } from '../../trace/terminal-timeline.js';
import { TOOL_VERSION } from '../../version.js';
import { renderWorkerFiguresTable } from './worker-figures.js';

/** Columns the timeline's labels take beside its bars. */
const TIMELINE_LABEL_COLUMNS = 22;

/** `run --timeline`: every traced cell's tasks on their threads, then what each pool's threads did. */
export function renderRunTimelines(result: ResultFile, widthColumns: number): string {
  const capture = result.trace;
  if (capture === undefined)
    return 'timeline: no traced batch in this run (--trace-samples 0, or batches too large to trace)';
  const cells = tracedCellIds(capture);
  const lines = renderTraceTimeline(capture, cells, Math.max(20, widthColumns - TIMELINE_LABEL_COLUMNS));
  const workers = renderWorkerFiguresTable(capture, cells);
  return [...lines, ...(workers === '' ? [] : ['', workers])].join('\n');
}

/** `run --trace FILE`: the traced batches as Chrome Trace Event Format JSON, written atomically. */
export function writeChromeTrace(path: string, result: ResultFile): void {
  const capture = result.trace ?? { spans: [], counters: [], workers: [] };
  const trace = toChromeTrace(capture, {
    tool: { name: 'corescope', version: TOOL_VERSION },
    startedAt: result.run.startedAt,
    label: result.run.label,
  });
  writeFileAtomic(path, `${JSON.stringify(trace)}\n`);
}
