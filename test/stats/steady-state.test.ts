import { describe, expect, it } from 'vitest';
import { samplesDrift, samplesDriftAcrossProcesses, steadyState, theilSenSlope } from '../../src/stats/steady-state.js';
import { createWarmup, warmupOptionsFor, type WarmupOptions, type WarmupStatus } from '../../src/stats/warmup.js';

/**
 * The controller's logic on fixed options, apart from the engine's profile defaults (which are tuned to the run's
 * budget and may change): a long minimum and a wide window, and a short one.
 */
const WARMUP_FULL: WarmupOptions = {
  minMs: 500,
  minTasks: 200,
  maxMs: 4_000,
  window: 8,
  noiseRel: 0.1,
  trendTolerance: 0.05,
};
const WARMUP_QUICK: WarmupOptions = { ...WARMUP_FULL, minMs: 200, minTasks: 64, maxMs: 1_000, window: 5 };

/** Deterministic noise in [−1, 1): the same series on every run, so no test here depends on luck. */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16_807) % 2_147_483_647;
    return (state / 2_147_483_647) * 2 - 1;
  };
}

const TASKS_PER_BATCH = 32;

/** Drives a controller with a fake clock: batch i lasts `series(i)` ms; returns the status when it is done. */
function warmUp(options: WarmupOptions, series: (index: number) => number): WarmupStatus & { index: number } {
  const warmup = createWarmup(options);
  let clockMs = 1_000; // any origin: the controller only takes differences
  for (let index = 0; index < 100_000; index += 1) {
    const batchMs = series(index);
    clockMs += batchMs;
    warmup.record(batchMs, TASKS_PER_BATCH, clockMs);
    const status = warmup.done();
    if (status.done) return { ...status, index };
  }
  throw new Error('warm-up never ended');
}

describe('theilSenSlope', () => {
  it('is the median of pairwise slopes, untouched by one spike', () => {
    expect(theilSenSlope([1, 2, 3, 4, 5])).toBe(1);
    // Pairs of 10, 10, 40, 10: slopes 0, 15, 0, 30 (1→3), 0, −15: median of [0, 15, 0, 15, 0, −30] is 0.
    expect(theilSenSlope([10, 10, 40, 10])).toBe(0);
    expect(theilSenSlope([7])).toBe(0);
  });
});

describe('steadyState', () => {
  const options = { window: 8, noiseRel: 0.1, trendTolerance: 0.05 };

  it('is not steady before a full window', () => {
    const verdict = steadyState([10, 10, 10], options);
    expect(verdict.steady).toBe(false);
    expect(verdict.reason).toBe('3 of 8 batches so far');
  });

  it('is steady on a flat window and reports its figures', () => {
    const verdict = steadyState([30, 20, 10, 10, 10, 10, 10, 10, 10, 10], options);
    expect(verdict.steady).toBe(true);
    expect(verdict.batches).toBe(8);
    expect(verdict.trendRel).toBe(0);
    expect(verdict.spreadRel).toBe(0);
  });

  it('sees a trend beyond tolerance and noise', () => {
    const falling = [20, 19, 18, 17, 16, 15, 14, 13];
    const verdict = steadyState(falling, options);
    expect(verdict.steady).toBe(false);
    expect(verdict.trendRel).toBeCloseTo(-7 / 16.5, 9);
    expect(verdict.halvesRatio).toBeCloseTo(18.5 / 14.5, 9);
    expect(verdict.reason).toMatch(/^trend -42\.4 %/);
  });

  it('lets noise excuse a rising trend only up to twice the tolerance', () => {
    const short = { window: 5, noiseRel: 0.1, trendTolerance: 0.05 };
    // A noisy window (spread 7 %) rising 14 %: two standard errors would excuse 19 %, the cap only 10 %.
    const verdict = steadyState([83, 84, 96, 88, 100], short);
    expect(verdict.trendNoiseRel).toBeGreaterThan(0.15);
    expect(verdict.steady).toBe(false);
    expect(verdict.reason).toMatch(/allowed ±10\.0 %/);
    // Rising 7 % in a window whose noise could draw 9 %: excused.
    expect(steadyState([92, 96, 90, 100, 98], short).steady).toBe(true);
    // The same noise around a flat line is steady.
    expect(steadyState([92, 100, 88, 96, 92], short).steady).toBe(true);
  });

  it('never lets noise excuse a window still getting faster: that is warm-up not yet done', () => {
    const short = { window: 5, noiseRel: 0.1, trendTolerance: 0.05 };
    // The mirror image of the excused rising window above: falling 7 %, the noise the same.
    const verdict = steadyState([98, 100, 90, 96, 92], short);
    expect(verdict.trendNoiseRel).toBeGreaterThan(0.07);
    expect(verdict.steady).toBe(false);
    expect(verdict.reason).toMatch(/^trend -7\.3 % .*allowed ±5\.0 %/);
  });

  it('is not steady when the spread exceeds the noise', () => {
    const verdict = steadyState([10, 14, 7, 13, 8, 14, 7, 12], options);
    expect(verdict.spreadRel).toBeGreaterThan(0.1);
    expect(verdict.steady).toBe(false);
    expect(verdict.reason).toMatch(/^spread/);
  });

  it('refuses options out of range', () => {
    expect(() => steadyState([], { ...options, window: 3 })).toThrow(/window/);
    expect(() => steadyState([], { ...options, noiseRel: 0 })).toThrow(/noiseRel/);
    expect(() => createWarmup({ ...WARMUP_FULL, maxMs: 100 })).toThrow(/maxMs/);
  });
});

