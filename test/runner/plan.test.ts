import { describe, expect, it } from 'vitest';
import { defaultThreadCounts, planCells } from '../../src/runner/plan.js';

describe('defaultThreadCounts', () => {
  it('gives powers of two up to the cores plus one oversubscribed point', () => {
    expect(defaultThreadCounts(1)).toEqual([1, 2]);
    expect(defaultThreadCounts(2)).toEqual([1, 2, 4]);
    expect(defaultThreadCounts(12)).toEqual([1, 2, 4, 8, 12, 24]);
    expect(defaultThreadCounts(16)).toEqual([1, 2, 4, 8, 16, 32]);
  });
});

describe('planCells', () => {
  it('always starts with the sequential baseline and keys cells by strategy and threads', () => {
    const cells = planCells(['parallel'], [1, 2]);
    expect(cells.map((cell) => cell.id)).toEqual(['sequential/t1', 'parallel/t1', 'parallel/t2']);
  });

  it('runs thread-less strategies once and thread-using ones per distinct sorted count', () => {
    const cells = planCells(['sequential', 'concurrent', 'parallel'], [4, 1, 4, 2]);
    expect(cells.map((cell) => `${cell.strategy}:${cell.threads}`)).toEqual([
      'sequential:1',
      'concurrent:1',
      'parallel:1',
      'parallel:2',
      'parallel:4',
    ]);
  });

  it('refuses an unknown strategy', () => {
    expect(() => planCells(['warp-drive'], [1])).toThrow(/unknown strategy/);
  });
});
