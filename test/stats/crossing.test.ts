import { describe, expect, it } from 'vitest';
import { crossingFromBelow } from '../../src/stats/crossing.js';
import { thresholdsOf } from '../../src/studies/grain-study.js';
import type { GrainPoint } from '../../src/results/overheads-schema.js';

describe('crossingFromBelow', () => {
  it('interpolates in log x between the last point below and the first above', () => {
    // y goes 0.5 -> 1.5 between x = 1 and x = 100: level 1 is half way, at x = 10 on a log scale.
    expect(
      crossingFromBelow(
        [
          { x: 1, y: 0.5 },
          { x: 100, y: 1.5 },
        ],
        1,
      )?.x,
    ).toBeCloseTo(10, 10);
    // A quarter of the way: 10^0.5.
    expect(
      crossingFromBelow(
        [
          { x: 1, y: 0 },
          { x: 100, y: 4 },
        ],
        1,
      )?.x,
    ).toBeCloseTo(Math.sqrt(10), 10);
  });

  it('needs the curve to stay above: an early lucky point is not the crossing', () => {
    const points = [
      { x: 0.1, y: 1.2 },
      { x: 1, y: 0.8 },
      { x: 10, y: 1.4 },
      { x: 20, y: 1.6 },
    ];
    const crossing = crossingFromBelow(points, 1);
    expect(crossing?.below).toBe(false);
    expect(crossing?.x).toBeGreaterThan(1);
    expect(crossing?.x).toBeLessThan(10);
  });

  it('says "at or below the sweep" and "never" plainly, in any input order', () => {
    expect(
      crossingFromBelow(
        [
          { x: 2, y: 3 },
          { x: 1, y: 2 },
        ],
        1,
      ),
    ).toEqual({ x: 1, below: true });
    expect(
      crossingFromBelow(
        [
          { x: 2, y: 0.3 },
          { x: 1, y: 0.2 },
        ],
        1,
      ),
    ).toBeNull();
    expect(crossingFromBelow([], 1)).toBeNull();
  });
});

describe('grain thresholds', () => {
  const point = (
    series: string,
    threads: number,
    grainMs: number,
    speedup: number,
    efficiency: number,
  ): GrainPoint => ({
    series,
    strategy: 'parallel',
    threads,
    grainMs,
    taskMs: grainMs,
    tasks: 16,
    batch: 1,
    samplesMs: [1],
    medianMs: 1,
    speedup,
    efficiency,
  });

  it('gives each line and thread count its break-even and 90 % grains', () => {
    const thresholds = thresholdsOf([
      point('parallel', 2, 0.1, 0.5, 0.25),
      point('parallel', 2, 1, 1.5, 0.75),
      point('parallel', 2, 10, 1.9, 0.95),
      point('parallel', 1, 0.1, 0.3, 0.3),
      point('parallel', 1, 10, 0.97, 0.97),
    ]);
    const two = thresholds.find((threshold) => threshold.threads === 2);
    expect(two?.breakEvenMs).toBeCloseTo(10 ** -0.5, 10); // half way from 0.5 to 1.5 between 0.1 and 1 ms
    expect(two?.efficient90Ms).toBeCloseTo(10 ** 0.75, 10); // three quarters from 0.75 to 0.95 between 1 and 10 ms
    const one = thresholds.find((threshold) => threshold.threads === 1);
    expect(one?.breakEvenMs).toBeNull();
    expect(one?.efficient90Ms).toBeGreaterThan(0.1);
  });
});
