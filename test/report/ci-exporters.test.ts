import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli, scratchDir } from '../helpers/cli.js';
import { REAL_RESULT_PATH, secondMachineResult, writeResult } from './fixtures.js';

/** Bencher's published JSON Schema for BMF (bencher.dev/bmf.json), restated in zod: value required, bounds optional. */
const bmfSchema = z.record(
  z.string().min(1),
  z.record(
    z.string().min(1),
    z.strictObject({ value: z.number(), lower_value: z.number().optional(), upper_value: z.number().optional() }),
  ),
);

/** github-action-benchmark's own reader of custom input (src/extract.ts: BenchmarkResult), restated in zod. */
const customBenchmarkSchema = z.array(
  z.strictObject({
    name: z.coerce.string(),
    value: z.coerce.number(),
    range: z.coerce.string().optional(),
    unit: z.coerce.string(),
    extra: z.coerce.string().optional(),
  }),
);

/** The committed fixture read as plain JSON, not through corescope's loader: the figures the exports must carry. */
interface RawBenchmark {
  id: string;
  status: string;
  stats?: { median: number; ci95: number; n: number };
  derived?: { speedup: number; speedupCi95: [number, number] } | null;
}
const RAW = JSON.parse(readFileSync(REAL_RESULT_PATH, 'utf8')) as { benchmarks: RawBenchmark[] };
const MEASURED = RAW.benchmarks.filter((benchmark) => benchmark.status === 'ok');

describe('report --format bmf (Bencher Metric Format)', () => {
  it('gives every measured benchmark its latency in ns with the interval, and its speedup', async () => {
    const result = await runCli(['report', REAL_RESULT_PATH, '--format', 'bmf']);
    expect(result.code, result.stderr).toBe(0);
    const bmf = bmfSchema.parse(JSON.parse(result.stdout));
    expect(Object.keys(bmf)).toEqual(MEASURED.map((benchmark) => benchmark.id));
    for (const benchmark of MEASURED) {
      const measures = bmf[benchmark.id];
      const stats = benchmark.stats;
      if (stats === undefined) throw new Error('fixture cell without stats');
      expect(measures?.latency?.value).toBeCloseTo(stats.median * 1e6, 3);
      expect(measures?.latency?.lower_value).toBeCloseTo(Math.max(0, stats.median - stats.ci95) * 1e6, 3);
      expect(measures?.latency?.upper_value).toBeCloseTo((stats.median + stats.ci95) * 1e6, 3);
      if (benchmark.derived === null || benchmark.derived === undefined) {
        expect(measures?.speedup).toBeUndefined();
      } else {
        expect(measures?.speedup).toEqual({
          value: benchmark.derived.speedup,
          lower_value: benchmark.derived.speedupCi95[0],
          upper_value: benchmark.derived.speedupCi95[1],
        });
      }
    }
  });

  it('is chosen by a .bmf.json --out; several files name each benchmark with its machine', async () => {
    const directory = scratchDir();
    const second = writeResult(directory, 'big-box.json', secondMachineResult());
    const out = join(directory, 'bencher.bmf.json');
    const result = await runCli(['report', REAL_RESULT_PATH, second, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(`report (bmf): ${out}\n`);
    const bmf = bmfSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    const first = MEASURED[0]?.id ?? '';
    expect(Object.keys(bmf)).toHaveLength(MEASURED.length * 2);
    expect(Object.keys(bmf)).toContain(`${first} (big-box)`);
    expect(Object.keys(bmf).filter((name) => name.startsWith(`${first} (`))).toHaveLength(2);
  });
});

describe('report --format github-action-benchmark (customSmallerIsBetter)', () => {
  it('gives every measured benchmark its median in ms, the 95 % half-width as range, and the speedup in extra', async () => {
    const result = await runCli(['report', REAL_RESULT_PATH, '--format', 'github-action-benchmark']);
    expect(result.code, result.stderr).toBe(0);
    const entries = customBenchmarkSchema.parse(JSON.parse(result.stdout));
    expect(entries.map((entry) => entry.name)).toEqual(MEASURED.map((benchmark) => benchmark.id));
    entries.forEach((entry, index) => {
      const benchmark = MEASURED[index];
      expect(entry.unit).toBe('ms');
      expect(entry.value).toBe(benchmark?.stats?.median);
      // Three significant digits: within half a unit of the third.
      const ci95 = benchmark?.stats?.ci95 ?? NaN;
      expect(Math.abs(Number(entry.range?.replace(/^± /, '')) - ci95) / ci95).toBeLessThanOrEqual(0.005);
      expect(entry.extra).toMatch(
        new RegExp(`^median of ${benchmark?.stats?.n} samples, each a batch of \\d+ tasks; `),
      );
      if (benchmark?.derived)
        expect(entry.extra).toContain(
          `(95% CI ` +
            `${benchmark.derived.speedupCi95[0].toFixed(2)}–${benchmark.derived.speedupCi95[1].toFixed(2)}) ` +
            `vs sequential`,
        );
    });
  });
});
