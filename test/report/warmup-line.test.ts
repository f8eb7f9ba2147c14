import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../src/results/schema.js';
import { warmupLine } from '../../src/report/text/warmup-line.js';
import { syntheticResult } from '../helpers/result-fixture.js';

/** The fixture's cells with a warm-up report: the main thread's and (pool cells) the pool threads' used heap. */
function warmedCells(heapOf: (cell: Benchmark) => { mainBytes: number; workersBytes?: number } | undefined) {
  return syntheticResult().benchmarks.map((cell): Benchmark => {
    if (cell.status !== 'ok') return cell;
    const heap = heapOf(cell);
    const gc = { mainPct: 2, ...(cell.threads > 1 ? { workersPct: 4 } : {}) };
    const warmup = { processes: [], notSteady: 0, firstSampleRatio: 1, drifting: false, gc };
    return { ...cell, warmup: heap === undefined ? warmup : { ...warmup, heap } };
  });
}

describe('warm-up line', () => {
  it('gives the largest used heap on the main thread and on a pool thread', () => {
    const line = warmupLine(
      warmedCells((cell) =>
        cell.threads > 1
          ? { mainBytes: 20 * 1024 * 1024, workersBytes: 12 * 1024 * 1024 }
          : { mainBytes: 8 * 1024 * 1024 },
      ),
    );
    expect(line).toContain('used heap up to 20 MiB on the main thread, 12 MiB on a pool thread');
  });

  it('leaves the heap out for files written before it was measured', () => {
    expect(warmupLine(warmedCells(() => undefined))).not.toContain('heap');
  });

  it('gives no longest warm-up when the file has no per-process reports, and no non-finite figure', () => {
    const line = warmupLine(warmedCells(() => undefined)) ?? '';
    expect(line).toMatch(/^warm-up: \d+ of \d+ cells steady in every process;/);
    expect(line).not.toMatch(/Infinity|NaN/);
  });
});
