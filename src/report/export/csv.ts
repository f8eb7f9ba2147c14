import type { Exporter } from './exporter.js';
import { type CellValue, FULL_COLUMNS, tableRows } from '../columns/results-columns.js';
import { isStudyFile, STUDY_CSV_HEADER, studyCsvRecords } from '../terminal/study-tables.js';

/**
 * RFC 4180 CSV: CRLF line ends; a field holding a comma, a quote or a line break is quoted, quotes doubled.
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe: the
 * strings come from result files, which are untrusted input. Numbers are written plainly, never touched.
 */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatCsvNumber(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Enough digits for any figure corescope records (sub-microsecond in ms), without binary noise such as 0.1 + 0.2. */
function formatCsvNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

export const csvExporter: Exporter = {
  format: 'csv',
  extensions: ['.csv'],
  render(inputs) {
    // Study files hold no benchmarks: when every input is one, the table is their figures (study-tables.ts).
    if (inputs.length > 0 && inputs.every((input) => isStudyFile(input.result))) {
      const records = [
        [...STUDY_CSV_HEADER].map(csvField),
        ...inputs.flatMap((input) => studyCsvRecords(input).map((record) => record.map(csvField))),
      ];
      return `${records.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
    }
    const lines = [FULL_COLUMNS.map((column) => csvField(column.header))];
    for (const row of tableRows(inputs)) lines.push(FULL_COLUMNS.map((column) => csvField(column.value(row))));
    return `${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
  },
};
