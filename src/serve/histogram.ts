import hdr from 'hdr-histogram-js';

/**
 * Latency histograms for the serve study: HdrHistogram (the same library autocannon records with), values in
 * whole microseconds, 3 significant digits (every value kept to 0.1 %), up to two minutes.
 */
export type LatencyHistogram = hdr.Histogram;

const HIGHEST_US = 120_000_000;

export function createLatencyHistogram(): LatencyHistogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: 3,
    // The plain JavaScript build: no WebAssembly to initialise in every process that records.
    useWebAssembly: false,
  });
}

/** Records a latency given in ms (fractions kept to the µs); values past the range are clamped, never dropped. */
export function recordMs(histogram: LatencyHistogram, ms: number): void {
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1000))));
}

/** The percentiles every serve figure reports, in ms. */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export function summarize(histogram: LatencyHistogram): LatencySummary {
  const count = histogram.totalCount;
  if (count === 0) return { count: 0, p50Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0 };
  return {
    count,
    p50Ms: histogram.getValueAtPercentile(50) / 1000,
    p99Ms: histogram.getValueAtPercentile(99) / 1000,
    p999Ms: histogram.getValueAtPercentile(99.9) / 1000,
    // The top bucket's highest value, as the percentiles are: the same whether recorded here or decoded.
    maxMs: histogram.getValueAtPercentile(100) / 1000,
  };
}

/** A histogram as compact text (HdrHistogram's compressed base64 form), to cross IPC and to keep in the file. */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): LatencyHistogram {
  return hdr.decodeFromCompressedBase64(encoded, 32, false);
}
