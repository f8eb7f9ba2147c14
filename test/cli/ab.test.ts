import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairSides } from '../../src/ab/sides.js';
import { EXIT } from '../../src/errors.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { runCli, scratchDir } from '../helpers/cli.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'ab');
const FAST = [
  '-s',
  'sequential',
  '--processes',
  '2',
  '--rounds',
  '3',
  '--no-probe',
  '--min-sample',
  '5ms',
  '--trace-samples',
  '0',
];

describe('corescope ab: which workloads pair up', () => {
  it('pairs two files, two lists by position, or two directories by file name', () => {
    const base = join(FIXTURES, 'base');
    const head = join(FIXTURES, 'head');
    expect(pairSides(join(base, 'spin.mjs'), join(head, 'spin.mjs'))).toEqual({
      base: [join(base, 'spin.mjs')],
      head: [join(head, 'spin.mjs')],
    });
    expect(pairSides('cpu-compute,io-timer', 'cpu-compute,io-timer')).toEqual({
      base: ['cpu-compute', 'io-timer'],
      head: ['cpu-compute', 'io-timer'],
    });
    expect(pairSides(base, head)).toEqual({ base: [join(base, 'spin.mjs')], head: [join(head, 'spin.mjs')] });
  });

  it('says which file has no partner, or which side names fewer workloads', () => {
    const lonely = scratchDir();
    mkdirSync(join(lonely, 'a'));
    mkdirSync(join(lonely, 'b'));
    writeFileSync(join(lonely, 'a', 'x.mjs'), 'export default {}');
    writeFileSync(join(lonely, 'b', 'y.mjs'), 'export default {}');
    expect(() => pairSides(join(lonely, 'a'), join(lonely, 'b'))).toThrow(
      /x\.mjs in .*\/a has no file of the same name in .*\/b/,
    );
    expect(() => pairSides('cpu-compute,io-timer', 'cpu-compute')).toThrow(
      'ab: base names 2 workload(s), head 1: give the same workloads on both sides',
    );
    expect(() => pairSides(join(lonely, 'a'), 'cpu-compute')).toThrow(/is a directory and cpu-compute is not/);
  });
});

describe('corescope ab', () => {
  it('flags a real slowdown of head with exit 3, and writes both result files', async () => {
    const directory = scratchDir();
    const [baseOut, headOut, out] = ['base.json', 'head.json', 'ab.md'].map((name) => join(directory, name)) as [
      string,
      string,
      string,
    ];
    const args = [
      'ab',
      join(FIXTURES, 'base'),
      join(FIXTURES, 'head'),
      ...FAST,
      '-f',
      'markdown',
      '-o',
      out,
      '--base-out',
      baseOut,
      '--head-out',
      headOut,
    ];
    const result = await runCli(args);
    expect(result.code, result.stderr).toBe(EXIT.regression);
    const base = readResultFile(baseOut);
    const head = readResultFile(headOut);
    expect(base.run.label).toBe('base');
    expect(head.run.label).toBe('head');
    // Alternated processes, numbered per side: each side has processes 0 and 1, three rounds each.
    for (const file of [base, head]) expect(file.benchmarks[0]?.samplesProcess).toEqual([0, 0, 0, 1, 1, 1]);
    // The head measured the work the base calibrated: the same batches per sample.
    const repeats = (file: typeof base): number | undefined =>
      file.benchmarks[0]?.status === 'ok' ? file.benchmarks[0].repeats : undefined;
    expect(repeats(head)).toBe(repeats(base));
  });

  it('does not flag the same code against itself', async () => {
    const same = join(FIXTURES, 'base');
    const result = await runCli(['ab', same, same, ...FAST, '-f', 'json']);
    expect(result.code, result.stderr).toBe(EXIT.ok);
    const comparison = JSON.parse(result.stdout) as {
      sameMachine: Array<{ judgements: Array<{ verdict: string }> }>;
      regressions: unknown[];
    };
    expect(comparison.regressions).toEqual([]);
    expect(comparison.sameMachine[0]?.judgements[0]?.verdict).not.toBe('slower');
  });

  it('refuses two sides that hold different workloads, naming them (exit 2)', async () => {
    const result = await runCli(['ab', join(FIXTURES, 'base'), join(FIXTURES, 'other'), ...FAST]);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr.trim()).toMatch(
      /^corescope: .*other\/spin\.mjs holds workload "not-ab-spin" but .*base\/spin\.mjs holds "ab-spin"/,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
