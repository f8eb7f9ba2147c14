import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { concurrent } from '../../src/strategies/concurrent.js';
import { sequential } from '../../src/strategies/sequential.js';
import { BatchFailure } from '../../src/strategies/task-outcome.js';
import { defineWorkload } from '../../src/workload.js';
import { FAULT_VARIANTS, failureOf, fixture, runFaulty, threadsFor, variantFlags } from './fault-run.js';

describe('tasks that throw, or return what cannot cross a thread', () => {
  it.each(FAULT_VARIANTS)(
    'records name, message and code of every kind of thrown value and runs the rest ($label)',
    async (variant) => {
      const run = await runFaulty(
        [fixture('throws'), fixture('returns-function'), fixture('ok')],
        [...variantFlags(variant), '-t', '2', '--tasks', '5', '--rounds', '2'],
      );
      expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);
      // The table says how much of the batch failed and how, beside the missing figures.
      expect(run.cli.stdout).toContain(
        'error: 3 of 5 tasks failed; QuotaError [E_QUOTA]: quota of 3 exceeded (+2 other errors)',
      );

      for (const strategy of variant.strategies) {
        const threads = threadsFor(strategy, 2);
        const thrown = failureOf(run.cell(`throws/${strategy}/t${threads}`));
        expect(thrown.status).toBe('error');
        // Tasks 1-3 of 5 failed: the cell says how many and how, never passes for a fast one. Under --batch 4
        // tasks 0-3 share a message, and each still answers for itself.
        expect(thrown.failedTasks).toBe(3);
        expect(thrown.totalTasks).toBe(5);
        expect(thrown.samplesMs).toEqual([]);
        expect(thrown.error).toMatchObject({ name: 'QuotaError', message: 'quota of 3 exceeded', code: 'E_QUOTA' });
        expect(thrown.taskErrors).toEqual([
          { name: 'QuotaError', code: 'E_QUOTA', message: 'quota of 3 exceeded', tasks: 1 },
          { name: 'NonError', message: 'a plain string', tasks: 1 },
          { name: 'NonError', message: 'thrown value: 42', tasks: 1 },
        ]);

        const uncloneable = failureOf(run.cell(`returns-function/${strategy}/t${threads}`));
        expect(uncloneable.status).toBe('error');
        expect(uncloneable.error.code).toBe('ERR_CORESCOPE_UNCLONEABLE_RESULT');
        if (strategy === 'sequential' || strategy === 'concurrent') {
          expect(uncloneable.error.message).toMatch(/returned a value that cannot be cloned/);
        } else {
          // From a worker thread the message names what cannot cross: the pool and the raw floor alike.
          expect(uncloneable.error).toMatchObject({
            name: 'DataCloneError',
            message: expect.stringMatching(/^the task returned a function that cannot be cloned/) as unknown,
          });
        }

        const healthy = run.cell(`ok/${strategy}/t${threads}`);
        expect(healthy.status).toBe('ok');
        expect(healthy.samplesMs).toHaveLength(2);
      }
    },
  );

  it.each([
    ['sequential', sequential],
    ['concurrent', concurrent],
  ])('%s: one failed task fails the batch only after every other task has finished', async (_name, strategy) => {
    let finished = 0;
    const SLOW_MS = 100;
    const workload = defineWorkload<unknown>({
      id: 'one-fails',
      kind: 'io',
      description: 'task 0 rejects at once, the others finish after SLOW_MS',
      defaultSize: 1,
      task: async ({ index }) => {
        if (index === 0) throw Object.assign(new Error('first task failed'), { code: 'E_FIRST' });
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        finished += 1;
        return index;
      },
    });
    const prepared = await strategy.prepare(
      { workload, workloadUrl: 'memory:one-fails', data: undefined, size: 1, taskTimeoutMs: 5_000, tasks: 4 },
      { threads: 1 },
    );
    const failure = await prepared.runBatch(4).then(
      () => undefined,
      (error: unknown) => error,
    );
    // Nothing left running to bleed into the next sample.
    expect(finished).toBe(3);
    expect(failure).toBeInstanceOf(BatchFailure);
    expect(failure).toMatchObject({ failedTasks: 1, totalTasks: 4, firstError: { code: 'E_FIRST' } });
  });
});
