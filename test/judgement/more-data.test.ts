import { describe, expect, it } from 'vitest';
import { moreDataFlag, moreDataPhrase } from '../../src/judgement/more-data.js';

describe('what to run to decide an inconclusive judgement', () => {
  it('more rounds when the run fixed them', () => {
    expect(moreDataFlag(2.4, { rounds: 10 }, true)).toBe('--rounds 24');
  });

  it('a longer --max-time when a cell ran out of budget, a tighter --precision when it stopped precise', () => {
    const budget = { rounds: null, maxTimeMs: 2500, precisionPct: 3 };
    expect(moreDataFlag(2.4, budget, true)).toBe('--max-time 6s');
    // Half-widths shrink as 1 / √samples: 3 / √4 = 1.5.
    expect(moreDataFlag(4, budget, false)).toBe('--precision 1.5');
    expect(moreDataFlag(1, budget, true)).toBeUndefined();
  });

  it('phrases it, or says that no run length can be named', () => {
    expect(moreDataPhrase(2.41, { rounds: 10 })).toBe('about 2.5× the samples would likely decide (--rounds 25)');
    expect(moreDataPhrase(null)).toMatch(/too close to the margin/);
  });
});
