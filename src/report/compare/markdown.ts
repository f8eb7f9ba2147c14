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
  VERDICT_COLUMN,
  verdictCounts,
} from './rows.js';

/** GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const lines: string[] = [`## corescope ${comparison.command}`, ''];
  lines.push(
    comparison.regressions.length > 0 ? `**${escapeCell(regressionLine(comparison))}**` : regressionLine(comparison),
    '',
  );
  for (const same of comparison.sameMachine) {
    lines.push(
      `### ${escapeCell(sameMachineTitle(same))}`,
      '',
      escapeCell(sameMachineRule(same, comparison.options)),
      '',
    );
    lines.push(markdownTable(JUDGEMENT_HEADER, judgementRows(same).map(emphasiseVerdict), JUDGEMENT_TEXT_COLUMNS), '');
    lines.push(`${escapeCell(same.head)}: ${verdictCounts(same)}`, '');
    for (const note of [samplesNote(same), same.advice]) if (note !== undefined) lines.push(escapeCell(note), '');
  }
  if (comparison.crossMachine !== null) {
    lines.push('### Across machines (dimensionless figures)', '');
    for (const line of machineLines(comparison.crossMachine)) lines.push(`- ${escapeCell(line)}`);
    lines.push(
      '',
      markdownTable(crossMachineHeader(comparison.crossMachine), crossMachineRows(comparison.crossMachine)),
      '',
    );
    lines.push(`_${CROSS_MACHINE_NOTE.join(' ')}_`, '');
  }
  if (comparison.partial.length > 0) {
    lines.push('### Only in some files', '');
    for (const item of comparison.partial)
      lines.push(
        `- \`${item.id}\`: in ${item.presentIn.map(escapeCell).join(', ')}; missing from ${item.missingFrom.map(escapeCell).join(', ')}`,
      );
    lines.push('');
  }
  if (comparison.warnings.length > 0) {
    lines.push('### Warnings', '');
    for (const warning of comparison.warnings) lines.push(`- ${escapeCell(warning)}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Figures right-aligned, the columns named in `textColumns` (and the first) left-aligned. */
export function markdownTable(header: string[], rows: string[][], textColumns: readonly number[] = []): string {
  const line = (cells: string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  const align = header.map((_, column) => (column === 0 || textColumns.includes(column) ? ':---' : '---:'));
  return [line(header), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The verdict in bold where it matters, so a reviewer's eye lands on it. */
function emphasiseVerdict(row: string[]): string[] {
  return row.map((cell, column) =>
    column === VERDICT_COLUMN && (cell === 'slower' || cell === 'faster') ? `**${cell}**` : cell,
  );
}

/** A pipe or newline inside a cell would break the table. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
