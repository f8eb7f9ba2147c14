import { describe, expect, it } from 'vitest';
import { pairedLogRatios, pairedRatio } from '../../src/runner/pairs.js';
import type { TaggedSample } from '../../src/runner/records.js';

const sample = (process: number, round: number, wallMs: number): TaggedSample => ({
  wallMs,
  cpuUserMs: 0,
  cpuSystemMs: 0,
  loopActiveMs: 0,
  loopIdleMs: 0,
  delayP99Ms: 0,
  process,
  round,
});

describe('paired estimates', () => {
  it('pairs samples by process and round, and leaves out rounds one cell lacks', () => {
    const sequential = [sample(0, 0, 100), sample(0, 1, 110), sample(1, 0, 90), sample(1, 1, 95)];
    const parallel = [sample(0, 0, 50), sample(1, 0, 45), sample(1, 1, 50)];
    const groups = pairedLogRatios(sequential, parallel);
    expect(groups).toEqual([[Math.log(2)], [Math.log(2), Math.log(95 / 50)]]);
  });

  it('cancels drift that hits both cells of a round alike', () => {
    // The machine slows down 3× over the run; each round's two cells slow together, the ratio stays 2.
    const drift = [1, 1.5, 2, 2.5, 3];
    const sequential = drift.map((factor, round) => sample(round % 2, round, 100 * factor));
    const parallel = drift.map((factor, round) => sample(round % 2, round, 50 * factor));
    const ratio = pairedRatio(sequential, parallel);
    expect(ratio?.estimate).toBeCloseTo(2, 12);
    expect(ratio?.low).toBeCloseTo(2, 12);
    expect(ratio?.high).toBeCloseTo(2, 12);
    expect(ratio?.pairs).toBe(5);
  });

  it('is undefined when no round holds both cells', () => {
    expect(pairedRatio([sample(0, 0, 10)], [sample(1, 0, 10)])).toBeUndefined();
  });
});
