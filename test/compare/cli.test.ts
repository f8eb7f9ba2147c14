import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import {
  FIXTURE_PATH,
  loadFixture,
  loadReference,
  onAnotherMachine,
  REFERENCE_PATH,
  scaleBenchmark,
  stableIds,
  V1_PATH,
  loadV1,
  writeJson,
} from './derive.js';

const reference = loadReference();
/** A run of the current engine, several processes per cell: what same-machine verdicts judge. */
const fixture = loadFixture();
const planted = stableIds(fixture)[0] ?? '';
let dir = '';
let slower10 = '';
let slower2 = '';
let otherMachine = '';

beforeAll(() => {
  dir = scratchDir('corescope-compare-');
  slower10 = writeJson(dir, 'slower10.json', scaleBenchmark(fixture, planted, 1.1));
  slower2 = writeJson(dir, 'slower2.json', scaleBenchmark(fixture, planted, 1.02));
  // SYNTHETIC second machine (relabelled reference figures), for the layout only.
  otherMachine = writeJson(
    dir,
    'synthetic-16.json',
    onAnotherMachine(reference, { cpuModel: 'Synthetic 16-core (test only)', usableCores: 16, label: 'synthetic-16' }),
  );
});

/** exit 2, one line on stderr naming what is wrong, no stack trace. */
function expectUsageLine(result: { code: number | null; stderr: string }, ...mentions: string[]): void {
  expect(result.code).toBe(EXIT.usage);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const mention of mentions) expect(lines[0]).toContain(mention);
}

