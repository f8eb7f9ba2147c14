import { describe, expect, it } from 'vitest';
import { shortfallRemedy } from '../../src/report/text/shortfall.js';
import { okCell } from '../helpers/synthetic-cell.js';

/** A cell that reached ±`reachedPct` against ±3 %. */
function short(reachedPct: number) {
  const cell = okCell({ strategy: 'parallel', threads: 2, medianMs: 50 });
  return { ...cell, precision: { targetPct: 3, reachedPct, met: false } };
}

describe('what would narrow the imprecise cells', () => {
  it("names the median cell's samples factor and the --max-time that buys it", () => {
    // Factors (6/3)² = 4, (9/3)² = 9 and (30/3)² = 100: the median is 9, so 12 s becomes 108 s.
    const text = shortfallRemedy([short(6), short(30), short(9)], { rounds: null, maxTimeMs: 12_000 });
    expect(text).toContain('about 9× its samples (--max-time 108s)');
  });

  it('says --rounds when the run fixed them, and no flag when the file does not say its budget', () => {
    expect(shortfallRemedy([short(6)], { rounds: 10 })).toContain('about 4× its samples (--rounds 40)');
    expect(shortfallRemedy([short(6)], { rounds: null })).toMatch(/about 4× its samples; /);
  });
});
