import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { expectOneCleanLine, failureOf, fixture, runFaulty } from './fault-run.js';

describe('workloads that cannot be loaded', () => {
  it('a workload file that does not exist: exit 2 before any work, one line naming the file', async () => {
    const missing = join(scratchDir(), 'nowhere.mjs');
    const out = join(scratchDir(), 'result.json');
    const cli = await runCli(['run', '-w', missing, '--out', out], { timeoutMs: 30_000 });
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toContain(missing);
    expect(cli.stderr).toMatch(/does not exist/);
  });

  it('a workload file that does not parse: exit 2, one line naming the file and the problem', async () => {
    const out = join(scratchDir(), 'result.json');
    const cli = await runCli(['run', '-w', fixture('syntax-error'), '--out', out, '--rounds', '1'], { timeoutMs: 60_000 });
    expect(cli.signal).toBeNull();
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toContain('syntax-error.mjs');
    expect(cli.stderr).toMatch(/cannot load workload module: .*SyntaxError|Unexpected token/);
  });

  it('a module that loads on the main thread but fails in a worker: an error for the parallel cell, never a hang or exit 0', async () => {
    const run = await runFaulty([fixture('fails-in-worker')], ['-s', 'sequential,parallel', '-t', '1', '--tasks', '2', '--rounds', '2'], 60_000);
    expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);
    expect(run.cell('fails-in-worker/sequential/t1').status).toBe('ok');
    const parallel = failureOf(run.cell('fails-in-worker/parallel/t1'));
    expect(parallel.status).toBe('error');
    expect(parallel.error.message).toMatch(/fails-in-worker\.mjs: cannot load workload module: this module cannot load in a worker thread/);
  });
});
