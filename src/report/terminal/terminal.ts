import { plays } from '../../strategies/index.js';
import type { Benchmark, Environment, ResultFile } from '../../results/schema.js';
import { cellNotes } from '../text/cell-notes.js';
import { shortfallSentences } from '../text/shortfall.js';
import { footnotes, type Footnotes } from './footnotes.js';
import { formatMs, formatPercent, formatRatio, plural } from '../../format/numbers.js';
import { groupBy } from '../data/group-by.js';
import { workloadGroupKey, workloadGroupLabel } from '../data/workload-group.js';
import { libuvVerdictLines } from '../text/libuv.js';
import { batchNote, vsRawCell } from '../text/raw-floor.js';
import { renderScalingSection } from './scaling.js';
import { verdictContext } from '../text/judgement-text.js';
import { verdictLine } from '../text/verdict.js';
import { warmupLine } from '../text/warmup-line.js';
import { renderTable } from './table.js';
import { DEFAULT_WIDTH } from './width.js';
import { wrapLines } from './wrap.js';
import { noticesOf } from '../text/notices.js';

const HEADER = [
  'strategy',
  'threads',
  'median',
  '±95%',
  'speedup',
  '95% CI',
  'ideal',
  'efficiency',
  'vs raw',
  'cores busy',
  'loop busy',
  'notes',
];
const VS_RAW_COLUMN = HEADER.indexOf('vs raw');
/** Marks an interval wider than --precision asked for; explained once, under the tables. */
const IMPRECISE = '*';

function row(benchmark: Benchmark, notes: Footnotes): string[] {
  const head = [benchmark.strategy, String(benchmark.threads)];
  const refs = cellNotes(benchmark, { precision: false }).map((note) => notes.ref(note));
  if (benchmark.status !== 'ok') return [...head, '—', '', '', '', '', '', '', '', '', refs.join(' ')];
  const { stats, derived, cpu, eventLoop, precision } = benchmark;
  return [
    ...head,
    formatMs(stats.median),
    `${precision.reachedPct.toFixed(1)} %${precision.met ? ' ' : IMPRECISE}`,
    derived === null ? '—' : formatRatio(derived.speedup),
    derived === null ? '' : `${derived.speedupCi95[0].toFixed(2)}–${derived.speedupCi95[1].toFixed(2)}`,
    derived === null ? '' : formatRatio(derived.idealSpeedup),
    derived === null ? '' : formatPercent(derived.efficiency),
    vsRawCell(benchmark),
    cpu.effectiveParallelism.toFixed(2),
    formatPercent(eventLoop.utilization),
    [batchNote(benchmark), ...refs].filter((note) => note !== '').join(' '),
  ];
}

/** "2 threads side by side delivered 1.71 cores; timing noise 1.9 %; steal 0.3 %", from the machine probe. */
export function machineLine(environment: Environment): string | undefined {
  const probe = environment.machine;
  if (probe === undefined) return undefined;
  const top = probe.threads.at(-1);
  const delivered =
    top === undefined
      ? ''
      : `${plural(top.threads, 'thread')} side by side delivered ${top.deliveredCores.toFixed(2)} cores`;
  const steal = probe.stealPct === null ? '' : `; steal ${probe.stealPct.toFixed(1)} %`;
  return (
    `machine: ${delivered} (plain spin, no pool); timing noise ${probe.noiseCvPct.toFixed(1)} % for ` +
    `${formatMs(probe.spinMs)}${steal}`
  );
}

/** The human summary of a run: per workload a table, the notes they point to, then one verdict line each. */
export function renderRunSummary(result: ResultFile, widthColumns = DEFAULT_WIDTH): string {
  const { environment, config } = result;
  const measured = `${plural(config.processes, 'process', 'processes')} per workload`;
  const lines: string[] = [
    `corescope ${result.tool.version} · Node ${environment.node} · ${environment.cpuModel} · ` +
      `${plural(environment.usableCores, 'usable core')} · ` +
      `${measured}${result.run.interrupted ? ' · INTERRUPTED' : ''}`,
  ];
  const machine = machineLine(environment);
  if (machine !== undefined) lines.push(machine);
  lines.push('');
  // One group per workload, and per libuv pool size in a --uv-threadpool sweep (libuv.ts), in the order they ran.
  const groups = groupBy(result.benchmarks, workloadGroupKey);
  // "vs raw" is empty in every row unless the run had raw cells (--strategies …,raw): leave it out then.
  const hasRaw = result.benchmarks.some((benchmark) => plays(benchmark.strategy, 'floor'));
  const columns = (cells: string[]): string[] => (hasRaw ? cells : cells.filter((_, index) => index !== VS_RAW_COLUMN));
  const header = columns(HEADER);
  // The strategy names and the notes (last) are words: left-aligned, and the notes wrap on a narrow terminal.
  const textColumns = [0, header.length - 1];
  const notes = footnotes();
  for (const [id, benchmarks] of groups) {
    const workload = benchmarks[0]?.workload;
    const floor =
      workload?.criticalPathMs !== undefined
        ? `; critical path ${formatMs(workload.criticalPathMs)}: no strategy can beat it`
        : '';
    lines.push(
      `${benchmarks[0] === undefined ? id : workloadGroupLabel(benchmarks[0])} ` +
        `(${workload?.kind ?? '?'}, ${workload?.tasks ?? '?'} tasks of size ${workload?.size ?? '?'} per ` +
        `batch${floor})`,
    );
    const table = renderTable(
      header,
      benchmarks.map((benchmark) => columns(row(benchmark, notes))),
      { textColumns, widthColumns },
    );
    lines.push(table);
    const warmup = warmupLine(benchmarks);
    if (warmup !== undefined) lines.push(warmup);
    lines.push('');
  }
  const [shortfall, ...why] = shortfallSentences(result);
  if (shortfall !== undefined) lines.push(`${IMPRECISE} ${shortfall}`, ...why.map((sentence) => `  ${sentence}`));
  const noted = notes.lines();
  if (noted.length > 0 || shortfall !== undefined) lines.push(...noted, '');
  if (groups.size > 0) {
    lines.push('Verdicts');
    for (const benchmarks of groups.values()) lines.push(`  ${verdictLine(benchmarks, verdictContext(result))}`);
    for (const line of libuvVerdictLines(result)) lines.push(`  ${line}`);
  }
  const scaling = renderScalingSection(result);
  if (scaling.length > 0) lines.push('', ...scaling);
  lines.push('', ...noticeLines(result));
  // Tables fit already (their notes column wraps); verdicts and notes are sentences, wrapped under themselves.
  return wrapLines(lines, widthColumns).join('\n');
}

/**
 * The count of warnings and notes, counted apart, then each warning: notes are about precision and are already
 * marked in the tables (`*`, `[n]`); warnings need attention, so each is repeated where the summary ends.
 */
function noticeLines(result: ResultFile): string[] {
  const { warnings, notes } = noticesOf([{ path: '', machine: '', result }]);
  const noted =
    notes.length === 0 ? 'no notes' : `${plural(notes.length, 'note')} on precision (marked * and [n] above)`;
  return [
    `${warnings.length === 0 ? 'no warnings' : plural(warnings.length, 'warning')}, ${noted}`,
    ...warnings.map((warning) => `warning: ${warning.where === 'run' ? '' : `${warning.where}: `}${warning.text}`),
  ];
}
