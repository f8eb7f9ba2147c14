import { describe, expect, it } from 'vitest';
import { type Benchmark, resultFileSchema } from '../../src/results/schema.js';
import { scalingFits, withScalingFits } from '../../src/runner/scaling.js';
import { amdahlScaling } from '../../src/stats/amdahl.js';
import { uslScaling } from '../../src/stats/usl.js';
import { syntheticResult } from '../helpers/result-fixture.js';
import { okCell } from '../helpers/synthetic-cell.js';

const T1_MS = 400;

/** A thread sweep whose medians follow a known capacity curve: median(N) = median(1) / C(N). */
function sweep(
  threads: number[],
  capacity: (threads: number) => number,
  extra: { workload?: string; kind?: 'cpu' | 'io' } = {},
) {
  return [
    okCell({ ...extra, strategy: 'sequential', threads: 1, medianMs: T1_MS * 0.9 }),
    ...threads.map((n) =>
      okCell({ ...extra, strategy: 'parallel', threads: n, medianMs: T1_MS / capacity(n), speedup: 0.9 * capacity(n) }),
    ),
  ];
}

describe('scalingFits', () => {
  it('recovers σ and κ of a USL machine and predicts 2× and 4× its cores', () => {
    const [sigma, kappa] = [0.04, 0.002];
    const [entry] = scalingFits(
      sweep([1, 2, 4, 6, 8, 12, 16], (n) => uslScaling(sigma, kappa, n)),
      16,
    );
    expect(entry).toBeDefined();
    if (entry === undefined || entry.usl.status !== 'ok' || entry.amdahl.status !== 'ok')
      throw new Error(JSON.stringify(entry));
    expect(entry).toMatchObject({ workload: 'cpu-compute', strategy: 'parallel', usableCores: 16 });
    expect(entry.usl.sigma).toBeCloseTo(sigma, 6);
    expect(entry.usl.kappa).toBeCloseTo(kappa, 6);
    expect(entry.usl.peakThreads).toBeCloseTo(Math.sqrt((1 - sigma) / kappa), 3);
    expect(entry.predictions.map((prediction) => prediction.threads)).toEqual([32, 64]);
    for (const prediction of entry.predictions) {
      expect(prediction.usl).toBeCloseTo(uslScaling(sigma, kappa, prediction.threads), 6);
      expect(prediction.amdahl).toBeCloseTo(amdahlScaling(entry.amdahl.serialFraction, prediction.threads), 9);
    }
    // USL describes this retrograde curve; Amdahl, which cannot bend down, fits it worse.
    expect(entry.usl.rSquared).toBeGreaterThan(entry.amdahl.rSquared);
    expect(entry.t1Speedup).toBeCloseTo(0.9, 9);
  });

  it('fits only thread counts up to the cores: oversubscribed points are kept but not used', () => {
    const serialFraction = 0.05;
    // Past the 8 cores the hardware caps capacity; a fit that used those points would see contention that is not there.
    const capped = (n: number): number => amdahlScaling(serialFraction, Math.min(n, 8));
    const [entry] = scalingFits(sweep([1, 2, 3, 4, 6, 8, 16, 32], capped), 8);
    if (entry === undefined || entry.amdahl.status !== 'ok' || entry.usl.status !== 'ok')
      throw new Error(JSON.stringify(entry));
    expect(entry.points.filter((point) => !point.used).map((point) => point.threads)).toEqual([16, 32]);
    expect(entry.amdahl.pointsUsed).toBe(6);
    expect(entry.amdahl.serialFraction).toBeCloseTo(serialFraction, 9);
    expect(entry.usl.sigma).toBeCloseTo(serialFraction, 6);
    expect(entry.usl.kappa).toBeCloseTo(0, 9);
    expect(entry.usl.peakThreads).toBeNull();
  });

  it('says why instead of a number when the cores allow too few points', () => {
    const [twoCores] = scalingFits(
      sweep([1, 2, 4], (n) => Math.min(n, 2)),
      2,
    );
    expect(twoCores?.amdahl.status).toBe('insufficient');
    expect(twoCores?.usl.status).toBe('insufficient');
    if (twoCores?.amdahl.status === 'insufficient') {
      expect(twoCores.amdahl.reason).toMatch(/needs 3 thread counts .* 2 usable cores, this run has 2 \(1, 2\)/);
      expect(twoCores.amdahl.reason).toContain('not possible on 2 cores');
    }
    expect(twoCores?.predictions).toEqual([
      { threads: 4, amdahl: null, usl: null },
      { threads: 8, amdahl: null, usl: null },
    ]);

    // A 16-core machine with the default sweep (1, 2, 4, 8, 16, 32) has five points within the cores: Amdahl
    // fits, USL asks for a denser sweep.
    const [defaultSweep] = scalingFits(
      sweep([1, 2, 4, 8, 16, 32], (n) => amdahlScaling(0.1, Math.min(n, 16))),
      16,
    );
    expect(defaultSweep?.amdahl.status).toBe('ok');
    expect(defaultSweep?.usl).toEqual({
      status: 'insufficient',
      reason:
        'USL needs 6 thread counts from 1 to the 16 usable cores, this run has 5 (1, 2, 4, 8, 16): run ' +
        'with --threads 1-16',
    });
  });

  it('needs the 1-thread cell, and fits CPU-bound workloads only', () => {
    const withoutT1 = sweep([1, 2, 4, 8], (n) => n).filter(
      (cell) => !(cell.strategy === 'parallel' && cell.threads === 1),
    );
    const [entry] = scalingFits(withoutT1, 8);
    expect(entry?.points).toEqual([]);
    expect(entry?.amdahl.status === 'insufficient' && entry.amdahl.reason).toBe(
      'Amdahl: the run did not include 1 thread, so there is nothing to scale from (add 1 to --threads)',
    );

    // A 1-thread cell that ran and failed is another reason, and says so.
    const failedT1 = sweep([1, 2, 4, 8], (n) => n).map((cell) =>
      cell.strategy === 'parallel' && cell.threads === 1
        ? { ...cell, status: 'error' as const, error: { name: 'Error', message: 'boom' } }
        : cell,
    ) as Benchmark[];
    const [failed] = scalingFits(failedT1, 8);
    expect(failed?.usl.status === 'insufficient' && failed.usl.reason).toBe(
      'USL: the 1-thread cell has no figures, so there is nothing to scale from',
    );

    expect(
      scalingFits(
        sweep([1, 2, 4, 8], (n) => n, { workload: 'io-timer', kind: 'io' }),
        8,
      ),
    ).toEqual([]);
  });

  it('gives one entry per workload, strategy and libuv pool size, and the result stays valid', () => {
    const result = syntheticResult();
    const benchmarks = [...sweep([1, 2, 4], (n) => n), ...sweep([1, 2, 4], (n) => n, { workload: 'cpu-hash' })];
    const withFits = withScalingFits({ ...result, benchmarks });
    expect(withFits.scaling.map((entry) => `${entry.workload}/${entry.strategy}`)).toEqual([
      'cpu-compute/parallel',
      'cpu-hash/parallel',
    ]);
    expect(resultFileSchema.safeParse(withFits).success).toBe(true);

    const swept = [1, 4].flatMap((size) =>
      sweep([1, 2], (n) => n).map((cell) => ({ ...cell, uvThreadpoolSize: size })),
    );
    expect(scalingFits(swept, 2).map((entry) => entry.uvThreadpoolSize)).toEqual([1, 4]);
  });
});

describe('scalingFits on degenerate cells', () => {
  it('leaves out a cell with a zero median instead of writing an infinite ratio', () => {
    const cells = sweep([1, 2, 4], (n) => n).map((cell) =>
      cell.threads === 2 && cell.strategy === 'parallel' ? { ...cell, stats: { ...cell.stats, median: 0 } } : cell,
    );
    const [entry] = scalingFits(cells, 8);
    expect(entry?.points.map((point) => point.threads)).toEqual([1, 4]);
    expect(entry?.points.every((point) => Number.isFinite(point.scaling))).toBe(true);
  });
});
