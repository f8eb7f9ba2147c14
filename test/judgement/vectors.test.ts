import { describe, expect, it } from 'vitest';
import { judgeComparison } from '../../src/compare/judge-comparison.js';
import type { Measurement } from '../../src/compare/measure-change.js';
import { ratioOfIndependent } from '../../src/judgement/independent-ratio.js';
import { VECTORS } from '../vectors/vectors.js';

/** A row as measure-change.ts would hand it over, with the log ratio and standard error of the vector. */
function measurement(logRatio: number, standardError: number, index: number): Measurement {
  return {
    kind: 'estimate',
    estimate: {
      id: `w/row/t${index}`,
      baseMedianMs: 10,
      headMedianMs: 10 * Math.exp(logRatio),
      logRatio,
      standardError,
      processes: { base: 3, head: 3 },
      samples: { base: 30, head: 30 },
      precise: true,
    },
  };
}

describe("compare's family decision, against scipy (test/vectors)", () => {
  it('p-values, BH-adjusted p-values, discoveries, the adjusted level, intervals, verdicts and MDC', () => {
    for (const family of VECTORS.families) {
      const judged = judgeComparison(
        family.rows.map((row, index) => measurement(row.logRatio, row.standardError, index)),
        { threshold: family.margin, alpha: family.alpha },
      );
      expect(judged.discoveries).toBe(family.discoveries);
      expect(judged.confidence).toBeCloseTo(family.confidence, 14);
      judged.judgements.forEach((judgement, index) => {
        const expected = family.rows[index];
        if (expected === undefined) throw new Error('row missing');
        const where = `margin ${family.margin}, row ${index}`;
        expect(judgement.pValue, where).toBeCloseTo(expected.pValue, 12);
        expect(judgement.adjustedP, where).toBeCloseTo(expected.adjustedP, 12);
        expect(judgement.ratioLow, where).toBeCloseTo(expected.low, 12);
        expect(judgement.ratioHigh, where).toBeCloseTo(expected.high, 12);
        expect(judgement.minimumDetectable, where).toBeCloseTo(expected.minimumDetectable, 12);
        expect(judgement.verdict, where).toBe(expected.verdict);
      });
    }
  });

  it('the correction at work: +8 % at SE 1.8 % is slower at 95 %, but inconclusive among 20 benchmarks', () => {
    const family = VECTORS.families[1];
    const last = family?.rows.at(-1);
    expect(family?.confidence).toBeCloseTo(1 - 0.05 / 20, 14);
    expect(last?.verdict).toBe('inconclusive');
    // At 95 % alone its interval would clear +3 %: exp(ln 1.08 − 1.96 × 0.018) = 1.042.
    expect(Math.exp((last?.logRatio ?? 0) - 1.959963984540054 * 0.018)).toBeGreaterThan(1.03);
  });

  it('a / b of two independent ratios', () => {
    for (const entry of VECTORS.independentRatio) {
      const [aEstimate, aLow, aHigh] = entry.a;
      const [bEstimate, bLow, bHigh] = entry.b;
      const result = ratioOfIndependent(
        { estimate: aEstimate, low: aLow, high: aHigh },
        { estimate: bEstimate, low: bLow, high: bHigh },
      );
      expect(result.estimate).toBeCloseTo(entry.estimate, 14);
      expect(result.low).toBeCloseTo(entry.low, 12);
      expect(result.high).toBeCloseTo(entry.high, 12);
    }
  });
});
