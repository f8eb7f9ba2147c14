import { describe, expect, it } from 'vitest';
import {
  deliveredCores,
  parseStealTicks,
  probeLevels,
  probeMachine,
  startStealMeter,
} from '../../src/runner/machine-probe.js';

describe('machine probe', () => {
  it('reads steal from the cpu line of /proc/stat', () => {
    const stat = 'cpu  100 0 50 800 10 0 5 35 0 0\ncpu0 50 0 25 400 5 0 2 18 0 0\n';
    expect(parseStealTicks(stat)).toEqual({ steal: 35, total: 1000 });
    expect(parseStealTicks('nothing here')).toBeNull();
    const reads = ['cpu  100 0 50 800 10 0 5 35 0 0', 'cpu  200 0 100 1500 10 0 5 85 0 0'];
    const meter = startStealMeter(() => reads.shift() ?? '');
    // 50 of 900 ticks went to the hypervisor.
    expect(meter()).toBeCloseTo((50 / 900) * 100, 10);
    expect(
      startStealMeter(() => {
        throw new Error('no /proc');
      })(),
    ).toBeNull();
  });

  it("counts the cores delivered from each thread's time beside the others", () => {
    expect(deliveredCores(50, [50, 50])).toBe(2);
    // A second vCPU that gives half a core: one thread ran at full speed, the other took twice as long.
    expect(deliveredCores(50, [50, 100])).toBe(1.5);
    expect(probeLevels(2)).toEqual([1, 2]);
    expect(probeLevels(16)).toEqual([1, 2, 4, 8, 16]);
    expect(probeLevels(12)).toEqual([1, 2, 4, 8, 12]);
  });

  it('measures real threads: one thread delivers about one core, and the noise is a finite figure', async () => {
    const probe = await probeMachine(2, 10);
    expect(probe.threads.map((level) => level.threads)).toEqual([1, 2]);
    // Generous, one-sided: a lone thread compared with itself is near 1 on any machine that is not frozen.
    expect(probe.threads[0]?.deliveredCores).toBeGreaterThan(0.5);
    expect(probe.threads[0]?.deliveredCores).toBeLessThan(2);
    expect(probe.spinMs).toBeGreaterThan(0);
    expect(Number.isFinite(probe.noiseCvPct)).toBe(true);
  });
});
