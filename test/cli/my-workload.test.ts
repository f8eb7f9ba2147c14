import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare, run, UsageError } from '../../src/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { FAST_RUN, runCli, scratchDir } from '../helpers/cli.js';

describe('your own workload', () => {
  it(
    'examples/my-workload.js (import { defineWorkload } from "corescope") runs under every strategy via ' +
      '--workload',
    async () => {
      const out = join(scratchDir(), 'mine.json');
      const result = await runCli(
        [
          'run',
          '--workload',
          './examples/my-workload.js',
          ...FAST_RUN,
          '-s',
          'sequential,concurrent,parallel,hybrid',
          '-t',
          '2',
          '--rounds',
          '2',
          '--tasks',
          '4',
          '--out',
          out,
        ],
        { cwd: PACKAGE_ROOT },
      );
      expect(result.code, result.stderr).toBe(0);
      const file = readResultFile(out);
      expect(file.benchmarks.map((benchmark) => [benchmark.id, benchmark.status])).toEqual([
        ['fetch-and-digest/sequential/t1', 'ok'],
        ['fetch-and-digest/concurrent/t1', 'ok'],
        ['fetch-and-digest/parallel/t2', 'ok'],
        ['fetch-and-digest/hybrid/t2', 'ok'],
      ]);
      expect(file.benchmarks[0]?.workload.source).toBe('./examples/my-workload.js');
      // Verdicts wrap at 120 columns with a 4-space hanging indent: read the sentence whole.
      expect(result.stdout.replace(/\n {4}/g, ' ')).toMatch(/fetch-and-digest: .*hybrid [\d.]+× on 2 threads/);
    },
  );
});

describe('programmatic API', () => {
  it('run() measures like the CLI and reports the critical path of the agent pipeline, which no sample beats', async () => {
    const outcome = await run({
      workloads: ['agents-dag'],
      strategies: ['sequential', 'concurrent'],
      rounds: 2,
      processes: 1,
      probe: false,
      warmupRounds: 0,
      tasks: 4,
      size: 8,
    });
    expect(outcome.exitCode).toBe(0);
    const [sequential, concurrent] = outcome.result.benchmarks;
    const floorMs = sequential?.workload.criticalPathMs;
    expect(floorMs).toBeGreaterThan(0);
    for (const benchmark of [sequential, concurrent]) {
      expect(benchmark?.status).toBe('ok');
      for (const sampleMs of benchmark?.samplesMs ?? []) expect(sampleMs).toBeGreaterThanOrEqual((floorMs ?? 0) * 0.95);
    }
  });

  it('run() rejects bad input with a UsageError naming the option; compare() reads result files', async () => {
    await expect(run({ workloads: ['io-timer'], strategies: ['warp'] })).rejects.toThrow(UsageError);
    await expect(run({ workloads: ['./nope.js'] })).rejects.toThrow(/nope\.js does not exist/);

    const dir = scratchDir();
    const files = [join(dir, 'a.json'), join(dir, 'b.json')];
    for (const out of files) {
      const outcome = await run({
        workloads: ['io-timer'],
        strategies: ['sequential', 'concurrent'],
        rounds: 3,
        processes: 1,
        probe: false,
        warmupRounds: 0,
        tasks: 2,
        size: 2,
        out,
      });
      expect(outcome.exitCode).toBe(0);
    }
    const comparison = await compare(files);
    expect(comparison.sameMachine[0]?.judgements.map((judgement) => judgement.id)).toEqual([
      'io-timer/sequential/t1',
      'io-timer/concurrent/t1',
    ]);
  });
});
