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
  const factor = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= factor[j * n + k]! * factor[j * n + k]!;
    if (pivot < -TOLERANCE) return undefined;
    const diagonal = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    factor[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let rest = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) rest -= factor[i * n + k]! * factor[j * n + k]!;
      if (diagonal > 0) factor[i * n + j] = rest / diagonal;
      else if (Math.abs(rest) > TOLERANCE) return undefined;
    }
  }
  return factor;
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
  if (cholesky(matrix, n)) return undefined;
  let kept = Array.from({ length: n }, (_, i) => i);
  for (const row of Array.from({ length: n }, (_, i) => i)) {
    const without = kept.filter((other) => other !== row);
    if (!cholesky(submatrix(matrix, n, without), without.length)) kept = without;
  }
  return kept;
}
