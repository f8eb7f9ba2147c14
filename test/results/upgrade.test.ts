import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { REAL_RESULT_PATH } from '../report/fixtures.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';

describe('reading version 1 files', () => {
  it('upgrades a committed version 1 file: one process, samples in round order, not precise', () => {
    type Stored = { schemaVersion: number; benchmarks: Array<{ samplesMs: number[] }> };
    const original = JSON.parse(readFileSync(REAL_RESULT_PATH, 'utf8')) as Stored;
    expect(original.schemaVersion).toBe(1);
    const file = readResultFile(REAL_RESULT_PATH);
    expect(file.schemaVersion).toBe(3);
    expect(file.config.processes).toBe(1);
    for (const [index, benchmark] of file.benchmarks.entries()) {
      expect(benchmark.samplesMs).toEqual(original.benchmarks[index]?.samplesMs);
      expect(benchmark.samplesProcess.every((process) => process === 0)).toBe(true);
      expect(benchmark.samplesRound).toEqual(benchmark.samplesMs.map((_, round) => round));
      if (benchmark.status !== 'ok') continue;
      expect(benchmark.processes).toBe(1);
      expect(benchmark.repeats).toBe(1);
      expect(benchmark.precision.met).toBe(false);
      expect(benchmark.stats.medianCi95[0]).toBeLessThanOrEqual(benchmark.stats.median);
      expect(benchmark.stats.medianCi95[1]).toBeGreaterThanOrEqual(benchmark.stats.median);
      if (benchmark.derived !== null) expect(benchmark.derived.pairs).toBe(0);
    }
  });
});

describe('reading version 2 files', () => {
  const path = join(PACKAGE_ROOT, 'results', 'reference', 'dev-2core.json');
  type Entry = { id: string; derived?: { speedup: number; idealSpeedup: number; efficiency: number } | null };
  const original = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number; benchmarks: Entry[] };
  const file = readResultFile(path);
  const derived = (id: string) => {
    const entry = file.benchmarks.find((benchmark) => benchmark.id === id);
    return entry?.status === 'ok' ? entry.derived : undefined;
  };
  const before = (id: string) => original.benchmarks.find((entry) => entry.id === id)?.derived;

  it('works the ideal out again by the version 3 rule, from the file’s own figures', () => {
    expect(original.schemaVersion).toBe(2);
    expect(file.schemaVersion).toBe(3);
    // io-timer's sequential cell kept 0.019 cores busy: 16 tasks on 4 threads, max(ceil(16/4), 0.019 × 8) = 4 waves.
    expect(before('io-timer/parallel/t4')?.idealSpeedup).toBe(2);
    expect(derived('io-timer/parallel/t4')?.idealSpeedup).toBe(4);
    const speedup = before('io-timer/parallel/t4')?.speedup ?? Number.NaN;
    expect(derived('io-timer/parallel/t4')?.efficiency).toBeCloseTo(speedup / 4, 12);
  });

  it('keeps the core-count ideal for work that computes, and every ideal but a pool’s', () => {
    const kept = ['cpu-compute/parallel/t4', 'cpu-hash/parallel/t4', 'io-timer/concurrent/t1', 'io-fs/parallel/t2'];
    for (const id of kept) {
      expect(before(id)?.idealSpeedup, id).toBeGreaterThan(0);
      expect(derived(id)?.idealSpeedup).toBe(before(id)?.idealSpeedup);
    }
    expect(derived('cpu-compute/parallel/t4')?.idealSpeedup).toBe(2);
  });
});

