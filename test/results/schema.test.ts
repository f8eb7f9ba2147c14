import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { JSON_SCHEMA_PATH, resultJsonSchema } from '../../src/results/json-schema.js';
import { parseResultText, readResultFile } from '../../src/results/load.js';
import { resultFileSchema } from '../../src/results/schema.js';
import { serializeResult, writeResultAtomic } from '../../src/results/store.js';
import { scratchDir } from '../helpers/cli.js';
import { syntheticResult } from '../helpers/result-fixture.js';

describe('result file schema', () => {
  it('round-trips a result through write and read unchanged', () => {
    const result = syntheticResult();
    const path = join(scratchDir(), 'result.json');
    writeResultAtomic(path, result);
    expect(readResultFile(path)).toEqual(result);
  });

  it('refuses to write non-finite numbers', () => {
    const result = syntheticResult();
    const first = result.benchmarks[0];
    if (first?.status !== 'ok') throw new Error('fixture changed');
    first.stats.mean = Number.NaN;
    expect(() => serializeResult(result)).toThrow(/benchmarks\.0\.stats\.mean/);
    first.stats.mean = Number.POSITIVE_INFINITY;
    expect(() => serializeResult(result)).toThrow(/refusing to write an invalid result/);
  });

  it('rejects malformed data with the JSON path at fault', () => {
    const text = JSON.stringify(syntheticResult());
    const cases: Array<[string, RegExp]> = [
      [text.replace('"status":"ok"', '"status":"fine"'), /\$\.benchmarks\[0\]/],
      [text.replace('"median":', '"medianMs":'), /\$\.benchmarks\[0\]\.stats\.median/],
      [text.replace('"usableCores":2', '"usableCores":"2"'), /\$\.environment\.usableCores/],
      [
        text.replace('"schemaVersion":3', '"schemaVersion":7'),
        /schemaVersion: 7 is not supported \(supported: 1, 2, 3\)/,
      ],
      [text.replace('"cpu-hash/parallel/t2"', '"cpu-hash/sequential/t1"'), /duplicate id/],
      [text.slice(0, text.length / 2), /not valid JSON/],
    ];
    for (const [input, message] of cases) expect(() => parseResultText(input, 'file.json')).toThrow(message);
  });

  it('keeps every failure status as a tagged union member', () => {
    for (const status of ['error', 'timeout', 'crashed'] as const) {
      const result = syntheticResult();
      const failed = result.benchmarks[2];
      if (failed === undefined || failed.status === 'ok' || failed.status === 'skipped')
        throw new Error('fixture changed');
      failed.status = status;
      expect(resultFileSchema.safeParse(result).success).toBe(true);
    }
  });

  it('has a committed JSON Schema that matches the zod schema (run `npm run schema` after changing it)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_PATH), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(resultJsonSchema())));
  });
});
