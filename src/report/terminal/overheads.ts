import type { Grain, Overheads } from '../../results/overheads-schema.js';
import { formatMs, formatPercent, formatRatio } from '../../format/numbers.js';
import { dispatchVariants, grainLines } from './study-tables.js';
import { renderTable } from './table.js';
import { formatBytes, formatUs } from '../../format/numbers.js';

/** The overhead breakdown as plain tables: start-up, round trip, dispatch, payload. */
export function renderOverheads(overheads: Overheads): string[] {
  const lines: string[] = [...renderColdStart(overheads)];
  const threads = [...new Set(overheads.startup.map((figure) => figure.threads))];
  const startupOf = (pool: string, count: number): string => {
    const figure = overheads.startup.find((candidate) => candidate.pool === pool && candidate.threads === count);
    return figure === undefined ? '' : formatMs(figure.medianMs);
  };
  lines.push('Pool start-up (threads online, a no-op run once on each; median)');
  lines.push(
    renderTable(
      ['threads', 'piscina', 'raw'],
      threads.map((count) => [String(count), startupOf('piscina', count), startupOf('raw', count)]),
    ),
    '',
  );

  lines.push('Round trip of one no-op task (one thread, one task at a time; median)');
  lines.push(
    renderTable(
      ['pool', 'round trip'],
      overheads.roundTrip.map((figure) => [figure.pool, formatUs(figure.medianUs)]),
    ),
    '',
  );

  const queued = overheads.dispatch[0]?.queued ?? 0;
  const variants = dispatchVariants(overheads);
  const variantName = (pool: string, batch: number): string => (batch === 1 ? pool : `${pool}, ${batch}/message`);
  lines.push(`Dispatch cost per task with ${queued} no-op tasks queued (wall time / tasks; median)`);
  lines.push(
    renderTable(
      ['threads', ...variants.map((variant) => variantName(variant.pool, variant.batch))],
      [...new Set(overheads.dispatch.map((figure) => figure.threads))].map((count) => [
        String(count),
        ...variants.map((variant) => {
          const figure = overheads.dispatch.find(
            (candidate) =>
              candidate.threads === count && candidate.pool === variant.pool && candidate.batch === variant.batch,
          );
          return figure === undefined ? '' : formatUs(figure.medianUs);
        }),
      ]),
    ),
    '',
  );

  lines.push('Payload to a thread and back (round trip; in brackets: over the same round trip without a payload)');
  const sizes = [...new Set(overheads.payload.map((figure) => figure.bytes))];
  const payloadOf = (mode: string, bytes: number): string => {
    const figure = overheads.payload.find((candidate) => candidate.mode === mode && candidate.bytes === bytes);
    return figure === undefined ? '' : `${formatUs(figure.medianUs)} (+${formatUs(Math.max(0, figure.overUs))})`;
  };
  lines.push(
    renderTable(
      ['size', 'clone', 'transfer', 'SharedArrayBuffer'],
      sizes.map((bytes) => [
        formatBytes(bytes),
        payloadOf('clone', bytes),
        payloadOf('transfer', bytes),
        payloadOf('shared', bytes),
      ]),
    ),
  );
  return lines;
}

/** The grain sweep: efficiency per grain and line, then where each line breaks even and reaches 90 %. */
/** The grain study's series that lets corescope choose tasks per message: a long name, shortened in headers. */
const BATCHED_SERIES = 'parallel --batch auto';

export function renderGrain(grain: Grain): string[] {
  const columns = grainLines(grain);
  const lines = [`Grain sweep (${grain.workload}): efficiency against ideal, speedup in brackets`];
  const batched = columns.some((column) => column.series === BATCHED_SERIES);
  if (batched) lines.push(`batched: ${BATCHED_SERIES}, k tasks per message`);
  const header = (series: string): string => (series === BATCHED_SERIES ? 'batched' : series);
  lines.push(
    renderTable(
      ['grain', 'task', 'tasks', ...columns.map((column) => `${header(column.series)} t${column.threads}`)],
      grain.grainsMs.map((grainMs) => {
        const atGrain = grain.points.filter((point) => point.grainMs === grainMs);
        const first = atGrain[0];
        return [
          formatMs(grainMs),
          first === undefined ? '' : formatMs(first.taskMs),
          first === undefined ? '' : String(first.tasks),
          ...columns.map((column) => {
            const point = atGrain.find(
              (candidate) => candidate.series === column.series && candidate.threads === column.threads,
            );
            if (point === undefined) return '—';
            return `${formatPercent(point.efficiency)} (${formatRatio(point.speedup)})${point.batch > 1 ? ` k=${point.batch}` : ''}`;
          }),
        ];
      }),
    ),
    '',
  );
  const smallest = Math.min(...grain.grainsMs);
  const describe = (value: number | null, below: boolean): string =>
    value === null
      ? 'not within the sweep'
      : below
        ? `≤ ${formatMs(smallest)} (already at the smallest grain)`
        : `≈ ${formatMs(value)}`;
  lines.push('Thresholds (task cost, interpolated between grains)');
  lines.push(
    renderTable(
      ['line', 'threads', 'beats sequential from', '90 % efficiency from'],
      grain.thresholds.map((threshold) => [
        threshold.series,
        String(threshold.threads),
        threshold.threads === 1 && threshold.breakEvenMs === null
          ? 'never (one thread only adds dispatch)'
          : describe(threshold.breakEvenMs, threshold.belowSweep.breakEven),
        describe(threshold.efficient90Ms, threshold.belowSweep.efficient90),
      ]),
    ),
  );
  return lines;
}

/** A fresh worker's cold start per workload: what every new thread of a pool pays before it runs at speed. */
function renderColdStart(overheads: Overheads): string[] {
  if (overheads.coldStart === undefined || overheads.coldStart.length === 0) return [];
  return [
    "A fresh worker's cold start (a plain worker_threads Worker, tasks one by one; start-up apart)",
    renderTable(
      ['workload', 'online', 'module load', 'steady task', 'first task', 'cold excess', 'tasks until steady', 'GC'],
      overheads.coldStart.map((figure) => [
        figure.workload,
        formatMs(figure.workerOnlineMs),
        formatMs(figure.moduleLoadMs),
        formatMs(figure.steadyTaskMs),
        formatRatio(figure.firstTaskRatio),
        formatMs(figure.excessMs),
        `${figure.tasksUntilSteady}${figure.reachedSteady ? '' : ' (never steady)'}`,
        formatPercent(figure.gcPct / 100),
      ]),
      { textColumns: [0] },
    ),
    '',
  ];
}
