import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpuShareOf, idealSpeedup, type LaneOffer } from '../../src/stats/ideal.js';

const pool = (threads: number, cores: number): LaneOffer => ({
  slots: threads,
  computeLanes: Math.min(threads, cores),
});

describe('idealSpeedup', () => {
  it('keeps the core-count ideal for work that only computes: n / ceil(n / min(T, P))', () => {
    expect(idealSpeedup(16, pool(1, 2), 1)).toBe(1);
    expect(idealSpeedup(16, pool(2, 2), 1)).toBe(2);
    expect(idealSpeedup(16, pool(4, 2), 1)).toBe(2);
    expect(idealSpeedup(16, pool(3, 3), 1)).toBeCloseTo(16 / 6, 12); // 6 waves of 3, not 5.33
    expect(idealSpeedup(5, pool(4, 4), 1)).toBe(2.5);
  });

  it('gives every thread a lane for work that only waits, whatever the cores', () => {
    // The case: io-timer, 16 tasks on 4 threads of a 2-core machine. Was 2.00×; 4 threads overlap 4 waits.
    expect(idealSpeedup(16, pool(4, 2), 0)).toBe(4);
    expect(idealSpeedup(16, pool(4, 2), 0.019)).toBe(4); // io-timer's measured share: 16 / max(4, 0.019 × 8)
    expect(idealSpeedup(16, pool(64, 2), 0)).toBe(16);
  });

  it('bounds mixed work in between, by hand', () => {
    // 16 tasks, 4 threads, 2 cores, computing 56.4 % of the time (io-fs): waves max(4, 0.564 × 8 = 4.512).
    expect(idealSpeedup(16, pool(4, 2), 0.564)).toBeCloseTo(16 / 4.512, 12);
    // At a share of a half the cores keep up with 4 threads exactly: max(4, 0.5 × 8) = 4.
    expect(idealSpeedup(16, pool(4, 2), 0.5)).toBe(4);
    // 10 tasks, 8 threads, 4 cores, share 0.75: max(ceil(10 / 8) = 2, 0.75 × ceil(10 / 4) = 2.25) → 10 / 2.25.
    expect(idealSpeedup(10, pool(8, 4), 0.75)).toBeCloseTo(10 / 2.25, 12);
  });

  it('leaves one slot at 1 and draws no computing bound where there is none', () => {
    expect(idealSpeedup(16, { slots: 1, computeLanes: 1 }, 0.2)).toBe(1);
    expect(idealSpeedup(16, { slots: 16, computeLanes: null }, 1)).toBe(16);
    expect(idealSpeedup(16, { slots: 5, computeLanes: null }, 0)).toBeCloseTo(16 / 4, 12);
  });

  it('never falls as the work waits more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 16 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tasks, threads, cores, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          expect(idealSpeedup(tasks, pool(threads, cores), less)).toBeGreaterThanOrEqual(
            idealSpeedup(tasks, pool(threads, cores), more),
          );
        },
      ),
    );
  });

  it('is never beaten by a plain simulation of the batch (it is an upper bound)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 0.1, 0.25, 0.5, 0.6, 0.9, 1),
        (tasks, threads, cores, share) => {
          const simulated = tasks / simulateMakespan(tasks, threads, Math.min(threads, cores), share);
          const ideal = idealSpeedup(tasks, pool(threads, cores), share);
          expect(simulated).toBeLessThanOrEqual(ideal + 1e-9);
          // Where the work only computes or only waits, greedy scheduling reaches the bound exactly.
          if (share === 0 || share === 1) expect(simulated).toBeCloseTo(ideal, 9);
        },
      ),
    );
  });

  it('refuses tasks, slots or lanes below 1 and a share outside 0..1', () => {
    expect(() => idealSpeedup(0, pool(2, 2), 1)).toThrow(RangeError);
    expect(() => idealSpeedup(4, { slots: 0, computeLanes: 1 }, 1)).toThrow(RangeError);
    expect(() => idealSpeedup(4, { slots: 2, computeLanes: 0 }, 1)).toThrow(RangeError);
    expect(() => idealSpeedup(4, pool(2, 2), 1.5)).toThrow(RangeError);
  });
});

describe('cpuShareOf', () => {
  it('reads the larger of the sequential cell’s cores busy and loop busy, capped to 0..1', () => {
    expect(cpuShareOf({ coresBusy: 0.019, loopBusy: 0.011, kind: 'io' })).toBe(0.019); // io-timer
    expect(cpuShareOf({ coresBusy: 0.57, loopBusy: 1, kind: 'mixed' })).toBe(1); // a main thread waiting for a core
    expect(cpuShareOf({ coresBusy: 1.034, loopBusy: 0.05, kind: 'mixed' })).toBe(1); // libuv's pool computing
    expect(cpuShareOf({ coresBusy: -0.1, loopBusy: 0, kind: 'io' })).toBe(0);
    expect(cpuShareOf({ coresBusy: Number.NaN, loopBusy: 0, kind: 'io' })).toBe(1);
  });

  it('gives work declared as computing the share 1, whatever a loaded machine let it read', () => {
    expect(cpuShareOf({ coresBusy: 0.54, loopBusy: 0.2, kind: 'cpu' })).toBe(1);
  });
});

/**
 * A plain reference, written without the formula: tasks of wall 1 that compute `share` of it and then wait, run
 * greedily on `slots` threads, at most `lanes` computing at once (a task whose turn to compute has not come keeps
 * its thread). Returns the batch's wall time.
 */
function simulateMakespan(tasks: number, slots: number, lanes: number, share: number): number {
  let now = 0;
  let notStarted = tasks;
  const queued: number[] = []; // started, waiting for a lane: nothing left but their whole computing
  const computing: number[] = []; // end times
  const waiting: number[] = []; // end times
  for (;;) {
    while (notStarted > 0 && queued.length + computing.length + waiting.length < slots) {
      notStarted -= 1;
      queued.push(0);
    }
    while (queued.length > 0 && computing.length < lanes) {
      queued.pop();
      computing.push(now + share);
    }
    if (computing.length === 0 && waiting.length === 0) return now;
    now = Math.min(...computing, ...waiting);
    for (let index = computing.length - 1; index >= 0; index -= 1) {
      if (computing[index] === now) {
        computing.splice(index, 1);
        waiting.push(now + (1 - share));
      }
    }
    for (let index = waiting.length - 1; index >= 0; index -= 1) if (waiting[index] === now) waiting.splice(index, 1);
  }
}
