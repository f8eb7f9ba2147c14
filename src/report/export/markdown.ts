import type { Exporter } from './exporter.js';
import type { ReportInput } from '../data/report-input.js';
import { workloadGroupLabel } from '../data/workload-group.js';
import {
  type CellValue,
  type Column,
  formatColumnNumber,
  groupRows,
  summaryColumns,
  type TableRow,
  tableRows,
} from '../columns/results-columns.js';
import { renderScalingSection } from '../terminal/scaling.js';
import { type Notice, noticesOf } from '../text/notices.js';
import { shortfallSentences } from '../text/shortfall.js';
import { plural } from '../../format/numbers.js';
import { type StudyTable, studyTables } from '../terminal/study-tables.js';

/**
 * Text from a result file is untrusted. Characters Markdown or inline HTML act on anywhere (emphasis, code,
 * links, tags, entities, the table's `|`) are backslash-escaped, as CommonMark allows for any ASCII
 * punctuation; so is a leading marker that would start a list, quote or heading. Line breaks become spaces,
 * so a value can never end a table row. Hyphens and dots inside words stay readable: `cpu-compute`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]<>#|~&]/g, (character) => `\\${character}`)
    .replace(/^[-+=!:]/, (character) => `\\${character}`)
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

function cell(value: CellValue, column: Column): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatColumnNumber(value, column) : escapeMarkdown(value);
}

/** A Markdown table of text from a result file: header and cells escaped, `right` columns right-aligned. */
function markdownTable(
  header: readonly string[],
  right: (index: number) => boolean,
  rows: ReadonlyArray<readonly string[]>,
): string[] {
  return [
    `| ${header.map(escapeMarkdown).join(' | ')} |`,
    `| ${header.map((_, index) => (right(index) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

/** Results: a column is right-aligned when some row has a number in it. */
function table(columns: readonly Column[], rows: readonly TableRow[]): string[] {
  const numeric = columns.map((column) => rows.some((row) => typeof column.value(row) === 'number'));
  return markdownTable(
    columns.map((column) => column.header),
    (index) => numeric[index] === true,
    rows.map((row) => columns.map((column) => cell(column.value(row), column))),
  );
}

/** Study figures: the first column names the row, the others are figures. */
function plainTable(study: StudyTable): string[] {
  return markdownTable(
    study.header,
    (index) => index > 0,
    study.rows.map((row) => row.map(escapeMarkdown)),
  );
}

/** "2 warnings · 31 notes on precision": counted apart, since only warnings need the reader's attention. */
function noticeCount(warnings: readonly Notice[], notes: readonly Notice[]): string {
  const warned = warnings.length === 0 ? 'no warnings' : `**${plural(warnings.length, 'warning')}** (below)`;
  const noted = notes.length === 0 ? 'no notes' : `${plural(notes.length, 'note')} on precision (note column)`;
  return `${warned} · ${noted}`;
}

function machineLine(input: ReportInput): string {
  const { environment, run } = input.result;
  const facts = [
    `Node ${environment.node}`,
    environment.cpuModel,
    `${environment.usableCores} usable cores of ${environment.logicalCpus}`,
    `${environment.platform}/${environment.arch}`,
    `started ${run.startedAt}`,
    ...(run.interrupted ? ['INTERRUPTED'] : []),
  ];
  return facts.map(escapeMarkdown).join(' · ');
}

export const markdownExporter: Exporter = {
  format: 'markdown',
  extensions: ['.md', '.markdown'],
  render(inputs) {
    const lines: string[] = ['# corescope results', ''];
    for (const input of inputs) {
      const { warnings, notes } = noticesOf([input]);
      lines.push(`## ${escapeMarkdown(input.machine)}`, '', machineLine(input), '', noticeCount(warnings, notes), '');
      for (const [key, rows] of groupRows(tableRows([input])).get(input) ?? []) {
        const first = rows[0]?.benchmark;
        const about =
          first === undefined
            ? ''
            : ` (${first.workload.kind}, ${first.workload.tasks} tasks of size ${first.workload.size} per sample)`;
        lines.push(
          `### ${escapeMarkdown(first === undefined ? key : workloadGroupLabel(first))}${escapeMarkdown(about)}`,
          '',
          ...table(summaryColumns(rows), rows),
          '',
        );
      }
      // Under the tables, as in the terminal: what would narrow the cells short of --precision.
      const shortfall = shortfallSentences(input.result);
      if (shortfall.length > 0)
        lines.push('Precision:', '', ...shortfall.map((sentence) => `- ${escapeMarkdown(sentence)}`), '');
      // The same scaling-fit lines the terminal prints after the verdicts: figures, or why there are none.
      const [scalingTitle, ...scalingLines] = renderScalingSection(input.result);
      if (scalingTitle !== undefined) {
        lines.push(
          `### ${escapeMarkdown(scalingTitle)}`,
          '',
          ...scalingLines.map((line) => `- ${escapeMarkdown(line.trim())}`),
          '',
        );
      }
      // Study files (corescope study overhead|grain) carry their figures outside `benchmarks`.
      for (const study of studyTables(input.result)) {
        lines.push(`### ${escapeMarkdown(study.title)}`, '', ...plainTable(study), '');
      }
      if (warnings.length > 0) {
        const where = (notice: Notice): string => (notice.where === 'run' ? '' : `${notice.where}: `);
        lines.push(
          'Warnings:',
          '',
          ...warnings.map((notice) => `- ${escapeMarkdown(`${where(notice)}${notice.text}`)}`),
          '',
        );
      }
    }
    return `${lines.join('\n').trimEnd()}\n`;
  },
};
