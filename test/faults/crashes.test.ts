import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { startPool } from '../../src/pool/pool.js';
import { WORKER_EXIT_CODE } from '../../src/pool/worker-exit.js';
import { failureOf, fixture, runFaulty, STRATEGIES } from './fault-run.js';

describe('a task that ends its thread or process', () => {
  it('marks the cell crashed with the exit code, in every strategy, during a task and after one; the run goes on', async () => {
    const run = await runFaulty(
      [fixture('exit-in-task'), fixture('exit-after-task'), fixture('ok')],
      ['-s', STRATEGIES.join(','), '-t', '2', '--tasks', '4', '--rounds', '2'],
    );
    expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);

    // Main thread: process.exit(7) ends the measuring process; the supervisor records it and starts a new one.
    for (const id of ['exit-in-task/sequential/t1', 'exit-in-task/concurrent/t1']) {
      const crashed = failureOf(run.cell(id));
      expect(crashed.status).toBe('crashed');
      expect(crashed.exit).toEqual({ code: 7, signal: null });
      expect(crashed.error.message).toMatch(/measuring process exited with code 7/);
    }
    // Worker thread: only the thread ends; the cell is crashed with the thread's exit code.
    const inTask = failureOf(run.cell('exit-in-task/parallel/t2'));
    expect(inTask.status).toBe('crashed');
    expect(inTask.exit).toEqual({ code: 7, signal: null });
    expect(inTask.error).toMatchObject({ code: WORKER_EXIT_CODE, exitCode: 7 });
    expect(inTask.failedTasks).toBe(1);

    const afterTask = failureOf(run.cell('exit-after-task/parallel/t2'));
    expect(afterTask.status).toBe('crashed');
    expect(afterTask.exit).toEqual({ code: 9, signal: null });
    // On the main thread the same workload never exits: those cells measured normally.
    expect(run.cell('exit-after-task/sequential/t1').status).toBe('ok');

    for (const strategy of STRATEGIES) {
      expect(run.cell(`ok/${strategy}/t${strategy === 'parallel' ? 2 : 1}`).status).toBe('ok');
    }
  });

  it('a worker that exits during the pool warm-up fails the start with the exit code, not a bare piscina message', async () => {
    const workloadUrl = pathToFileURL(fixture('exit-in-task')).href;
    const failure = await startPool({ threads: 1, warmTask: { workloadUrl, data: undefined, size: 1, index: 1 }, startupTimeoutMs: 20_000 }).then(
      async (pool) => pool.close(),
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });
  });

  it('the pool replaces a worker that exited and keeps every thread working', async () => {
    const workloadUrl = pathToFileURL(fixture('exit-in-task')).href;
    const task = (index: number) => ({ workloadUrl, data: undefined, size: 1, index });
    const threadsOf = async (rounds: number): Promise<Set<number>> => {
      const seen = new Set<number>();
      for (let round = 0; round < rounds; round += 1) {
        const replies = (await Promise.all([0, 2].map((index) => pool.run(task(index))))) as { index: number; threadId: number }[];
        expect(replies.map((reply) => reply.index)).toEqual([0, 2]);
        for (const reply of replies) seen.add(reply.threadId);
      }
      return seen;
    };
    const pool = await startPool({ threads: 2, warmTask: task(0), startupTimeoutMs: 20_000 });
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
