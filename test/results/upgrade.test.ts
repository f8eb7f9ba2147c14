import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { REAL_RESULT_PATH } from '../report/fixtures.js';
import { readFileSync } from 'node:fs';

describe('reading version 1 files', () => {
  it('upgrades a committed version 1 file: one process, samples in round order, not precise', () => {
    const original = JSON.parse(readFileSync(REAL_RESULT_PATH, 'utf8')) as { schemaVersion: number; benchmarks: Array<{ samplesMs: number[] }> };
    expect(original.schemaVersion).toBe(1);
    const file = readResultFile(REAL_RESULT_PATH);
    expect(file.schemaVersion).toBe(2);
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
