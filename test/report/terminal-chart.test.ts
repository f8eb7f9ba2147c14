import { describe, expect, it } from 'vitest';
import {
  niceCeiling,
  renderRunCharts,
  renderSpeedupChart,
  shouldColor,
} from '../../src/report/terminal/terminal-chart.js';
import { renderRunSummary } from '../../src/report/terminal/terminal.js';
import { rawUvResult, realResult } from './fixtures.js';

// Every ANSI/VT escape sequence starts with ESC.
const hasEscape = (text: string): boolean => text.includes('\x1b');
const points = (pairs: Array<[number, number]>): Array<{ x: number; y: number; tip: string }> =>
  pairs.map(([x, y]) => ({ x, y, tip: '' }));

describe('terminal speedup chart', () => {
  it('colours only a terminal, and never when NO_COLOR is set', () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({}, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
  });

  it('holds no escape code without colour, and does with it', () => {
    const measured = points([
      [1, 0.96],
      [2, 1.85],
      [4, 3.2],
    ]);
    const ideal = points([
      [1, 1],
      [2, 2],
      [4, 4],
    ]);
    expect(hasEscape(renderSpeedupChart('w', measured, ideal, { color: false }))).toBe(false);
    expect(hasEscape(renderSpeedupChart('w', measured, ideal, { color: true }))).toBe(true);
  });

  it('puts the higher speedup on a higher row and every thread count on the axis', () => {
    const chart = renderSpeedupChart(
      'w',
      points([
        [1, 1],
        [2, 1.9],
        [8, 6.5],
      ]),
      points([
        [1, 1],
        [2, 2],
        [8, 8],
      ]),
      { color: false, heightRows: 9 },
    );
    const lines = chart.split('\n');
    const plot = lines.slice(1, 10);
    const rowOf = (mark: string): number[] => plot.flatMap((line, row) => (line.includes(mark) ? [row] : []));
    // The ideal's top marker (8×) sits above the measured top (6.5×), which sits above the 1× start.
    expect(Math.min(...rowOf('○'))).toBeLessThan(Math.min(...rowOf('●')));
    expect(Math.max(...rowOf('●'))).toBeGreaterThan(Math.min(...rowOf('●')));
    expect(lines.at(-1)).toMatch(/1\s+2\s+8\s+threads/);
    expect(lines[0]).toContain('● parallel');
    expect(lines[0]).toContain('ideal');
    // Round labels: 0 at the bottom, a round top.
    expect(plot.at(-1)).toMatch(/^\s*0× ┤/);
    expect(plot[0]).toMatch(/^\s*10× ┤/);
  });

  it('rounds axis tops to 1, 2, 2.5 or 5 × 10^k', () => {
    expect(niceCeiling(1.9)).toBe(2);
    expect(niceCeiling(2.1)).toBe(2.5);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(0.4)).toBe(0.5);
  });

  it('draws the raw floor when the run has raw cells, and a chart per libuv pool size of a sweep', () => {
    const sweep = rawUvResult();
    const text = renderRunCharts(sweep, { color: false });
    const sizes = sweep.config.uvThreadpoolSizes ?? [];
    expect(sizes.length).toBe(2);
    for (const size of sizes) expect(text).toContain(`cpu-compute [libuv pool ${size}]: speedup vs threads`);
    expect(text.split('\n').filter((line) => line.includes('◆ raw floor'))).toHaveLength(sizes.length);
    // The raw cells have markers in every chart's plot, not only in its legend line.
    for (const chart of text.split('\n\n'))
      expect(
        chart
          .split('\n')
          .slice(1)
          .some((line) => line.includes('◆')),
      ).toBe(true);
    expect(renderRunCharts(realResult(), { color: false })).not.toContain('raw floor');
    const chart = renderSpeedupChart(
      'w',
      points([
        [1, 1],
        [2, 1.5],
      ]),
      points([
        [1, 1],
        [2, 2],
      ]),
      { color: false },
      points([
        [1, 1],
        [2, 1.9],
      ]),
    );
    const plot = chart.split('\n').slice(1, 10);
    const rowOf = (mark: string): number => plot.findIndex((line) => line.includes(mark));
    // The raw floor (1.9×) sits above parallel (1.5×) and below the ideal (2×) on the same column.
    expect(rowOf('◆')).toBeLessThan(plot.findLastIndex((line) => line.includes('●')));
  });

  it('shows the "vs raw" column only for a run with raw cells', () => {
    const header = (text: string): string => text.split('\n').find((line) => line.startsWith('strategy')) ?? '';
    expect(header(renderRunSummary(rawUvResult()))).toContain('vs raw');
    expect(header(renderRunSummary(realResult()))).not.toContain('vs raw');
    expect(header(renderRunSummary(realResult()))).toContain('efficiency');
  });

  it('draws one chart per CPU-bound workload of a real run, none for I/O work', () => {
    const result = realResult();
    const text = renderRunCharts(result, { color: false });
    const cpuWorkloads = new Set(
      result.benchmarks
        .filter((benchmark) => benchmark.workload.kind === 'cpu')
        .map((benchmark) => benchmark.workload.id),
    );
    const ioWorkloads = new Set(
      result.benchmarks
        .filter((benchmark) => benchmark.workload.kind === 'io')
        .map((benchmark) => benchmark.workload.id),
    );
    expect(cpuWorkloads.size).toBeGreaterThan(0);
    for (const id of cpuWorkloads) expect(text).toContain(`${id}: speedup vs threads`);
    for (const id of ioWorkloads) expect(text).not.toContain(`${id}: speedup`);
    expect(hasEscape(text)).toBe(false);
  });
});