describe('corescope compare: exit codes', () => {
  it('exits 0 comparing a run with itself, and fits 120 columns', async () => {
    const result = await runCli(['compare', FIXTURE_PATH, FIXTURE_PATH]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toContain('No significant regression beyond 3 %.');
    expect(result.stdout).toContain('0 slower, 0 faster');
    const table = result.stdout.split('\n').filter((line) => !line.includes(FIXTURE_PATH));
    for (const line of table) expect([...line].length, line).toBeLessThanOrEqual(120);
  });

  it('judges nothing in files of one measuring process per cell (schemaVersion 1): unreliable, exit 0', async () => {
    const v1 = loadV1();
    const slower = writeJson(dir, 'v1-slower.json', scaleBenchmark(v1, v1.benchmarks[0]?.id ?? '', 2));
    const result = await runCli(['compare', V1_PATH, slower]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toContain(`0 slower, 0 faster, 0 same, 0 inconclusive, ${v1.benchmarks.length} unreliable`);
  });

  it('exits 3 on a planted 10 % slowdown, naming it; 0 with --fail-on none', async () => {
    const result = await runCli(['compare', FIXTURE_PATH, slower10]);
    expect(result.code, result.stderr).toBe(EXIT.regression);
    expect(result.stdout).toMatch(new RegExp(`REGRESSION: ${planted.replace(/[/.]/g, '\\$&')} \\(.*×1\\.100\\)`));
    const lenient = await runCli(['compare', FIXTURE_PATH, slower10, '--fail-on', 'none']);
    expect(lenient.code).toBe(EXIT.ok);
  });

  it('exits 0 on a planted 2 % change, and on the planted 10 % once the margin is above it', async () => {
    expect((await runCli(['compare', FIXTURE_PATH, slower2])).code).toBe(EXIT.ok);
    expect((await runCli(['compare', FIXTURE_PATH, slower10, '--threshold', '12%'])).code).toBe(EXIT.ok);
  });

  it('exits 0 across machines even when absolute times differ: nothing is judged', async () => {
    const result = await runCli(['compare', REFERENCE_PATH, otherMachine]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(result.stdout).toContain('Across machines (dimensionless figures)');
    expect(result.stdout).toContain('Synthetic 16-core (test only), 16 usable cores');
  });
});

describe('corescope compare: output formats', () => {
  it('--format markdown: a heading, the verdict line, and well-formed tables', async () => {
    const result = await runCli([
      'compare',
      FIXTURE_PATH,
      slower10,
      otherMachine,
      '--format',
      'markdown',
      '--fail-on',
      'none',
    ]);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('## corescope compare');
    expect(result.stdout).toContain(`**REGRESSION: ${planted}`);
    expect(result.stdout).toContain('### Across machines (dimensionless figures)');
    const header = '| benchmark | verdict | base | head | change | CI | MDC | why |';
    const start = lines.indexOf(header);
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toBe('| :--- | :--- | ---: | ---: | ---: | ---: | ---: | :--- |');
    const body = lines.slice(start + 2, lines.indexOf('', start));
    expect(body).toHaveLength(fixture.benchmarks.length);
    for (const row of body) expect(row.split(' | ')).toHaveLength(8);
    expect(body.find((row) => row.startsWith(`| ${planted} |`))).toContain('| **slower** |');
  });

  it('--format json: the comparison as data', async () => {
    const result = await runCli(['compare', FIXTURE_PATH, slower10, '--format', 'json']);
    expect(result.code).toBe(EXIT.regression);
    const parsed = JSON.parse(result.stdout) as {
      regressions: Array<{ id: string }>;
      sameMachine: Array<{
        judgements: Array<{ id: string; verdict: string; ratioLow: number; minimumDetectable: number }>;
        confidence: number;
      }>;
      options: unknown;
    };
    expect(parsed.regressions.map((regression) => regression.id)).toEqual([planted]);
    expect(parsed.sameMachine[0]?.judgements).toHaveLength(fixture.benchmarks.length);
    expect(parsed.options).toEqual({ threshold: 0.03, alpha: 0.05, correction: 'benjamini-hochberg' });
    const row = parsed.sameMachine[0]?.judgements.find((judgement) => judgement.id === planted);
    expect(row?.verdict).toBe('slower');
    expect(row?.ratioLow).toBeGreaterThan(1.03);
    expect(row?.minimumDetectable).toBeGreaterThan(0.03);
  });

  it('--out writes the output to a file and keeps the exit code', async () => {
    const out = join(dir, 'nested', 'comparison.md');
    const result = await runCli(['compare', FIXTURE_PATH, slower10, '--format', 'markdown', '--out', out]);
    expect(result.code).toBe(EXIT.regression);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^## corescope compare\n/);
  });

  it('--help states the size cap and the supported schema versions', async () => {
    const result = await runCli(['compare', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('64 MiB');
    expect(result.stdout).toContain('schemaVersion 1, 2, 3 is supported');
  });
});

describe('corescope compare: bad input exits 2 with one line', () => {
  const text = readFileSync(REFERENCE_PATH, 'utf8');

  it('not JSON', async () => {
    const path = writeJson(dir, 'notjson.json', 'hello, world');
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, path]), 'notjson.json', 'not valid JSON');
  });

  it('truncated', async () => {
    const path = writeJson(dir, 'truncated.json', text.slice(0, Math.floor(text.length / 2)));
    expectUsageLine(await runCli(['compare', path, REFERENCE_PATH]), 'truncated.json', 'truncated');
  });

  it('another schemaVersion, saying which are supported', async () => {
    const path = writeJson(dir, 'v4.json', { ...reference, schemaVersion: 4 });
    expectUsageLine(
      await runCli(['compare', REFERENCE_PATH, path]),
      'v4.json',
      '$.schemaVersion',
      'supported: 1, 2, 3',
    );
  });

  it('a missing field, named by its JSON path', async () => {
    const broken = structuredClone(reference) as unknown as { environment: Record<string, unknown> };
    delete broken.environment.cpuModel;
    const path = writeJson(dir, 'missing.json', broken);
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, path]), 'missing.json', '$.environment.cpuModel');
  });

  it('a mistyped field, named by its JSON path', async () => {
    const broken = structuredClone(reference) as unknown as { benchmarks: Array<Record<string, unknown>> };
    const first = broken.benchmarks[0];
    if (first !== undefined) first.samplesMs = 'fast';
    const path = writeJson(dir, 'mistyped.json', broken);
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, path]), 'mistyped.json', '$.benchmarks[0]');
  });

  it('no benchmark in common', async () => {
    const other = structuredClone(reference);
    for (const benchmark of other.benchmarks) benchmark.id = `elsewhere/${benchmark.id}`;
    const path = writeJson(dir, 'disjoint.json', other);
    expectUsageLine(
      await runCli(['compare', REFERENCE_PATH, path]),
      'disjoint.json',
      'no benchmark in common',
      REFERENCE_PATH,
    );
  });

  it('a missing file, one file only, and bad flags', async () => {
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, join(dir, 'absent.json')]), 'absent.json', 'ENOENT');
    expect((await runCli(['compare', REFERENCE_PATH])).code).toBe(EXIT.usage);
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, REFERENCE_PATH, '--threshold', 'abc']), '--threshold');
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, REFERENCE_PATH, '--alpha', '2']), '--alpha');
    expectUsageLine(await runCli(['compare', REFERENCE_PATH, REFERENCE_PATH, '--format', 'pdf']), '--format', 'pdf');
  });
});
