import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { startPool } from '../../src/pool/pool.js';
import { WORKER_EXIT_CODE } from '../../src/pool/worker-exit.js';
import { FAULT_VARIANTS, failureOf, fixture, runFaulty, threadsFor, variantFlags } from './fault-run.js';

describe('a task that ends its thread or process', () => {
  it.each(FAULT_VARIANTS)(
    'marks the cell crashed with the exit code, during a task and after one; the run goes on ($label)',
    async (variant) => {
      const run = await runFaulty(
        [fixture('exit-in-task'), fixture('exit-after-task'), fixture('ok')],
        [...variantFlags(variant), '-t', '2', '--tasks', '4', '--rounds', '2'],
      );
      expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);

      // Main thread: process.exit(7) ends the measuring process; the supervisor records it and starts a new one.
      for (const id of [
        'exit-in-task/sequential/t1',
        ...(variant.strategies.includes('concurrent') ? ['exit-in-task/concurrent/t1'] : []),
      ]) {
        const crashed = failureOf(run.cell(id));
        expect(crashed.status).toBe('crashed');
        expect(crashed.exit).toEqual({ code: 7, signal: null });
        expect(crashed.error.message).toMatch(/measuring process exited with code 7/);
      }
      // On the main thread the same workload never exits: those cells measured normally.
      expect(run.cell('exit-after-task/sequential/t1').status).toBe('ok');

      // Worker thread: only the thread ends; the cell is crashed with the thread's exit code, under either pool.
      for (const strategy of variant.strategies.filter((name) => threadsFor(name, 2) === 2)) {
        const inTask = failureOf(run.cell(`exit-in-task/${strategy}/t2`));
        expect(inTask.status).toBe('crashed');
        expect(inTask.exit).toEqual({ code: 7, signal: null });
        expect(inTask.error).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });
        expect(inTask.error.message).toMatch(/exited with code 7 during a task/);
        // One message per task loses the one task; a batched message is lost whole, with the tasks it carried.
        expect(inTask.failedTasks).toBe(variant.batch === 1 ? 1 : 4);
        expect(inTask.taskErrors).toEqual([
          expect.objectContaining({ code: WORKER_EXIT_CODE, exitCode: 7, tasks: variant.batch === 1 ? 1 : 4 }),
        ]);

        const afterTask = failureOf(run.cell(`exit-after-task/${strategy}/t2`));
        expect(afterTask.status).toBe('crashed');
        expect(afterTask.exit).toEqual({ code: 9, signal: null });
        expect(afterTask.error).toMatchObject({ name: 'WorkerExit', exitCode: 9 });
      }

      for (const strategy of variant.strategies) {
        expect(run.cell(`ok/${strategy}/t${threadsFor(strategy, 2)}`).status).toBe('ok');
      }
    },
  );

  it('a worker that exits during the pool warm-up fails the start with the exit code, not a bare piscina message', async () => {
    const workloadUrl = pathToFileURL(fixture('exit-in-task')).href;
    const failure = await startPool({
      threads: 1,
      workload: { workloadUrl, data: undefined, size: 1 },
      warmTask: { index: 1 },
      startupTimeoutMs: 20_000,
    }).then(
      async (pool) => pool.close(),
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });
  });

  it('a worker that exits during a batched message fails it as a WorkerExit with the code, and only once', async () => {
    const workloadUrl = pathToFileURL(join(PACKAGE_ROOT, 'test', 'fixtures', 'pool-probe-tasks.mjs')).href;
    const pool = await startPool({
      threads: 1,
      workload: { workloadUrl, data: { exitAt: 1 }, size: 1 },
      warmTask: { index: 0 },
      startupTimeoutMs: 20_000,
    });
    try {
      const failure = await pool.runBatch({ firstIndex: 0, count: 3 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });
      expect((failure as Error).message).toMatch(/exited with code 7 during a task/);
      // The worker's own exit report was matched to this message: the next task is not failed by it again.
      await expect(pool.run({ index: 4 })).resolves.toMatchObject({ index: 4 });
    } finally {
      await pool.close();
    }
  });

  it('the pool replaces a worker that exited and keeps every thread working', async () => {
    const workloadUrl = pathToFileURL(fixture('exit-in-task')).href;
    const task = (index: number) => ({ index });
    const threadsOf = async (rounds: number): Promise<Set<number>> => {
      const seen = new Set<number>();
      for (let round = 0; round < rounds; round += 1) {
        const replies = (await Promise.all([0, 2].map((index) => pool.run(task(index))))) as {
          index: number;
          threadId: number;
        }[];
        expect(replies.map((reply) => reply.index)).toEqual([0, 2]);
        for (const reply of replies) seen.add(reply.threadId);
      }
      return seen;
    };
    const pool = await startPool({
      threads: 2,
      workload: { workloadUrl, data: undefined, size: 1 },
      warmTask: task(0),
      startupTimeoutMs: 20_000,
    });
    try {
      const before = await threadsOf(10);
      const crash = await pool.run(task(1)).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(crash).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });

      const after = await threadsOf(10);
      expect(after.size).toBe(2);
      expect([...after].some((id) => !before.has(id))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
