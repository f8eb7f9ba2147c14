import { describe, expect, it } from 'vitest';
import { processShifts } from '../../src/stats/process-shift.js';

/** A cell's samples by process index, from a list per process. */
const cell = (...processes: number[][]): Map<number, number[]> => new Map(processes.map((samples, p) => [p, samples]));

describe('a shift every cell of a workload shared in one process', () => {
  it('reads each process median against the middle one, per cell, and takes the median over cells', () => {
    // Process medians 100/110/100, 50/55/51 and 200/224/198. Against each cell's middle process, process 1 reads
    // ×1.10, ×55/51 and ×1.12: its shift is their median, ×1.10, and every cell moved up.
    const shifts = processShifts([
      cell([99, 100, 140], [110], [100]),
      cell([50], [55], [51]),
      cell([200], [224], [198]),
    ]);
    expect(shifts.map((shift) => shift.process)).toEqual([0, 1, 2]);
    expect(shifts[1]?.shiftRel).toBeCloseTo(0.1, 12);
    expect(shifts[1]).toMatchObject({ cells: 3, everyCell: true });
    // Processes 0 and 2 are each the middle process in two cells: no shift, and not every cell moved.
    expect(shifts[0]).toMatchObject({ shiftRel: 0, everyCell: false });
    expect(shifts[2]).toMatchObject({ shiftRel: 0, everyCell: false });
  });

  it('is not shared when one cell moved the other way', () => {
    // Cell C's process 1 now reads ×0.95: the median shift is ×55/51 and one cell disagrees.
    const shifts = processShifts([cell([100], [110], [100]), cell([50], [55], [51]), cell([200], [190], [198])]);
    expect(shifts[1]?.shiftRel).toBeCloseTo(55 / 51 - 1, 12);
    expect(shifts[1]?.everyCell).toBe(false);
  });

  it('leaves out a cell measured by one process, which says nothing of the spread between processes', () => {
    const shifts = processShifts([cell([100], [110]), cell([50], [56]), cell([70]), cell([200], [222])]);
    // Two processes: each cell's middle is their mean on logs, so process 1 reads the square root of its ratio.
    expect(shifts[1]).toMatchObject({ cells: 3, everyCell: true });
    expect(shifts[1]?.shiftRel).toBeCloseTo(Math.sqrt(1.11) - 1, 12);
    expect(processShifts([cell([100])])).toEqual([]);
  });
});
