/** Where no terminal tells its width (piped, redirected, CI logs), output keeps to this many columns. */
export const DEFAULT_WIDTH = 120;

/** Narrower than this, wrapped prose would be a column of single words: wrap at this width instead. */
export const MIN_WIDTH = 60;

/** Output width for a stream: the terminal's own when it is one, else DEFAULT_WIDTH. */
export function terminalWidth(stream: Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>): number {
  return stream.isTTY && stream.columns > 0 ? Math.max(MIN_WIDTH, stream.columns) : DEFAULT_WIDTH;
}

/** The width of a command's text output: the terminal's when it goes to stdout, DEFAULT_WIDTH in a file (--out). */
export function outputWidth(outPath: string | null): number {
  return outPath === null ? terminalWidth(process.stdout) : DEFAULT_WIDTH;
}

/** Columns a string takes on a terminal: code points, not UTF-16 units ("µ", "×", "─" take one each). */
export function displayWidth(text: string): number {
  return [...text].length;
}
