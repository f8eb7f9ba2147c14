import { displayWidth } from './width.js';
import { wrapText } from './wrap.js';

export interface TableOptions {
  /** Columns of words (names, verdicts, reasons): left-aligned, and the ones that wrap. Default: the first. */
  readonly textColumns?: readonly number[];
  /** The most columns a line may take; without it the table is as wide as its widest cells. */
  readonly widthColumns?: number;
}

/** A text column is never wrapped narrower than this: below it, a wrapped note reads a word per line. */
const MIN_TEXT_COLUMN = 16;
const GAP = '  ';

/**
 * A plain-text table that survives any terminal: words left-aligned, figures right-aligned, a rule under the
 * header. When the table would be wider than `widthColumns`, the widest text column wraps onto continuation lines
 * (its other cells blank) rather than the terminal breaking every row.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  options: TableOptions = {},
): string {
  const textColumns = options.textColumns ?? [0];
  const widths = header.map((cell, column) =>
    Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const total = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (widths.length - 1);
  const limit = options.widthColumns ?? Number.POSITIVE_INFINITY;
  let wrapped = -1;
  if (total > limit) {
    wrapped = textColumns.reduce(
      (widest, column) => ((widths[column] ?? 0) > (widths[widest] ?? 0) ? column : widest),
      textColumns[0] ?? 0,
    );
    widths[wrapped] = Math.max(
      MIN_TEXT_COLUMN,
      displayWidth(header[wrapped] ?? ''),
      (widths[wrapped] ?? 0) - (total - limit),
    );
  }
  const pad = (cell: string, column: number): string => {
    const room = Math.max(0, (widths[column] ?? 0) - displayWidth(cell));
    return textColumns.includes(column) ? cell + ' '.repeat(room) : ' '.repeat(room) + cell;
  };
  const line = (cells: readonly string[]): string =>
    header
      .map((_, column) => pad(cells[column] ?? '', column))
      .join(GAP)
      .trimEnd();
  // A row whose wrapped cell takes k lines: the first with every cell, then k - 1 with that cell's rest alone.
  const physicalLines = (cells: readonly string[]): string[] => {
    if (wrapped < 0) return [line(cells)];
    const [first = '', ...rest] = wrapText(cells[wrapped] ?? '', widths[wrapped] ?? 0);
    const alone = (part: string): string[] => header.map((_, column) => (column === wrapped ? part : ''));
    return [
      line(cells.map((cell, column) => (column === wrapped ? first : cell))),
      ...rest.map((part) => line(alone(part))),
    ];
  };
  const rule = widths.map((width) => '─'.repeat(width));
  return [...physicalLines(header), line(rule), ...rows.flatMap(physicalLines)].join('\n');
}
