import { describe, expect, it } from 'vitest';
import { judgePair } from '../../src/compare/judge.js';
import type { Benchmark } from '../../src/results/schema.js';
import { syntheticResult } from '../helpers/result-fixture.js';
import { loadReference, scaleBenchmark, stableIds } from './derive.js';

const DEFAULTS = { threshold: 0.05, alpha: 0.05 };

function pick(result: ReturnType<typeof loadReference>, id: string): Benchmark {
  const benchmark = result.benchmarks.find((candidate) => candidate.id === id);
  if (benchmark === undefined) throw new Error(`no ${id}`);
  return benchmark;
}

/** A benchmark with exactly these samples (synthetic, for hand-checked cases). */
function withSamples(samplesMs: number[], overrides: Partial<{ tasks: number }> = {}): Benchmark {
  const benchmark = syntheticResult(() => samplesMs).benchmarks[0];
  if (benchmark === undefined) throw new Error('fixture has no benchmark');
  return { ...benchmark, workload: { ...benchmark.workload, tasks: overrides.tasks ?? benchmark.workload.tasks } };
}

describe('judgePair on the real reference run', () => {
  const reference = loadReference();
  const stable = stableIds(reference);

  it('has stable cells to plant changes in', () => {
    expect(stable.length).toBeGreaterThan(0);
  });

  it('flags a planted 10 % slowdown as slower in every stable cell, with the CI around +10 %', () => {
    for (const id of stable) {
      const judgement = judgePair(pick(reference, id), pick(scaleBenchmark(reference, id, 1.1), id), DEFAULTS);
      expect(judgement.verdict, id).toBe('slower');
      expect(judgement.ratio).toBeCloseTo(1.1, 9);
      expect(judgement.ratioLow).toBeLessThanOrEqual(1.1 + 1e-9);
      expect(judgement.ratioHigh).toBeGreaterThanOrEqual(1.1 - 1e-9);
      expect(judgement.pValue).toBeLessThan(0.05);
    }
  });

  it('keeps a planted 2 % change under the 5 % threshold', () => {
    for (const id of stable) {
      const judgement = judgePair(pick(reference, id), pick(scaleBenchmark(reference, id, 1.02), id), DEFAULTS);
      expect(judgement.verdict, id).toBe('no significant change');
    }
  });

  it('calls a planted 10 % speed-up faster', () => {
    const id = stable[0] ?? '';
    expect(judgePair(pick(reference, id), pick(scaleBenchmark(reference, id, 0.9), id), DEFAULTS).verdict).toBe('faster');
  });

  it('finds no change between a file and itself', () => {
    for (const benchmark of reference.benchmarks) {
      const judgement = judgePair(benchmark, benchmark, DEFAULTS);
      expect(['no significant change', 'unreliable', 'not comparable']).toContain(judgement.verdict);
      if (judgement.pValue !== null) expect(judgement.pValue).toBeCloseTo(1, 9);
    }
  });
});

describe('judgePair rules', () => {
  it('marks a noisy figure (CV over 10 %) unreliable instead of judging it, even when it doubled', () => {
    const noisy = [10, 14, 9, 13, 10, 12];
    const judgement = judgePair(withSamples(noisy), withSamples(noisy.map((value) => value * 2)), DEFAULTS);
    expect(judgement.verdict).toBe('unreliable');
    expect(judgement.reason).toMatch(/CV .* over 10 %/);
    expect(judgement.ratio).toBeCloseTo(2, 9);
  });

  it('does not call a significant change inside the threshold a regression', () => {
    const base = [100, 100.2, 99.9, 100.1, 100.0];
    const judgement = judgePair(withSamples(base), withSamples(base.map((value) => value * 1.03)), DEFAULTS);
    expect(judgement.pValue).toBeLessThan(0.001);
    expect(judgement.verdict).toBe('no significant change');
    expect(judgement.reason).toMatch(/within ±5 %/);
  });

  it('needs significance: a large change in median with overlapping samples is not a regression', () => {
    // Medians differ by 9 %, but the samples overlap so much that the test cannot tell them apart.
    const judgement = judgePair(withSamples([100, 109, 100, 109, 104]), withSamples([109, 100, 109, 100, 113]), DEFAULTS);
    expect(judgement.ratio).toBeCloseTo(109 / 104, 9);
    expect(judgement.pValue).toBeGreaterThan(0.05);
    expect(judgement.verdict).toBe('no significant change');
  });

  it('a higher threshold lets the same change pass', () => {
    const base = [50, 50.5, 49.8, 50.2, 50.1];
    const head = base.map((value) => value * 1.1);
    expect(judgePair(withSamples(base), withSamples(head), DEFAULTS).verdict).toBe('slower');
    expect(judgePair(withSamples(base), withSamples(head), { threshold: 0.15, alpha: 0.05 }).verdict).toBe('no significant change');
  });

  it('cannot judge a cell with fewer than two samples, and says so', () => {
    expect(judgePair(withSamples([10]), withSamples([11, 12]), DEFAULTS)).toMatchObject({ verdict: 'unreliable', reason: 'fewer than 2 samples: no test possible' });
    expect(judgePair(withSamples([]), withSamples([11, 12]), DEFAULTS)).toMatchObject({ verdict: 'unreliable', reason: 'no samples to judge' });
  });

  it('does not compare a failed cell, or a cell run with another shape', () => {
    const failed = syntheticResult().benchmarks[2];
    if (failed === undefined) throw new Error('fixture has no failed benchmark');
    const ok = withSamples([10, 10.1, 10.2]);
    expect(judgePair(ok, failed, DEFAULTS)).toMatchObject({ verdict: 'not comparable', reason: 'head error' });
    const other = judgePair(ok, withSamples([20, 20.1, 20.2], { tasks: 32 }), DEFAULTS);
    expect(other.verdict).toBe('not comparable');
    expect(other.reason).toMatch(/workload differs/);
  });
});
