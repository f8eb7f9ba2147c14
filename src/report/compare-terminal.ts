import type { Comparison } from '../compare/index.js';
import {
  CROSS_MACHINE_NOTE,
  crossMachineHeader,
  crossMachineRows,
  JUDGEMENT_HEADER,
  JUDGEMENT_TEXT_COLUMNS,
  judgementRows,
  machineLines,
  regressionLine,
  samplesNote,
  sameMachineRule,
  sameMachineTitle,
  verdictCounts,
} from './compare-rows.js';

/** The compare result as plain text tables for a terminal. */
export function renderComparisonTerminal(comparison: Comparison): string {
  const lines: string[] = [`corescope ${comparison.command} · ${comparison.files.length} files (base: ${comparison.files[0]?.file ?? '?'})`, ''];
  for (const same of comparison.sameMachine) {
    lines.push(sameMachineTitle(same), sameMachineRule(same, comparison.options));
    lines.push(alignedTable(JUDGEMENT_HEADER, judgementRows(same), JUDGEMENT_TEXT_COLUMNS));
    lines.push(`${same.head}: ${verdictCounts(same)}`);
    for (const note of [samplesNote(same), same.advice]) if (note !== undefined) lines.push(note);
    lines.push('');
  }
  if (comparison.crossMachine !== null) {
    lines.push('Across machines (dimensionless figures)');
    for (const line of machineLines(comparison.crossMachine)) lines.push(`  ${line}`);
    lines.push(alignedTable(crossMachineHeader(comparison.crossMachine), crossMachineRows(comparison.crossMachine), [0]));
    lines.push(...CROSS_MACHINE_NOTE, '');
  }
  if (comparison.partial.length > 0) {
    lines.push('Only in some files');
    for (const item of comparison.partial) lines.push(`  ${item.id}: in ${item.presentIn.join(', ')}; missing from ${item.missingFrom.join(', ')}`);
    lines.push('');
  }
  for (const warning of comparison.warnings) lines.push(`warning: ${warning}`);
  lines.push(regressionLine(comparison));
  return lines.join('\n');
}

/** Like format.ts's renderTable, but words (verdicts, reasons) stay left-aligned next to right-aligned figures. */
export function alignedTable(header: string[], rows: string[][], textColumns: readonly number[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (textColumns.includes(column) ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}
