import type { TraceCapture, TraceSpan } from './model.js';

/** One traced sample of a cell: its tasks, from the first hand-over or start to the last end. */
export interface TracedSample {
  cellId: string;
  process: number;
  sample: number;
  round: number;
  spans: TraceSpan[];
  startUs: number;
  endUs: number;
}

/** The cell's traced samples, in run order (process, then sample). */
export function tracedSamples(capture: TraceCapture, cellId: string): TracedSample[] {
  const samples = new Map<string, TracedSample>();
  for (const span of capture.spans) {
    if (span.cellId !== cellId) continue;
    const key = `${span.process}/${span.sample}`;
    const firstUs = Math.min(span.startUs, span.dispatchUs ?? span.startUs);
    const known = samples.get(key);
    if (known === undefined) {
      samples.set(key, {
        cellId,
        process: span.process,
        sample: span.sample,
        round: span.round,
        spans: [span],
        startUs: firstUs,
        endUs: span.endUs,
      });
      continue;
    }
    known.spans.push(span);
    known.startUs = Math.min(known.startUs, firstUs);
    known.endUs = Math.max(known.endUs, span.endUs);
  }
  return [...samples.values()].sort((a, b) => a.process - b.process || a.sample - b.sample);
}

/**
 * The sample a picture shows for a cell: the one of median wall time among its traced samples (the lower
 * middle for an even count, the earlier on a tie), so one slow or fast outlier is never what the reader sees.
 */
export function representativeSample(capture: TraceCapture, cellId: string): TracedSample | undefined {
  const samples = tracedSamples(capture, cellId);
  const byWall = samples
    .map((sample, order) => ({ sample, order }))
    .sort((a, b) => wallUs(a.sample) - wallUs(b.sample) || a.order - b.order);
  return byWall[Math.floor((byWall.length - 1) / 2)]?.sample;
}

export function wallUs(sample: Pick<TracedSample, 'startUs' | 'endUs'>): number {
  return sample.endUs - sample.startUs;
}

/** Cells that have traced spans, in the order they first appear in the capture. */
export function tracedCellIds(capture: TraceCapture): string[] {
  return [...new Set(capture.spans.map((span) => span.cellId))];
}
