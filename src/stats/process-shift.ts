import { median } from './summary.js';

/**
 * Did one measuring process run every cell of a workload slower (or faster) alike? Each cell's samples are first
 * reduced to one median per process, and each process median is read against the cell's median of them (on logs, so
 * cells of any size compare). A process's shift is the median of those readings over the cells. Where every cell
 * moved the same way in it, the cause was process-wide: the machine's speed over those seconds, or that process's
 * own state (its memory layout, its libraries), and not any one strategy's work. Such a shift widens every cell's
 * interval at once, and only more processes average it out. Pure: samples in, figures out.
 */

export interface ProcessShift {
  /** The process, as the result file numbers them (samplesProcess, from 0). */
  process: number;
  /** The shift, relative: 0.05 means this process ran its cells 5 % slower than the cells' middle process. */
  shiftRel: number;
  /** Cells that had samples in this process and in at least one other. */
  cells: number;
  /** Every one of those cells moved the way the shift did (none stayed level or moved the other way). */
  everyCell: boolean;
}

/**
 * The shift of every process of one workload. `cells` gives, per cell, its samples by process index; a cell with
 * samples in fewer than two processes says nothing of the spread between them and is left out.
 */
export function processShifts(cells: ReadonlyArray<ReadonlyMap<number, readonly number[]>>): ProcessShift[] {
  const readings = new Map<number, number[]>();
  for (const byProcess of cells) {
    const logMedians = [...byProcess]
      .filter(([, samples]) => samples.length > 0)
      .map(([process, samples]) => [process, Math.log(median(samples))] as const);
    if (logMedians.length < 2) continue;
    const centre = median(logMedians.map(([, logMedian]) => logMedian));
    for (const [process, logMedian] of logMedians)
      readings.set(process, [...(readings.get(process) ?? []), logMedian - centre]);
  }
  return [...readings]
    .sort(([a], [b]) => a - b)
    .map(([process, logShifts]) => {
      const shift = median(logShifts);
      return {
        process,
        shiftRel: Math.exp(shift) - 1,
        cells: logShifts.length,
        everyCell: shift !== 0 && logShifts.every((value) => Math.sign(value) === Math.sign(shift)),
      };
    });
}
