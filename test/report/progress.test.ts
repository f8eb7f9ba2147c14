import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatProgress, progressLine } from '../../src/report/terminal/progress.js';
import { formatDuration } from '../../src/format/numbers.js';

const at = (process: number, elapsedMs: number, remainingMs: number) => ({
  workload: 'cpu-hash',
  process,
  processesPlanned: 3,
  elapsedMs,
  remainingMs,
});

describe('run progress', () => {
  it('names the workload and its measuring process, the time spent and about how much is left', () => {
    expect(formatProgress(at(1, 10_000, 30_000))).toBe('cpu-hash: process 2 of 3 · 10 s elapsed · about 30 s left');
    // Past the planned processes (the cells are not yet precise) there is no "of N" to promise.
    expect(formatProgress(at(4, 50_000, 2_000))).toBe('cpu-hash: process 5 · 50 s elapsed · about 2 s left');
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
    const line = progressLine(stream);
    line.update(at(0, 4_000, 60_000));
    line.clear();
    const frames = written.split('\r\x1b[K');
    expect(frames[1]?.length).toBeLessThan(30);
    expect(frames[1]?.endsWith('…')).toBe(true);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
    expect(written).not.toContain('\n');
  });
});
