import { describe, expect, it } from 'vitest';
import { assignLanes } from '../../src/trace/lanes.js';
import { MAX_TASK_ROWS, renderTraceTimeline, TRACE_LEGEND } from '../../src/trace/terminal-timeline.js';
import { CONCURRENT, demoCapture, PARALLEL, SEQUENTIAL, span } from './captures.js';

const WIDTH = 50;

/** The bar of a row, between its two frame characters. */
function bar(row: string | undefined): string {
  return row?.split('│')[1] ?? '';
}

describe('renderTraceTimeline (run --timeline)', () => {
  const lines = renderTraceTimeline(demoCapture(), [SEQUENTIAL, CONCURRENT, PARALLEL], WIDTH);

  it('prints the legend, then per cell a title and one row per task, every bar the given width', () => {
    expect(lines[0]).toBe(TRACE_LEGEND);
    for (const [cellId, tasks] of [
      [SEQUENTIAL, 3],
      [CONCURRENT, 3],
      [PARALLEL, 4],
    ] as const) {
      const title = lines.findIndex((line) => line.startsWith(`${cellId} · sample 0 (process 0, round 0): `));
      expect(title, cellId).toBeGreaterThan(0);
      const rows = lines.slice(title + 1, title + 1 + tasks);
      expect(rows.map((row) => row.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(
        Array.from({ length: tasks }, (_, index) => `task ${index}`),
      );
      for (const row of rows) expect([...bar(row)]).toHaveLength(WIDTH);
    }
  });

  it('draws every cell on one time scale: the longest sample (concurrent, 5.006 ms) fills the width', () => {
    const rowOf = (cellId: string, task: number): string | undefined => {
      const title = lines.findIndex((line) => line.startsWith(cellId));
      return lines[title + 1 + task];
    };
    // Concurrent task 2 runs 10 002 → 15 006 µs of a 10 000 → 15 006 µs sample: to the last column.
    expect(bar(rowOf(CONCURRENT, 2)).trimEnd()).toHaveLength(WIDTH);
    // Sequential spans 3000 µs: its last task ends near 3000 / 5006 of the width, not at the edge.
    const sequentialEnd = bar(rowOf(SEQUENTIAL, 2)).trimEnd().length;
    expect(sequentialEnd).toBeGreaterThanOrEqual(Math.floor((WIDTH * 3000) / 5006));
    expect(sequentialEnd).toBeLessThanOrEqual(Math.ceil((WIDTH * 3000) / 5006) + 1);
  });

  it('shows a pool task\'s queue wait as "·" before its run, on the worker that ran it', () => {
    const title = lines.findIndex((line) => line.startsWith(PARALLEL));
    const task2 = lines[title + 3] ?? '';
    expect(task2).toMatch(/^ {2}task 2 {2}thread 1 /);
    // Handed over at 4 µs, started at 1010 µs of a 2012 µs scale-long sample… on a 5006 µs scale.
    expect(bar(task2)).toMatch(/^·+█+ *$/);
    expect(bar(lines[title + 1])).toMatch(/^█+ *$/);
  });

  it('sums up the tasks past the row limit, and prints nothing for cells without traced spans', () => {
    const many = Array.from({ length: MAX_TASK_ROWS + 6 }, (_, taskIndex) =>
      span('big/sequential/t1', { taskIndex, startUs: taskIndex * 10, endUs: taskIndex * 10 + 10 }),
    );
    const big = renderTraceTimeline({ spans: many, counters: [], workers: [] }, ['big/sequential/t1'], WIDTH);
    expect(big.filter((line) => /^ {2}task \d+/.test(line))).toHaveLength(MAX_TASK_ROWS);
    expect(big.at(-1)).toBe('  … and 6 more tasks');
    expect(renderTraceTimeline(demoCapture(), ['nothing/here/t1'], WIDTH)).toEqual([]);
  });
});

describe('assignLanes', () => {
  it('needs as many lanes as tasks in progress at once, and lets touching tasks share one', () => {
    const at = (startUs: number, endUs: number) => ({ startUs, endUs });
    const { lanes, placed } = assignLanes([at(0, 10), at(10, 20), at(5, 15), at(12, 13), at(14, 30)]);
    // At 12 µs three are in progress: 10–20, 5–15 and 12–13.
    expect(lanes).toBe(3);
    expect(placed.map(({ item, lane }) => [item.startUs, lane])).toEqual([
      [0, 0],
      [5, 1],
      [10, 0],
      [12, 2],
      [14, 2],
    ]);
  });
});
