import { describe, expect, it } from 'vitest';
import { calibrateRepeats, MAX_REPEATS } from '../../src/runner/calibrate.js';

/** A fake clock: each batch "takes" what `batchMs` says for its position, and nothing runs. */
function fakeSampler(batchMs: (batch: number) => number) {
  let batches = 0;
  const asked: number[] = [];
  return {
    asked,
    timeSample: (repeats: number): Promise<number> => {
      asked.push(repeats);
      let total = 0;
      for (let repeat = 0; repeat < repeats; repeat += 1) total += batchMs(batches++);
      return Promise.resolve(total);
    },
  };
}

describe('batches per sample', () => {
  it('keeps one batch when a batch alone lasts the minimum', async () => {
    const sampler = fakeSampler(() => 80);
    expect(await calibrateRepeats(sampler.timeSample, 50)).toBe(1);
    expect(sampler.asked).toEqual([1]);
  });

  it('repeats a short batch until the sample lasts the minimum, with headroom', async () => {
    const sampler = fakeSampler(() => 4);
    const repeats = await calibrateRepeats(sampler.timeSample, 50);
    // 4 ms a batch: 50 ms needs 13; the 20 % headroom asks for 15, which the check then confirms (60 ms).
    expect(repeats).toBe(15);
    expect(sampler.asked).toEqual([1, 15]);
  });

  it('checks again when warm-up made the first batches slow', async () => {
    // Cold: 10 ms for the first batch, then 2 ms: the first guess (6) falls short and is scaled again.
    const sampler = fakeSampler((batch) => (batch === 0 ? 10 : 2));
    const repeats = await calibrateRepeats(sampler.timeSample, 50);
    expect(sampler.asked).toEqual([1, 6, 30]);
    expect(repeats).toBe(30);
  });

  it('stops at the cap for a batch too small to time', async () => {
    const sampler = fakeSampler(() => 0);
    expect(await calibrateRepeats(sampler.timeSample, 50)).toBe(MAX_REPEATS);
  });
});
