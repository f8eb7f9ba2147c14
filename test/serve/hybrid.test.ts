import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runServeSweep, SERVE_DEFAULTS } from '../../src/serve/sweep.js';

describe('serve strategies on a workload with a wait/compute split', () => {
  it('answers every /compute request inline one at a time, and hybrid (wait inline, compute on the pool)', async () => {
    const state = await runServeSweep({
      ...SERVE_DEFAULTS,
      workloadUrl: pathToFileURL(join(import.meta.dirname, 'fixtures', 'split.mjs')).href,
      workloadId: 'serve-split',
      strategies: ['sequential', 'hybrid'],
      threads: [1],
      ratesPerS: [40],
      durationMs: 500,
      repeats: 1,
      healthRatePerS: 20,
      probeMs: 10,
    });
    expect(state.series.map((series) => series.id)).toEqual(['serve-split/sequential/t1', 'serve-split/hybrid/t1']);
    expect(state.workload).toMatchObject({ id: 'serve-split', kind: 'mixed', hasSplit: true, tasksPerThread: 16 });
    for (const series of state.series) {
      const m = series.points[0]?.measurements[0];
      expect(m?.status).toBe('ok');
      expect(m?.compute?.ok).toBe(20);
      expect(m?.health?.ok).toBe(10);
    }
  });
});
