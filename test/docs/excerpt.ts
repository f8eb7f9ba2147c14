/** A line on its own in an excerpt: lines of the full text were left out here. */
export const ELISION = '…';

/**
 * Whether `excerpt` is `full` with lines left out: split at ELISION lines, every part must appear in `full` as
 * consecutive whole lines, the parts in order. Trailing spaces are ignored (an editor may strip them); nothing else
 * is, so a figure changed by hand fails. Returns the first part not found, or undefined when all are.
 */
export function missingPart(excerpt: string, full: string): string | undefined {
  const lines = full.split('\n').map((line) => line.trimEnd());
  const parts: string[][] = [[]];
  for (const line of excerpt.split('\n').map((text) => text.trimEnd())) {
    if (line === ELISION) parts.push([]);
    else parts.at(-1)?.push(line);
  }
  let from = 0;
  for (const part of parts.filter((lines) => lines.length > 0)) {
    const at = indexOfRun(lines, part, from);
    if (at === -1) return part.join('\n');
    from = at + part.length;
  }
  return undefined;
}

function indexOfRun(lines: readonly string[], run: readonly string[], from: number): number {
  for (let start = from; start + run.length <= lines.length; start += 1)
    if (run.every((line, offset) => lines[start + offset] === line)) return start;
  return -1;
}

/** The fenced ```text block that follows `marker` in a Markdown text, and the file the marker's line names. */
export function fencedAfter(markdown: string, marker: string): { file: string; block: string } {
  const at = markdown.indexOf(marker);
  if (at === -1) throw new Error(`README: no "${marker}"`);
  const line = markdown.slice(at, markdown.indexOf('\n', at));
  const file = /`([^`]+\.json)`/.exec(line)?.[1];
  const open = markdown.indexOf('```text\n', at);
  const close = markdown.indexOf('\n```', open + 8);
  if (file === undefined || open === -1 || close === -1)
    throw new Error(`README: no file or text block after "${marker}"`);
  return { file, block: markdown.slice(open + 8, close) };
}
