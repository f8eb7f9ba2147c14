import type { Grain, Overheads } from '../../results/overheads-schema.js';
import type { ResultFile } from '../../results/schema.js';
import type { CellValue } from '../columns/results-columns.js';
import type { ReportInput } from '../data/report-input.js';
import { formatBytes } from '../../format/numbers.js';

/**
 * The figures of a study file (`corescope study overhead|grain`: empty `benchmarks`, top-level `overheads` or
 * `grain`) as plain tables for the text exports: units in the headers, plain numbers in the cells. Markdown
 * prints them as they are; CSV gets one long table (studyCsv) so a spreadsheet can filter it.
 */

export interface StudyTable {
  title: string;
  header: string[];
  rows: string[][];
}

const PAYLOAD_MODES = [
  ['clone', 'clone'],
  ['transfer', 'transfer'],
  ['shared', 'SharedArrayBuffer'],
] as const;

/** The dispatch lines of an overhead study, one per pool and tasks per message, in the order first measured. */
export function dispatchVariants(overheads: Overheads): Array<Overheads['dispatch'][number]> {
  return [...new Map(overheads.dispatch.map((figure) => [`${figure.pool}/${figure.batch}`, figure])).values()];
}

/** The lines of a grain sweep, one per series and thread count, in the order first measured. */
export function grainLines(grain: Grain): Array<Grain['points'][number]> {
  return [...new Map(grain.points.map((point) => [`${point.series}\u0000${point.threads}`, point])).values()];
}

const fixed = (value: number | undefined, decimals: number): string =>
  value === undefined ? '' : value.toFixed(decimals);

export function overheadTables(overheads: Overheads): StudyTable[] {
  const pools = [...new Set(overheads.startup.map((figure) => figure.pool))];
  const startupThreads = [...new Set(overheads.startup.map((figure) => figure.threads))].sort((a, b) => a - b);
  const variants = dispatchVariants(overheads);
  const variantName = (pool: string, batch: number): string => (batch === 1 ? pool : `${pool}, ${batch} per message`);
  const dispatchThreads = [...new Set(overheads.dispatch.map((figure) => figure.threads))].sort((a, b) => a - b);
  const sizes = [...new Set(overheads.payload.map((figure) => figure.bytes))].sort((a, b) => a - b);
  const payload = (mode: string, bytes: number) =>
    overheads.payload.find((figure) => figure.mode === mode && figure.bytes === bytes);
  return [
    {
      title: 'Pool start-up per pool size (threads online, a no-op run once on each; median)',
      header: ['threads', ...pools.map((pool) => `${pool} (ms)`)],
      rows: startupThreads.map((threads) => [
        String(threads),
        ...pools.map((pool) =>
          fixed(overheads.startup.find((figure) => figure.pool === pool && figure.threads === threads)?.medianMs, 1),
        ),
      ]),
    },
    {
      title: 'Round trip of one no-op task (one thread, one task at a time; median)',
      header: ['pool', 'round trip (µs)'],
      rows: overheads.roundTrip.map((figure) => [figure.pool, figure.medianUs.toFixed(1)]),
    },
    {
      title:
        `Dispatch cost per task with ${overheads.dispatch[0]?.queued ?? 0} no-op tasks queued (wall time / ` +
        `tasks; median)`,
      header: ['threads', ...variants.map((variant) => `${variantName(variant.pool, variant.batch)} (µs per task)`)],
      rows: dispatchThreads.map((threads) => [
        String(threads),
        ...variants.map((variant) =>
          fixed(
            overheads.dispatch.find(
              (figure) => figure.threads === threads && figure.pool === variant.pool && figure.batch === variant.batch,
            )?.medianUs,
            1,
          ),
        ),
      ]),
    },
    {
      title: 'Payload to a thread and back (round trip; "over" is above the same round trip with no payload; median)',
      header: ['size', 'bytes', ...PAYLOAD_MODES.flatMap(([, name]) => [`${name} (µs)`, `${name} over (µs)`])],
      rows: sizes.map((bytes) => [
        formatBytes(bytes),
        String(bytes),
        // "over" below zero is noise (the no-payload trip measured slower): shown as 0, as the terminal does; CSV
        // keeps it.
        ...PAYLOAD_MODES.flatMap(([mode]) => {
          const figure = payload(mode, bytes);
          return [fixed(figure?.medianUs, 1), fixed(figure === undefined ? undefined : Math.max(0, figure.overUs), 1)];
        }),
      ]),
    },
  ];
}

/** A threshold as the sweep found it: a grain, at or below the smallest grain, or never within the sweep. */
function thresholdText(value: number | null, below: boolean, grain: Grain, oneThreadBreakEven: boolean): string {
  if (value === null) return oneThreadBreakEven ? 'never (one thread only adds dispatch)' : 'not within the sweep';
  return below ? `≤ ${Math.min(...grain.grainsMs)} (smallest grain)` : value.toFixed(3);
}

