/**
 * Benjamini–Hochberg (1995) for many tests at once. Sort the m p-values; the largest rank k with
 * p(k) ≤ k·q/m and every smaller one are discoveries. That keeps the expected share of false discoveries among
 * them at most q (for independent or positively dependent tests), and when nothing changed at all it keeps the
 * chance of any discovery at most q too. Pure math.
 */

export interface BenjaminiHochberg {
  /** Adjusted p-values, in the input order (scipy.stats.false_discovery_control, method 'bh'). */
  adjusted: number[];
  /** How many tests are discoveries at level q. */
  discoveries: number;
}

export function benjaminiHochberg(pValues: readonly number[], q: number): BenjaminiHochberg {
  const m = pValues.length;
  for (const p of pValues)
    if (!(p >= 0 && p <= 1)) throw new RangeError(`benjaminiHochberg: p-values must be in [0, 1], got ${p}`);
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m).fill(1);
  let running = 1;
  let discoveries = 0;
  for (let rank = m; rank >= 1; rank -= 1) {
    const entry = order[rank - 1] as { p: number; index: number };
    running = Math.min(running, (entry.p * m) / rank);
    adjusted[entry.index] = running;
    if (discoveries === 0 && entry.p <= (rank * q) / m) discoveries = rank;
  }
  return { adjusted, discoveries };
}
