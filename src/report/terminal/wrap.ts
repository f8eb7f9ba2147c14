import { displayWidth } from './width.js';

/**
 * `text` in lines of at most `widthColumns`, broken at spaces. Lines after the first start with `indent`; a word
 * longer than a line is left whole rather than cut (a path or a URL stays copyable).
 */
export function wrapText(text: string, widthColumns: number, indent = ''): string[] {
  if (displayWidth(text) <= widthColumns) return [text];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead;
  for (const word of words) {
    const blank = line.trim() === '';
    if (!blank && displayWidth(line) + 1 + displayWidth(word) > widthColumns) {
      lines.push(line);
      line = indent + word;
    } else line = blank ? line + word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * Every line of `lines` that is too wide, wrapped with a hanging indent: its own leading spaces plus two, so a
 * continued sentence reads as one item under the line it continues. An entry holding several lines is a table
 * (renderTable): it is kept as it is, since its columns, not its words, decide where it can break.
 */
export function wrapLines(lines: readonly string[], widthColumns: number): string[] {
  return lines.flatMap((line) =>
    line.includes('\n') ? [line] : wrapText(line, widthColumns, `${/^\s*/.exec(line)?.[0] ?? ''}  `),
  );
}
