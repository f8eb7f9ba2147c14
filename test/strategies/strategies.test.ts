import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strategyNamed } from '../../src/strategies/index.js';
import type { StrategyContext } from '../../src/strategies/strategy.js';
import { BUILTIN_WORKLOADS, loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';

// Small sizes: this checks behaviour (every strategy returns the tasks' real results), not speed.
const SMALL_SIZE: Record<string, number> = {
  'io-timer': 5,
  'io-http': 5,
  'io-fs': 4,
  'cpu-hash': 50,
  'cpu-compute': 5000,
};
const TASKS = 6;
const CORE_STRATEGIES = [
  ['sequential', 1],
  ['concurrent', 1],
  ['parallel', 1],
  ['parallel', 2],
] as const;

describe.each(BUILTIN_WORKLOADS.map((id) => [id]))('built-in workload %s', (id) => {
  let context: StrategyContext;

  beforeAll(async () => {
    const workloadUrl = resolveWorkloadUrl(id);
    const workload = await loadWorkload(workloadUrl);
    const size = SMALL_SIZE[id] ?? workload.defaultSize;
    const data = await workload.setup?.({ size, tasks: TASKS });
    context = { workload, workloadUrl, data, size, taskTimeoutMs: 10_000 };
  });

  afterAll(async () => {
    await context.workload.teardown?.(context.data);
  });

  it('gives the same real results under every strategy', async () => {
    const results: unknown[][] = [];
    for (const [name, threads] of CORE_STRATEGIES) {
      const strategy = await strategyNamed(name).prepare(context, { threads });
      try {
        results.push(await strategy.runBatch(TASKS));
      } finally {
        await strategy.close();
      }
    }
    const [reference, ...others] = results;
    expect(reference).toHaveLength(TASKS);
    for (const other of others) expect(other).toEqual(reference);

    switch (id) {
      case 'io-timer':
        expect(reference).toEqual([0, 1, 2, 3, 4, 5]);
        break;
      case 'io-fs':
        expect(reference).toEqual(Array(TASKS).fill(4 * 1024));
        break;
      case 'cpu-compute':
        expect(reference).toEqual(Array(TASKS).fill(669)); // π(5000) = 669
        break;
      case 'cpu-hash':
        expect(new Set(reference).size).toBe(TASKS); // each task hashes its own block
        for (const digest of reference ?? []) expect(digest).toMatch(/^[0-9a-f]{64}$/);
        break;
      case 'io-http':
        expect(reference).toEqual([0, 1, 2, 3, 4, 5].map((index) => `/item/${index}`.length));
        break;
    }
  });
});

describe('parallel start-up', () => {
  it('is measured apart from the batch and is positive', async () => {
    const workloadUrl = resolveWorkloadUrl('cpu-compute');
    const workload = await loadWorkload(workloadUrl);
    const strategy = await strategyNamed('parallel').prepare(
      { workload, workloadUrl, data: undefined, size: 1000, taskTimeoutMs: 10_000 },
      { threads: 2 },
    );
    try {
      expect(strategy.startupMs).toBeGreaterThan(0);
    } finally {
      await strategy.close();
    }
  });
});
