import { insufficiency, rSquared, type InsufficientFit, type ScalingPoint } from './scaling-points.js';

/** Fewer distinct thread counts (1 included) than this and one parameter is fitted to noise: say so instead. */
export const AMDAHL_MIN_THREAD_COUNTS = 3;

export interface AmdahlFit {
  status: 'ok';
  /** s in C(N) = 1 / (s + (1 - s) / N): the share of the work that does not run in parallel, 0..1. */
  serialFraction: number;
  /** The ceiling 1 / s that no thread count can pass; null when s = 0 (no ceiling). */
  maxScaling: number | null;
  rSquared: number;
  pointsUsed: number;
}

/** Amdahl's law: relative capacity at `threads` for serial fraction `serialFraction`. */
export function amdahlScaling(serialFraction: number, threads: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / threads);
}

/**
 * Least-squares fit of Amdahl's serial fraction. The law is linear in s once rearranged:
 * 1/C(N) - 1/N = s · (1 - 1/N), a line through the origin. Each point is weighted by C⁴, the square of
 * d(1/C)/dC inverted, so the fit approximately minimises squared error in C itself rather than in 1/C (which
 * would let the noisiest, smallest speedups dominate). s is clamped to 0..1: a super-linear run (s < 0) is
 * reported as s = 0, one slower with more threads (s > 1) as s = 1.
 */
export function fitAmdahl(points: readonly ScalingPoint[]): AmdahlFit | InsufficientFit {
  const reason = insufficiency(points, AMDAHL_MIN_THREAD_COUNTS, 'Amdahl');
  if (reason !== undefined) return { status: 'insufficient', reason };
  let sxy = 0;
  let sxx = 0;
  for (const { threads, scaling } of points) {
    const x = 1 - 1 / threads;
    const y = 1 / scaling - 1 / threads;
    const weight = scaling ** 4;
    sxy += weight * x * y;
    sxx += weight * x * x;
  }
  // insufficiency() guarantees points above N = 1, so sxx > 0.
  const serialFraction = Math.min(1, Math.max(0, sxy / sxx));
  return {
    status: 'ok',
    serialFraction,
    maxScaling: serialFraction > 0 ? 1 / serialFraction : null,
    rSquared: rSquared(points, (threads) => amdahlScaling(serialFraction, threads)),
    pointsUsed: points.length,
  };
}
