import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyWorkload, type Classification } from '../../src/classify/classify.js';
import { retryBudgetMs } from '../../src/commands/classify.js';
import { RUN_PROFILES } from '../../src/results/config-schema.js';
import { okCell } from '../helpers/synthetic-cell.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import type { OkBenchmark, ResultFile } from '../../src/results/schema.js';

/**
 * Recorded evidence: real `corescope classify … --out` runs on the busy 2-core development VM, kept as test input.
 * - pool-loses.json: cpu-spin, 64 tasks of 0.02 ms; parallel on 2 threads measured 0.57× (0.53–0.65), with the
 *   pool's own figures (--batch auto: 87 µs a message of 8 tasks, 31 µs a task on a pool thread) and a machine probe
 *   that saw 1.31 cores delivered to 2 threads.
 * - inconclusive.json: cpu-spin, 4 tasks of 0.5 ms, --rounds 3; parallel 1.09× (0.89–1.33).
 */
const fixture = (name: string): ResultFile => readResultFile(join(PACKAGE_ROOT, 'test', 'classify', 'fixtures', name));

describe('classify on recorded evidence', () => {
  it("where the pool loses: CPU-bound, keep it on the main thread, and the reason from the pool's own figures", () => {
    const result = fixture('pool-loses.json');
    const classification = classifyWorkload(result.benchmarks, result.environment);
    expect(classification.class).toBe('cpu');
    expect(classification.recommendation.strategy).toBe('sequential');
    expect(classification.evidence.parallelSpeedup).toEqual([expect.objectContaining({ threads: 2, word: 'slower' })]);
    const reasons = classification.reasons.join('\n');
    // The pool's figures (31 µs on a pool thread against 21 µs on the main thread, 1.31 cores) show computing, not
    // dispatch, is the limit: no batch size is offered, and no "a worker pool of 2 threads".
    expect(reasons).toMatch(/a task takes 31 µs on a pool thread against 2\d µs on the main thread, on 1\.31 cores/);
    expect(classification.recommendation.grain).toBeUndefined();
  });

  it(
    'where dispatch is what stops the pool: too fine-grained at this grain, and the batch and task size ' +
      'that would pay',
    () => {
      // The same recording with the pool's figures edited (SYNTHETIC): 400 µs to send a message of 8 tasks, 10 µs to
      // compute one on a pool thread. Dispatch per task (50 µs) now dwarfs the 21 µs task.
      const result = structuredClone(fixture('pool-loses.json'));
      const pool = result.benchmarks.find(
        (benchmark): benchmark is OkBenchmark => benchmark.id === 'cpu-spin/parallel/t2' && benchmark.status === 'ok',
      );
      if (pool?.batching === undefined) throw new Error('the recording lost its batching figures');
      pool.batching = { ...pool.batching, dispatchUs: 400, taskUs: 10 };
      const classification = classifyWorkload(result.benchmarks, result.environment);
      expect(classification.recommendation.strategy).toBe('sequential');
      const grain = classification.recommendation.grain;
      expect(grain?.batch).toBeGreaterThan(8);
      expect(classification.reasons.join('\n')).toMatch(
        /too fine-grained for a pool at this grain: sending a task costs 50 µs \(8 tasks per message\).*--batch \d+/,
      );
    },
  );

  it('where it is inconclusive: undecided, with the samples that would likely decide, and no pool recommended', () => {
    const result = fixture('inconclusive.json');
    const classification = classifyWorkload(result.benchmarks, result.environment);
    expect(classification.class).toBe('cpu');
    expect(classification.recommendation.strategy).toBe('undecided');
    expect(classification.recommendation.threads).toBeNull();
    expect(classification.recommendation.samplesFactor).toBeGreaterThan(1);
    expect(classification.evidence.parallelSpeedup[0]?.word).toBe('inconclusive');
    expect(classification.reasons.join('\n')).toContain(
      'inconclusive: nothing measured is shown to gain, and parallel on 2 threads could still',
    );
  });

  it('recommends a pool only when it gains, and the fewest threads among those not told apart from the best', () => {
    // SYNTHETIC edit of the same recording: parallel now 1.8× (1.7–1.9), a gain.
    const result = structuredClone(fixture('inconclusive.json'));
    const pool = result.benchmarks.find(
      (benchmark): benchmark is OkBenchmark => benchmark.id === 'cpu-spin/parallel/t2' && benchmark.status === 'ok',
    );
    if (pool?.derived == null) throw new Error('the recording lost its derived figures');
    pool.derived = { ...pool.derived, speedup: 1.8, speedupCi95: [1.7, 1.9] };
    const classification = classifyWorkload(result.benchmarks, result.environment);
    expect(classification.recommendation).toEqual({ strategy: 'parallel', threads: 2 });
  });

  it('cannot classify without a sequential baseline, and says why', () => {
    const result = fixture('inconclusive.json');
    expect(() =>
      classifyWorkload(
        result.benchmarks.filter((benchmark) => benchmark.strategy !== 'sequential'),
        result.environment,
      ),
    ).toThrow('cannot classify: the sequential baseline has no figures');
  });
});

