import type { KneeRecord, ServeMeasurement, ServePoint, Spread } from '../results/serve-schema.js';
import { findKnee } from './knee.js';

/** Median and range of a figure over repeats; null when no repeat measured it. */
export function spreadOf(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

function spread(values: readonly number[]): Spread {
  return spreadOf(values) ?? { median: 0, min: 0, max: 0, n: 0 };
}

/** The point's figures over the repeats in which the load generator came back, faulted or not. */
export function summarizePoint(measurements: readonly ServeMeasurement[]): ServePoint['summary'] {
  const measured = measurements.flatMap((m) =>
    m.compute !== null && m.health !== null ? [{ ...m, compute: m.compute, health: m.health }] : [],
  );
  if (measured.length === 0) return null;
  const withServer = measured.flatMap((m) => (m.server !== null ? [m.server] : []));
  return {
    achievedPerS: spread(measured.map((m) => m.achievedPerS)),
    computeP50Ms: spread(measured.map((m) => m.compute.corrected.p50Ms)),
    computeP99Ms: spread(measured.map((m) => m.compute.corrected.p99Ms)),
    computeP999Ms: spread(measured.map((m) => m.compute.corrected.p999Ms)),
    healthP50Ms: spread(measured.map((m) => m.health.corrected.p50Ms)),
    healthP99Ms: spread(measured.map((m) => m.health.corrected.p99Ms)),
    healthP999Ms: spread(measured.map((m) => m.health.corrected.p999Ms)),
    eventLoopDelayP99Ms: spread(withServer.map((s) => s.eventLoopDelayP99Ms)),
    eventLoopDelayMaxMs: spread(withServer.map((s) => s.eventLoopDelayMaxMs)),
    eventLoopUtilization: spread(withServer.map((s) => s.eventLoopUtilization)),
    coresBusy: spread(withServer.map((s) => s.coresBusy)),
    errors: measured.reduce((sum, m) => sum + m.compute.errors + m.health.errors, 0),
    timeouts: measured.reduce((sum, m) => sum + m.compute.timeouts + m.health.timeouts, 0),
    failures: measured.reduce((sum, m) => sum + m.compute.failures + m.health.failures, 0),
  };
}

/** The knee of every repeat that measured each offered rate of the sweep. */
export function kneesOf(points: readonly ServePoint[], repeats: number): KneeRecord[] {
  const knees: KneeRecord[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    const curve = points.flatMap((point) => {
      const m = point.measurements.find((candidate) => candidate.repeat === repeat);
      return m?.compute != null
        ? [{ offeredPerS: point.offeredPerS, achievedPerS: m.achievedPerS, p99Ms: m.compute.corrected.p99Ms }]
        : [];
    });
    if (curve.length === points.length && curve.length > 0) knees.push(findKnee(curve));
  }
  return knees;
}
