import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { expectOneCleanLine, FAULT_VARIANTS, failureOf, fixture, runFaulty, variantFlags } from './fault-run.js';

describe('tasks that run out of memory', () => {
  it.each(FAULT_VARIANTS)(
    'a worker over its heap cap fails with ERR_WORKER_OUT_OF_MEMORY; an out-of-memory measuring process ' +
      'is crashed; the rest goes on ($label)',
    async (variant) => {
      const run = await runFaulty(
        [fixture('leaks'), fixture('ok')],
        [
          ...variantFlags(variant),
          '-t',
          '1',
          '--tasks',
          '3',
          '--rounds',
          '2',
          '--worker-max-old-space-mb',
          '32',
          '--child-max-old-space-mb',
          '64',
        ],
      );
      expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);
      expect(run.result.config).toMatchObject({ workerMaxOldSpaceMb: 32, childMaxOldSpaceMb: 64 });

      for (const id of [
        'leaks/sequential/t1',
        ...(variant.strategies.includes('concurrent') ? ['leaks/concurrent/t1'] : []),
      ]) {
        const crashed = failureOf(run.cell(id));
        expect(crashed.status).toBe('crashed');
        // V8 aborts on a fatal out-of-memory: a signal, or its exit code where the platform reports one.
        expect(crashed.exit?.signal ?? crashed.exit?.code).toBeTruthy();
      }
      // The heap cap holds for the raw floor's threads as for the pool's, and fails the task alike.
      for (const strategy of variant.strategies.filter((name) => name === 'parallel' || name === 'raw')) {
        const worker = failureOf(run.cell(`leaks/${strategy}/t1`));
        expect(worker.status).toBe('error');
        expect(worker.error.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
      }

      for (const strategy of variant.strategies) expect(run.cell(`ok/${strategy}/t1`).status).toBe('ok');
    },
  );

  it.each([['--worker-max-old-space-mb'], ['--child-max-old-space-mb']])(
    '%s refuses a value that is not a size',
    async (flag) => {
      const cli = await runCli(['run', '-w', 'io-timer', flag, 'lots', '--json']);
      expect(cli.code).toBe(EXIT.usage);
      expectOneCleanLine(cli.stderr);
      expect(cli.stderr).toContain(flag);
    },
  );
});
