/**
 * What a scaling fit is given: relative capacity C(N) = throughput with N threads / throughput with 1 thread
 * (equivalently median time at 1 thread / median time at N), one point per measured thread count.
 * Shared by the Amdahl and USL fits, which both model C(N) with C(1) = 1.
 */
export interface ScalingPoint {
  threads: number;
  /** Throughput at `threads` relative to 1 thread. */
  scaling: number;
}

/** A fit that was not attempted, and why, in words a user can act on. */
export interface InsufficientFit {
  status: 'insufficient';
  reason: string;
}

/**
 * Checks the points a fit needs: every figure positive and finite, a point at N = 1 (the reference every
 * other point is relative to), and at least `minThreadCounts` distinct thread counts including that one.
 * Returns the reason the fit cannot run, or undefined when it can.
 */
export function insufficiency(
  points: readonly ScalingPoint[],
  minThreadCounts: number,
  model: string,
): string | undefined {
  for (const point of points) {
    if (
      !(Number.isInteger(point.threads) && point.threads >= 1) ||
      !(Number.isFinite(point.scaling) && point.scaling > 0)
    ) {
      return `${model}: invalid point (threads ${point.threads}, scaling ${point.scaling})`;
    }
  }
  if (!points.some((point) => point.threads === 1)) return `${model}: no 1-thread point to scale from`;
  const distinct = new Set(points.map((point) => point.threads)).size;
  if (distinct < minThreadCounts) {
    return `${model} needs at least ${minThreadCounts} thread counts including 1 (got ${distinct})`;
  }
  return undefined;
}

/**
 * Coefficient of determination of a model's C(N) against the measured points, in scaling space (not in the
 * linearised space the fit works in), so it says how well the curve a user sees matches the figures.
 * With no spread in the data it is 1 for an exact fit and 0 otherwise.
 */
export function rSquared(points: readonly ScalingPoint[], model: (threads: number) => number): number {
  const mean = points.reduce((total, point) => total + point.scaling, 0) / points.length;
  let residual = 0;
  let spread = 0;
  for (const point of points) {
    residual += (point.scaling - model(point.threads)) ** 2;
    spread += (point.scaling - mean) ** 2;
  }
  const tiny = 1e-12 * Math.max(1, mean * mean) * points.length;
  if (spread <= tiny) return residual <= tiny ? 1 : 0;
  return 1 - residual / spread;
}
