import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strategyNamed } from '../../src/strategies/index.js';
import type { PreparedStrategy, StrategyContext } from '../../src/strategies/strategy.js';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';
import { type PlainThreads, startPlainThreads } from '../helpers/plain-threads.js';

/**
 * What the distinction buys in wall time on the built-in workloads (distinction.test.ts proves, without a clock,
 * what ran at once). Each strategy's fastest batch over interleaved repetitions spread over a few seconds: a
 * stalled vCPU or another process only ever makes a batch slower, so the fastest is the one they missed. The
 * one-sided bounds sit well inside the expected figures (about 1.8× and 8× on 2 idle cores). What a pool can
 * gain also depends on how much of the second core other processes leave: plain threads measured alongside say.
 */
const TASKS = 8;
const REPETITIONS = 25;

async function contextFor(id: string, size: number): Promise<StrategyContext> {
  const workloadUrl = resolveWorkloadUrl(id);
  const workload = await loadWorkload(workloadUrl);
  return { workload, workloadUrl, data: await workload.setup?.({ size, tasks: TASKS }), size, taskTimeoutMs: 30_000 };
}

/** Anything that runs a batch of `tasks` tasks: a corescope strategy or the plain reference threads. */
interface Batch {
  runBatch(tasks: number): Promise<unknown>;
}

/** Fastest wall time of a batch, per strategy, over interleaved repetitions (every strategy once per repetition). */
async function fastestBatchMs(strategies: Batch[]): Promise<number[]> {
  const fastest = strategies.map(() => Number.POSITIVE_INFINITY);
  for (const strategy of strategies) await strategy.runBatch(TASKS); // warm-up
  for (let repetition = 0; repetition < REPETITIONS; repetition += 1) {
    for (const [index, strategy] of strategies.entries()) {
      const startedAt = performance.now();
      await strategy.runBatch(TASKS);
      fastest[index] = Math.min(fastest[index] ?? Number.POSITIVE_INFINITY, performance.now() - startedAt);
    }
  }
  return fastest;
}

async function prepareAll(context: StrategyContext, specs: Array<[string, number]>): Promise<PreparedStrategy[]> {
  const prepared: PreparedStrategy[] = [];
  for (const [name, threads] of specs) prepared.push(await strategyNamed(name).prepare(context, { threads }));
  return prepared;
}

describe('CPU-bound work (cpu-compute), timed', () => {
  const SIZE = 120_000;
  let strategies: PreparedStrategy[] = [];
  let plain: PlainThreads[] = [];
  let fastestMs: number[] = [];

  beforeAll(async () => {
    const context = await contextFor('cpu-compute', SIZE);
    strategies = await prepareAll(context, [
      ['sequential', 1],
      ['concurrent', 1],
      ['parallel', 2],
    ]);
    plain = [await startPlainThreads(context.workloadUrl, SIZE, 1)];
    plain.push(await startPlainThreads(context.workloadUrl, SIZE, 2));
    fastestMs = await fastestBatchMs([...strategies, ...plain]);
  });
  afterAll(async () => {
    for (const strategy of strategies) await strategy.close();
    for (const threads of plain) await threads.close();
  });

  it('gains nothing from concurrent (under 1.25× of sequential)', () => {
    const [sequentialMs = 0, concurrentMs = 1] = fastestMs;
    expect(sequentialMs / concurrentMs).toBeLessThan(1.25);
  });

  it('gains from parallel on 2 threads about what two plain threads gain here: 1.3× on free cores', () => {
    const [sequentialMs = 0, , parallelMs = 1, plainOneMs = 0, plainTwoMs = 1] = fastestMs;
    // On 2 free cores two plain threads gain about 1.9×, so the bound is 1.3×; where other processes hold a core
    // (this shared machine), the pool must still come within 25 % of what plain threads get.
    const machineGain = plainOneMs / plainTwoMs;
    const bound = Math.min(1.3, 0.75 * machineGain);
    expect(sequentialMs / parallelMs, `plain threads gained ${machineGain.toFixed(2)}×`).toBeGreaterThan(bound);
  });
});

describe('I/O-bound work (io-timer), timed', () => {
  let strategies: PreparedStrategy[] = [];

  afterAll(async () => {
    for (const strategy of strategies) await strategy.close();
  });

  it('gains more than 4× from concurrent', async () => {
    const sizeMs = 20;
    strategies = await prepareAll(await contextFor('io-timer', sizeMs), [
      ['sequential', 1],
      ['concurrent', 1],
    ]);
    const [sequentialMs = 0, concurrentMs = 1] = await fastestBatchMs(strategies);
    // One after another, the waits add up (a timer fires at most a millisecond early: libuv's clock is in ms).
    expect(sequentialMs).toBeGreaterThanOrEqual(TASKS * (sizeMs - 1));
    expect(sequentialMs / concurrentMs).toBeGreaterThan(4);
  });
});
