/**
 * The split of E-Divisive (Matteson & James 2014, "A nonparametric approach for multiple change point analysis
 * of multivariate data"), for one series of numbers with exponent alpha = 1: the candidate change point of a
 * segment is the tau that, with some end kappa, maximizes the scaled energy distance between
 * X = z[start, tau) and Y = z[tau, kappa):
 *
 *   Q(X, Y) = 2/(n+m) Σ|Xi − Yj| − 2m/((n+m)(n−1)) Σ_{i<k}|Xi − Xk| − 2n/((n+m)(m−1)) Σ_{j<k}|Yj − Yk|
 *
 * (n = |X|, m = |Y|; a within-sum over one point is empty). Searching kappa as well as tau, as Matteson & James
 * and Hunter/Otava do, lets a short step near the start of a long segment stand out from what follows it.
 * Pure math, O(T²) per segment from prefix sums of the distance matrix.
 */

export interface EnergySplit {
  /** First index of the second part: the change point candidate. */
  index: number;
  /** The maximized Q. */
  qhat: number;
}

/** Column prefix sums of |z_i − z_k| for one series, shared by every segment searched in it. */
export class DistancePrefix {
  /** below[k][i] = Σ_{r < i} |z_r − z_k|, for i in 0..k. */
  private readonly below: Float64Array[];

  constructor(readonly values: readonly number[]) {
    this.below = values.map((zk, k) => {
      const column = new Float64Array(k + 1);
      for (let i = 0; i < k; i += 1) column[i + 1] = (column[i] ?? 0) + Math.abs((values[i] ?? 0) - zk);
      return column;
    });
  }

  /** Σ_{from <= r < to} |z_r − z_k|, for to <= k. */
  sumTo(k: number, from: number, to: number): number {
    const column = this.below[k];
    if (column === undefined) throw new RangeError(`DistancePrefix: index ${k} outside the series`);
    return (column[to] ?? 0) - (column[from] ?? 0);
  }
}

/**
 * The best split of z[start, end), or undefined when the segment has fewer than 2 points. Ties go to the
 * smallest tau, then the smallest kappa.
 */
export function bestEnergySplit(prefix: DistancePrefix, start: number, end: number): EnergySplit | undefined {
  if (end - start < 2) return undefined;
  let best: EnergySplit | undefined;
  let withinX = 0; // Σ_{start <= i < k < tau} |z_i − z_k|
  for (let tau = start + 1; tau < end; tau += 1) {
    withinX += prefix.sumTo(tau - 1, start, tau - 1);
    const n = tau - start;
    let between = 0; // Σ_{i in X, j in Y} |z_i − z_j|
    let withinY = 0; // Σ_{tau <= j < k < kappa} |z_j − z_k|
    for (let kappa = tau + 1; kappa <= end; kappa += 1) {
      const added = kappa - 1; // the point Y gains
      between += prefix.sumTo(added, start, tau);
      withinY += prefix.sumTo(added, tau, added);
      const m = kappa - tau;
      const q =
        (2 / (n + m)) * between -
        (n > 1 ? ((2 * m) / ((n + m) * (n - 1))) * withinX : 0) -
        (m > 1 ? ((2 * n) / ((n + m) * (m - 1))) * withinY : 0);
      if (best === undefined || q > best.qhat) best = { index: tau, qhat: q };
    }
  }
  return best;
}
