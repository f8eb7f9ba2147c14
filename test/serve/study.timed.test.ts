import { describe, expect, it } from 'vitest';
import { runServeSweep, SERVE_DEFAULTS } from '../../src/serve/sweep.js';
import { resolveWorkloadUrl } from '../../src/workload-source.js';

describe('a real small serve study on a CPU workload', () => {
  it('keeps /health faster with the computing on a pool than inline on the event loop', async () => {
    // 30 ms tasks at 15 req/s keep the event loop 45 % busy inline: a /health request that lands during a task
    // waits for it, so inline /health p99 is near 30 ms. The pool keeps the loop free; only a stall of the whole
    // machine over 30 ms long would bring its p99 up to inline's.
    const state = await runServeSweep({
      ...SERVE_DEFAULTS,
      workloadUrl: resolveWorkloadUrl('cpu-spin'),
      workloadId: 'cpu-spin',
      size: 30,
      strategies: ['concurrent', 'parallel'],
      threads: [2],
      ratesPerS: [15],
      durationMs: 2000,
      repeats: 1,
      probeMs: 100,
    });
    const healthP99Ms = (strategy: string): number => {
      const point = state.series.find((series) => series.strategy === strategy)?.points[0];
      expect(point?.measurements[0]?.status).toBe('ok');
      return point?.summary?.healthP99Ms.median ?? Number.NaN;
    };
    const inline = healthP99Ms('concurrent');
    const pool = healthP99Ms('parallel');
    expect(inline).toBeGreaterThan(15);
    expect(pool).toBeLessThan(inline);
  });
});
