import { describe, expect, it } from 'vitest';
import { classifyWorkload } from '../../src/classify/classify.js';
import type { OkBenchmark } from '../../src/results/schema.js';
import { okCell } from '../helpers/synthetic-cell.js';

/**
 * The verdict from fixed figures: the CLI test (test/cli/classify.test.ts) reads a real run, whose speedups a busy
 * machine moves; these pin the rules. Speedups are over a 100 ms sequential cell.
 */
function cell(strategy: string, threads: number, speedup: number, busy: number): OkBenchmark {
  const shaped = okCell({ strategy, threads, medianMs: 100 / speedup, speedup });
  return { ...shaped, eventLoop: { utilization: busy, delayP99Ms: 1 } };
}

function cpuRun(parallel: Array<[threads: number, speedup: number]>): OkBenchmark[] {
  const pool = parallel.map(([threads, speedup]) => cell('parallel', threads, speedup, 0.1));
  return [cell('sequential', 1, 1, 0.98), cell('concurrent', 1, 1, 0.98), ...pool];
}

describe('classifyWorkload', () => {
  it('recommends the fewest threads within 5 % of the best speedup for CPU-bound work', () => {
    // 1.9 is within 5 % of 1.95 (≥ 1.8525): 4 threads buy nothing that 2 do not.
    const recommended = (run: OkBenchmark[], usableCores: number) => classifyWorkload(run, usableCores).recommendation;
    expect(recommended(cpuRun([[1, 0.97], [2, 1.9], [4, 1.95]]), 2)).toEqual({ strategy: 'parallel', threads: 2 });
    // 1.5 is not within 5 % of 1.95: the larger pool is worth it.
    expect(recommended(cpuRun([[1, 0.97], [2, 1.5], [4, 1.95]]), 4)).toEqual({ strategy: 'parallel', threads: 4 });
    // Order in the file does not matter: points are read by thread count.
    expect(recommended(cpuRun([[4, 1.95], [1, 0.97], [2, 1.9]]), 2).threads).toBe(2);
  });

  it('falls back to the usable cores when no parallel cell was measured', () => {
    const classification = classifyWorkload(cpuRun([]), 3);
    expect(classification.class).toBe('cpu');
    expect(classification.recommendation).toEqual({ strategy: 'parallel', threads: 3 });
  });

  it('calls waiting work I/O-bound and recommends concurrency, with no pool size', () => {
    const benchmarks = [cell('sequential', 1, 1, 0.05), cell('concurrent', 1, 6, 0.2), cell('parallel', 2, 1.8, 0.05)];
    const classification = classifyWorkload(benchmarks, 2);
    expect(classification.class).toBe('io');
    expect(classification.recommendation).toEqual({ strategy: 'concurrent', threads: null });
    expect(classification.reasons).toContain('a pool only adds overhead: its best (1.80×) is below concurrent\'s');
  });
});
