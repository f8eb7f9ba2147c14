import { plays } from '../../strategies/index.js';
import type { ResultFile } from '../../results/schema.js';
import { type ChartPoint, IDEAL, speedupSeries, workloadsOf } from '../data/chart-data.js';
import { toReportInputs } from '../data/report-input.js';

/** Compact Unicode charts for the terminal: speedup against threads for each CPU-bound workload. */

export interface TerminalChartOptions {
  /** ANSI colour; false guarantees the output holds no escape code at all. */
  color: boolean;
  /** Plot rows, the 0× row included; 4k + 1 rows put round values on every labelled row. */
  heightRows?: number;
  /** Columns between two thread counts. */
  gapColumns?: number;
}

const PARALLEL_MARK = '●';
const PARALLEL_LINE = '•';
const IDEAL_MARK = '○';
const IDEAL_LINE = '·';
const RAW_MARK = '◆';
const RAW_LINE = '∘';
const ANSI = { parallel: '\x1b[36m', raw: '\x1b[33m', ideal: '\x1b[2m', reset: '\x1b[0m' } as const;
/** Where two lines meet, the higher rank is drawn: the pool measured, then the raw floor, then the ideal. */
const RANK = { parallel: 2, raw: 1, ideal: 0 } as const;

/**
 * Colour only when the stream is a terminal and NO_COLOR (https://no-color.org) is unset or empty: anything
 * piped or redirected must stay plain text.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

interface Cell {
  char: string;
  kind: 'parallel' | 'raw' | 'ideal';
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is at least `value`, so axis labels are round. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value - 1e-9) return step * magnitude;
  return 10 * magnitude;
}

/**
 * One chart: the measured pool's speedup (●), the ideal (○) and, when the run had raw cells, the raw
 * worker_threads floor (◆), threads evenly spaced along the bottom.
 */
