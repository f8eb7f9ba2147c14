import { describe, expect, it } from 'vitest';
import { coldStartCost, steadyMedianOf } from '../../src/stats/cold-start.js';

/** A fake thread: task i lasts 2 ms plus ±2 % noise, plus a known cold extra on its first tasks. */
function fakeThread(coldExtrasMs: readonly number[], runs: number): number[] {
  let state = 17;
  const jitter = (): number => ((state = (state * 16_807) % 2_147_483_647) / 2_147_483_647) * 2 - 1;
  return Array.from({ length: runs }, (_, index) => 2 * (1 + 0.02 * jitter()) + (coldExtrasMs[index] ?? 0));
}

describe('coldStartCost', () => {
  it('gives back the known excess and the count of slow tasks', () => {
    const durations = fakeThread([8, 4, 1], 60);
    const cost = coldStartCost(durations, steadyMedianOf(durations));
    expect(cost.tasksUntilSteady).toBe(3);
    expect(cost.reachedSteady).toBe(true);
    // 13 ms of extras, give or take the ±2 % noise on three 2 ms tasks.
    expect(cost.excessMs).toBeGreaterThan(13 - 0.15);
    expect(cost.excessMs).toBeLessThan(13 + 0.15);
    expect(cost.steadyMedianMs).toBeCloseTo(2, 1);
    expect(cost.firstTaskRatio).toBeCloseTo(5, 1);
  });

  it('is zero for a thread steady from its first task', () => {
    const durations = fakeThread([], 30);
    expect(coldStartCost(durations, steadyMedianOf(durations))).toMatchObject({ excessMs: 0, tasksUntilSteady: 0 });
  });

  it('does not count a slow task after the thread was steady (a GC pause is not cold start)', () => {
    const durations = fakeThread([6, 0, 0, 0, 0, 9], 40);
    const cost = coldStartCost(durations, steadyMedianOf(durations));
    expect(cost.tasksUntilSteady).toBe(1);
    expect(cost.excessMs).toBeCloseTo(6, 0);
  });

  it('needs most of the next tasks steady: one fast task among slow ones is not steady yet', () => {
    const durations = [10, 2, 10, 10, 10, 2, 2, 2, 2, 2];
    const cost = coldStartCost(durations, 2, { steadyRun: 5 });
    expect(cost.tasksUntilSteady).toBe(5);
    expect(cost.excessMs).toBe(32);
  });

  it('a thread stretched by the scheduler now and then is still steady', () => {
    // Every third task preempted to 6 ms after two cold ones: the majority of each five are at 2 ms.
    const durations = [9, 7, 2, 2, 6, 2, 2, 6, 2, 2, 6, 2, 2];
    const cost = coldStartCost(durations, 2);
    expect(cost.tasksUntilSteady).toBe(2);
    expect(cost.excessMs).toBe(12);
  });

  it('a thread that never reaches steady speed counts every task as cold', () => {
    const cost = coldStartCost([5, 4, 3, 3.5], 2);
    expect(cost).toMatchObject({ reachedSteady: false, tasksUntilSteady: 4, excessMs: 7.5 });
  });

  it('refuses a steady median that is not positive', () => {
    expect(() => coldStartCost([1], 0)).toThrow(/steadyMedianMs/);
  });
});
