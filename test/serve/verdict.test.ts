import { describe, expect, it } from 'vitest';
import type { ServeSeries, Spread } from '../../src/results/serve-schema.js';
import { serveVerdict } from '../../src/serve/verdict.js';

const spread = (median: number, min = median, max = median, n = 3): Spread => ({ median, min, max, n });

interface PointFigures {
  offeredPerS: number;
  healthP99Ms: Spread;
  loopBusy: number;
  loopMaxMs: number;
}

function series(
  strategy: ServeSeries['strategy'],
  threads: number,
  capacity: Spread,
  saturated: boolean,
  points: PointFigures[],
) {
  const zero = spread(0);
  return {
    id: `w/${strategy}/t${threads}`,
    strategy,
    threads,
    knees: [{ kneePerS: null, capacityPerS: capacity.median, saturated }],
    capacityPerS: capacity,
    points: points.map((p) => ({
      offeredPerS: p.offeredPerS,
      measurements: [],
      summary: {
        achievedPerS: zero,
        computeP50Ms: zero,
        computeP99Ms: zero,
        computeP999Ms: zero,
        healthP50Ms: zero,
        healthP99Ms: p.healthP99Ms,
        healthP999Ms: zero,
        eventLoopDelayP99Ms: zero,
        eventLoopDelayMaxMs: spread(p.loopMaxMs),
        eventLoopUtilization: spread(p.loopBusy),
        coresBusy: zero,
        errors: 0,
        timeouts: 0,
        failures: 0,
      },
    })),
  } satisfies ServeSeries;
}

describe('serve verdict', () => {
  it('on CPU work: inline /health waits behind the computing, the pool keeps it short and serves more', () => {
    const lines = serveVerdict([
      series('concurrent', 1, spread(100, 95, 104), true, [
        { offeredPerS: 25, healthP99Ms: spread(12, 11, 13), loopBusy: 0.3, loopMaxMs: 11 },
        { offeredPerS: 50, healthP99Ms: spread(20, 18, 24), loopBusy: 0.55, loopMaxMs: 21 },
      ]),
      series('parallel', 2, spread(190, 180, 196), true, [
        { offeredPerS: 25, healthP99Ms: spread(1.2, 1.1, 1.4), loopBusy: 0.05, loopMaxMs: 2 },
        { offeredPerS: 50, healthP99Ms: spread(1.5, 1.3, 1.9), loopBusy: 0.06, loopMaxMs: 3 },
      ]),
    ]);
    const last = lines[lines.length - 1] ?? '';
    expect(last).toMatch(/at 50 req\/s, every request waits behind the computing/);
    expect(last).toMatch(/inline \/ pool 13\.3× \(9\.47×–18\.5×\): slower/);
    expect(last).toMatch(/capacity of the pool 1\.90× \(1\.73×–2\.06×\) inline \(gain\)/);
  });

  it('on I/O work: concurrency suffices, and a /health gap without a busy loop is called noise', () => {
    const lines = serveVerdict([
      series('concurrent', 1, spread(300), false, [
        { offeredPerS: 100, healthP99Ms: spread(6, 5, 8), loopBusy: 0.05, loopMaxMs: 4 },
        { offeredPerS: 150, healthP99Ms: spread(9, 5, 12), loopBusy: 0.06, loopMaxMs: 4 },
      ]),
      series('parallel', 2, spread(300), false, [
        { offeredPerS: 100, healthP99Ms: spread(2, 1.8, 2.2), loopBusy: 0.06, loopMaxMs: 4 },
        { offeredPerS: 150, healthP99Ms: spread(2, 1.8, 2.2), loopBusy: 0.07, loopMaxMs: 4 },
      ]),
    ]);
    expect(lines[0]).toMatch(/at least 300 req\/s .*never saturated/);
    const last = lines[lines.length - 1] ?? '';
    expect(last).toMatch(/^Concurrency suffices/);
    expect(last).toMatch(/capacity of the pool 1\.00× \(1\.00×–1\.00×\) inline \(same\)/);
    expect(last).toMatch(/noise from the machine/);
    expect(last).not.toMatch(/waits behind/);
  });

  it('says only the capacities when there is no pool to compare with', () => {
    const lines = serveVerdict([series('concurrent', 1, spread(100), true, [])]);
    expect(lines).toEqual(['inline concurrent: /compute capacity 100 req/s (100 req/s–100 req/s over 3 repeats).']);
  });
});