describe('warm-up controller (fake clock)', () => {
  it('a decaying warm-up curve is steady only once it has settled', () => {
    // 10 ms steady, 2.5× slower at first, the excess halving about every 4 batches, ±3 % noise.
    const jitter = noise(11);
    const curve = (index: number): number => 10 * (1 + 1.5 * Math.exp(-index / 6)) * (1 + 0.03 * jitter());
    const status = warmUp(WARMUP_FULL, curve);
    expect(status.steady).toBe(true);
    // Not at the minimum (500 ms is reached by batch ~35 of this curve only if it were flat at 10 ms)...
    expect(status.elapsedMs).toBeGreaterThanOrEqual(WARMUP_FULL.minMs);
    // ...and, the point: what is left of the cold excess when it stops is within the tolerance.
    expect(1.5 * Math.exp(-status.index / 6)).toBeLessThan(0.05);
    expect(status.elapsedMs).toBeLessThan(WARMUP_FULL.maxMs);
  });

  it('a decaying curve longer than the minimum runs past the minimum until its trend is within tolerance', () => {
    // Slow decay (τ = 10 batches of ~10 ms): the excess is still 60 % when the quick profile's 200 ms are met.
    // A window of w batches stops once the change across it is under the tolerance, which leaves an excess of
    // about tolerance × τ / (w − 1): 12.5 % here. A decay slower than the window is the test's known limit.
    const curve = (index: number): number => 10 * (1 + 1.5 * Math.exp(-index / 10));
    const status = warmUp(WARMUP_QUICK, curve);
    expect(status.steady).toBe(true);
    expect(status.elapsedMs).toBeGreaterThan(WARMUP_QUICK.minMs * 1.2);
    expect(Math.abs(status.verdict.trendRel)).toBeLessThanOrEqual(0.05);
    expect(1.5 * Math.exp(-status.index / 10)).toBeLessThan(0.15);
  });

  it('a flat noisy series is steady at once after the minimum', () => {
    const jitter = noise(5);
    const flat = (): number => 10 * (1 + 0.08 * jitter());
    const status = warmUp(WARMUP_FULL, flat);
    expect(status.steady).toBe(true);
    // The minimum of 500 ms at ~10 ms a batch: the first batch that reaches it ends the warm-up.
    expect(status.elapsedMs).toBeGreaterThanOrEqual(500);
    expect(status.elapsedMs).toBeLessThan(500 + 11);
  });

  it('flat noisy series with other seeds stay steady within a few batches of the minimum', () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const jitter = noise(seed * 7_919);
      const status = warmUp(WARMUP_FULL, () => 10 * (1 + 0.08 * jitter()));
      expect(status.steady, `seed ${seed}`).toBe(true);
      expect(status.elapsedMs, `seed ${seed}`).toBeLessThan(500 + 10 * 11);
    }
  });

  it('the task minimum holds when batches are long', () => {
    // 100 ms batches of 4 tasks: 500 ms is met after 5 batches, 200 task executions only after 50.
    const warmup = createWarmup(WARMUP_FULL);
    let clockMs = 0;
    let status: WarmupStatus = warmup.done();
    for (let batch = 0; batch < 49; batch += 1) {
      clockMs += 10;
      warmup.record(10, 4, clockMs);
      status = warmup.done();
    }
    expect(status.done).toBe(false);
    expect(status.tasks).toBe(196);
    clockMs += 10;
    warmup.record(10, 4, clockMs);
    expect(warmup.done()).toMatchObject({ done: true, steady: true, tasks: 200, batches: 50 });
  });

  it('on a pool, waits until every thread has run its minimum, however many tasks the batch ran', () => {
    // Two threads; thread 1 takes 31 of each 32-task batch, thread 2 one task of 0.1 ms: 200 tasks on thread 2 (its
    // 20 ms of tasks stay far under the 500 ms minimum) take 200 batches.
    const warmup = createWarmup({ ...WARMUP_FULL, threads: 2, maxMs: 60_000 });
    let clockMs = 0;
    let batches = 0;
    while (!warmup.done().done) {
      clockMs += 10;
      warmup.record(
        10,
        32,
        clockMs,
        new Map([
          [1, { tasks: 31, busyMs: 9.9 }],
          [2, { tasks: 1, busyMs: 0.1 }],
        ]),
      );
      batches += 1;
    }
    expect(batches).toBe(200);
    expect(warmup.done()).toMatchObject({ steady: true, coldThreads: 0, tasks: 6_400 });
    expect(() => warmup.record(10, 32, clockMs)).toThrow(/which thread/);
  });

  it('on a pool, a thread that ran the minimum time in fewer tasks is warm', () => {
    // Four threads of long tasks, each thread one 100 ms task per batch: the 500 ms minimum is reached on every
    // thread after 5 batches, far before 200 tasks each; the window of 8 batches then decides.
    const warmup = createWarmup({ ...WARMUP_FULL, threads: 4, maxMs: 60_000 });
    const work = new Map([1, 2, 3, 4].map((threadId) => [threadId, { tasks: 1, busyMs: 100 }]));
    let batches = 0;
    for (let clockMs = 100; !warmup.done().done; clockMs += 100) {
      warmup.record(100, 4, clockMs, work);
      batches += 1;
      if (batches === 4) expect(warmup.done()).toMatchObject({ done: false, coldThreads: 4 });
    }
    expect(warmup.done()).toMatchObject({ steady: true, coldThreads: 0 });
    // 200 tasks in all are needed too: 50 batches of 4, however warm each thread is.
    expect(batches).toBe(50);
  });

  it('on a pool, a thread never seen counts as cold', () => {
    const warmup = createWarmup({ ...WARMUP_QUICK, threads: 2 });
    for (let batch = 1; batch <= 50; batch += 1)
      warmup.record(10, 8, batch * 10, new Map([[1, { tasks: 8, busyMs: 10 }]]));
    expect(warmup.done()).toMatchObject({ done: false, coldThreads: 1 });
    expect(warmup.done().reason).toMatch(/1 of 2 threads not yet warmed/);
  });

  it('a series that never settles is capped, reported not steady, with its drift', () => {
    // 1 % slower every batch, for ever (a leak): a trend of ~7 % across any 8-batch window.
    const jitter = noise(3);
    const sliding = (index: number): number => 10 * 1.01 ** index * (1 + 0.01 * jitter());
    const status = warmUp(WARMUP_FULL, sliding);
    expect(status.done).toBe(true);
    expect(status.steady).toBe(false);
    expect(status.elapsedMs).toBeGreaterThanOrEqual(WARMUP_FULL.maxMs);
    expect(status.reason).toMatch(/^capped at 4000 ms: trend [67]\.\d %/);
    expect(status.verdict.trendRel).toBeGreaterThan(0.05);
    expect(status.verdict.halvesRatio).toBeLessThan(0.97);
  });
});

