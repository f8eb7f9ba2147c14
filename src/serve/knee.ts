/**
 * Where a latency-against-load curve turns up. Pure: no I/O, no clock.
 *
 * A point is "keeping up" when the server delivered nearly what was offered and its p99 stayed within a few times
 * the p99 at the lightest load. The knee is the highest offered rate before the first point that does not keep up;
 * capacity (saturation throughput) is the most the server delivered anywhere in the sweep. When every point keeps
 * up, the sweep never reached the knee, and capacity is only a lower bound: `saturated` says which.
 */
export interface LoadPoint {
  offeredPerS: number;
  achievedPerS: number;
  p99Ms: number;
}

export interface Knee {
  /** Highest offered rate at which the server still kept up; null when it did not keep up even at the lowest. */
  kneePerS: number | null;
  /** The most requests per second the server answered anywhere in the sweep. */
  capacityPerS: number;
  /** Whether the sweep went past the knee (else capacity is a floor: the server was never overloaded). */
  saturated: boolean;
}

/** Delivered at least this share of the offered rate. */
export const KEEP_UP_SHARE = 0.9;
/** p99 at most this many times the lightest load's, and at least this many ms more before it counts as turned. */
export const KNEE_LATENCY_FACTOR = 3;
export const KNEE_LATENCY_SLACK_MS = 2;

export function findKnee(points: readonly LoadPoint[]): Knee {
  const sorted = [...points].sort((a, b) => a.offeredPerS - b.offeredPerS);
  const first = sorted[0];
  if (first === undefined) return { kneePerS: null, capacityPerS: 0, saturated: false };
  const latencyLimitMs = Math.max(first.p99Ms * KNEE_LATENCY_FACTOR, first.p99Ms + KNEE_LATENCY_SLACK_MS);
  const keepsUp = (point: LoadPoint): boolean =>
    point.achievedPerS >= KEEP_UP_SHARE * point.offeredPerS && point.p99Ms <= latencyLimitMs;
  const firstFailing = sorted.findIndex((point) => !keepsUp(point));
  const capacityPerS = Math.max(...sorted.map((point) => point.achievedPerS));
  if (firstFailing === -1)
    return { kneePerS: sorted[sorted.length - 1]?.offeredPerS ?? null, capacityPerS, saturated: false };
  return {
    kneePerS: firstFailing === 0 ? null : (sorted[firstFailing - 1]?.offeredPerS ?? null),
    capacityPerS,
    saturated: true,
  };
}
