import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerTask } from '../../src/pool/messages.js';
import { startRawPool, type RawPool } from '../../src/pool/raw-pool.js';
import { WORKER_EXIT_CODE } from '../../src/pool/worker-exit.js';
import { strategyNamed } from '../../src/strategies/index.js';
import { BatchFailure } from '../../src/strategies/task-outcome.js';
import { loadWorkload } from '../../src/workload-source.js';

const FIXTURE_URL = pathToFileURL(resolve('test/fixtures/pool-probe-tasks.mjs')).href;
const MISBEHAVING = { crashAt: 3, exitAt: 5, hangAt: 9 };

interface ProbeResult {
  index: number;
  threadId: number;
}

const task = (index: number): WorkerTask => ({ index });
const probe = (data: unknown = MISBEHAVING) => ({ workloadUrl: FIXTURE_URL, data, size: 1 });

describe('raw pool', () => {
  let pool: RawPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('starts every thread, warms each once, and returns results to the right caller', async () => {
    const calledAt = performance.now();
    const started = await startRawPool({ threads: 2, workload: probe(), warmTask: task(0), startupTimeoutMs: 20_000 });
    const callMs = performance.now() - calledAt;
    pool = started;
    // Start-up is timed inside the call, in ms: never more than the whole call took (µs or ns figures would be).
    expect(started.startupMs).toBeGreaterThan(0);
    expect(started.startupMs).toBeLessThanOrEqual(callMs);
    const indices = [0, 1, 2, 4, 6, 7, 8, 10];
    const results = (await Promise.all(indices.map((index) => started.run(task(index))))) as ProbeResult[];
    expect(results.map((result) => result.index)).toEqual(indices);
    // Both threads did work: tasks queued together spread over the pool.
    expect(new Set(results.map((result) => result.threadId)).size).toBe(2);
  });

  it('survives a task that kills its thread: that task fails, the others and later tasks succeed', async () => {
    const started = await startRawPool({ threads: 2, workload: probe(), warmTask: task(0), startupTimeoutMs: 20_000 });
    pool = started;
    const first = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => started.run(task(index))));
    const failed = first.flatMap((outcome, index) =>
      outcome.status === 'rejected' ? [{ index, reason: outcome.reason as Error }] : [],
    );
    expect(failed.map(({ index }) => index)).toEqual([MISBEHAVING.crashAt, MISBEHAVING.exitAt]);
    // Both deaths read as parallel's: a WorkerExit with the thread's exit code (1 after an uncaught error).
    expect(failed[0]?.reason).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 1 });
    expect(failed[0]?.reason.message).toContain('boom');
    expect(failed[1]?.reason).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 7 });
    expect(failed[1]?.reason.message).toContain('exited with code 7 during a task');
    expect(started.replacedThreads).toBe(2);

    // The replacements carry on: a full batch afterwards succeeds on two threads.
    const after = (await Promise.all([0, 1, 2, 4, 6, 7].map((index) => started.run(task(index))))) as ProbeResult[];
    expect(after.map((result) => result.index)).toEqual([0, 1, 2, 4, 6, 7]);
    expect(new Set(after.map((result) => result.threadId)).size).toBe(2);
  });

  it('a thread that exits between tasks fails the next task as a WorkerExit with its code, once', async () => {
    const exitAfterTask = pathToFileURL(resolve('test/fixtures/faults/exit-after-task.mjs')).href;
    const exitTask = (index: number): WorkerTask => ({ index });
    const started = await startRawPool({
      threads: 1,
      workload: { workloadUrl: exitAfterTask, data: undefined, size: 1 },
      warmTask: exitTask(0),
      startupTimeoutMs: 20_000,
    });
    pool = started;
    // Task 1 succeeds and its thread exits with code 9 right after: nothing is running then.
    await expect(started.run(exitTask(1))).resolves.toBe(1);
    while (started.replacedThreads === 0) await new Promise((settled) => setTimeout(settled, 5));
    const failure = await started.run(exitTask(2)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ name: 'WorkerExit', code: WORKER_EXIT_CODE, exitCode: 9 });
    expect((failure as Error).message).toMatch(/exited with code 9 between tasks/);
    // Reported once: the replacement thread runs the next task.
    await expect(started.run(exitTask(2))).resolves.toBe(2);
  });

  it("passes a task's own error through with its name, message and code", async () => {
    pool = await startRawPool({
      threads: 1,
      workload: probe({ throwAt: 2 }),
      warmTask: task(0),
      startupTimeoutMs: 20_000,
    });
    await expect(pool.run(task(2))).rejects.toMatchObject({
      message: 'task 2 failed on purpose',
      code: 'E_ON_PURPOSE',
    });
    expect(pool.replacedThreads).toBe(0);
  });
});

describe('raw strategy', () => {
  it('records a crashing task as a failed batch and keeps running later batches', async () => {
    const workload = await loadWorkload(FIXTURE_URL);
    const strategy = await strategyNamed('raw').prepare(
      { workload, workloadUrl: FIXTURE_URL, data: { crashAt: 3 }, size: 1, taskTimeoutMs: 10_000 },
      { threads: 2 },
    );
    try {
      const failure = await strategy.runBatch(6).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(BatchFailure);
      expect(failure).toMatchObject({ failedTasks: 1, totalTasks: 6 });
      const results = (await strategy.runBatch(3)) as ProbeResult[];
      expect(results.map((result) => result.index)).toEqual([0, 1, 2]);
    } finally {
      await strategy.close();
    }
  });
});
