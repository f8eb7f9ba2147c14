import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

// A real, tiny run: one CPU-bound and one I/O-bound workload, two pool sizes, two rounds.
const TINY = [
  'run',
  '-w',
  'cpu-compute,io-timer',
  ...FAST_RUN,
  '-t',
  '1,2',
  '-n',
  '4',
  '-r',
  '2',
  '--warmup',
  '0',
  '--size',
  '20',
];

describe('chart under the run tables', () => {
  it('draws the speedup chart for CPU-bound work only, with no escape codes when piped', async () => {
    const directory = scratchDir();
    const result = await runCli([...TINY, '--out', join(directory, 'r.json')], { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cpu-compute: speedup vs threads');
    expect(result.stdout).not.toContain('io-timer: speedup vs threads');
    expect(result.stdout).toMatch(/└┬─+┬/);
    expect((result.stdout + result.stderr).includes('\x1b')).toBe(false);
    // The chart sits under the tables.
    expect(result.stdout.indexOf('speedup vs threads')).toBeGreaterThan(result.stdout.indexOf('Verdicts'));
  });

  it('draws nothing with --no-chart', async () => {
    const directory = scratchDir();
    const result = await runCli([...TINY, '--no-chart', '--out', join(directory, 'r.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Verdicts');
    expect(result.stdout).not.toContain('speedup vs threads');
  });
});
