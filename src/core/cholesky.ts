/**
 * Cholesky factorisation A = L L' of a symmetric positive definite k x k matrix (row-major), in place:
 * the lower triangle of `a` becomes L (the upper triangle is left as it was). A pivot at or below
 * `relativeTolerance` times its diagonal entry counts as zero (the matrix is singular to working
 * precision).
 * @returns false when A is not numerically positive definite (then `a` is partly overwritten)
 * @example const a = Float64Array.from([4, 2, 2, 3]); choleskyFactor(a, 2); // a = [2, 2, 1, 1.414...]
 */
export function choleskyFactor(a: Float64Array, k: number, relativeTolerance = 1e-12): boolean {
  for (let j = 0; j < k; j++) {
    const diagonal = a[j * k + j];
    let s = diagonal;
    for (let m = 0; m < j; m++) s -= a[j * k + m] * a[j * k + m];
    if (!(s > relativeTolerance * Math.abs(diagonal))) return false;
    const l = Math.sqrt(s);
    a[j * k + j] = l;
    for (let i = j + 1; i < k; i++) {
      let t = a[i * k + j];
      for (let m = 0; m < j; m++) t -= a[i * k + m] * a[j * k + m];
      a[i * k + j] = t / l;
    }
  }
  return true;
}

/**
 * Solve A X = B for X given the Cholesky factor of A (from `choleskyFactor`), by forward and back
 * substitution; B is k x columns (row-major) and is overwritten with X.
 * @example const a = Float64Array.from([4, 2, 2, 3]); choleskyFactor(a, 2); const b = Float64Array.from([6, 5]); choleskySolve(a, 2, b, 1); // b = [1, 1]
 */
export function choleskySolve(factor: Float64Array, k: number, b: Float64Array, columns: number): void {
  for (let c = 0; c < columns; c++) {
    for (let i = 0; i < k; i++) {
      let t = b[i * columns + c];
      for (let m = 0; m < i; m++) t -= factor[i * k + m] * b[m * columns + c];
      b[i * columns + c] = t / factor[i * k + i];
    }
    for (let i = k - 1; i >= 0; i--) {
      let t = b[i * columns + c];
      for (let m = i + 1; m < k; m++) t -= factor[m * k + i] * b[m * columns + c];
      b[i * columns + c] = t / factor[i * k + i];
    }
  }
}
