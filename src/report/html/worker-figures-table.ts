import type { TraceCapture } from '../../trace/model.js';
import { WORKER_FIGURE_HEADER, workerFigureRows } from '../terminal/worker-figures.js';
import { escapeHtml } from './escape.js';

/** Under a workload's timeline: what each pool cell did with its threads over its traced samples. */
export function workerFiguresTable(capture: TraceCapture, cellIds: readonly string[]): string {
  const rows = workerFigureRows(capture, cellIds);
  if (rows.length === 0) return '';
  const isText = (column: number): boolean => column === 0 || column === WORKER_FIGURE_HEADER.length - 1;
  const cell = (value: string, column: number): string =>
    `<td${isText(column) ? ' class="text"' : ''}>${escapeHtml(value)}</td>`;
  return (
    '<div class="table-wrap"><table class="workers"><caption>Pool threads in the traced samples: ' +
    'utilization = busy time / (wall time × threads)</caption>' +
    `<tr>${WORKER_FIGURE_HEADER.map((name, column) => `<th${isText(column) ? ' class="text"' : ''}>${escapeHtml(name)}</th>`).join('')}</tr>` +
    `${rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('')}</table></div>`
  );
}
