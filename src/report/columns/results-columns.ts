import type { Benchmark } from '../../results/schema.js';
import type { ReportInput } from '../data/report-input.js';
import { cellNotes } from '../text/cell-notes.js';
import { groupBy } from '../data/group-by.js';
import { cpuMsPerSample } from '../data/measured.js';
import { workloadGroupKey } from '../data/workload-group.js';

/** One row of the results table: a benchmark and the machine (file) it was measured on. */
export interface TableRow {
  input: ReportInput;
  benchmark: Benchmark;
}

export type CellValue = number | string | null;

/** A column of the exported table. The header carries the unit, so a spreadsheet column is never ambiguous. */
export interface Column {
  header: string;
  value(row: TableRow): CellValue;
  /** Decimals for human-readable formats (Markdown); CSV keeps more. */
  decimals?: number;
}

/** A number as the human-readable tables (Markdown, HTML) show it: to the column's decimals, else as it is. */
export function formatColumnNumber(value: number, column: Column): string {
  return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
}

/** Every benchmark of every input, in file order then run order. */
export function tableRows(inputs: readonly ReportInput[]): TableRow[] {
  return inputs.flatMap((input) => input.result.benchmarks.map((benchmark) => ({ input, benchmark })));
}

function ok(row: TableRow): Extract<Benchmark, { status: 'ok' }> | undefined {
  return row.benchmark.status === 'ok' ? row.benchmark : undefined;
}

function derived(row: TableRow): NonNullable<Extract<Benchmark, { status: 'ok' }>['derived']> | undefined {
  return ok(row)?.derived ?? undefined;
}

/** What a reader must know about a row besides its figures: why it has none, or why to doubt them. */
function rowNote(benchmark: Benchmark): string {
  return cellNotes(benchmark).join('; ');
}

const percent = (fraction: number | undefined): number | null => (fraction === undefined ? null : fraction * 100);

/** Tasks per message of a `parallel` cell run with --batch, "(auto)" when chosen from measured costs. */
const batchingText = (row: TableRow): string | null => {
  const batching = ok(row)?.batching;
  return batching === undefined ? null : `${batching.size}${batching.requested === 'auto' ? ' (auto)' : ''}`;
};

/** parallel's share of the raw floor at the same thread count (--strategies …,raw). */
const VS_RAW: Column = {
  header: 'vs raw floor (%)',
  value: (row) => percent(derived(row)?.relativeToRaw),
  decimals: 0,
};
const TASKS_PER_MESSAGE: Column = { header: 'tasks per message', value: batchingText };

/** The full, flat table: one row per benchmark and machine, every figure the file holds per cell. */
export const FULL_COLUMNS: readonly Column[] = [
  { header: 'machine', value: (row) => row.input.machine },
  { header: 'file', value: (row) => row.input.path },
  { header: 'workload', value: (row) => row.benchmark.workload.id },
  { header: 'kind', value: (row) => row.benchmark.workload.kind },
  { header: 'tasks per sample', value: (row) => row.benchmark.workload.tasks },
  { header: 'task size (workload unit)', value: (row) => row.benchmark.workload.size },
  { header: 'strategy', value: (row) => row.benchmark.strategy },
  { header: 'threads', value: (row) => row.benchmark.threads },
  { header: 'status', value: (row) => row.benchmark.status },
  { header: 'samples', value: (row) => ok(row)?.stats.n ?? row.benchmark.samplesMs.length },
  { header: 'median (ms)', value: (row) => ok(row)?.stats.median ?? null, decimals: 2 },
  { header: 'mean (ms)', value: (row) => ok(row)?.stats.mean ?? null, decimals: 2 },
  { header: 'sd (ms)', value: (row) => ok(row)?.stats.sd ?? null, decimals: 2 },
  { header: 'min (ms)', value: (row) => ok(row)?.stats.min ?? null, decimals: 2 },
  { header: 'max (ms)', value: (row) => ok(row)?.stats.max ?? null, decimals: 2 },
  { header: 'p99 (ms)', value: (row) => ok(row)?.stats.p99 ?? null, decimals: 2 },
  { header: 'median 95% CI low (ms)', value: (row) => ok(row)?.stats.medianCi95[0] ?? null, decimals: 2 },
  { header: 'median 95% CI high (ms)', value: (row) => ok(row)?.stats.medianCi95[1] ?? null, decimals: 2 },
  { header: '95% CI half-width (% of median)', value: (row) => ok(row)?.precision.reachedPct ?? null, decimals: 1 },
  { header: 'precision met', value: (row) => (ok(row) === undefined ? null : String(ok(row)?.precision.met)) },
  { header: 'processes', value: (row) => ok(row)?.processes ?? null },
  { header: 'batches per sample', value: (row) => ok(row)?.repeats ?? null },
  {
    header: 'outliers',
    value: (row) => (ok(row) === undefined ? null : (ok(row)?.outliers.low ?? 0) + (ok(row)?.outliers.high ?? 0)),
  },
  { header: 'speedup (×)', value: (row) => derived(row)?.speedup ?? null, decimals: 2 },
  { header: 'speedup 95% CI low (×)', value: (row) => derived(row)?.speedupCi95[0] ?? null, decimals: 2 },
  { header: 'speedup 95% CI high (×)', value: (row) => derived(row)?.speedupCi95[1] ?? null, decimals: 2 },
  { header: 'ideal speedup (×)', value: (row) => derived(row)?.idealSpeedup ?? null, decimals: 2 },
  { header: 'efficiency (%)', value: (row) => percent(derived(row)?.efficiency), decimals: 0 },
  { header: 'CPU user, all samples (ms)', value: (row) => ok(row)?.cpu.userMs ?? null, decimals: 1 },
  { header: 'CPU system, all samples (ms)', value: (row) => ok(row)?.cpu.systemMs ?? null, decimals: 1 },
  { header: 'cores busy (cores)', value: (row) => ok(row)?.cpu.effectiveParallelism ?? null, decimals: 2 },
  { header: 'event loop busy (%)', value: (row) => percent(ok(row)?.eventLoop.utilization), decimals: 0 },
  { header: 'event loop delay p99 (ms)', value: (row) => ok(row)?.eventLoop.delayP99Ms ?? null, decimals: 2 },
  { header: 'pool start-up (ms)', value: (row) => ok(row)?.startupMs ?? null, decimals: 1 },
  VS_RAW,
  { header: 'tasks per message', value: (row) => ok(row)?.batching?.size ?? null },
  { header: 'tasks per message chosen', value: (row) => ok(row)?.batching?.requested ?? null },
  { header: 'libuv thread pool (threads)', value: (row) => row.benchmark.uvThreadpoolSize ?? null },
  { header: 'note', value: (row) => rowNote(row.benchmark) },
];