describe('classify runs longer when the evidence is inconclusive and the budget is its own to choose', () => {
  const args = { workload: 'cpu-spin', retry: true, json: false };
  const undecided = (samplesFactor: number | null): Classification =>
    ({ recommendation: { strategy: 'undecided', threads: null, samplesFactor } }) as unknown as Classification;

  it('a second attempt with --max-time scaled by twice the samples the judgement asked for, within bounds', () => {
    const quickMs = RUN_PROFILES.quick.maxTimeMs;
    expect(retryBudgetMs(undecided(3.2), args)).toBe(Math.ceil((quickMs * 6.4) / 1000) * 1000);
    expect(retryBudgetMs(undecided(1.1), args)).toBe(Math.ceil((quickMs * 3) / 1000) * 1000); // at least 3×
    expect(retryBudgetMs(undecided(null), args)).toBe(Math.ceil((quickMs * 3) / 1000) * 1000);
    expect(retryBudgetMs(undecided(90), args)).toBe(30_000); // all the retries together at most 30 s
  });

  it('a further attempt scales the last one, within what is left of the 30 s, while it is still undecided', () => {
    expect(retryBudgetMs(undecided(1.2), args, [5_000])).toBe(15_000); // 3× the last attempt
    expect(retryBudgetMs(undecided(2), args, [5_000])).toBe(20_000); // twice the factor, 4×
    expect(retryBudgetMs(undecided(2), args, [9_000])).toBe(21_000); // 36 s asked, 21 s left
    expect(retryBudgetMs(undecided(2), args, [9_000, 18_000])).toBeUndefined(); // 3 s left: under 3× the quick one
    // The most attempts: the first look, then 5 s, 15 s and the 10 s left.
    expect(retryBudgetMs(undecided(1), args, [5_000, 15_000])).toBe(10_000);
    expect(retryBudgetMs(undecided(1), args, [5_000, 15_000, 10_000])).toBeUndefined();
  });

  it('none when the first attempt decided, or the user fixed the budget, or said --no-retry', () => {
    const decided = { recommendation: { strategy: 'parallel', threads: 2 } } as unknown as Classification;
    expect(retryBudgetMs(decided, args)).toBeUndefined();
    expect(retryBudgetMs(undecided(3), { ...args, rounds: 5 })).toBeUndefined();
    expect(retryBudgetMs(undecided(3), { ...args, 'max-time': 4000 })).toBeUndefined();
    expect(retryBudgetMs(undecided(3), { ...args, retry: false })).toBeUndefined();
  });
});

/**
 * Fixed figures (SYNTHETIC, okCell: three samples at ±1 % that pair up round by round, speedup intervals ±5 %), the
 * cases main's earlier test pinned with the old rules (5 % of the best, a fixed 1.25 gain), under the new ones.
 */
describe('classify on fixed figures', () => {
  function cell(strategy: string, threads: number, speedup: number, busy: number): OkBenchmark {
    return okCell({ strategy, threads, medianMs: 100 / speedup, speedup, loopBusy: busy });
  }
  function cpuRun(parallel: Array<[threads: number, speedup: number]>): OkBenchmark[] {
    return [
      cell('sequential', 1, 1, 0.98),
      cell('concurrent', 1, 1, 0.98),
      ...parallel.map(([threads, speedup]) => cell('parallel', threads, speedup, 0.1)),
    ];
  }
  const machine = (usableCores: number) => ({ usableCores });

  it('recommends the fewest threads not told apart from the best gain', () => {
    // 2 threads at 1.90× against 4 at 1.95×: paired, 4 threads are 1.026× as fast, the same within ±3 %: take 2.
    expect(
      classifyWorkload(
        cpuRun([
          [1, 0.97],
          [2, 1.9],
          [4, 1.95],
        ]),
        machine(2),
      ).recommendation,
    ).toEqual({ strategy: 'parallel', threads: 2 });
    // 1.5× against 1.95×: 4 threads are a gain over 2 (1.3×): take 4.
    expect(
      classifyWorkload(
        cpuRun([
          [1, 0.97],
          [2, 1.5],
          [4, 1.95],
        ]),
        machine(4),
      ).recommendation,
    ).toEqual({ strategy: 'parallel', threads: 4 });
    // Order in the file does not matter.
    expect(
      classifyWorkload(
        cpuRun([
          [4, 1.95],
          [1, 0.97],
          [2, 1.9],
        ]),
        machine(2),
      ).recommendation.threads,
    ).toBe(2);
  });

  it('recommends no pool when no parallel cell was measured: nothing shows one gains', () => {
    const classification = classifyWorkload(cpuRun([]), machine(3));
    expect(classification.class).toBe('cpu');
    expect(classification.recommendation).toEqual({ strategy: 'sequential', threads: null });
  });

  it('calls waiting work I/O-bound, recommends concurrency, names pool overhead only when concurrent wins', () => {
    const benchmarks = [cell('sequential', 1, 1, 0.05), cell('concurrent', 1, 6, 0.2), cell('parallel', 2, 1.8, 0.05)];
    const classification = classifyWorkload(benchmarks, machine(2));
    expect(classification.class).toBe('io');
    expect(classification.recommendation).toEqual({ strategy: 'concurrent', threads: null });
    expect(classification.reasons).toContain(
      'a pool only adds overhead: concurrent ran 3.33× (3.33–3.33) as fast as its best (parallel on 2 threads)',
    );
  });
});
