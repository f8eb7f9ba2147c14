import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CellFailureReport } from '../../src/runner/cell-failure.js';
import { fixture } from './fault-run.js';

interface FloodReport {
  outcome: CellFailureReport | { status: 'ok'; tasks: number };
  batchMs: number;
  openSockets: number;
  resources: string[];
}

// The loopback server and its 10 000 clients share one process: a low descriptor limit makes EMFILE certain
// and quick, where the default limit would make it depend on the machine.
const FD_LIMIT = 128;
const TASKS = 10_000;
const RESOURCE_CODES = [
  'EMFILE',
  'ENFILE',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'UND_ERR_SOCKET',
  'ERR_CORESCOPE_TASK_TIMEOUT',
];

describe('io-http with 10 000 requests in flight', () => {
  it('no crash: resource errors become recorded errors, and every socket is closed afterwards', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(
          'bash',
          [
            '-c',
            `ulimit -n ${FD_LIMIT} && exec "$0" "$@"`,
            process.execPath,
            fixture('http-flood'),
            String(TASKS),
            '1000',
          ],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
        child.on('close', (exitCode) => {
          clearTimeout(timer);
          resolve({ code: exitCode, stdout: out, stderr: err });
        });
      },
    );
    // Exit 0 on its own: no crash, and no socket, server or timer left to keep the process alive.
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as FloodReport;
    expect(report.openSockets).toBe(0);

    const outcome = report.outcome;
    if (outcome.status === 'ok') throw new Error(`expected resource errors under ulimit -n ${FD_LIMIT}, got none`);
    expect(outcome.totalTasks).toBe(TASKS);
    expect(outcome.failedTasks).toBeGreaterThan(0);
    const codes = (outcome.taskErrors ?? []).map((error) => error.code);
    expect(codes.some((errorCode) => errorCode === 'EMFILE' || errorCode === 'ECONNRESET')).toBe(true);
    for (const errorCode of codes) expect(RESOURCE_CODES).toContain(errorCode);
    // The tallies account for every failed task they list, commonest first.
    const counts = (outcome.taskErrors ?? []).map((error) => error.tasks);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(outcome.failedTasks ?? 0);
  });
});
