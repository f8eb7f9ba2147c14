import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settleAll, TASK_TIMEOUT_CODE } from '../../src/strategies/task-outcome.js';

/** A task that settles when the test says so. */
function deferred(): { promise: Promise<unknown>; resolve: (value: unknown) => void } {
  let resolve: (value: unknown) => void = () => undefined;
  const promise = new Promise((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('settleAll', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('settles plain values at once, in index order, with no timer', async () => {
    const outcomes = await settleAll(3, 1000, (index) => index * 2, 1);
    expect(outcomes).toEqual([0, 2, 4].map((value) => ({ status: 'fulfilled', value })));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs one lane at a time when asked, and keeps throws and rejections per task', async () => {
    const started: number[] = [];
    const tasks = [deferred(), deferred(), deferred()];
    const done = settleAll(
      3,
      1000,
      (index) => (started.push(index), index === 1 ? Promise.reject(new Error('no')) : tasks[index]?.promise),
      1,
    );
    expect(started).toEqual([0]);
    tasks[0]?.resolve('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    tasks[2]?.resolve('c');
    const outcomes = await done;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails a task that runs past the deadline with no other settling, and goes on with the rest', async () => {
    const hung = deferred();
    const started: number[] = [];
    const done = settleAll(
      3,
      500,
      (index) => (started.push(index), index === 0 ? hung.promise : Promise.resolve(index)),
      1,
    );
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toEqual([0]);
    await vi.advanceTimersByTimeAsync(2);
    const outcomes = await done;
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: TASK_TIMEOUT_CODE } });
    expect(outcomes.slice(1)).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not fail a slow batch whose tasks keep settling: the deadline counts from the last one', async () => {
    // Four tasks in a queue of one lane, each 300 ms: the batch takes 1.2 s, over a 500 ms deadline, and is fine.
    const done = settleAll(4, 500, () => new Promise((resolve) => setTimeout(() => resolve('ok'), 300)), 1);
    await vi.advanceTimersByTimeAsync(1300);
    expect((await done).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });

  it('fails every unsettled task when all lanes are stuck', async () => {
    const done = settleAll(4, 200, () => new Promise(() => undefined));
    await vi.advanceTimersByTimeAsync(201);
    const outcomes = await done;
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
  });
});
