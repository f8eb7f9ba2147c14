import { insufficiency, rSquared, type InsufficientFit, type ScalingPoint } from './scaling-points.js';

/**
 * Two parameters and a curvature need more than a handful of points: Gunther recommends six or more
 * measurements, N = 1 among them.
 */
export const USL_MIN_THREAD_COUNTS = 6;

export interface UslFit {
  status: 'ok';
  /** σ, contention: the share of work serialised on a shared resource (Amdahl's s). */
  sigma: number;
  /** κ, coherency: the cost of keeping N threads consistent, growing with N(N - 1); it makes scaling retrograde. */
  kappa: number;
  /** N* = sqrt((1 - σ) / κ), the thread count of peak throughput; null when κ = 0 (no peak) or σ ≥ 1. */
  peakThreads: number | null;
  /** C(N*), the best relative capacity the model allows; null with no peak. */
  peakScaling: number | null;
  rSquared: number;
  pointsUsed: number;
}

/** The Universal Scalability Law: C(N) = N / (1 + σ(N - 1) + κN(N - 1)). */
export function uslScaling(sigma: number, kappa: number, threads: number): number {
  return threads / (1 + sigma * (threads - 1) + kappa * threads * (threads - 1));
}

/**
 * Fits σ and κ ≥ 0 by least squares on the linearised law N/C(N) - 1 = σ(N - 1) + κN(N - 1), a plane through
 * the origin in (N - 1, N(N - 1)). Each point is weighted by (C²/N)², the inverse square of d(N/C)/dC, so the
 * fit approximately minimises squared error in C itself; unweighted, the large-N points (whose N/C amplifies
 * noise) would decide everything. The non-negativity constraint is solved exactly: with two unknowns the
 * constrained optimum is the unconstrained one if feasible, else the best fit on the σ = 0 or κ = 0 edge.
 * κ is only well determined when the curve visibly bends inside the measured range; a peak far beyond the
 * largest measured N is an extrapolation, and the figures should be read as such.
 */
export function fitUsl(points: readonly ScalingPoint[]): UslFit | InsufficientFit {
  const reason = insufficiency(points, USL_MIN_THREAD_COUNTS, 'USL');
  if (reason !== undefined) return { status: 'insufficient', reason };

  const rows = points.map(({ threads, scaling }) => ({
    x1: threads - 1,
    x2: threads * (threads - 1),
    y: threads / scaling - 1,
    weight: ((scaling * scaling) / threads) ** 2,
  }));
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1y = 0;
  let s2y = 0;
  for (const { x1, x2, y, weight } of rows) {
    s11 += weight * x1 * x1;
    s12 += weight * x1 * x2;
    s22 += weight * x2 * x2;
    s1y += weight * x1 * y;
    s2y += weight * x2 * y;
  }
  const weightedError = (sigma: number, kappa: number): number =>
    rows.reduce((total, { x1, x2, y, weight }) => total + weight * (y - sigma * x1 - kappa * x2) ** 2, 0);

  const candidates: Array<[number, number]> = [
    [Math.max(0, s1y / s11), 0],
    [0, Math.max(0, s2y / s22)],
  ];
  const determinant = s11 * s22 - s12 * s12;
  // Thread counts above 1 that are all equal make the two columns collinear; the edges still give an answer.
  if (determinant > 1e-12 * s11 * s22) {
    const sigma = (s22 * s1y - s12 * s2y) / determinant;
    const kappa = (s11 * s2y - s12 * s1y) / determinant;
    if (sigma >= 0 && kappa >= 0) candidates.push([sigma, kappa]);
  }
  let [sigma, kappa] = candidates[0] as [number, number];
  for (const candidate of candidates) {
    if (weightedError(...candidate) < weightedError(sigma, kappa)) [sigma, kappa] = candidate;
  }

  const peakThreads = kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null;
  return {
    status: 'ok',
    sigma,
    kappa,
    peakThreads,
    peakScaling: peakThreads === null ? null : uslScaling(sigma, kappa, peakThreads),
    rSquared: rSquared(points, (threads) => uslScaling(sigma, kappa, threads)),
    pointsUsed: points.length,
  };
}
