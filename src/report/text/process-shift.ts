import { formatPercent, plural } from '../../format/numbers.js';
import { DEFAULT_MARGIN, PROCESS_SHIFT_MIN_CELLS } from '../../judgement/thresholds.js';
import type { Benchmark } from '../../results/schema.js';
import { samplesByProcessIndex } from '../../results/tagged-samples.js';
import { processShifts, type ProcessShift } from '../../stats/process-shift.js';
import { groupBy } from '../data/group-by.js';
import { workloadGroupKey, workloadGroupLabel } from '../data/workload-group.js';

/**
 * Where the spread between a workload's processes was process-wide: one process ran every cell slower or faster
 * alike, by at least the margin (stats/process-shift.ts). It tells a reader of a wide interval that no strategy
 * caused it, and what narrows it: more processes, or a quieter machine. Undefined when no workload shows it.
 */
export function processShiftLine(benchmarks: readonly Benchmark[]): string | undefined {
  const found: string[] = [];
  for (const cells of groupBy(benchmarks, workloadGroupKey).values()) {
    const measured = cells.filter((cell) => cell.status === 'ok');
    const shifted = widestShift(processShifts(measured.map(samplesByProcessIndex)));
    const first = measured[0];
    if (shifted === undefined || first === undefined) continue;
    const processes = Math.max(...measured.map((cell) => cell.processes));
    found.push(
      `${workloadGroupLabel(first)}'s process ${shifted.process + 1} of ${processes} ran ` +
        `${formatPercent(Math.abs(shifted.shiftRel), 1)} ${shifted.shiftRel > 0 ? 'slower' : 'faster'} in all ` +
        `${plural(shifted.cells, 'cell')}`,
    );
  }
  if (found.length === 0) return undefined;
  return (
    `Some of the spread was process-wide: ${found.join(', ')}. Every strategy moved the same way, so the cause was ` +
    `the machine's speed over those seconds or that process's own state, not a strategy; more processes average it out`
  );
}

/** The largest shift that every cell of the workload shared, if one reached the margin. */
function widestShift(shifts: readonly ProcessShift[]): ProcessShift | undefined {
  return shifts
    .filter(
      (shift) =>
        shift.everyCell && shift.cells >= PROCESS_SHIFT_MIN_CELLS && Math.abs(shift.shiftRel) >= DEFAULT_MARGIN,
    )
    .sort((a, b) => Math.abs(b.shiftRel) - Math.abs(a.shiftRel))[0];
}
