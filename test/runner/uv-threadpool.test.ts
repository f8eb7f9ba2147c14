import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

// No inherited UV_THREADPOOL_SIZE: the run's default pool is libuv's own 4 (spawn drops undefined variables).
const CLEAN_ENV = { UV_THREADPOOL_SIZE: undefined };

describe('--uv-threadpool', () => {
  it('runs each workload once per libuv pool size, marks the cells, and reports the sweep', async () => {
    const out = join(scratchDir(), 'uv.json');
    const args = [
      'run',
      '-w',
      'cpu-hash-async',
      '-s',
      'sequential,concurrent,parallel',
      '-t',
      '1,2',
      '--uv-threadpool',
      '4,1',
    ];
    const measuring = [...FAST_RUN, '--rounds', '3', '--warmup', '1', '--tasks', '8', '--size', '20000'];
    const result = await runCli([...args, ...measuring, '--out', out], { env: CLEAN_ENV });
    expect(result.code, result.stderr).toBe(0);
    const file = readResultFile(out);
    expect(file.config.uvThreadpoolSizes).toEqual([1, 4]);
    expect(file.environment.uvThreadpoolSize).toBe(4);
    // Cells at the default size keep the ids an ordinary run gives; the others are marked, and all carry the size.
    expect(file.benchmarks.map((benchmark) => [benchmark.id, benchmark.uvThreadpoolSize])).toEqual([
      ['cpu-hash-async/sequential/t1/uv1', 1],
      ['cpu-hash-async/concurrent/t1/uv1', 1],
      ['cpu-hash-async/parallel/t1/uv1', 1],
      ['cpu-hash-async/parallel/t2/uv1', 1],
      ['cpu-hash-async/sequential/t1', 4],
      ['cpu-hash-async/concurrent/t1', 4],
      ['cpu-hash-async/parallel/t1', 4],
      ['cpu-hash-async/parallel/t2', 4],
    ]);
    // Whether a smaller pool slows async hashing depends on free cores, which a shared machine does not promise; the
    // pool sizes themselves are checked from what the tasks return (below), and the sweep line reports the effect.
    expect(result.stdout).toMatch(
      /cpu-hash-async \(libuv pool sweep\): concurrent [\d.]+× with 1 libuv thread, [\d.]+× with 4 libuv threads/,
    );
    expect(
      file.scaling?.map((entry) => [entry.workload, entry.strategy, entry.uvThreadpoolSize, entry.usl.status]),
    ).toEqual([
      ['cpu-hash-async', 'parallel', 1, 'insufficient'],
      ['cpu-hash-async', 'parallel', 4, 'insufficient'],
    ]);
  });

  it('gives each measuring process the pool size asked for: the tasks find it and return it', async () => {
    // The fixture finds its process's real libuv pool size (without CPU, so load cannot blur it), and every task
    // logs the size it returns.
    const probe = join(PACKAGE_ROOT, 'test', 'fixtures', 'uv-pool-probe.mjs');
    const directory = scratchDir();
    const log = join(directory, 'returned.jsonl');
    const out = join(directory, 'probe.json');
    const args = [
      'run',
      '-w',
      probe,
      ...FAST_RUN,
      '-s',
      'sequential',
      '--tasks',
      '2',
      '--rounds',
      '2',
      '--warmup',
      '0',
    ];
    const result = await runCli([...args, '--uv-threadpool', '1,2,4', '--out', out], {
      env: { ...CLEAN_ENV, CORESCOPE_UV_PROBE_LOG: log },
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const returned = lines.map((line) => JSON.parse(line) as { given: string; poolSize: number });
    // Every task (however many samples the runner took) returned the size its process was given.
    const givenToFound = new Set(returned.map(({ given, poolSize }) => `${given}→${poolSize}`));
    expect(givenToFound).toEqual(new Set(['1→1', '2→2', '4→4']));
    expect(readResultFile(out).benchmarks.map((benchmark) => benchmark.uvThreadpoolSize)).toEqual([1, 2, 4]);
  });

  it('refuses a size libuv would not use, naming the flag', async () => {
    for (const bad of ['0', '2000', 'four']) {
      const result = await runCli(['run', '--uv-threadpool', bad, '--json']);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('--uv-threadpool');
    }
  });
});
