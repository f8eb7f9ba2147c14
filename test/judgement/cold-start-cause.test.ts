import { describe, expect, it } from 'vitest';
import { coldStartCause } from '../../src/judgement/cold-start-cause.js';
import type { Benchmark } from '../../src/results/schema.js';
import { coldStartPhrase } from '../../src/report/text/warmup-line.js';
import { syntheticResult } from '../helpers/result-fixture.js';

describe('coldStartCause', () => {
  it('names a fresh thread’s cold start once it is a fifth of the batch or more', () => {
    expect(coldStartCause({ excessMs: 266, tasksUntilSteady: 25.5, batchMs: 111 })).toBe(
      "a fresh pool thread loses 266 ms to JIT warm-up over its first 26 tasks, 2.40× a batch's time: keep the " +
        'pool alive between batches',
    );
    expect(coldStartCause({ excessMs: 20, tasksUntilSteady: 3, batchMs: 100 })).toMatch(/^a fresh pool thread/);
  });

  it('stays silent below a fifth of the batch, and on figures it cannot read', () => {
    expect(coldStartCause({ excessMs: 1.95, tasksUntilSteady: 2, batchMs: 44 })).toBeUndefined();
    expect(coldStartCause({ excessMs: 19.9, tasksUntilSteady: 3, batchMs: 100 })).toBeUndefined();
    expect(coldStartCause({ excessMs: 50, tasksUntilSteady: 3, batchMs: 0 })).toBeUndefined();
  });
});

describe('coldStartPhrase', () => {
  const cell = (coldStart?: { excessMs: number; tasksUntilSteady: number }): Benchmark => {
    const base = syntheticResult().benchmarks.find((candidate) => candidate.id === 'cpu-hash/parallel/t2');
    if (base?.status !== 'ok') throw new Error('fixture has no parallel/t2 cell');
    const warmup = {
      processes: [],
      notSteady: 0,
      firstSampleRatio: 1,
      drifting: false,
      gc: { mainPct: 1 },
      ...(coldStart !== undefined ? { coldStart } : {}),
    };
    return { ...base, warmup };
  };

  it('reads the cell’s own cold start against its median batch', () => {
    // The fixture's samples have a median of 10.5 ms.
    expect(coldStartPhrase(cell({ excessMs: 21, tasksUntilSteady: 4 }))).toMatch(/^; a fresh pool thread loses 21/);
    expect(coldStartPhrase(cell({ excessMs: 1, tasksUntilSteady: 4 }))).toBe('');
    expect(coldStartPhrase(cell())).toBe('');
  });
});