/** The readable subset for one workload on one machine (Markdown, HTML): context columns become headings. */
export const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'strategy', value: (row) => row.benchmark.strategy },
  { header: 'threads', value: (row) => row.benchmark.threads },
  { header: 'median (ms)', value: (row) => ok(row)?.stats.median ?? null, decimals: 2 },
  { header: '±95% CI (%)', value: (row) => ok(row)?.precision.reachedPct ?? null, decimals: 1 },
  { header: 'speedup (×)', value: (row) => derived(row)?.speedup ?? null, decimals: 2 },
  {
    header: 'speedup 95% CI (×)',
    value: (row) => {
      const interval = derived(row)?.speedupCi95;
      return interval === undefined ? null : `${interval[0].toFixed(2)}–${interval[1].toFixed(2)}`;
    },
  },
  { header: 'ideal (×)', value: (row) => derived(row)?.idealSpeedup ?? null, decimals: 2 },
  { header: 'efficiency (%)', value: (row) => percent(derived(row)?.efficiency), decimals: 0 },
  {
    header: 'CPU per sample (ms)',
    value: (row) => {
      const benchmark = ok(row);
      return benchmark === undefined ? null : cpuMsPerSample(benchmark);
    },
    decimals: 1,
  },
  { header: 'cores busy', value: (row) => ok(row)?.cpu.effectiveParallelism ?? null, decimals: 2 },
  { header: 'event loop busy (%)', value: (row) => percent(ok(row)?.eventLoop.utilization), decimals: 0 },
  { header: 'note', value: (row) => rowNote(row.benchmark) },
];

/**
 * The summary columns a set of rows needs: "vs raw floor" only when a row has one (a run with raw cells), and
 * "tasks per message" only when a cell was batched (--batch), before the note. A run without them shows no
 * column that would be empty in every row.
 */
export function summaryColumns(rows: readonly TableRow[]): Column[] {
  const optional = [VS_RAW, TASKS_PER_MESSAGE].filter((column) => rows.some((row) => column.value(row) !== null));
  return [...SUMMARY_COLUMNS.slice(0, -1), ...optional, ...SUMMARY_COLUMNS.slice(-1)];
}

/** Rows grouped by machine, then workload (and libuv pool size in a --uv-threadpool sweep), each in run order. */
export function groupRows(rows: readonly TableRow[]): Map<ReportInput, Map<string, TableRow[]>> {
  const byInput = [...groupBy(rows, (row) => row.input)];
  return new Map(
    byInput.map(([input, inputRows]) => [input, groupBy(inputRows, (row) => workloadGroupKey(row.benchmark))]),
  );
}
