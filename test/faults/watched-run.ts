import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIST_ROOT } from '../../src/paths.js';
import { type ResultFile, resultFileSchema } from '../../src/results/schema.js';
import { scratchDir, FAST_RUN } from '../helpers/cli.js';

export interface Watched {
  child: ChildProcess;
  out: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  /** Every read of the result file while the run went on, each parsed and validated. */
  reads: number;
  invalid: string[];
  latest(): ResultFile | undefined;
}

/** Starts `corescope run` and keeps reading its result file: it must be a valid result at every moment. */
export function startWatched(args: string[], env: NodeJS.ProcessEnv = {}): Watched {
  const out = join(scratchDir(), 'result.json');
  const cli = join(DIST_ROOT, 'src', 'cli.js');
  const child = spawn(process.execPath, [cli, 'run', '--no-chart', '--out', out, ...FAST_RUN, ...args], {
    env: { ...process.env, ...env },
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
