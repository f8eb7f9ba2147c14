import { describe, expect, it } from 'vitest';
import { compareResults } from '../../src/compare/index.js';
import { machineIdentity, nodeMajorOf } from '../../src/compare/machine.js';
import { matchBenchmarks } from '../../src/compare/match.js';
import { UsageError } from '../../src/errors.js';
import {
  loadFixture,
  loadReference,
  onAnotherMachine,
  scaleBenchmark,
  stableIds,
  withoutBenchmarks,
} from './derive.js';

const reference = loadReference();
/** A run of the current engine (several processes per cell): the one whose cells same-machine verdicts can judge. */
const fixture = loadFixture();
const firstStable = stableIds(fixture)[0] ?? '';
const ids = reference.benchmarks.map((benchmark) => benchmark.id);
// SYNTHETIC machine for layout tests only: the reference figures relabelled, never a measurement.
const SIXTEEN = { cpuModel: 'Synthetic 16-core (test only)', usableCores: 16, label: 'synthetic-16' };

describe('matchBenchmarks', () => {
  it('lines ids up across files and lists those present in only some', () => {
    const [first, second, ...rest] = ids;
    const base = { name: 'base.json', result: withoutBenchmarks(reference, (benchmark) => benchmark.id !== second) };
    const head = { name: 'head.json', result: withoutBenchmarks(reference, (benchmark) => benchmark.id !== first) };
    const matching = matchBenchmarks([base, head]);
    expect(matching.rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(matching.partial).toEqual(
      expect.arrayContaining([
        { id: first, presentIn: ['base.json'], missingFrom: ['head.json'] },
        { id: second, presentIn: ['head.json'], missingFrom: ['base.json'] },
      ]),
    );
    expect(matching.partial).toHaveLength(2);
    const common = matching.rows.find((row) => row.id === rest[0]);
    expect(common?.entries.every((entry) => entry !== undefined)).toBe(true);
  });
});

describe('machine identity', () => {
  it('is CPU model + usable cores + Node major, and ignores the host name and the Node minor', () => {
    const a = machineIdentity(reference.environment);
    const b = machineIdentity({ ...reference.environment, node: `v${nodeMajorOf(reference.environment.node)}.0.0` });
    expect(b.key).toBe(a.key);
    expect(
      machineIdentity({ ...reference.environment, usableCores: reference.environment.usableCores + 1 }).key,
    ).not.toBe(a.key);
    expect(machineIdentity({ ...reference.environment, node: 'v99.1.0' }).key).not.toBe(a.key);
    expect(nodeMajorOf('v20.20.2')).toBe(20);
    expect(nodeMajorOf('22.1.0')).toBe(22);
  });
});

describe('compareResults, same machine', () => {
  it('judges the head against the base and reports a planted regression', () => {
    const comparison = compareResults([
      { name: 'base.json', result: fixture },
      { name: 'head.json', result: scaleBenchmark(fixture, firstStable, 1.1) },
    ]);
    expect(comparison.crossMachine).toBeNull();
    expect(comparison.sameMachine).toHaveLength(1);
    expect(comparison.sameMachine[0]?.judgements).toHaveLength(fixture.benchmarks.length);
    expect(comparison.regressions).toEqual([
      { base: 'base.json', head: 'head.json', id: firstStable, ratio: expect.closeTo(1.1, 9) as number },
    ]);
    expect(comparison.sameMachine[0]?.counts.slower).toBe(1);
    expect(comparison.options).toEqual({ threshold: 0.03, alpha: 0.05, correction: 'benjamini-hochberg' });
  });

  it('refuses a threshold or an alpha out of range (the programmatic API has no flag parser in front)', () => {
    const pair = [
      { name: 'a.json', result: fixture },
      { name: 'b.json', result: fixture },
    ];
    expect(() => compareResults(pair, { threshold: 1 })).toThrow('threshold: 1 is not a fraction in [0, 1)');
    expect(() => compareResults(pair, { alpha: 0.7 })).toThrow(UsageError);
  });

  it('refuses one file, and a head with no benchmark in common, naming the files', () => {
    expect(() => compareResults([{ name: 'a.json', result: reference }])).toThrow(UsageError);
    const other = structuredClone(reference);
    for (const benchmark of other.benchmarks) benchmark.id = `other/${benchmark.id}`;
    expect(() =>
      compareResults([
        { name: 'a.json', result: reference },
        { name: 'b.json', result: other },
      ]),
    ).toThrow('b.json: no benchmark in common with a.json');
  });
});

describe('compareResults, different machines', () => {
  it('lays machines side by side on speedup and efficiency and never judges absolute times', () => {
    // Even twice as slow in every cell, another machine is not a regression: absolute times are not compared.
    let slowOther = onAnotherMachine(reference, SIXTEEN);
    for (const id of ids) slowOther = scaleBenchmark(slowOther, id, 2);
    const comparison = compareResults([
      { name: 'dev.json', result: reference },
      { name: 'big.json', result: slowOther },
    ]);
    expect(comparison.sameMachine).toHaveLength(0);
    expect(comparison.regressions).toHaveLength(0);
    const layout = comparison.crossMachine;
    expect(layout).not.toBeNull();
    if (layout === null) return;
    expect(layout.columns.map((column) => column.description)).toEqual([
      `${reference.environment.cpuModel}, ${reference.environment.usableCores} usable cores, Node ` +
        `${nodeMajorOf(reference.environment.node)}`,
      `Synthetic 16-core (test only), 16 usable cores, Node ${nodeMajorOf(reference.environment.node)}`,
    ]);
    expect(layout.rows.some((row) => row.strategy === 'sequential')).toBe(false);
    expect(layout.rows.length).toBe(
      reference.benchmarks.filter((benchmark) => benchmark.strategy !== 'sequential').length,
    );
    for (const row of layout.rows) {
      const entry = reference.benchmarks.find((benchmark) => benchmark.id === row.id);
      const [dev, big] = row.cells;
      if (entry?.status === 'ok' && entry.derived !== null) {
        expect(dev?.speedup).toBe(entry.derived.speedup);
        expect(dev?.efficiency).toBe(entry.derived.efficiency);
      }
      if (row.strategy === 'parallel') {
        expect(dev?.oversubscribed).toBe(row.threads > reference.environment.usableCores);
        expect(big?.oversubscribed).toBe(row.threads > 16);
      }
    }
    expect(comparison.warnings.some((warning) => warning.includes('Node versions differ'))).toBe(false);
  });

  it('warns when Node versions differ, and judges same-machine pairs inside a many-file comparison', () => {
    const comparison = compareResults([
      { name: 'dev-base.json', result: fixture },
      { name: 'dev-head.json', result: scaleBenchmark(fixture, firstStable, 1.1) },
      { name: 'big.json', result: onAnotherMachine(fixture, { ...SIXTEEN, node: 'v22.11.0' }) },
    ]);
    expect(comparison.sameMachine.map((pair) => [pair.base, pair.head])).toEqual([['dev-base.json', 'dev-head.json']]);
    expect(comparison.regressions.map((regression) => regression.id)).toEqual([firstStable]);
    expect(comparison.crossMachine?.columns).toHaveLength(3);
    expect(comparison.warnings.find((warning) => warning.startsWith('Node versions differ'))).toContain(
      'big.json: v22.11.0',
    );
  });
});
