import { basename } from 'node:path';
import type { Comparison, SameMachineComparison } from '../compare/index.js';
import type { CrossMachineCell, CrossMachineLayout } from '../compare/cross-machine.js';
import { formatMs, formatPercent, formatRatio } from './format.js';

/**
 * The cells of every compare table as plain strings, shared by the terminal and Markdown renderers so the two
 * can never disagree on a figure.
 */

export const JUDGEMENT_HEADER = ['benchmark', 'verdict', 'base', 'head', 'change', 'CI', 'p', 'why'];
/** Columns of words, not figures: left-aligned. */
export const JUDGEMENT_TEXT_COLUMNS = [0, 1, 7] as const;
export const VERDICT_COLUMN = 1;

export function judgementRows(comparison: SameMachineComparison): string[][] {
  return comparison.judgements.map((judgement) => [
    judgement.id,
    judgement.verdict,
    judgement.baseMedianMs === null ? '—' : formatMs(judgement.baseMedianMs),
    judgement.headMedianMs === null ? '—' : formatMs(judgement.headMedianMs),
    judgement.ratio === null ? '' : signedPercent(judgement.ratio - 1),
    judgement.ratioLow === null || judgement.ratioHigh === null ? '' : `${signedPercent(judgement.ratioLow - 1)} … ${signedPercent(judgement.ratioHigh - 1)}`,
    judgement.pValue === null ? '' : judgement.pValue < 0.001 ? '<0.001' : judgement.pValue.toFixed(3),
    judgement.reason,
  ]);
}

export function sameMachineTitle(comparison: SameMachineComparison, options: Comparison['options']): string {
  return `Same machine (${comparison.machine}): ${comparison.head} against ${comparison.base} — threshold ±${formatPercent(options.threshold)}, alpha ${options.alpha}, ${Math.round((1 - options.alpha) * 100)} % CI`;
}

export function verdictCounts(comparison: SameMachineComparison): string {
  const { counts } = comparison;
  return [
    `${counts.slower} slower`,
    `${counts.faster} faster`,
    `${counts['no significant change']} no significant change`,
    `${counts.unreliable} unreliable`,
    ...(counts['not comparable'] > 0 ? [`${counts['not comparable']} not comparable`] : []),
  ].join(', ');
}

export function crossMachineHeader(layout: CrossMachineLayout): string[] {
  return ['benchmark', ...columnNames(layout)];
}

/** A short name per column: the run's label, else the file's base name; the full path only where those clash. */
function columnNames(layout: CrossMachineLayout): string[] {
  const short = layout.columns.map((column) => column.label ?? basename(column.file));
  return short.map((name, index) => (short.indexOf(name) === short.lastIndexOf(name) ? name : (layout.columns[index]?.file ?? name)));
}

export function crossMachineRows(layout: CrossMachineLayout): string[][] {
  return layout.rows.map((row) => [row.id, ...row.cells.map(cellText)]);
}

/** One line per column naming the machine, so no header has to carry the CPU string. */
export function machineLines(layout: CrossMachineLayout): string[] {
  const names = columnNames(layout);
  return layout.columns.map((column, index) => `${names[index] ?? column.file}: ${column.description} (${column.node}) — ${column.file}`);
}

/** The headline: the regressions `--fail-on regression` exits 3 on, or why there are none. */
export function regressionLine(comparison: Comparison): string {
  if (comparison.regressions.length === 0) {
    return comparison.sameMachine.length === 0
      ? 'No same-machine pair: nothing judged for regressions.'
      : `No significant regression beyond ${Number((comparison.options.threshold * 100).toFixed(2))} %.`;
  }
  return `REGRESSION: ${comparison.regressions.map((regression) => `${regression.id} (${regression.head}, ×${regression.ratio.toFixed(3)})`).join(', ')}`;
}

export const CROSS_MACHINE_NOTE =
  'Each cell: speedup over the same file\'s sequential run (efficiency = speedup / ideal). Absolute times are not compared across machines. † more threads than the machine\'s usable cores.';

function cellText(cell: CrossMachineCell): string {
  if (cell.status === 'missing') return '—';
  if (cell.speedup === null) return cell.status;
  const efficiency = cell.efficiency === null ? '' : ` (${formatPercent(cell.efficiency)})`;
  return `${formatRatio(cell.speedup)}${efficiency}${cell.oversubscribed ? ' †' : ''}`;
}

function signedPercent(fraction: number): string {
  const percent = fraction * 100;
  const text = Math.abs(percent).toFixed(1);
  if (text === '0.0') return '0.0 %';
  return `${percent > 0 ? '+' : '−'}${text} %`;
}
