import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestOf } from '../../src/judgement/fastest.js';
import {
  bandPosition,
  judgeSpeedup,
  judgeTimeChange,
  samplesToDecide,
  type RatioInterval,
} from '../../src/judgement/judge.js';
import { DEFAULT_MARGIN, MAX_SAMPLES_FACTOR } from '../../src/judgement/thresholds.js';

const interval = (estimate: number, low: number, high: number): RatioInterval => ({ estimate, low, high });

describe('the judgement of a ratio against the margin (3 %)', () => {
  it('a gain only when the whole interval lies above 1.03', () => {
    expect(judgeSpeedup(interval(1.62, 1.55, 1.7)).word).toBe('gain');
    expect(judgeSpeedup(interval(1.05, 1.031, 1.07)).word).toBe('gain');
    expect(judgeSpeedup(interval(1.05, 1.03, 1.07)).word).toBe('inconclusive'); // the edge itself is not beyond it
  });

  it('slower only when the whole interval lies below 0.97', () => {
    expect(judgeSpeedup(interval(0.83, 0.78, 0.88)).word).toBe('slower');
    expect(judgeSpeedup(interval(0.95, 0.9, 0.969)).word).toBe('slower');
    expect(judgeSpeedup(interval(0.95, 0.9, 0.97)).word).toBe('inconclusive');
  });

  it('the same only when the whole interval lies within ±3 % (equivalence, as in TOST), edges included', () => {
    expect(judgeSpeedup(interval(1, 0.98, 1.02)).word).toBe('same');
    expect(judgeSpeedup(interval(1.01, 0.97, 1.03)).word).toBe('same');
    expect(judgeSpeedup(interval(1.01, 0.96, 1.03)).word).toBe('inconclusive');
  });

  it('inconclusive when the interval reaches across an edge, with the samples that would likely decide it', () => {
    // 1.06 (0.97–1.16), on logs: the estimate lies ln(1.06/1.03) = 0.0287 past the edge, the lower half-width is
    // ln(1.06/0.97) = 0.0887: (0.0887 / 0.0287)² = 9.55 times the samples.
    const judged = judgeSpeedup(interval(1.06, 0.97, 1.16));
    expect(judged.word).toBe('inconclusive');
    expect(judged.samplesFactor).toBeCloseTo((Math.log(1.06 / 0.97) / Math.log(1.06 / 1.03)) ** 2, 12);
    // Inside the band, both half-widths must fit: the nearer edge (0.97) sets it here.
    const inside = samplesToDecide(interval(0.99, 0.95, 1.02));
    const expected = Math.max(
      (Math.log(0.99 / 0.95) / Math.log(0.99 / 0.97)) ** 2,
      (Math.log(1.02 / 0.99) / Math.log(1.03 / 0.99)) ** 2,
    );
    expect(inside).toBeCloseTo(expected, 12);
    // Below the band: the upper half-width towards 0.97.
    expect(samplesToDecide(interval(0.9, 0.85, 1))).toBeCloseTo((Math.log(1 / 0.9) / Math.log(0.97 / 0.9)) ** 2, 12);
  });

  it('no run length for an estimate on an edge, or one needing more than the cap', () => {
    expect(samplesToDecide(interval(1.03, 0.9, 1.2))).toBeNull();
    // ((ln 1.031/0.8) / ln(1.031/1.03))² ≫ 100
    expect(judgeSpeedup(interval(1.031, 0.8, 1.3)).samplesFactor).toBeNull();
    expect(samplesToDecide(interval(1.1, 0.95, 1.2))).toBeLessThan(MAX_SAMPLES_FACTOR);
  });

  it('says the same words the other way round for time ratios (head / base: higher is worse)', () => {
    expect(judgeTimeChange(interval(1.1, 1.05, 1.15)).word).toBe('slower');
    expect(judgeTimeChange(interval(0.9, 0.85, 0.95)).word).toBe('faster');
    expect(judgeTimeChange(interval(1, 0.99, 1.01)).word).toBe('same');
    expect(judgeTimeChange(interval(1.04, 0.99, 1.09)).word).toBe('inconclusive');
  });

  it('takes another margin, and refuses a margin or an interval that makes no sense', () => {
    expect(judgeSpeedup(interval(1.04, 1.02, 1.06), 0.01).word).toBe('gain');
    expect(judgeSpeedup(interval(1.04, 1.02, 1.06), 0.1).word).toBe('same');
    expect(bandPosition({ low: 1, high: 1 }, 0)).toBe('within');
    expect(() => bandPosition({ low: 1, high: 1.1 }, 1)).toThrow(RangeError);
    expect(() => bandPosition({ low: 1.2, high: 1.1 })).toThrow(RangeError);
    expect(DEFAULT_MARGIN).toBe(0.03);
  });

  it('property: no gain, slower or faster word ever comes with an interval that contains 1', () => {
    const ratios = fc.tuple(
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.double({ min: 0.01, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(ratios, fc.double({ min: 0, max: 0.5, noNaN: true }), ([a, b, at], margin) => {
        const low = Math.min(a, b);
        const high = Math.max(a, b);
        const judged = interval(low + (high - low) * at, low, high);
        const contains1 = low <= 1 && high >= 1;
        const speed = judgeSpeedup(judged, margin).word;
        const time = judgeTimeChange(judged, margin).word;
        if (contains1) {
          expect(speed === 'same' || speed === 'inconclusive').toBe(true);
          expect(time === 'same' || time === 'inconclusive').toBe(true);
        }
        if (speed === 'gain') expect(low).toBeGreaterThan(1 + margin);
        if (speed === 'slower') expect(high).toBeLessThan(1 - margin);
        if (speed === 'same') expect(low >= 1 - margin && high <= 1 + margin).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fastest: the best and every cell not separated from it', () => {
  interface Cell {
    name: string;
    speed: number;
  }
  const cells: Cell[] = [
    { name: 'parallel t4', speed: 1.9 },
    { name: 'parallel t2', speed: 1.85 },
    { name: 'concurrent', speed: 1.0 },
    { name: 'sequential', speed: 1.0 },
  ];
  /** time(item) / time(best): hand-made intervals, as the paired bootstrap would give them. */
  const ratios: Record<string, RatioInterval> = {
    'parallel t2': interval(1.03, 0.95, 1.11), // overlaps 1: not told apart
    concurrent: interval(1.9, 1.8, 2.0), // the best gains on it: separated
    sequential: interval(1.9, 1.7, 2.1),
  };

  it('names the best alone when every other cell is separated', () => {
    const alone = fastestOf(
      cells.filter((cell) => cell.name !== 'parallel t2'),
      (cell) => cell.speed,
      (item) => ratios[item.name],
    );
    expect(alone?.best.name).toBe('parallel t4');
    expect(alone?.tied.map((tie) => tie.item.name)).toEqual(['parallel t4']);
  });

  it('says a tie when the interval cannot separate two cells, and keeps the judgement behind it', () => {
    const tied = fastestOf(
      cells,
      (cell) => cell.speed,
      (item) => ratios[item.name],
    );
    expect(tied?.tied.map((tie) => tie.item.name)).toEqual(['parallel t4', 'parallel t2']);
    expect(tied?.tied[1]?.judgement?.word).toBe('inconclusive');
  });

  it('counts a cell the same within the margin as tied, and one it cannot set against the best as tied too', () => {
    const same = fastestOf(
      cells.slice(0, 2),
      (cell) => cell.speed,
      () => interval(1.01, 0.99, 1.02),
    );
    expect(same?.tied[1]?.judgement?.word).toBe('same');
    const unknown = fastestOf(
      cells.slice(0, 2),
      (cell) => cell.speed,
      () => undefined,
    );
    expect(unknown?.tied).toHaveLength(2);
    expect(unknown?.tied[1]?.judgement).toBeUndefined();
    expect(
      fastestOf(
        [],
        () => 0,
        () => undefined,
      ),
    ).toBeUndefined();
  });
});
