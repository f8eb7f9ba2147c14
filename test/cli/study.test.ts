import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { runCli, scratchDir } from '../helpers/cli.js';

describe('corescope study', () => {
  it('overhead --quick writes a valid result file with every overhead figure', async () => {
    const out = join(scratchDir(), 'overhead.json');
    const result = await runCli(['study', 'overhead', '--quick', '--threads', '1,2', '--out', out]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Payload to a thread and back');
    const file = readResultFile(out);
    const overheads = file.overheads;
    expect(file.benchmarks).toEqual([]);
    expect(overheads?.startup.map((figure) => `${figure.pool}/t${figure.threads}`)).toEqual([
      'piscina/t1',
      'raw/t1',
      'piscina/t2',
      'raw/t2',
    ]);
    expect(overheads?.roundTrip).toHaveLength(2);
    expect(overheads?.dispatch.length).toBeGreaterThan(0);
    expect(new Set(overheads?.payload.map((figure) => figure.mode))).toEqual(new Set(['clone', 'transfer', 'shared']));
  });

  it('grain measures every line at every thread count and states its thresholds', async () => {
    const out = join(scratchDir(), 'grain.json');
    const result = await runCli(['study', 'grain', '--grains', '2', '--rounds', '2', '--threads', '1,2', '--out', out]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(0);
    const grain = readResultFile(out).grain;
    expect(grain?.points.map((point) => `${point.series}/t${point.threads}`).sort()).toEqual([
      'parallel --batch auto/t1',
      'parallel --batch auto/t2',
      'parallel/t1',
      'parallel/t2',
      'raw/t1',
      'raw/t2',
    ]);
    for (const point of grain?.points ?? []) {
      expect(point.taskMs).toBeGreaterThan(0);
      expect(point.samplesMs).toHaveLength(2);
    }
    expect(grain?.thresholds).toHaveLength(6);
  });

  it.each([
    [['study', 'grain', '--grains', '0'], '--grains'],
    [['study', 'overhead', '--rounds', '3'], '--rounds'],
    [['study', 'everything'], 'kind'],
  ])('refuses %j with one line and exit 2', async (args, named) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(named);
  });
});
