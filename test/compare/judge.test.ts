import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/compare/index.js';
import { judgeComparison } from '../../src/compare/judge-comparison.js';
import { measureChange } from '../../src/compare/measure-change.js';
import { judgeTimeChange } from '../../src/judgement/judge.js';
import type { Benchmark, OkBenchmark, ResultFile } from '../../src/results/schema.js';
import { seededRandom } from '../../src/stats/bootstrap.js';
import { median } from '../../src/stats/summary.js';
import { syntheticResult } from '../helpers/result-fixture.js';
import { loadFixture, loadV1, scaleBenchmark, stableIds } from './derive.js';

const DEFAULTS = { threshold: 0.03, alpha: 0.05 };

/**
 * An ok cell with exactly these samples, one array per measuring process (SYNTHETIC: fixed samples, so that a
 * shift planted on them is known exactly).
 */
function cell(groups: number[][], id = 'w/sequential/t1'): OkBenchmark {
  const template = syntheticResult().benchmarks[0] as OkBenchmark;
  return {
    ...template,
    id,
    samplesMs: groups.flat(),
    samplesProcess: groups.flatMap((group, process) => group.map(() => process)),
    samplesRound: groups.flatMap((group) => group.map((_, round) => round)),
    precision: { targetPct: 3, reachedPct: 1, met: true },
  };
}

/** Fixed samples: `processes` × `perProcess` lognormal values (seeded), process centres apart by `betweenCv`. */
function fixedGroups(
  seed: number,
  processes: number,
  perProcess: number,
  withinCv: number,
  betweenCv: number,
): number[][] {
  const random = seededRandom(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: processes }, () => {
    const centre = 20 * Math.exp(betweenCv * normal());
    return Array.from({ length: perProcess }, () => centre * Math.exp(withinCv * normal()));
  });
}

const scaled = (groups: number[][], factor: number): number[][] =>
  groups.map((group) => group.map((value) => value * factor));

function judgeOne(base: Benchmark, head: Benchmark, options = DEFAULTS) {
  const [judgement] = judgeComparison([measureChange(base, head)], options).judgements;
  if (judgement === undefined) throw new Error('no judgement');
  return judgement;
}

describe('one benchmark, files made from fixed samples with a known shift', () => {
  const base = fixedGroups(1, 3, 12, 0.02, 0.01);

  it('+10 %: slower, the ratio exactly 1.10, its interval around it and wholly above +3 %', () => {
    const judgement = judgeOne(cell(base), cell(scaled(base, 1.1)));
    expect(judgement.verdict).toBe('slower');
    expect(judgement.ratio).toBeCloseTo(1.1, 12);
    expect(judgement.ratioLow).toBeGreaterThan(1.03);
    expect(judgement.ratioLow).toBeLessThan(1.1);
    expect(judgement.ratioHigh).toBeGreaterThan(1.1);
    expect(judgement.confidence).toBeCloseTo(0.95, 12); // one benchmark: no correction
    expect(judgement.reason).toBe('CI above +3 %');
  });

  it('−10 %: faster; ×1.00 against itself: the same (the whole interval within ±3 %)', () => {
    expect(judgeOne(cell(base), cell(scaled(base, 0.9))).verdict).toBe('faster');
    const same = judgeOne(cell(base), cell(base));
    expect(same.verdict).toBe('same');
    expect(same.ratio).toBe(1);
    expect(same.ratioLow).toBeGreaterThan(0.97);
    expect(same.ratioHigh).toBeLessThan(1.03);
  });

  it('+2 %: never slower (its interval reaches below the margin); it is the same, or inconclusive', () => {
    const judgement = judgeOne(cell(base), cell(scaled(base, 1.02)));
    expect(['same', 'inconclusive']).toContain(judgement.verdict);
    expect(judgement.ratioLow).toBeLessThan(1.03);
  });

  it(
    '+5 % in noisy samples: inconclusive, with the samples that would likely decide, and a minimum ' +
      'detectable change',
    () => {
      const noisy = fixedGroups(2, 2, 6, 0.1, 0.03);
      const judgement = judgeOne(cell(noisy), cell(scaled(noisy, 1.05)));
      expect(judgement.verdict).toBe('inconclusive');
      expect(judgement.samplesFactor).toBeGreaterThan(1);
      expect(judgement.reason).toMatch(/^~[\d.]+× samples$/);
      // Deciding needs the lower end to clear +3 %: ln(1.05/1.03) = z·se·√(1/k), so k = (z·se / ln(1.05/1.03))².
      const z = 1.959963984540054;
      const se = (Math.log(judgement.ratio ?? 1) - Math.log(judgement.ratioLow ?? 1)) / z;
      expect(judgement.samplesFactor).toBeCloseTo(((z * se) / Math.log(1.05 / 1.03)) ** 2, 6);
      expect(judgement.minimumDetectable).toBeCloseTo(1.03 * Math.exp((z + 0.8416212335729142) * se) - 1, 6);
    },
  );

  it('the verdict is always the judgement of the interval printed beside it', () => {
    for (const factor of [0.8, 0.95, 0.99, 1, 1.01, 1.04, 1.1, 1.3]) {
      const judgement = judgeOne(cell(base), cell(scaled(base, factor)));
      const printed = { estimate: judgement.ratio ?? 1, low: judgement.ratioLow ?? 1, high: judgement.ratioHigh ?? 1 };
      expect(judgement.verdict, `×${factor}`).toBe(judgeTimeChange(printed, DEFAULTS.threshold).word);
    }
  });
});

