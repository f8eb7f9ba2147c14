import type { Benchmark, ResultFile } from '../results/schema.js';
import { formatMs, formatPercent, formatRatio, renderTable } from './format.js';
import { batchNote, vsRawCell } from './raw-floor.js';
import { verdictLine } from './verdict.js';
import { libuvVerdictLines, workloadGroupKey, workloadGroupLabel } from './libuv.js';
import { renderScalingSection } from './scaling.js';
import { failureNote } from './failure-note.js';
import { groupBy } from './group-by.js';

const HEADER = ['strategy', 'threads', 'median', '±95% CI', 'speedup', '95% CI', 'ideal', 'efficiency', 'vs raw', 'cores busy', 'loop busy', 'note'];
const VS_RAW_COLUMN = HEADER.indexOf('vs raw');

function row(benchmark: Benchmark): string[] {
  const head = [benchmark.strategy, String(benchmark.threads)];
  if (benchmark.status === 'skipped') return [...head, '—', '', '', '', '', '', '', '', '', `skipped: ${benchmark.reason}`];
  if (benchmark.status !== 'ok') return [...head, '—', '', '', '', '', '', '', '', '', failureNote(benchmark)];
  const { stats, derived, cpu, eventLoop } = benchmark;
  return [
    ...head,
    formatMs(stats.median),
    `±${stats.rme.toFixed(1)} %`,
    derived === null ? '—' : formatRatio(derived.speedup),
    derived === null ? '' : `${derived.speedupCi95[0].toFixed(2)}–${derived.speedupCi95[1].toFixed(2)}`,
    derived === null ? '' : formatRatio(derived.idealSpeedup),
    derived === null ? '' : formatPercent(derived.efficiency),
    vsRawCell(benchmark),
    cpu.effectiveParallelism.toFixed(2),
    formatPercent(eventLoop.utilization),
    [batchNote(benchmark), benchmark.warnings.length > 0 ? `! ${benchmark.warnings.join('; ')}` : ''].filter((note) => note !== '').join(' '),
  ];
}

/** The human summary of a run: per workload a table, then one verdict line each. */
export function renderRunSummary(result: ResultFile): string {
  const { environment } = result;
  const lines: string[] = [
    `corescope ${result.tool.version} · Node ${environment.node} · ${environment.cpuModel} · ${environment.usableCores} usable cores${result.run.interrupted ? ' · INTERRUPTED' : ''}`,
    '',
  ];
  // One group per workload, and per libuv pool size in a --uv-threadpool sweep (libuv.ts), in the order they ran.
  const groups = groupBy(result.benchmarks, workloadGroupKey);
  // "vs raw" is empty in every row unless the run had raw cells (--strategies …,raw): leave it out then.
  const hasRaw = result.benchmarks.some((benchmark) => benchmark.strategy === 'raw');
  const columns = (cells: string[]): string[] => (hasRaw ? cells : cells.filter((_, index) => index !== VS_RAW_COLUMN));
  for (const [id, benchmarks] of groups) {
    const workload = benchmarks[0]?.workload;
    lines.push(`${benchmarks[0] === undefined ? id : workloadGroupLabel(benchmarks[0])} (${workload?.kind ?? '?'}, ${workload?.tasks ?? '?'} tasks of size ${workload?.size ?? '?'} per sample${workload?.criticalPathMs !== undefined ? `; critical path ${formatMs(workload.criticalPathMs)}: no strategy can beat it` : ''})`);
    lines.push(renderTable(columns(HEADER), benchmarks.map((benchmark) => columns(row(benchmark)))), '');
  }
  if (groups.size > 0) {
    lines.push('Verdicts');
    for (const benchmarks of groups.values()) lines.push(`  ${verdictLine(benchmarks)}`);
    for (const line of libuvVerdictLines(result)) lines.push(`  ${line}`);
  }
  const scaling = renderScalingSection(result);
  if (scaling.length > 0) lines.push('', ...scaling);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines.join('\n');
}
