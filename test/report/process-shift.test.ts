import { describe, expect, it } from 'vitest';
import { processShiftLine } from '../../src/report/text/process-shift.js';
import { okCell } from '../helpers/synthetic-cell.js';

/**
 * A cell of `workload` measured by three processes, two samples each, process 1's samples `shift` slower: the file's
 * arrays as the engine writes them, round by round.
 */
function cell(workload: string, strategy: string, threads: number, shift: number) {
  const base = okCell({ workload, strategy, threads, medianMs: 80, sampleFactors: [1, 1, 1, 1, 1, 1] });
  const samplesProcess = [0, 0, 1, 1, 2, 2];
  const samplesMs = samplesProcess.map((process) => (process === 1 ? 80 * (1 + shift) : 80));
  return { ...base, samplesMs, samplesProcess, processes: 3 };
}

const workload = (id: string, shift: number) => [
  cell(id, 'sequential', 1, shift),
  cell(id, 'parallel', 1, shift),
  cell(id, 'parallel', 2, shift),
];

describe('the process-wide shift line', () => {
  it('names the workload, the process (from 1) and its shift when every cell moved alike by the margin', () => {
    const line = processShiftLine([...workload('cpu-hash', 0.05), ...workload('io-timer', 0)]);
    expect(line).toMatch(/cpu-hash's process 2 of 3 ran 5 % slower in all 3 cells\./);
    expect(line).not.toContain('io-timer');
    expect(line).toContain('more processes average it out');
  });

  it('says nothing of a shift under the margin, or of a workload with fewer than three cells', () => {
    expect(processShiftLine(workload('cpu-hash', 0.02))).toBeUndefined();
    expect(processShiftLine(workload('cpu-hash', 0.05).slice(0, 2))).toBeUndefined();
  });

  it('says nothing when one cell did not move with the others', () => {
    const cells = workload('cpu-hash', 0.05);
    cells[2] = cell('cpu-hash', 'parallel', 2, -0.05);
    expect(processShiftLine(cells)).toBeUndefined();
  });
});
