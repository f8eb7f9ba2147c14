/** Number formatting shared by every human-readable output. */

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** To the µs, for tooltips that give a figure exactly (a task's start, its run time). */
export function formatMsExact(ms: number): string {
  return `${ms.toFixed(3)} ms`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}×`;
}

/** "1 thread", "4 threads". */
export function formatThreads(threads: number): string {
  return `${threads} thread${threads === 1 ? '' : 's'}`;
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(0)} %`;
}

/** Left-aligned first column, right-aligned numbers: a plain-text table that survives any terminal. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}
