import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { expectOneCleanLine, failureOf, fixture, runFaulty, STRATEGIES } from './fault-run.js';

describe('tasks that run out of memory', () => {
  it('a worker over its heap cap fails with ERR_WORKER_OUT_OF_MEMORY; an out-of-memory measuring process is crashed; the rest goes on', async () => {
    const run = await runFaulty(
      [fixture('leaks'), fixture('ok')],
      ['-s', STRATEGIES.join(','), '-t', '1', '--tasks', '3', '--rounds', '2', '--worker-max-old-space-mb', '32', '--child-max-old-space-mb', '64'],
    );
    expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);
    expect(run.result.config).toMatchObject({ workerMaxOldSpaceMb: 32, childMaxOldSpaceMb: 64 });

    for (const id of ['leaks/sequential/t1', 'leaks/concurrent/t1']) {
      const crashed = failureOf(run.cell(id));
      expect(crashed.status).toBe('crashed');
      // V8 aborts on a fatal out-of-memory: a signal, or its exit code where the platform reports one.
      expect(crashed.exit?.signal ?? crashed.exit?.code).toBeTruthy();
    }
    const worker = failureOf(run.cell('leaks/parallel/t1'));
    expect(worker.status).toBe('error');
    expect(worker.error.code).toBe('ERR_WORKER_OUT_OF_MEMORY');

    for (const strategy of STRATEGIES) expect(run.cell(`ok/${strategy}/t1`).status).toBe('ok');
  });

  it.each([['--worker-max-old-space-mb'], ['--child-max-old-space-mb']])('%s refuses a value that is not a size', async (flag) => {
    const cli = await runCli(['run', '-w', 'io-timer', flag, 'lots', '--json']);
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toContain(flag);
  });
});
