import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { type ResultFile, resultFileSchema } from '../../src/results/schema.js';
import { until } from '../helpers/processes.js';
import { fixture } from './fault-run.js';
import { startWatched } from './watched-run.js';

const samplesTaken = (result: ResultFile | undefined): number =>
  result?.benchmarks.reduce((total, benchmark) => total + benchmark.samplesMs.length, 0) ?? 0;

describe('interrupting a run', () => {
  it.each([['SIGINT'], ['SIGTERM']] as const)(
    '%s: stops at the next sample boundary, keeps every sample, marks the file interrupted, exits 130',
    async (signal) => {
      const run = startWatched([
        '-w',
        fixture('slow'),
        '-s',
        'sequential,concurrent',
        '--size',
        '30',
        '--tasks',
        '3',
        '--rounds',
        '1000',
        '--warmup',
        '0',
      ]);
      await until(() => samplesTaken(run.latest()) >= 4, 30_000);
      run.child.kill(signal);
      const exit = await run.exited;
      expect(exit.code).toBe(EXIT.interrupted);

      const final = resultFileSchema.parse(JSON.parse(readFileSync(run.out, 'utf8')));
      expect(final.run.interrupted).toBe(true);
      expect(final.run.finishedAt).not.toBeNull();
      // Nothing measured is lost: the file holds at least what it held when the signal went.
      expect(samplesTaken(final)).toBeGreaterThanOrEqual(4);
      for (const benchmark of final.benchmarks) expect(['ok', 'skipped']).toContain(benchmark.status);
      expect(run.reads).toBeGreaterThan(3);
      expect(run.invalid).toEqual([]);
    },
  );
});