export function renderSpeedupChart(
  title: string,
  measured: readonly ChartPoint[],
  ideal: readonly ChartPoint[],
  options: TerminalChartOptions,
  raw: readonly ChartPoint[] = [],
): string {
  const heightRows = Math.max(3, options.heightRows ?? 9);
  const gap = Math.max(3, options.gapColumns ?? 6);
  const threads = [...new Set([...measured, ...ideal, ...raw].map((point) => point.x))].sort((a, b) => a - b);
  if (threads.length === 0) return '';
  const yMax = niceCeiling(
    Math.max(1, ...measured.map((point) => point.y), ...ideal.map((point) => point.y), ...raw.map((point) => point.y)),
  );
  const width = (threads.length - 1) * gap + 1;
  const grid: Array<Array<Cell | undefined>> = Array.from(
    { length: heightRows },
    () => new Array<Cell | undefined>(width),
  );
  const rowOf = (y: number): number =>
    Math.min(heightRows - 1, Math.max(0, Math.round((1 - y / yMax) * (heightRows - 1))));
  const columnOf = (x: number): number => threads.indexOf(x) * gap;

  const draw = (points: readonly ChartPoint[], kind: Cell['kind'], mark: string, line: string): void => {
    const sorted = [...points].sort((a, b) => a.x - b.x);
    sorted.forEach((point, index) => {
      const next = sorted[index + 1];
      if (next === undefined) return;
      const [from, to] = [columnOf(point.x), columnOf(next.x)];
      for (let column = from; column <= to; column += 1) {
        const y = point.y + ((next.y - point.y) * (column - from)) / Math.max(1, to - from);
        // Fill the rows a steep segment skips, so the line reads as one stroke.
        const here = rowOf(y);
        const there = rowOf(point.y + ((next.y - point.y) * (column + 1 - from)) / Math.max(1, to - from));
        const halfway = column < to ? Math.trunc((there - here) / 2) : 0;
        for (let row = Math.min(here, here + halfway); row <= Math.max(here, here + halfway); row += 1)
          put(row, column, { char: line, kind });
        if (column > from) {
          const before = rowOf(point.y + ((next.y - point.y) * (column - 1 - from)) / Math.max(1, to - from));
          const rest = Math.trunc((before - here) / 2);
          for (let row = Math.min(here, here + rest); row <= Math.max(here, here + rest); row += 1)
            put(row, column, { char: line, kind });
        }
      }
    });
    for (const point of sorted) put(rowOf(point.y), columnOf(point.x), { char: mark, kind });
  };
  const put = (row: number, column: number, cell: Cell): void => {
    const line = grid[row];
    if (line === undefined || column < 0 || column >= width) return;
    const existing = line[column];
    // Measured beats the raw floor beats ideal where they meet, and a marker beats a connecting dot.
    if (existing !== undefined && RANK[existing.kind] > RANK[cell.kind]) return;
    if (
      existing !== undefined &&
      existing.kind === cell.kind &&
      (existing.char === PARALLEL_MARK || existing.char === IDEAL_MARK || existing.char === RAW_MARK)
    )
      return;
    line[column] = cell;
  };
  draw(ideal, 'ideal', IDEAL_MARK, IDEAL_LINE);
  draw(raw, 'raw', RAW_MARK, RAW_LINE);
  draw(measured, 'parallel', PARALLEL_MARK, PARALLEL_LINE);

  const paint = (text: string, kind: Cell['kind']): string =>
    options.color ? `${ANSI[kind]}${text}${ANSI.reset}` : text;
  const labelOf = (row: number): string | undefined => {
    const fromBottom = heightRows - 1 - row;
    const quarter = (heightRows - 1) % 4 === 0 ? (heightRows - 1) / 4 : heightRows - 1;
    if (fromBottom % quarter !== 0) return undefined;
    const value = (yMax * fromBottom) / (heightRows - 1);
    return `${Number(value.toFixed(2))}×`;
  };
  const labels = grid.map((_, row) => labelOf(row));
  const labelWidth = Math.max(...labels.map((label) => label?.length ?? 0));
  const lines = [
    `${title}   ${paint(`${PARALLEL_MARK} parallel`, 'parallel')}${raw.length > 0 ? `  ${paint(`${RAW_MARK} raw floor`, 'raw')}` : ''}  ${paint(`${IDEAL_MARK}${IDEAL_LINE} ideal`, 'ideal')}`,
    ...grid.map((cells, row) => {
      const label = labels[row];
      const plot = Array.from(cells, (cell) => (cell === undefined ? ' ' : paint(cell.char, cell.kind))).join('');
      return `${(label ?? '').padStart(labelWidth)} ${label === undefined ? '│' : '┤'}${plot}`.trimEnd();
    }),
    `${' '.repeat(labelWidth)} └${Array.from({ length: width }, (_, column) => (threads.some((x) => columnOf(x) === column) ? '┬' : '─')).join('')}`,
    `${' '.repeat(labelWidth + 2)}${axisLabels(threads.map(String), gap)}  threads`,
  ];
  return lines.join('\n');
}

/** Thread counts centred under their ticks as far as the gap allows. */
function axisLabels(labels: string[], gap: number): string {
  let text = '';
  labels.forEach((label, index) => {
    const start = Math.max(text.length === 0 ? 0 : text.length + 1, index * gap);
    text = text.padEnd(start) + label;
  });
  return text;
}

/**
 * Under the run's tables: one chart per CPU-bound workload that has pool cells with a speedup, and per libuv
 * pool size in a --uv-threadpool sweep (each size is its own measurement, not a point on one line).
 */
export function renderRunCharts(result: ResultFile, options: TerminalChartOptions): string {
  const inputs = toReportInputs([{ path: '', result }]);
  const groups = workloadsOf(inputs).filter((group) => group.kind === 'cpu');
  const charts: string[] = [];
  for (const group of groups) {
    const series = speedupSeries(inputs, group.key);
    const measured = series.find((line) => plays(line.strategy, 'pool'))?.points ?? [];
    const ideal = series.find((line) => line.strategy === IDEAL)?.points ?? [];
    const raw = series.find((line) => plays(line.strategy, 'floor'))?.points ?? [];
    // A single thread count is a point, not a curve: the table says all a chart could.
    if (new Set(measured.map((point) => point.x)).size < 2) continue;
    charts.push(renderSpeedupChart(`${group.label}: speedup vs threads`, measured, ideal, options, raw));
  }
  return charts.join('\n\n');
}
