import { describe, expect, it } from 'vitest';
import { poolAdvice } from '../../src/classify/pool-advice.js';
import {
  batchThatPays,
  deliveredCores,
  grainThatPays,
  poolCannotPay,
  poolCost,
} from '../../src/judgement/pool-cost.js';

// Hand-made figures: a 20 µs task, a 60 µs message of 1 task, a pool thread computing the task in 20 µs, 2 lanes.
const FINE = { sequentialTaskUs: 20, dispatchUs: 60, batch: 1, taskUs: 20, lanes: 2 };

describe("what a pool's own figures allow", () => {
  it('sets the ceiling by the larger per-task cost, dispatch or computing across the lanes', () => {
    // Dispatch 60 µs a task against computing 20 / 2 = 10 µs: dispatch sets it, 20 / 60 = 0.33×.
    expect(poolCost(FINE)).toEqual({
      dispatchPerTaskUs: 60,
      computePerTaskUs: 10,
      ceiling: 20 / 60,
      limit: 'dispatch',
    });
    expect(poolCannotPay(FINE)).toBe(true);
    // A 2 ms task: dispatch 60 µs against 1 000 µs of computing per lane: computing sets it, 2 000 / 1 000 = 2×.
    const coarse = { ...FINE, sequentialTaskUs: 2000, taskUs: 2000 };
    expect(poolCost(coarse)).toMatchObject({ ceiling: 2, limit: 'compute' });
    expect(poolCannotPay(coarse)).toBe(false);
  });

  it('says which batch size and which task size would pay, counting both costs one after the other', () => {
    // Budget per task: 20 / 1.03 − 20 / 2 = 9.417 µs; a batch of b pays when 60 / b ≤ 9.417: b = 7.
    const budget = 20 / 1.03 - 10;
    expect(batchThatPays(FINE)).toBe(Math.ceil(60 / budget));
    expect(batchThatPays(FINE)).toBe(7);
    // Tasks k× larger pay when 60 ≤ k × 9.417: k = 6.37.
    expect(grainThatPays(FINE)).toBeCloseTo(60 / budget, 12);
  });

  it('finds no batch size when computing on the pool alone is too slow', () => {
    // One lane delivered, and the pool thread takes 25 µs for a 20 µs task: no batch helps.
    const slowPool = { ...FINE, taskUs: 25, lanes: 1 };
    expect(batchThatPays(slowPool)).toBeUndefined();
    expect(grainThatPays(slowPool)).toBeUndefined();
    expect(poolAdvice(slowPool).grain).toBeUndefined();
    expect(poolAdvice(slowPool).reason).toMatch(
      /25 µs on a pool thread against 20 µs on the main thread, on 1\.00 cores: .*no batch size makes a pool pay/,
    );
  });

  it('advises a grain only where the figures show dispatch is what stops the pool', () => {
    const advice = poolAdvice(FINE);
    expect(advice.grain).toEqual({
      batch: 7,
      taskFactor: expect.closeTo(60 / (20 / 1.03 - 10), 12) as number,
      taskMs: expect.closeTo((20 * 60) / (20 / 1.03 - 10) / 1000, 12) as number,
    });
    expect(advice.reason).toMatch(
      /^too fine-grained for a pool at this grain: sending a task costs 60 µs \(one task per message\)/,
    );
    expect(advice.reason).toContain('--batch 7');
    // Figures that allow a gain (a 2 ms task) cannot explain a loss: no cause, no advice.
    const coarse = poolAdvice({ ...FINE, sequentialTaskUs: 2000, taskUs: 2000 });
    expect(coarse.grain).toBeUndefined();
    expect(coarse.reason).toMatch(/allow up to 2\.00×.*the cause is not in them/);
  });

  it('reads the machine probe at the thread count, or its largest for more threads', () => {
    const probe = {
      threads: [
        { threads: 1, deliveredCores: 0.98 },
        { threads: 2, deliveredCores: 1.71 },
      ],
    };
    expect(deliveredCores(probe, 2)).toBe(1.71);
    expect(deliveredCores(probe, 8)).toBe(1.71);
    expect(deliveredCores(probe, 1)).toBe(0.98);
    expect(deliveredCores(undefined, 2)).toBeUndefined();
  });
});
