import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_ROOT } from '../../src/paths.js';

/**
 * Flags for a run whose figures the test does not judge: one measuring process, no machine probe, one batch per
 * sample, no traced batch. What replication, calibration, the probe and tracing do is tested on its own; here they
 * would only cost time.
 */
export const FAST_RUN: readonly string[] = [
  // Warm-up still runs (its failures are part of what the tests check), capped short: its logic has its own tests.
  '--warmup-max',
  '200ms',
  '--processes',
  '1',
  '--no-probe',
  '--min-sample',
  '0',
  '--trace-samples',
  '0',
];

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the compiled CLI as a user would (`node dist/src/cli.js ...`) and collects its output. The default kill
 * timeout sits below vitest's test timeout, so a hanging CLI never outlives the test that started it.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST_ROOT, 'src', 'cli.js'), ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 55_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A fresh temporary directory for one test's files. */
export function scratchDir(prefix = 'corescope-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