describe('samplesDrift', () => {
  it('marks a cell whose first sample is far slower than the rest', () => {
    const drift = samplesDrift([20, 10, 10.3, 9.8, 10.1, 9.9, 10.2, 10]);
    expect(drift.ratio).toBe(2);
    expect(drift.beyondNoise).toBe(true);
  });

  it('does not mark a first sample inside the rest’s noise, nor a faster one', () => {
    expect(samplesDrift([11, 10, 12, 9, 11.5, 8.5, 10]).beyondNoise).toBe(false);
    expect(samplesDrift([5, 10, 10, 10, 10]).beyondNoise).toBe(false);
  });

  it('needs a ratio over the tolerance even when the rest is very tight', () => {
    const drift = samplesDrift([10.5, 10, 10, 10, 10, 10]);
    expect(drift.ratio).toBeCloseTo(1.05, 9);
    expect(drift.beyondNoise).toBe(false);
  });

  it('gives the ratio but does not judge it on too few samples', () => {
    expect(samplesDrift([30, 10, 10])).toMatchObject({ ratio: 3, beyondNoise: false });
    expect(samplesDrift([30, 10, 10]).reason).toMatch(/too few to judge/);
    expect(samplesDrift([30])).toMatchObject({ ratio: 1, beyondNoise: false });
  });

  it('reads the first samples of several processes against the rest', () => {
    const drift = samplesDriftAcrossProcesses([
      [16, 10, 10.2, 9.9],
      [15, 10.1, 9.8, 10],
      [10.3, 10, 10.1, 9.9],
    ]);
    expect(drift.ratio).toBeCloseTo(15 / 10, 9);
    expect(drift.beyondNoise).toBe(true);
  });
});

describe("a run's warm-up options", () => {
  it("take the cap as given, and a cap below the profile's minimum lowers the minimum to it", () => {
    expect(warmupOptionsFor(false, 3_000).maxMs).toBe(3_000);
    const tight = warmupOptionsFor(false, 50);
    expect(tight).toMatchObject({ minMs: 50, maxMs: 50 });
    expect(() => createWarmup(tight)).not.toThrow();
    expect(warmupOptionsFor(true, 10).minMs).toBe(10);
  });
});
