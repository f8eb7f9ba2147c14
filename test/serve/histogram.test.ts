import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  recordMs,
  summarize,
} from '../../src/serve/histogram.js';

/** Nearest-rank percentile of raw values: the reference the histogram is checked against. */
function sortedPercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

describe('HDR latency histogram', () => {
  it('gives p50, p99 and p99.9 within its 3 significant digits of a sort of the raw values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.001, max: 60_000, noNaN: true }), { minLength: 1, maxLength: 3000 }),
        (raw) => {
          // The histogram keeps whole µs: compare against the values as recorded.
          const values = raw.map((ms) => Math.max(1, Math.round(ms * 1000)) / 1000);
          const histogram = createLatencyHistogram();
          for (const ms of values) recordMs(histogram, ms);
          const summary = summarize(histogram);
          expect(summary.count).toBe(values.length);
          for (const [percentile, got] of [
            [50, summary.p50Ms],
            [99, summary.p99Ms],
            [99.9, summary.p999Ms],
          ] as const) {
            const exact = sortedPercentile(values, percentile);
            expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * 0.001 + 0.001);
          }
          expect(Math.abs(summary.maxMs - Math.max(...values))).toBeLessThanOrEqual(
            Math.max(...values) * 0.001 + 0.001,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('survives the trip through its compressed text form', () => {
    const histogram = createLatencyHistogram();
    for (let i = 1; i <= 1000; i += 1) recordMs(histogram, i / 10);
    expect(summarize(decodeHistogram(encodeHistogram(histogram)))).toEqual(summarize(histogram));
  });

  it('reports zeros, not NaN, when nothing was recorded', () => {
    expect(summarize(createLatencyHistogram())).toEqual({ count: 0, p50Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0 });
  });
});
