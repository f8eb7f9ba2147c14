import { describe, expect, it } from 'vitest';
import { createPoolGcTally, gcShare } from '../../src/gc/gc-totals.js';

describe('pool GC tally', () => {
  it('gives each thread’s GC between two marks, ignoring stale readings', () => {
    const tally = createPoolGcTally();
    tally.see({ threadId: 1, gcMs: 10 });
    const before = tally.mark();
    tally.see({ threadId: 1, gcMs: 14 });
    tally.see({ threadId: 2, gcMs: 5 }); // first seen during the sample: counts from 0
    tally.see({ threadId: 1, gcMs: 12 }); // an older reply arriving late
    const { gcMs, byThreadMs } = tally.since(before);
    expect(byThreadMs).toEqual(
      new Map([
        [1, 4],
        [2, 5],
      ]),
    );
    expect(gcMs).toBe(9);
  });

  it('gcShare divides by the time every thread had', () => {
    expect(gcShare(30, 100, 2)).toBe(0.15);
    expect(gcShare(5, 0)).toBe(0);
  });
});
