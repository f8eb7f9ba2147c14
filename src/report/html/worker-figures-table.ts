import { type Percentiles, workerFigures } from '../../trace/worker-figures.js';
import type { TraceCapture } from '../../trace/model.js';
import { formatMsExact, formatPercent } from '../format.js';
import { escapeHtml } from './escape.js';
import type { TimelineCell } from './trace-timeline.js';

/**
 * Under a workload's timeline: what each pool cell did with its threads over its traced samples (see
 * src/trace/worker-figures.ts), the figures that show why a pool underdelivers.
 */
export function workerFiguresTable(capture: TraceCapture, cells: readonly TimelineCell[]): string {
  const figures = workerFigures(capture);
  const rows = cells.flatMap((cell) => {
    const figure = figures.get(cell.id);
    if (figure === undefined) return [];
    const elu = figure.workers.map((worker) => `worker ${worker.threadId}: ${worker.eventLoopUtilization === null ? '—' : formatPercent(worker.eventLoopUtilization)}`).join(', ');
    const values = [
      String(figure.threads),
      String(figure.samples),
      formatPercent(figure.poolUtilization),
      figure.queueWaitMs === null ? '—' : spread(figure.queueWaitMs),
      spread(figure.runMs),
    ];
    return [`<tr><td class="text">${escapeHtml(cell.id)}</td>${values.map((value) => `<td>${escapeHtml(value)}</td>`).join('')}<td class="text">${escapeHtml(elu)}</td></tr>`];
  });
  if (rows.length === 0) return '';
  const head = ['cell', 'threads', 'traced samples', 'pool utilization', 'queue wait p50 / p90 / p99', 'run p50 / p90 / p99', 'event-loop utilization per worker'];
  return (
    '<div class="table-wrap"><table class="workers"><caption>Pool threads in the traced samples: utilization = busy time / (wall time × threads)</caption>' +
    `<tr>${head.map((name, index) => `<th${index === 0 || index === head.length - 1 ? ' class="text"' : ''}>${escapeHtml(name)}</th>`).join('')}</tr>${rows.join('')}</table></div>`
  );
}

function spread(values: Percentiles): string {
  return `${formatMsExact(values.p50)} / ${formatMsExact(values.p90)} / ${formatMsExact(values.p99)}`;
}
