import { describe, expect, it } from 'vitest';
import { measurePayload } from '../../src/studies/payload-probe.js';
import { measureDispatch, measureRoundTrip, measureStartup } from '../../src/studies/pool-probes.js';

const MIB = 1024 * 1024;

describe('overhead probes', () => {
  it('payload: moving or sharing 16 MiB costs far less than copying it, and copying grows with size', async () => {
    const figures = await measurePayload([1024, 16 * MIB], { samples: 3, minSampleMs: 2 });
    const at = (mode: string, bytes: number): number =>
      figures.find((figure) => figure.mode === mode && figure.bytes === bytes)?.medianUs ?? Number.NaN;
    for (const figure of figures) {
      expect(figure.medianUs).toBeGreaterThan(0);
      expect(figure.samplesUs).toHaveLength(3);
    }
    // Cloning copies 16 MiB each way (milliseconds); a transfer or a shared buffer moves a handle (microseconds).
    expect(at('transfer', 16 * MIB)).toBeLessThan(at('clone', 16 * MIB) / 5);
    expect(at('shared', 16 * MIB)).toBeLessThan(at('clone', 16 * MIB) / 5);
    expect(at('clone', 16 * MIB)).toBeGreaterThan(at('clone', 1024) * 5);
    expect(figures.find((figure) => figure.mode === 'clone' && figure.bytes === 16 * MIB)?.overUs).toBeGreaterThan(0);
  });

  it('start-up and a no-op round trip cost something on both pools', async () => {
    const startup = await measureStartup([1], 1);
    expect(startup.map((figure) => figure.pool)).toEqual(['piscina', 'raw']);
    for (const figure of startup) expect(figure.medianMs).toBeGreaterThan(0);
    const roundTrip = await measureRoundTrip(3, 2);
    expect(roundTrip.map((figure) => figure.pool)).toEqual(['piscina', 'raw']);
    for (const figure of roundTrip) {
      // A round trip crosses threads twice: more than a microsecond, far less than a second.
      expect(figure.medianUs).toBeGreaterThan(1);
      expect(figure.medianUs).toBeLessThan(1_000_000);
    }
  });

  it('dispatch: sending 8 no-ops per message costs less per task than one per message', async () => {
    const dispatch = await measureDispatch([2], 800, [1, 8], 3);
    const of = (pool: string, batch: number): number =>
      dispatch.find((figure) => figure.pool === pool && figure.batch === batch)?.medianUs ?? Number.NaN;
    for (const figure of dispatch) expect(figure.medianUs).toBeGreaterThan(0);
    expect(of('piscina', 8)).toBeLessThan(of('piscina', 1));
    expect(of('raw', 1)).toBeGreaterThan(0);
  });
});
