import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strategyNamed } from '../../src/strategies/index.js';
import type { PreparedStrategy, StrategyContext } from '../../src/strategies/strategy.js';
import { median } from '../../src/stats/summary.js';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';

/**
 * The distinction corescope exists to show, with bounds generous enough for a noisy 2-core machine:
 * Promise.all does nothing for CPU-bound work, a pool of 2 threads does; Promise.all overlaps waits.
 */
const TASKS = 8;
const REPETITIONS = 7;

async function contextFor(id: string, size: number): Promise<StrategyContext> {
  const workloadUrl = resolveWorkloadUrl(id);
  const workload = await loadWorkload(workloadUrl);
  return { workload, workloadUrl, data: await workload.setup?.({ size, tasks: TASKS }), size, taskTimeoutMs: 30_000 };
}

/** Median wall time of a batch over interleaved repetitions (every strategy once per repetition). */
async function medianBatchMs(strategies: PreparedStrategy[]): Promise<number[]> {
  const samples = strategies.map(() => [] as number[]);
  for (const strategy of strategies) await strategy.runBatch(TASKS); // warm-up
  for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
    for (const [index, strategy] of strategies.entries()) {
      const startedAt = performance.now();
      await strategy.runBatch(TASKS);
      samples[index]?.push(performance.now() - startedAt);
    }
  }
  return samples.map((values) => median(values));
}

async function prepareAll(context: StrategyContext, specs: Array<[string, number]>): Promise<PreparedStrategy[]> {
  const prepared: PreparedStrategy[] = [];
  for (const [name, threads] of specs) prepared.push(await strategyNamed(name).prepare(context, { threads }));
  return prepared;
}

describe('CPU-bound work (cpu-compute)', () => {
  let strategies: PreparedStrategy[] = [];

  beforeAll(async () => {
    strategies = await prepareAll(await contextFor('cpu-compute', 120_000), [
      ['sequential', 1],
      ['concurrent', 1],
      ['parallel', 2],
    ]);
  });
  afterAll(async () => {
    for (const strategy of strategies) await strategy.close();
  });

  it('gains nothing from concurrent (within 0.8–1.25× of sequential)', async () => {
    const [sequentialMs = 0, concurrentMs = 0] = await medianBatchMs(strategies.slice(0, 2));
    const speedup = sequentialMs / concurrentMs;
    expect(speedup).toBeGreaterThan(0.8);
    expect(speedup).toBeLessThan(1.25);
  });

  // The development VM's second vCPU now and then delivers almost nothing for a second or two (a hand-written
  // two-thread check outside corescope saw 1.05× in such a spell, 1.5–1.8× otherwise, with no steal time
  // reported): measure again, up to twice, before calling the pool serial. A pool that never runs two tasks at
  // once fails all three tries.
  it('gains more than 1.3× from parallel on 2 threads', { retry: 2 }, async () => {
    const [sequential, , parallel] = strategies;
    if (sequential === undefined || parallel === undefined) throw new Error('strategies were not prepared');
    const [sequentialMs = 0, parallelMs = 1] = await medianBatchMs([sequential, parallel]);
    expect(sequentialMs / parallelMs).toBeGreaterThan(1.3);
  });
});

describe('I/O-bound work (io-timer)', () => {
  let strategies: PreparedStrategy[] = [];

  afterAll(async () => {
    for (const strategy of strategies) await strategy.close();
  });

  it('gains more than 5× from concurrent', async () => {
    strategies = await prepareAll(await contextFor('io-timer', 20), [
      ['sequential', 1],
      ['concurrent', 1],
    ]);
    const [sequentialMs = 0, concurrentMs = 1] = await medianBatchMs(strategies);
    expect(sequentialMs / concurrentMs).toBeGreaterThan(5);
  });
});
