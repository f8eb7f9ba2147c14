import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

const QUICK = [
  '--quick',
  ...FAST_RUN,
  '--rounds',
  '2',
  '--tasks',
  '4',
  '--threads',
  '1,2',
  '--strategies',
  'sequential,concurrent,parallel',
];

describe('corescope run', () => {
  it('exits 0, prints tables and verdicts, and writes a valid result file', async () => {
    const out = join(scratchDir(), 'run.json');
    const result = await runCli([
      'run',
      ...QUICK,
      '-w',
      'io-timer,cpu-compute',
      '--size',
      '5',
      '--label',
      'test',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Verdicts');
    expect(result.stdout).toMatch(/io-timer: concurrent [\d.]+×/);
    const file = readResultFile(out);
    expect(file.run.label).toBe('test');
    expect(file.run.interrupted).toBe(false);
    expect(file.run.finishedAt).not.toBeNull();
    expect(file.benchmarks.map((benchmark) => benchmark.id)).toEqual([
      'io-timer/sequential/t1',
      'io-timer/concurrent/t1',
      'io-timer/parallel/t1',
      'io-timer/parallel/t2',
      'cpu-compute/sequential/t1',
      'cpu-compute/concurrent/t1',
      'cpu-compute/parallel/t1',
      'cpu-compute/parallel/t2',
    ]);
    for (const benchmark of file.benchmarks) {
      expect(benchmark.status).toBe('ok');
      expect(benchmark.samplesMs).toHaveLength(2);
    }
  });

  it('measures each workload in fresh processes and records which process took every sample', async () => {
    const out = join(scratchDir(), 'processes.json');
    const result = await runCli([
      'run',
      '-w',
      'io-timer',
      '--size',
      '2',
      '--tasks',
      '4',
      '-s',
      'sequential,concurrent',
      '--processes',
      '2',
      '--rounds',
      '3',
      '--no-probe',
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const file = readResultFile(out);
    expect(file.config).toMatchObject({ processes: 2, rounds: 3 });
    for (const benchmark of file.benchmarks) {
      expect(benchmark.samplesProcess).toEqual([0, 0, 0, 1, 1, 1]);
      expect(benchmark.samplesRound).toEqual([0, 1, 2, 0, 1, 2]);
      if (benchmark.status !== 'ok') throw new Error(`${benchmark.id}: ${benchmark.status}`);
      expect(benchmark.processes).toBe(2);
      // Calibrated once, in the first process: a batch of four 2 ms timers is repeated to last the 50 ms minimum.
      expect(benchmark.repeats).toBeGreaterThan(1);
      expect(benchmark.derived?.pairs).toBe(6);
    }
  });

  it('--json prints the result to stdout and the tables to stderr', async () => {
    const result = await runCli(['run', ...QUICK, '-w', 'io-timer', '--size', '2', '--json'], { cwd: scratchDir() });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { schemaVersion: number; benchmarks: unknown[] };
    expect(parsed.schemaVersion).toBe(3);
    expect(parsed.benchmarks).toHaveLength(4);
    expect(result.stderr).toContain('Verdicts');
  });

  it.each([
    [['--workloads', 'no-such-workload'], /^corescope: --workloads: unknown workload "no-such-workload"/],
    [['--strategies', 'warp'], /^corescope: --strategies: unknown value "warp"/],
    [['--threads', '0'], /^corescope: --threads: 0 is out of range/],
    [['--threads', '1.5'], /^corescope: --threads: "1.5" is not an integer/],
    [['--tasks', 'many'], /^corescope: --tasks: "many" is not an integer/],
    [['--out', '/proc/corescope/x.json'], /^corescope: --out: cannot write/],
    [
      ['--workloads', './missing-file.js'],
      /^corescope: --workloads: workload file \.\/missing-file\.js does not exist/,
    ],
    [['--frobnicate'], /^corescope: Unknown argument: frobnicate/],
    [['--precision', '0'], /^corescope: --precision: 0 % is out of range/],
    [['--precision', '100'], /^corescope: --precision: 100 % is out of range/],
    [['--max-time', 'soon'], /^corescope: --max-time: "soon" is not a positive duration/],
    [['--max-time', '0'], /^corescope: --max-time: "0" is not a positive duration/],
    [['--warmup-max', '0'], /^corescope: --warmup-max: "0" is not a positive duration/],
    [['--warmup-max', '11min'], /^corescope: --warmup-max: 660000 ms is out of range \(up to 10 min\)/],
    [['--warmup', '-1'], /^corescope: --warmup: -1 is out of range \(0\.\.1000\)/],
  ])('exits 2 before any work on bad input %j', async (args, message) => {
    const result = await runCli(['run', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('exits 1 when a task throws, records the error, and still runs the other cells', async () => {
    const out = join(scratchDir(), 'fail.json');
    const fixture = join(PACKAGE_ROOT, 'test', 'fixtures', 'core-throws.mjs');
    const result = await runCli(['run', ...QUICK, '-w', `${fixture},io-timer`, '--size', '2', '--out', out]);
    expect(result.code).toBe(1);
    const file = readResultFile(out);
    const failed = file.benchmarks.filter((benchmark) => benchmark.workload.id === 'core-throws');
    expect(failed).toHaveLength(4);
    for (const benchmark of failed) {
      expect(benchmark.status).toBe('error');
      if (benchmark.status !== 'error') continue;
      expect(benchmark.error).toMatchObject({ message: 'task failed on purpose', code: 'E_ON_PURPOSE' });
      // A pool fails while warming its threads, before any batch; the event-loop strategies fail a whole batch.
      if (!benchmark.strategy.startsWith('parallel')) expect(benchmark.failedTasks).toBe(4);
    }
    expect(
      file.benchmarks.filter((benchmark) => benchmark.workload.id === 'io-timer' && benchmark.status === 'ok'),
    ).toHaveLength(4);
  });

  it('explains every flag in --help', async () => {
    const result = await runCli(['run', '--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--workloads',
      '--strategies',
      '--threads',
      '--tasks',
      '--rounds',
      '--quick',
      '--out',
      '--json',
      '--label',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});
