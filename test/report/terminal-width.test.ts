import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/format/numbers.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { renderTable } from '../../src/report/terminal/table.js';
import { renderRunCharts } from '../../src/report/terminal/terminal-chart.js';
import { renderRunSummary } from '../../src/report/terminal/terminal.js';
import { DEFAULT_WIDTH, displayWidth, MIN_WIDTH, terminalWidth } from '../../src/report/terminal/width.js';
import { wrapLines, wrapText } from '../../src/report/terminal/wrap.js';
import { okCell } from '../helpers/synthetic-cell.js';
import { syntheticResult } from '../helpers/result-fixture.js';

/** A real default-profile run of the 2-core VM: long verdicts, notes in the tables. */
const reference = readResultFile(join(PACKAGE_ROOT, 'results', 'reference', 'dev-2core.json'));

const widest = (text: string): number => Math.max(...text.split('\n').map(displayWidth));

describe('terminal width', () => {
  it("is the terminal's own when it is one, never under MIN_WIDTH, and DEFAULT_WIDTH when piped", () => {
    expect(terminalWidth({ isTTY: true, columns: 200 })).toBe(200);
    expect(terminalWidth({ isTTY: true, columns: 30 })).toBe(MIN_WIDTH);
    expect(terminalWidth({ isTTY: false, columns: 200 })).toBe(DEFAULT_WIDTH);
    expect(displayWidth('µs × ─')).toBe(6);
  });

  it('wraps prose at spaces with a hanging indent, keeping a word longer than the line whole', () => {
    expect(wrapText('one two three four', 9, '  ')).toEqual(['one two', '  three', '  four']);
    expect(wrapText('short', 9)).toEqual(['short']);
    expect(wrapText('a /very/long/path/name b', 8, ' ')).toEqual(['a', ' /very/long/path/name', ' b']);
    expect(wrapLines(['  item: alpha beta gamma'], 16)).toEqual(['  item: alpha', '    beta gamma']);
    const table = 'a   b\nc   d';
    expect(wrapLines([table], 3)).toEqual([table]);
  });

  it('wraps the widest text column of a table that would pass the width, and leaves a narrow table as it is', () => {
    const rows = [['cell', '1.00×', 'a note long enough to need two lines']];
    const wide = renderTable(['strategy', 'speedup', 'notes'], rows, { textColumns: [0, 2], widthColumns: 40 });
    expect(widest(wide)).toBeLessThanOrEqual(40);
    expect(wide.split('\n')).toHaveLength(4);
    expect(wide.split('\n')[3]).toMatch(/^ {8,}\S/);
    const narrow = renderTable(['strategy', 'speedup'], [['cell', '1.00×']], { widthColumns: 40 });
    expect(narrow.split('\n')).toEqual(['strategy  speedup', '────────  ───────', 'cell        1.00×']);
  });

  it('keeps a real run summary within 120 columns, and its prose within a narrower terminal', () => {
    expect(widest(renderRunSummary(reference))).toBeLessThanOrEqual(DEFAULT_WIDTH);
    const unwrapped = renderRunSummary(reference, Number.POSITIVE_INFINITY);
    expect(widest(unwrapped)).toBeGreaterThan(DEFAULT_WIDTH);
    const narrow = renderRunSummary(reference, 90).split('\n');
    const verdicts = narrow.slice(narrow.indexOf('Verdicts'));
    for (const line of verdicts) expect(displayWidth(line), line).toBeLessThanOrEqual(90);
    expect(verdicts.some((line) => line.startsWith('    '))).toBe(true);
    // Wrapping moves words, never drops them.
    const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');
    expect(words(renderRunSummary(reference))).toEqual(words(unwrapped));
  });

  it('draws no chart for a workload measured on a single thread count', () => {
    const one = [
      okCell({ workload: 'cpu-compute', strategy: 'sequential', threads: 1, medianMs: 100, speedup: 1 }),
      okCell({ workload: 'cpu-compute', strategy: 'parallel', threads: 2, medianMs: 55, speedup: 1.8 }),
    ];
    expect(renderRunCharts({ ...syntheticResult(), benchmarks: one }, { color: false })).toBe('');
    const two = [
      ...one,
      okCell({ workload: 'cpu-compute', strategy: 'parallel', threads: 4, medianMs: 54, speedup: 1.85 }),
    ];
    expect(renderRunCharts({ ...syntheticResult(), benchmarks: two }, { color: false })).toContain(
      'cpu-compute: speedup vs threads',
    );
  });

  it('says one of a thing in the singular', () => {
    expect(plural(1, 'usable core')).toBe('1 usable core');
    expect(plural(2, 'usable core')).toBe('2 usable cores');
    expect(plural(1, 'process', 'processes')).toBe('1 process');
    expect(plural(3, 'process', 'processes')).toBe('3 processes');
  });
});
