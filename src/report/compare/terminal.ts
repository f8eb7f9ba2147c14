import type { Comparison } from '../../compare/index.js';
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
} from './rows.js';
import { renderTable } from '../terminal/table.js';
import { DEFAULT_WIDTH } from '../terminal/width.js';
import { wrapLines } from '../terminal/wrap.js';

/** The compare result as plain text tables for a terminal. */
export function renderComparisonTerminal(comparison: Comparison, widthColumns = DEFAULT_WIDTH): string {
  const lines: string[] = [
    `corescope ${comparison.command} · ${comparison.files.length} files (base: ${comparison.files[0]?.file ?? '?'})`,
    '',
  ];
  for (const same of comparison.sameMachine) {
    lines.push(sameMachineTitle(same), sameMachineRule(same, comparison.options));
    lines.push(
      renderTable(JUDGEMENT_HEADER, judgementRows(same), { textColumns: JUDGEMENT_TEXT_COLUMNS, widthColumns }),
    );
    lines.push(`${same.head}: ${verdictCounts(same)}`);
    for (const note of [samplesNote(same), same.advice]) if (note !== undefined) lines.push(note);
    lines.push('');
  }
  if (comparison.crossMachine !== null) {
    lines.push('Across machines (dimensionless figures)');
    for (const line of machineLines(comparison.crossMachine)) lines.push(`  ${line}`);
    lines.push(
      renderTable(crossMachineHeader(comparison.crossMachine), crossMachineRows(comparison.crossMachine), {
        widthColumns,
      }),
    );
    lines.push(...CROSS_MACHINE_NOTE, '');
  }
  if (comparison.partial.length > 0) {
    lines.push('Only in some files');
    for (const item of comparison.partial)
      lines.push(`  ${item.id}: in ${item.presentIn.join(', ')}; missing from ${item.missingFrom.join(', ')}`);
    lines.push('');
  }
  for (const warning of comparison.warnings) lines.push(`warning: ${warning}`);
  lines.push(regressionLine(comparison));
  return wrapLines(lines, widthColumns).join('\n');
}