describe('the unit of replication is the measuring process', () => {
  /** The textbook two-stage bootstrap of the median, written plainly, drawing in the order the implementation does. */
  function naiveLogMedianVariance(groups: number[][], seed: number, resamples: number): number {
    const random = seededRandom(seed);
    const logs: number[] = [];
    for (let r = 0; r < resamples; r += 1) {
      const drawn: number[] = [];
      for (let g = 0; g < groups.length; g += 1) {
        const group = groups[Math.floor(random() * groups.length)] ?? [];
        for (let v = 0; v < group.length; v += 1) drawn.push(group[Math.floor(random() * group.length)] ?? Number.NaN);
      }
      logs.push(Math.log(median(drawn)));
    }
    const mean = logs.reduce((sum, value) => sum + value, 0) / logs.length;
    return logs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (logs.length - 1);
  }

  it('gives the standard error a plain implementation gives: resample processes, then samples within, per file', () => {
    const base = fixedGroups(3, 3, 8, 0.03, 0.02);
    const head = scaled(fixedGroups(4, 4, 6, 0.03, 0.02), 1.05);
    const measured = measureChange(cell(base), cell(head), 3000);
    if (measured.kind !== 'estimate') throw new Error(measured.reason);
    // The seeds of the two files (measure-change.ts): independent draws for base and head.
    const expected = Math.sqrt(
      naiveLogMedianVariance(base, 0x5eed, 3000) + naiveLogMedianVariance(head, 0xc0ffee, 3000),
    );
    expect(measured.estimate.standardError).toBeCloseTo(expected, 12);
    expect(measured.estimate.logRatio).toBeCloseTo(Math.log(median(head.flat()) / median(base.flat())), 12);
    expect(measured.estimate.processes).toEqual({ base: 3, head: 4 });
  });

  it('carries the spread between processes: the closed form for two steady processes that disagree', () => {
    // Two processes of 50 samples, one at 10 ms and one at 20 ms. Drawing processes first, a replicate's median is
    // 10 (both draws the first), 20 (both the second) or 15 (one of each) with chances ¼, ¼, ½. Resampling all 100
    // samples as one pool would give 15 only when exactly 50 of 100 draws are tens (about 8 %).
    const split = [Array<number>(50).fill(10), Array<number>(50).fill(20)];
    const steady = [Array<number>(50).fill(10), Array<number>(50).fill(10)];
    const logs = [Math.log(10), Math.log(15), Math.log(20)];
    const weights = [0.25, 0.5, 0.25];
    const mean = logs.reduce((sum, value, index) => sum + value * (weights[index] ?? 0), 0);
    const variance = logs.reduce((sum, value, index) => sum + (weights[index] ?? 0) * (value - mean) ** 2, 0);
    const measured = measureChange(cell(split), cell(steady), 40_000);
    if (measured.kind !== 'estimate') throw new Error(measured.reason);
    // 40 000 replicates: the variance estimate's own error is under 1 %.
    expect(measured.estimate.standardError ** 2 / variance).toBeGreaterThan(0.97);
    expect(measured.estimate.standardError ** 2 / variance).toBeLessThan(1.03);
  });

  it("calls a cell from one process unreliable: its steadiness cannot stand for the run's", () => {
    const one = cell([[10, 10.1, 9.9, 10.2, 10]]);
    const two = cell([
      [10, 10.1],
      [9.9, 10.2],
    ]);
    expect(judgeOne(one, two)).toMatchObject({ verdict: 'unreliable', reason: '1 process in base' });
    expect(judgeOne(two, one)).toMatchObject({ verdict: 'unreliable', reason: '1 process in head' });
    expect(judgeOne(one, one)).toMatchObject({ verdict: 'unreliable', reason: '1 process in each', baseMedianMs: 10 });
  });
});

