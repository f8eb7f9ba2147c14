/**
 * The standard normal distribution: its CDF from the regularized incomplete gamma function (Φ(x) = ½ erfc(−x/√2),
 * erfc(y) = Q(½, y²)), by series below and continued fraction above (Numerical Recipes, 3rd ed., §6.2), and its
 * quantile from Acklam's rational approximation polished by one Halley step on that CDF. Pure math, no
 * dependencies; checked against scipy.stats.norm in test/stats/normal.test.ts.
 */

const LOG_GAMMA_HALF = 0.5 * Math.log(Math.PI);
const EPSILON = 1e-16;
const TINY = 1e-300;

/** P(½, x): the lower regularized incomplete gamma at a = ½, by its power series (converges fast for x < 1.5). */
function lowerGammaHalf(x: number): number {
  let term = 2; // 1 / a
  let sum = term;
  for (let n = 1; n < 500; n += 1) {
    term *= x / (0.5 + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + 0.5 * Math.log(x) - LOG_GAMMA_HALF);
}

/** Q(½, x) = 1 − P(½, x), by its continued fraction (modified Lentz; converges fast for x ≥ 1.5). */
function upperGammaHalf(x: number): number {
  let b = x + 0.5;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i += 1) {
    const an = -i * (i - 0.5);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + 0.5 * Math.log(x) - LOG_GAMMA_HALF) * h;
}

/** erfc(y) for any real y, accurate to about 1e-15 relative. */
function erfc(y: number): number {
  const x = y * y;
  if (x === 0) return 1;
  const upper = x < 1.5 ? 1 - lowerGammaHalf(x) : upperGammaHalf(x);
  return y > 0 ? upper : 2 - upper;
}

/** P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** P(Z > x), computed directly so that far right tails keep their precision. */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// Acklam's coefficients (relative error below 1.15e-9 before the Halley step).
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1,
  2.506628277459239,
];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (const coefficient of coefficients) value = value * x + coefficient;
  return value;
}

/** The x with P(Z ≤ x) = p, for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  let x: number;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = polynomial(C, q) / (polynomial(D, q) * q + 1);
  } else if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    x = (polynomial(A, r) * q) / (polynomial(B, r) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -polynomial(C, q) / (polynomial(D, q) * q + 1);
  }
  // One Halley step on the exact CDF (in the upper half through the survival function, which keeps its digits).
  const error = p > 0.5 ? 1 - p - normalSurvival(x) : normalCdf(x) - p;
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
