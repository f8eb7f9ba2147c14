import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { DIST_ROOT } from '../../src/paths.js';
import { type ResultFile, resultFileSchema } from '../../src/results/schema.js';
import { scratchDir, FAST_RUN } from '../helpers/cli.js';
import { childPids, isAlive, until } from '../helpers/processes.js';
import { fixture } from './fault-run.js';

interface Watched {
  child: ChildProcess;
  out: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  /** Every read of the result file while the run went on, each parsed and validated. */
  reads: number;
  invalid: string[];
  latest(): ResultFile | undefined;
}

/** Starts `corescope run` and keeps reading its result file: it must be a valid result at every moment. */
function startWatched(args: string[]): Watched {
  const out = join(scratchDir(), 'result.json');
  const child = spawn(process.execPath, [join(DIST_ROOT, 'src', 'cli.js'), 'run', '--no-chart', '--out', out, ...FAST_RUN, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let latest: ResultFile | undefined;
  let running = true;
  const watched: Watched = {
    child,
    out,
    reads: 0,
    invalid: [],
    latest: () => latest,
    exited: new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        running = false;
        resolve({ code, signal, atMs: performance.now() });
      });
    }),
  };
  const poll = async (): Promise<void> => {
    while (running) {
      if (existsSync(out)) {
        const text = readFileSync(out, 'utf8');
        watched.reads += 1;
        try {
          latest = resultFileSchema.parse(JSON.parse(text));
        } catch (error) {
          watched.invalid.push(`${(error as Error).message}: ${text.slice(0, 200)}`);
        }
      }
      await sleep(5);
    }
  };
  void poll();
  child.on('exit', () => {
    if (watched.invalid.length > 0) process.stderr.write(stderr);
  });
  return watched;
}

const samplesTaken = (result: ResultFile | undefined): number =>
  result?.benchmarks.reduce((total, benchmark) => total + benchmark.samplesMs.length, 0) ?? 0;

describe('interrupting a run', () => {
  it.each([['SIGINT'], ['SIGTERM']] as const)(
    '%s: stops at the next sample boundary, keeps every sample, marks the file interrupted, exits 130',
    async (signal) => {
      const run = startWatched(['-w', fixture('slow'), '-s', 'sequential,concurrent', '--size', '30', '--tasks', '3', '--rounds', '1000', '--warmup', '0']);
      await until(() => samplesTaken(run.latest()) >= 4, 30_000);
      run.child.kill(signal);
      const exit = await run.exited;
      expect(exit.code).toBe(EXIT.interrupted);

      const final = resultFileSchema.parse(JSON.parse(readFileSync(run.out, 'utf8')));
      expect(final.run.interrupted).toBe(true);
      expect(final.run.finishedAt).not.toBeNull();
      // Nothing measured is lost: the file holds at least what it held when the signal went.
      expect(samplesTaken(final)).toBeGreaterThanOrEqual(4);
      for (const benchmark of final.benchmarks) expect(['ok', 'skipped']).toContain(benchmark.status);
      expect(run.reads).toBeGreaterThan(3);
      expect(run.invalid).toEqual([]);
    },
  );

  it('a second Ctrl-C exits at once, mid-sample, and takes the measuring process with it', async () => {
    // One sample here lasts 2 x 4 s: a graceful stop would wait for it.
    const run = startWatched(['-w', fixture('slow'), '-s', 'sequential', '--size', '4000', '--tasks', '2', '--rounds', '5', '--warmup', '0']);
    const cliPid = run.child.pid ?? 0;
    let measuring: number[] = [];
    await until(() => {
      measuring = childPids(cliPid);
      return measuring.length > 0;
    }, 30_000);
    // Let the child load the workload and start its first sample before interrupting.
    await sleep(1_000);
    run.child.kill('SIGINT');
    await sleep(200);
    const secondAt = performance.now();
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(exit.code).toBe(EXIT.interrupted);
    expect(exit.atMs - secondAt).toBeLessThan(2_000);
    await until(() => measuring.every((pid) => !isAlive(pid)), 5_000, 'the measuring process gone');
    expect(run.invalid).toEqual([]);
  });
});