describe('data that cannot decide, and cells that cannot be compared', () => {
  it('unreliable for no samples, one sample, a 0 ms sample; never for a spread alone', () => {
    expect(judgeOne(cell([[]]), cell([[1], [2]]))).toMatchObject({ verdict: 'unreliable', reason: 'no samples' });
    expect(judgeOne(cell([[10]]), cell([[11], [12]]))).toMatchObject({
      verdict: 'unreliable',
      reason: 'under 2 samples',
    });
    expect(
      judgeOne(
        cell([
          [0, 1],
          [1, 1],
        ]),
        cell([
          [1, 1],
          [1, 1],
        ]),
      ),
    ).toMatchObject({ verdict: 'unreliable', reason: 'a 0 ms sample' });
    // A CV of 25 % in both files, doubled: decided, not unreliable.
    const noisy = fixedGroups(5, 3, 10, 0.25, 0.02);
    expect(judgeOne(cell(noisy), cell(scaled(noisy, 2))).verdict).toBe('slower');
  });

  it('not comparable: a failed cell, or another task count or size', () => {
    const failed = syntheticResult().benchmarks[2];
    if (failed === undefined) throw new Error('fixture has no failed benchmark');
    const ok = cell([
      [10, 10.1],
      [10.2, 10],
    ]);
    expect(judgeOne(ok, failed)).toMatchObject({ verdict: 'not comparable', reason: 'head error' });
    const other = judgeOne(ok, { ...ok, workload: { ...ok.workload, tasks: 32 } });
    expect(other.verdict).toBe('not comparable');
    expect(other.reason).toMatch(/workload differs/);
  });
});

