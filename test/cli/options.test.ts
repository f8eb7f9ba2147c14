import { describe, expect, it } from 'vitest';
import {
  defaultResultPath,
  parseChoices,
  parseInteger,
  parsePositiveNumber,
  parseThreadCounts,
} from '../../src/options/parse.js';
import { UsageError } from '../../src/errors.js';

describe('flag parsers', () => {
  it('parses thread lists, ranges and mixes, sorted and deduplicated', () => {
    expect(parseThreadCounts('1,2,4')).toEqual([1, 2, 4]);
    expect(parseThreadCounts('1-4')).toEqual([1, 2, 3, 4]);
    expect(parseThreadCounts(['8', '1..2', '2'])).toEqual([1, 2, 8]);
  });

  it('names the flag and the rule when a thread count is bad', () => {
    expect(() => parseThreadCounts('0')).toThrow(/--threads: 0 is out of range/);
    expect(() => parseThreadCounts('1.5')).toThrow(/--threads: "1.5" is not an integer/);
    expect(() => parseThreadCounts('4-2')).toThrow(/runs backwards/);
    expect(() => parseThreadCounts('two')).toThrow(UsageError);
  });

  it('checks choices and integers', () => {
    expect(parseChoices('a,b,a', '--x', ['a', 'b'])).toEqual(['a', 'b']);
    expect(() => parseChoices('c', '--x', ['a', 'b'])).toThrow('--x: unknown value "c" (choose from a, b)');
    expect(parseInteger('12', '--tasks', 1)).toBe(12);
    expect(() => parseInteger('-1', '--tasks', 1)).toThrow(/--tasks/);
    expect(parsePositiveNumber('0.5', '--size')).toBe(0.5);
    expect(() => parsePositiveNumber('NaN', '--size')).toThrow(/--size/);
  });

  it('builds a filesystem-safe default result path', () => {
    const path = defaultResultPath('my host/1', new Date('2026-11-26T07:31:41.123Z'));
    expect(path).toBe('results/my-host-1-2026-11-26T07-31-41Z.json');
  });
});

describe('stopping flags', () => {
  it('reads --precision as a percentage and refuses 0, 100 and more', async () => {
    const { parsePercentage } = await import('../../src/options/parse.js');
    expect(parsePercentage('3', '--precision', { allowZero: false })).toBe(3);
    expect(parsePercentage('2.5%', '--precision', { allowZero: false })).toBe(2.5);
    expect(() => parsePercentage('0', '--precision', { allowZero: false })).toThrow(
      '--precision: 0 % is out of range (over 0 to under 100)',
    );
    expect(() => parsePercentage('100', '--precision', { allowZero: false })).toThrow(/--precision: 100 %/);
    expect(() => parsePercentage('-1', '--precision', { allowZero: false })).toThrow(/--precision/);
    expect(() => parsePercentage('tight', '--precision', { allowZero: false })).toThrow(
      '--precision: "tight" is not a percentage',
    );
  });

  it('reads --max-time as a positive duration', async () => {
    const { parseDurationMs } = await import('../../src/options/parse.js');
    expect(parseDurationMs('30s', '--max-time')).toBe(30_000);
    expect(parseDurationMs('1.5min', '--max-time')).toBe(90_000);
    expect(parseDurationMs('500ms', '--max-time')).toBe(500);
    expect(parseDurationMs('12', '--max-time')).toBe(12_000);
    for (const bad of ['0', '-5s', '10 parsecs', '', 'soon'])
      expect(() => parseDurationMs(bad, '--max-time')).toThrow(/^--max-time: /);
    expect(parseDurationMs('0', '--min-sample', { allowZero: true })).toBe(0);
  });
});
