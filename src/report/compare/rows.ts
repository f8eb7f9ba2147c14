import { basename } from 'node:path';
import type { Comparison, SameMachineComparison } from '../../compare/index.js';
import type { CrossMachineCell, CrossMachineLayout } from '../../compare/cross-machine.js';
import { formatMs, formatPercent, formatRatio } from '../../format/numbers.js';
import { plural } from '../../format/numbers.js';

/**
 * The cells of every compare table as plain strings, shared by the terminal and Markdown renderers so the two
 * can never disagree on a figure.
 */

export const JUDGEMENT_HEADER = ['benchmark', 'verdict', 'base', 'head', 'change', 'CI', 'MDC', 'why'];
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
    judgement.ratioLow === null || judgement.ratioHigh === null
      ? ''
      : `${signedPercent(judgement.ratioLow - 1)} … ${signedPercent(judgement.ratioHigh - 1)}`,
    judgement.minimumDetectable === null
      ? ''
      : judgement.minimumDetectable > 1
        ? '> +100 %'
        : signedPercent(judgement.minimumDetectable),
    judgement.reason,
  ]);
}

/** The comparison's heading: which files, on which machine. */
export function sameMachineTitle(comparison: SameMachineComparison): string {
  return `Same machine (${comparison.machine}): ${comparison.head} against ${comparison.base}`;
}

/** What "~k×" in the why column means, said once under the table when a row uses it. */
export function samplesNote(comparison: SameMachineComparison): string | undefined {
  return comparison.judgements.some((judgement) => judgement.verdict === 'inconclusive')
    ? '~k× samples: about k times the samples (rounds × processes) would likely decide it; on the margin: ' +
        'too close to tell'
    : undefined;
}

/** How the rows were judged: the margin, the one adjusted level of every interval, and what MDC means. */
export function sameMachineRule(comparison: SameMachineComparison, options: Comparison['options']): string {
  const level = `${trimmedPercent(comparison.confidence)} % CI`;
  const over = comparison.tested === 0 ? 'no benchmark judged' : plural(comparison.tested, 'benchmark');
  return (
    `margin ±${formatPercent(options.threshold, 2)}, ${level} (Benjamini–Hochberg, FDR ${options.alpha}, ` +
    `${over}); MDC: slowdown caught 4 in 5`
  );
}

export function verdictCounts(comparison: SameMachineComparison): string {
  const { counts } = comparison;
  return [
    `${counts.slower} slower`,
    `${counts.faster} faster`,
    `${counts.same} same`,
    `${counts.inconclusive} inconclusive`,
    ...(counts.unreliable > 0 ? [`${counts.unreliable} unreliable`] : []),
    ...(counts['not comparable'] > 0 ? [`${counts['not comparable']} not comparable`] : []),
  ].join(', ');
}

export function crossMachineHeader(layout: CrossMachineLayout): string[] {
  return ['benchmark', ...columnNames(layout)];
}

/** A short name per column: the run's label, else the file's base name; the full path only where those clash. */
function columnNames(layout: CrossMachineLayout): string[] {
  const short = layout.columns.map((column) => column.label ?? basename(column.file));
  return short.map((name, index) =>
    short.indexOf(name) === short.lastIndexOf(name) ? name : (layout.columns[index]?.file ?? name),
  );
}

export function crossMachineRows(layout: CrossMachineLayout): string[][] {
  return layout.rows.map((row) => [row.id, ...row.cells.map(cellText)]);
}

/** One line per column naming the machine, so no header has to carry the CPU string. */
export function machineLines(layout: CrossMachineLayout): string[] {
  const names = columnNames(layout);
  return layout.columns.map(
    (column, index) => `${names[index] ?? column.file}: ${column.description} (${column.node}) — ${column.file}`,
  );
}

/** The headline: the regressions `--fail-on regression` exits 3 on, or why there are none. */
export function regressionLine(comparison: Comparison): string {
  if (comparison.regressions.length === 0) {
    return comparison.sameMachine.length === 0
      ? 'No same-machine pair: nothing judged for regressions.'
      : `No significant regression beyond ${formatPercent(comparison.options.threshold, 2)}.`;
  }
  return `REGRESSION: ${comparison.regressions.map((regression) => `${regression.id} (${regression.head}, ×${regression.ratio.toFixed(3)})`).join(', ')}`;
}

/** Two lines, so that a terminal of 120 columns shows them unbroken. */
export const CROSS_MACHINE_NOTE = [
  "Each cell: speedup over the same file's sequential run with its 95 % interval, then efficiency (speedup / ideal).",
  "Absolute times are not compared across machines. † more threads than the machine's usable cores.",
] as const;

function cellText(cell: CrossMachineCell): string {
  if (cell.status === 'missing') return '—';
  if (cell.speedup === null) return cell.status;
  const interval =
    cell.speedupLow === null || cell.speedupHigh === null
      ? ''
      : ` (${cell.speedupLow.toFixed(2)}–${cell.speedupHigh.toFixed(2)})`;
  const efficiency = cell.efficiency === null ? '' : ` ${formatPercent(cell.efficiency)}`;
  return `${formatRatio(cell.speedup)}${interval}${efficiency}${cell.oversubscribed ? ' †' : ''}`;
}

/** 97.5, 99.79: enough digits to tell adjusted levels apart, no trailing zeros. */
function trimmedPercent(fraction: number): string {
  const percent = fraction * 100;
  return String(Number(percent.toFixed(percent >= 99.9 ? 3 : percent >= 99 ? 2 : 1)));
}

function signedPercent(fraction: number): string {
  const percent = fraction * 100;
  const text = Math.abs(percent).toFixed(1);
  if (text === '0.0') return '0.0 %';
  return `${percent > 0 ? '+' : '−'}${text} %`;
}
