import type { TraceCapture } from '../../trace/model.js';
import { type Percentiles, workerFigures } from '../../trace/worker-figures.js';
import { formatMsExact, formatPercent } from '../../format/numbers.js';
import { renderTable } from './table.js';

/**
 * The per-worker figures of pool cells as a table (src/trace/worker-figures.ts), one row per cell in the
 * order given: the same columns in the HTML report and in the terminal.
 */

export const WORKER_FIGURE_HEADER = [
  'cell',
  'threads',
  'traced samples',
  'pool utilization',
  'queue wait p50 / p90 / p99',
  'run p50 / p90 / p99',
  'event-loop utilization per worker',
];

export function workerFigureRows(capture: TraceCapture, cellIds: readonly string[]): string[][] {
  const figures = workerFigures(capture);
  return cellIds.flatMap((cellId) => {
    const figure = figures.get(cellId);
    if (figure === undefined) return [];
    const elu = figure.workers.map(
      (worker) =>
        `worker ${worker.threadId}: ` +
        `${worker.eventLoopUtilization === null ? '—' : formatPercent(worker.eventLoopUtilization)}`,
    );
    return [
      [
        cellId,
        String(figure.threads),
        String(figure.samples),
        formatPercent(figure.poolUtilization),
        spread(figure.queueWaitMs),
        spread(figure.runMs),
        elu.join(', '),
      ],
    ];
  });
}

/** For the terminal after `run --trace`: empty when no given cell ran on pool threads. */
export function renderWorkerFiguresTable(capture: TraceCapture, cellIds: readonly string[]): string {
  const rows = workerFigureRows(capture, cellIds);
  return rows.length === 0 ? '' : renderTable(WORKER_FIGURE_HEADER, rows);
}

function spread(values: Percentiles | null): string {
  return values === null
    ? '—'
    : `${formatMsExact(values.p50)} / ${formatMsExact(values.p90)} / ${formatMsExact(values.p99)}`;
}
