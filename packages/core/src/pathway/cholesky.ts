/**
 * The Cholesky factor of a correlation matrix that may be singular (two parameters sharing one draw
 * have correlation 1): the Gaussian copula's draws are L z for independent standard normals z.
 */

/** A pivot within this of zero is zero: correlations are at most 1 in magnitude, so rounding stays far below it. */
const TOLERANCE = 1e-10;

/**
 * Lower-triangular L (n × n, row-major) with L Lᵀ = `matrix`, for a positive semi-definite matrix: a
 * zero pivot gives a zero column, which is consistent only when the rest of its column is zero as well.
 * Undefined when the matrix is not positive semi-definite.
 */
export function cholesky(matrix: ArrayLike<number>, n: number): Float64Array | undefined {
  const { factor, failed } = factorise(matrix, n);
  return failed < 0 ? factor : undefined;
}

/** The factorisation, and the first row at which it fails (−1 when it does not): rows 0 … failed are then not positive semi-definite. */
function factorise(matrix: ArrayLike<number>, n: number): { factor: Float64Array; failed: number } {
  const factor = new Float64Array(n * n);
  // Row by row: when row i fails, the leading (i + 1) × (i + 1) submatrix is the one that is not PSD.
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      let rest = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) rest -= factor[i * n + k]! * factor[j * n + k]!;
      const diagonal = factor[j * n + j]!;
      if (diagonal > 0) factor[i * n + j] = rest / diagonal;
      else if (Math.abs(rest) > TOLERANCE) return { factor, failed: i };
    }
    let pivot = matrix[i * n + i]!;
    for (let k = 0; k < i; k++) pivot -= factor[i * n + k]! * factor[i * n + k]!;
    if (pivot < -TOLERANCE) return { factor, failed: i };
    factor[i * n + i] = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
  }
  return { factor, failed: -1 };
}

/** The principal submatrix of `matrix` (n × n) on the rows and columns `keep`. */
function submatrix(matrix: ArrayLike<number>, n: number, keep: readonly number[]): Float64Array {
  const sub = new Float64Array(keep.length * keep.length);
  keep.forEach((row, i) => keep.forEach((column, j) => (sub[i * keep.length + j] = matrix[row * n + column]!)));
  return sub;
}

/**
 * Why a matrix is not positive semi-definite: the rows of a smallest principal submatrix that is not
 * (no row can be left out and the rest still fail), found by leaving rows out one at a time.
 * Undefined when the matrix is positive semi-definite.
 */
export function notSemiDefinite(matrix: ArrayLike<number>, n: number): number[] | undefined {
  const { failed } = factorise(matrix, n);
  if (failed < 0) return undefined;
  // The leading rows up to the failing one fail; each row left out in turn stays out if the rest still fail,
  // and a failure further up cuts the set to the rows up to it.
  let kept = Array.from({ length: failed + 1 }, (_, i) => i);
  for (let at = 0; at < kept.length - 1; ) {
    const without = kept.filter((_, i) => i !== at);
    const fails = factorise(submatrix(matrix, n, without), without.length).failed;
    if (fails >= 0) kept = without.slice(0, fails + 1);
    else at++;
  }
  return kept;
}
