/** The standard normal distribution's CDF Φ and its inverse, for the Gaussian copula (copula.ts). */

/** ln √(2π). */
const LOG_SQRT_2PI = 0.9189385332046727;

/**
 * Φ(x) by Marsaglia's Taylor series (J. Stat. Softw. 11(4), 2004): Φ(x) = ½ + φ(x)(x + x³/3 + x⁵/15 + …),
 * absolute error about 10⁻¹⁵. Beyond ±8.3 the double nearest Φ is 0 or 1 to within 10⁻¹⁶.
 */
export function standardNormalCdf(x: number): number {
  if (x < -8.3) return 0;
  if (x > 8.3) return 1;
  const square = x * x;
  let sum = x;
  let previous = 0;
  let term = x;
  for (let odd = 1; sum !== previous; ) {
    previous = sum;
    odd += 2;
    term *= square / odd;
    sum = previous + term;
  }
  return 0.5 + sum * Math.exp(-0.5 * square - LOG_SQRT_2PI);
}

// Acklam's rational approximation of Φ⁻¹ (relative error below 1.15 × 10⁻⁹).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const LOW = 0.02425;

function tail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/**
 * Φ⁻¹(p) for p in (0, 1): Acklam's approximation, then in the central region (where Φ above is accurate
 * relative to p) one Halley step, which brings it to about 10⁻¹⁵. ±∞ at 0 and 1.
 */
export function standardNormalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < LOW) return tail(p);
  if (p > 1 - LOW) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  const x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  const step = (standardNormalCdf(x) - p) * Math.exp(0.5 * x * x + LOG_SQRT_2PI);
  return x - step / (1 + (x * step) / 2);
}
