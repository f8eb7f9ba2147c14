import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgress, progressLine } from '../../src/report/progress.js';

const at = (samplesTaken: number, cellsDone = 0) => ({ workload: 'cpu-hash', cellsDone, cellsTotal: 10, samplesTaken, samplesPlanned: 100 });

describe('run progress', () => {
  it('names the cell of N, the elapsed time and what is left, scaled by samples taken', () => {
    expect(formatProgress(at(25, 3), 10_000)).toBe('cpu-hash: cell 4 of 10 · 25 % of samples · 10 s elapsed · ~30 s left');
    expect(formatProgress(at(0), 2_000)).toContain('estimating');
    expect(formatProgress(at(100, 10), 50_000)).toContain('cell 10 of 10');
    expect(formatProgress(at(100, 10), 50_000)).toContain('~0 s left');
  });

  it('writes durations a person reads at a glance', () => {
    expect(formatDuration(4.4)).toBe('4 s');
    expect(formatDuration(125)).toBe('2 min 05 s');
    expect(formatDuration(7260)).toBe('2 h 01 min');
  });

  it('redraws one line in place, cut to the terminal width, and clears it', () => {
    const stream = Object.assign(new PassThrough(), { columns: 30 }) as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString()));
    let nowMs = 0;
    const line = progressLine(stream, 0, () => nowMs);
    nowMs = 4_000;
    line.update(at(50, 5));
    line.clear();
    const frames = written.split('\r\x1b[K');
    expect(frames[1]?.length).toBeLessThan(30);
    expect(frames[1]?.endsWith('…')).toBe(true);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
    expect(written).not.toContain('\n');
  });
});
