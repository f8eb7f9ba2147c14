import type { ReportInput } from '../data/report-input.js';
import type { Notice } from '../text/notices.js';
import { type Column, formatColumnNumber, type TableRow, summaryColumns } from '../columns/results-columns.js';
import { escapeHtml } from './escape.js';
import { formatMs, plural } from '../../format/numbers.js';

/** The non-chart parts of the HTML report: machine metadata, results tables, warnings and notes. */

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/** One column per machine, one row per fact, so machines compare side by side. */
export function machinesTable(inputs: readonly ReportInput[]): string {
  const facts: Array<[string, (input: ReportInput) => string]> = [
    ['file', (input) => input.path],
    ['label', (input) => input.result.run.label ?? '—'],
    ['host name', (input) => input.result.environment.hostname],
    ['CPU model', (input) => input.result.environment.cpuModel],
    ['logical CPUs', (input) => String(input.result.environment.logicalCpus)],
    ['available parallelism', (input) => String(input.result.environment.availableParallelism)],
    [
      'cgroup CPU limit (CPUs)',
      (input) =>
        input.result.environment.cgroupCpuLimit === null ? 'none' : String(input.result.environment.cgroupCpuLimit),
    ],
    ['usable cores (used)', (input) => String(input.result.environment.usableCores)],
    ['memory', (input) => gib(input.result.environment.memoryBytes)],
    ['platform / arch', (input) => `${input.result.environment.platform} / ${input.result.environment.arch}`],
    [
      'Node.js / V8 / libuv',
      (input) => `${input.result.environment.node} / ${input.result.environment.v8} / ${input.result.environment.uv}`,
    ],
    ['libuv thread pool (threads)', (input) => String(input.result.environment.uvThreadpoolSize)],
    ['CI', (input) => input.result.environment.ci ?? 'no'],
    ['corescope', (input) => input.result.tool.version],
    [
      'started / finished (UTC)',
      (input) => `${input.result.run.startedAt} / ${input.result.run.finishedAt ?? 'not finished'}`,
    ],
    ['interrupted', (input) => (input.result.run.interrupted ? 'yes' : 'no')],
    ['rounds per process', (input) => String(input.result.config.rounds ?? 'until precise or out of time')],
    [
      'warm-up per cell and process',
      ({ result: { config } }) => {
        if (config.warmupRounds === 0) return 'none';
        // Files from before warm-up to steady state have no cap: their warm-up was a fixed count of rounds.
        if (config.warmupMaxMs === undefined) return plural(config.warmupRounds, 'round');
        return `until steady, at most ${formatMs(config.warmupMaxMs)}`;
      },
    ],
    ['threads (pool sizes)', (input) => input.result.config.threads.join(', ')],
    ['task timeout (ms)', (input) => String(input.result.config.taskTimeoutMs)],
    ['command line', (input) => input.result.run.argv.join(' ')],
  ];
  const head = `<tr><th></th>${inputs.map((input) => `<th class="text">${escapeHtml(input.machine)}</th>`).join('')}</tr>`;
  const rows = facts.map(
    ([name, value]) =>
      `<tr><th class="text">${escapeHtml(name)}</th>${inputs.map((input) => `<td class="text">${escapeHtml(value(input))}</td>`).join('')}</tr>`,
  );
  return `<div class="table-wrap"><table class="machines">${head}${rows.join('')}</table></div>`;
}

function cell(row: TableRow, column: Column): string {
  const value = column.value(row);
  if (value === null) return '<td>—</td>';
  if (typeof value === 'number') return `<td>${formatColumnNumber(value, column)}</td>`;
  return `<td class="text">${escapeHtml(value)}</td>`;
}

export function resultsTable(rows: readonly TableRow[]): string {
  const columns = summaryColumns(rows);
  const isText = (column: Column): boolean => rows.every((row) => typeof column.value(row) !== 'number');
  const head = `<tr>${columns.map((column) => `<th${isText(column) ? ' class="text"' : ''}>${escapeHtml(column.header)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${columns.map((column) => cell(row, column)).join('')}</tr>`);
  return `<div class="table-wrap"><table class="results">${head}${body.join('')}</table></div>`;
}

/** A list of notices, each under its cell's id (and its machine when `many` files are shown); `none` when empty. */
export function noticeList(notices: readonly Notice[], many: boolean, none: string, className: string): string {
  if (notices.length === 0) return `<p class="sub">${escapeHtml(none)}</p>`;
  const items = notices.map((notice) => {
    const where = many ? `${notice.machine} · ${notice.where}` : notice.where;
    return `<li><code>${escapeHtml(where)}</code>: ${escapeHtml(notice.text)}</li>`;
  });
  return `<ul class="${className}">${items.join('')}</ul>`;
}