export function grainTables(grain: Grain): StudyTable[] {
  const lines = grainLines(grain);
  return [
    {
      title:
        `Grain sweep (${grain.workload}): efficiency against ideal per task cost; k = tasks per message ` +
        `where batched`,
      header: [
        'grain asked (ms)',
        'task measured (ms)',
        'tasks',
        ...lines.map((line) => `${line.series} t${line.threads} efficiency (%)`),
      ],
      rows: grain.grainsMs.map((grainMs) => {
        const atGrain = grain.points.filter((point) => point.grainMs === grainMs);
        const first = atGrain[0];
        return [
          String(grainMs),
          first === undefined ? '' : first.taskMs.toFixed(3),
          first === undefined ? '' : String(first.tasks),
          ...lines.map((line) => {
            const point = atGrain.find(
              (candidate) => candidate.series === line.series && candidate.threads === line.threads,
            );
            return point === undefined
              ? ''
              : `${(point.efficiency * 100).toFixed(0)}${point.batch > 1 ? ` (k=${point.batch})` : ''}`;
          }),
        ];
      }),
    },
    {
      title: 'Thresholds (task cost, interpolated between grains on a log scale)',
      header: ['line', 'threads', 'beats sequential from (ms)', '90 % efficiency from (ms)'],
      rows: grain.thresholds.map((threshold) => [
        threshold.series,
        String(threshold.threads),
        thresholdText(threshold.breakEvenMs, threshold.belowSweep.breakEven, grain, threshold.threads === 1),
        thresholdText(threshold.efficient90Ms, threshold.belowSweep.efficient90, grain, false),
      ]),
    },
  ];
}

export function studyTables(result: Pick<ResultFile, 'overheads' | 'grain'>): StudyTable[] {
  return [
    ...(result.overheads === undefined ? [] : overheadTables(result.overheads)),
    ...(result.grain === undefined ? [] : grainTables(result.grain)),
  ];
}

export function isStudyFile(result: ResultFile): boolean {
  return result.benchmarks.length === 0 && (result.overheads !== undefined || result.grain !== undefined);
}

/** The long CSV table of study files: one record per measured figure, every unit in a header. */
export const STUDY_CSV_HEADER = [
  'machine',
  'file',
  'figure',
  'pool or line',
  'threads',
  'tasks per message',
  'tasks queued',
  'payload (bytes)',
  'grain asked (ms)',
  'task measured (ms)',
  'tasks per sample',
  'samples',
  'median (ms)',
  'median (µs)',
  'over no-payload round trip (µs)',
  'speedup (×)',
  'efficiency (%)',
  'beats sequential from (ms)',
  '90 % efficiency from (ms)',
] as const;

type StudyRecord = Partial<Record<(typeof STUDY_CSV_HEADER)[number], CellValue>>;

export function studyCsvRecords(input: ReportInput): CellValue[][] {
  const records: StudyRecord[] = [];
  const { overheads, grain } = input.result;
  for (const figure of overheads?.startup ?? []) {
    records.push({
      figure: 'start-up',
      'pool or line': figure.pool,
      threads: figure.threads,
      samples: figure.samplesMs.length,
      'median (ms)': figure.medianMs,
    });
  }
  for (const figure of overheads?.roundTrip ?? []) {
    records.push({
      figure: 'round trip',
      'pool or line': figure.pool,
      threads: 1,
      samples: figure.samplesUs.length,
      'median (µs)': figure.medianUs,
    });
  }
  for (const figure of overheads?.dispatch ?? []) {
    records.push({
      figure: 'dispatch per task',
      'pool or line': figure.pool,
      threads: figure.threads,
      'tasks per message': figure.batch,
      'tasks queued': figure.queued,
      samples: figure.samplesUs.length,
      'median (µs)': figure.medianUs,
    });
  }
  for (const figure of overheads?.payload ?? []) {
    records.push({
      figure: `payload ${figure.mode}`,
      threads: 1,
      'payload (bytes)': figure.bytes,
      samples: figure.samplesUs.length,
      'median (µs)': figure.medianUs,
      'over no-payload round trip (µs)': figure.overUs,
    });
  }
  for (const point of grain?.points ?? []) {
    records.push({
      figure: 'grain point',
      'pool or line': point.series,
      threads: point.threads,
      'tasks per message': point.batch,
      'grain asked (ms)': point.grainMs,
      'task measured (ms)': point.taskMs,
      'tasks per sample': point.tasks,
      samples: point.samplesMs.length,
      'median (ms)': point.medianMs,
      'speedup (×)': point.speedup,
      'efficiency (%)': point.efficiency * 100,
    });
  }
  for (const threshold of grain?.thresholds ?? []) {
    records.push({
      figure: 'grain threshold',
      'pool or line': threshold.series,
      threads: threshold.threads,
      'beats sequential from (ms)': threshold.breakEvenMs,
      '90 % efficiency from (ms)': threshold.efficient90Ms,
    });
  }
  return records.map((record) =>
    STUDY_CSV_HEADER.map((column) =>
      column === 'machine' ? input.machine : column === 'file' ? input.path : (record[column] ?? null),
    ),
  );
}