describe('many benchmarks at once: the Benjamini–Hochberg correction', () => {
  /** A file of `count` benchmarks with the same fixed samples each; `shift` maps an index to its factor. */
  function file(count: number, shift: (index: number) => number, groups: number[][]): ResultFile {
    const result = syntheticResult();
    result.benchmarks = Array.from({ length: count }, (_, index) =>
      cell(scaled(groups, shift(index)), `w${index}/sequential/t1`),
    );
    return result;
  }
  const groups = fixedGroups(6, 3, 10, 0.03, 0.01);

  it('prints every interval at 1 − max(R, 1) · alpha / m: a lone shift clears a wider interval among many', () => {
    // One benchmark shifted +6 %: alone it is slower at 95 %; among 20 it must clear the 99.75 % interval.
    const alone = compareResults([
      { name: 'base.json', result: file(1, () => 1, groups) },
      { name: 'head.json', result: file(1, () => 1.06, groups) },
    ]).sameMachine[0];
    expect(alone?.confidence).toBeCloseTo(0.95, 12);
    const many = compareResults([
      { name: 'base.json', result: file(20, () => 1, groups) },
      { name: 'head.json', result: file(20, (index) => (index === 0 ? 1.06 : 1), groups) },
    ]).sameMachine[0];
    const lone = many?.judgements[0];
    const aloneRow = alone?.judgements[0];
    expect(many?.tested).toBe(20);
    expect(many?.confidence).toBeCloseTo(1 - (Math.max(many?.discoveries ?? 0, 1) * 0.05) / 20, 12);
    expect((lone?.ratioHigh ?? 0) - (lone?.ratioLow ?? 0)).toBeGreaterThan(
      (aloneRow?.ratioHigh ?? 0) - (aloneRow?.ratioLow ?? 0),
    );
    expect(lone?.minimumDetectable).toBeGreaterThan(aloneRow?.minimumDetectable ?? 0);
  });

  it('keeps its power when a change moves many benchmarks: R discoveries widen the level R-fold', () => {
    const comparison = compareResults([
      { name: 'base.json', result: file(10, () => 1, groups) },
      { name: 'head.json', result: file(10, (index) => (index < 5 ? 1.1 : 1), groups) },
    ]);
    const same = comparison.sameMachine[0];
    expect(same?.discoveries).toBe(5);
    expect(same?.confidence).toBeCloseTo(1 - (5 * 0.05) / 10, 12);
    expect(same?.counts.slower).toBe(5);
    expect(comparison.regressions.map((regression) => regression.id)).toEqual([
      'w0/sequential/t1',
      'w1/sequential/t1',
      'w2/sequential/t1',
      'w3/sequential/t1',
      'w4/sequential/t1',
    ]);
  });

  it(
    'property: no "slower" or "faster" verdict comes with an interval that includes 1, and each verdict is ' +
      "its interval's",
    () => {
      const groupsArbitrary = fc.array(
        fc.array(fc.double({ min: 1, max: 100, noNaN: true }), { minLength: 2, maxLength: 6 }),
        { minLength: 2, maxLength: 4 },
      );
      fc.assert(
        fc.property(
          groupsArbitrary,
          groupsArbitrary,
          fc.double({ min: 0, max: 0.2, noNaN: true }),
          fc.double({ min: 0.001, max: 0.2, noNaN: true }),
          (base, head, threshold, alpha) => {
            const comparison = compareResults(
              [
                { name: 'base.json', result: file(2, () => 1, base) },
                { name: 'head.json', result: file(2, (index) => (index === 0 ? 1 : 1.1), head) },
              ],
              { threshold, alpha },
            );
            for (const judgement of comparison.sameMachine[0]?.judgements ?? []) {
              if (judgement.ratioLow === null || judgement.ratioHigh === null || judgement.ratio === null) continue;
              const includesOne = judgement.ratioLow <= 1 && judgement.ratioHigh >= 1;
              if (judgement.verdict === 'slower' || judgement.verdict === 'faster') expect(includesOne).toBe(false);
              expect(judgement.verdict).toBe(
                judgeTimeChange(
                  { estimate: judgement.ratio, low: judgement.ratioLow, high: judgement.ratioHigh },
                  threshold,
                ).word,
              );
            }
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});

describe('on real runs', () => {
  it('flags a planted +10 % in every cell of a real quick run that reached ±3 %, and passes +2 %', () => {
    const fixture = loadFixture();
    const stable = stableIds(fixture);
    expect(stable.length).toBeGreaterThan(2);
    for (const id of stable) {
      const slower = compareResults([
        { name: 'base', result: fixture },
        { name: 'head', result: scaleBenchmark(fixture, id, 1.1) },
      ]);
      expect(
        slower.regressions.map((regression) => regression.id),
        id,
      ).toEqual([id]);
      const slight = compareResults([
        { name: 'base', result: fixture },
        { name: 'head', result: scaleBenchmark(fixture, id, 1.02) },
      ]);
      expect(slight.regressions, id).toEqual([]);
    }
  });

  it('judges nothing in a file of schemaVersion 1 (one process per cell), and says why', () => {
    const v1 = loadV1();
    const slower = scaleBenchmark(v1, v1.benchmarks[0]?.id ?? '', 2);
    const comparison = compareResults([
      { name: 'a.json', result: v1 },
      { name: 'b.json', result: slower },
    ]);
    const same = comparison.sameMachine[0];
    expect(same?.counts.unreliable).toBe(v1.benchmarks.length);
    expect(comparison.regressions).toEqual([]);
    expect(comparison.warnings.some((warning) => warning.startsWith('a.json: one measuring process per cell'))).toBe(
      true,
    );
  });
});
