import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DIST_ROOT } from '../../src/paths.js';
import { WORK_FACTOR_ENV } from './work-factor.js';

/** The built CLI the self-checks drive, as a user would: one fresh process per command. */
export const CLI_FILE = join(DIST_ROOT, 'src', 'cli.js');
const WORK_FILE = join(DIST_ROOT, 'benchmarks', 'self-check', 'work.js');

/** The strategies and thread count every self-check measures (ab passes them to both sides). */
export const SELF_CHECK_CELLS = ['-s', 'sequential,parallel', '-t', '2'] as const;

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node CLI_FILE args…` with `env` added to this process's environment; its output collected. */
export function corescope(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [CLI_FILE, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** One quick run of the self-check workload with `factor` times its work (1.1 = 10 % slower), written to `out`. */
export function quickRun(out: string, factor: number, extraArgs: readonly string[] = []): Promise<Exit> {
  const args = ['run', '--quick', '-w', WORK_FILE, ...SELF_CHECK_CELLS, '--no-chart', '--out', out, ...extraArgs];
  return corescope(args, { [WORK_FACTOR_ENV]: String(factor) });
}
