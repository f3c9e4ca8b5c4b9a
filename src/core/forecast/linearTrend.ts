/**
 * Least-squares line through (t, y(t)), t = 0..n-1 (R: lsfit(0:(n-1), y)).
 * slope = Σ(t - t̄)(y - ȳ) / Σ(t - t̄)², intercept = ȳ - slope·t̄.
 * @param y - observations (at least 1)
 * @returns intercept (value at t = 0) and slope per period
 * @example leastSquaresLine([1, 3, 5]) // { intercept: 1, slope: 2 }
 */
export function leastSquaresLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const tMean = (n - 1) / 2;
  const yMean = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tMean) * (y[t] - yMean);
    sxx += (t - tMean) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: yMean - slope * tMean, slope };
}
