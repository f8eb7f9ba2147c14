import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchRanges, batchSizeCap, chooseBatchSize } from '../../src/strategies/batch-size.js';
import { strategyNamed } from '../../src/strategies/index.js';
import type { BatchSetting } from '../../src/strategies/batch-size.js';
import { BatchFailure } from '../../src/strategies/task-outcome.js';
import { loadWorkload } from '../../src/workload-source.js';

const FIXTURE_URL = pathToFileURL(resolve('test/fixtures/pool-probe-tasks.mjs')).href;

interface ProbeResult {
  index: number;
  threadId: number;
}

async function prepareParallel(batch: BatchSetting, tasks: number, data: unknown = {}) {
  const workload = await loadWorkload(FIXTURE_URL);
  return strategyNamed('parallel').prepare(
    { workload, workloadUrl: FIXTURE_URL, data, size: 1, taskTimeoutMs: 10_000, tasks },
    { threads: 2, batch },
  );
}

describe('batch ranges', () => {
  it('cover every index once, in order, in pieces of at most k', () => {
    for (const [tasks, size] of [
      [37, 5],
      [8, 8],
      [3, 10],
      [1, 1],
      [100, 7],
    ] as const) {
      const ranges = batchRanges(tasks, size);
      const indices = ranges.flatMap(({ firstIndex, count }) =>
        Array.from({ length: count }, (_, offset) => firstIndex + offset),
      );
      expect(indices).toEqual(Array.from({ length: tasks }, (_, index) => index));
      expect(Math.max(...ranges.map((range) => range.count))).toBeLessThanOrEqual(size);
      expect(ranges).toHaveLength(Math.ceil(tasks / size));
    }
  });
});

describe('automatic batch size', () => {
  it('grows as tasks get cheaper against dispatch, and never leaves a thread fewer than 4 messages', () => {
    const at = (taskUs: number): number => chooseBatchSize({ dispatchUs: 50, taskUs, tasks: 512, threads: 2 });
    expect(at(20_000)).toBe(1);
    expect(at(1_000)).toBeGreaterThan(1);
    expect(at(100)).toBeGreaterThan(at(1_000));
    expect(at(1)).toBe(batchSizeCap(512, 2));
    expect(batchSizeCap(512, 2)).toBe(64);
    expect(chooseBatchSize({ dispatchUs: 50, taskUs: 1, tasks: 8, threads: 2 })).toBe(1);
  });
});

describe('parallel with --batch', () => {
  it("returns every task's result, in index order, when k does not divide the tasks", async () => {
    const strategy = await prepareParallel(5, 37);
    try {
      expect(strategy.batching).toEqual({ requested: 5, size: 5 });
      const results = (await strategy.runBatch(37)) as ProbeResult[];
      expect(results.map((result) => result.index)).toEqual(Array.from({ length: 37 }, (_, index) => index));
      // Batches went to both threads, not all to one.
      expect(new Set(results.map((result) => result.threadId)).size).toBe(2);
    } finally {
      await strategy.close();
    }
  });

  it('fails only the failing task of a batch: its neighbours in the same message still answer', async () => {
    const strategy = await prepareParallel(4, 12, { throwAt: 6 });
    try {
      const failure = await strategy.runBatch(12).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(BatchFailure);
      expect(failure).toMatchObject({ failedTasks: 1, totalTasks: 12, firstError: { code: 'E_ON_PURPOSE' } });
    } finally {
      await strategy.close();
    }
  });

  it('auto measures dispatch and task cost, batches cheap tasks, and keeps the order', async () => {
    const strategy = await prepareParallel('auto', 400);
    try {
      const batching = strategy.batching;
      expect(batching?.requested).toBe('auto');
      expect(batching?.dispatchUs).toBeGreaterThan(0);
      expect(batching?.taskUs).toBeGreaterThan(0);
      // A task that returns at once costs far less than its dispatch: auto must send several per message.
      expect(batching?.size).toBeGreaterThan(1);
      expect(batching?.size).toBeLessThanOrEqual(batchSizeCap(400, 2));
      const results = (await strategy.runBatch(400)) as ProbeResult[];
      expect(results.map((result) => result.index)).toEqual(Array.from({ length: 400 }, (_, index) => index));
    } finally {
      await strategy.close();
    }
  });

  it('without --batch sends one task per message and records nothing', async () => {
    const workload = await loadWorkload(FIXTURE_URL);
    const strategy = await strategyNamed('parallel').prepare(
      { workload, workloadUrl: FIXTURE_URL, data: {}, size: 1, taskTimeoutMs: 10_000 },
      { threads: 2 },
    );
    try {
      expect(strategy.batching).toBeUndefined();
      const results = (await strategy.runBatch(9)) as ProbeResult[];
      expect(results.map((result) => result.index)).toEqual(Array.from({ length: 9 }, (_, index) => index));
    } finally {
      await strategy.close();
    }
  });
});
