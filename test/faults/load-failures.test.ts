import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { expectOneCleanLine, FAULT_VARIANTS, failureOf, fixture, runFaulty, variantFlags } from './fault-run.js';

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
    const cli = await runCli(['run', '-w', fixture('syntax-error'), '--out', out, '--rounds', '1'], {
      timeoutMs: 60_000,
    });
    expect(cli.signal).toBeNull();
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toContain('syntax-error.mjs');
    expect(cli.stderr).toMatch(/cannot load workload module: .*SyntaxError|Unexpected token/);
  });

  it.each(FAULT_VARIANTS)(
    'a module that loads on the main thread but fails in a worker: an error for each pool cell, never a ' +
      'hang or exit 0 ($label)',
    async (variant) => {
      const run = await runFaulty(
        [fixture('fails-in-worker')],
        [...variantFlags(variant), '-t', '1', '--tasks', '2', '--rounds', '2'],
        60_000,
      );
      expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);
      for (const strategy of new Set([
        'sequential',
        ...variant.strategies.filter((name) => name !== 'parallel' && name !== 'raw'),
      ])) {
        expect(run.cell(`fails-in-worker/${strategy}/t1`).status).toBe('ok');
      }
      for (const strategy of variant.strategies.filter((name) => name === 'parallel' || name === 'raw')) {
        const pool = failureOf(run.cell(`fails-in-worker/${strategy}/t1`));
        expect(pool.status).toBe('error');
        expect(pool.error.message).toMatch(
          /fails-in-worker\.mjs: cannot load workload module: this module cannot load in a worker thread/,
        );
      }
    },
  );
});
