/** Classical decomposition of a series into trend, season and remainder. */
export interface Decomposition {
  type: "additive" | "multiplicative";
  seasonLength: number;
  /** Centred moving average (NaN for the first and last floor(m/2) periods). */
  trend: number[];
  /** Seasonal component for every period of the history. */
  seasonal: number[];
  /** Seasonal index by position in the cycle, position 0 = first period of the history. */
  figure: number[];
  remainder: number[];
}

/**
 * Centred moving average of order m (a 2×m average when m is even), as R's filter in decompose().
 * @param y - observations
 * @param m - order (season length)
 * @returns the trend estimate, NaN where the window does not fit
 * @example centredMovingAverage([1, 2, 3, 4, 5], 3) // [NaN, 2, 3, 4, NaN]
 */
export function centredMovingAverage(y: readonly number[], m: number): number[] {
  const n = y.length;
  const trend = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    if (even) {
      sum += 0.5 * (y[t - half] + y[t + half]);
      for (let j = -half + 1; j < half; j++) sum += y[t + j];
    } else {
      for (let j = -half; j <= half; j++) sum += y[t + j];
    }
    trend[t] = sum / m;
  }
  return trend;
}

/**
 * Classical seasonal decomposition by moving averages (R stats::decompose; Kendall & Stuart 1983).
 *
 * trend = centred m-MA; detrended = y / trend (multiplicative) or y - trend (additive); the seasonal
 * figure is the mean detrended value per cycle position, normalised to mean 1 (or 0).
 * @param y - observations, at least 2 full cycles
 * @param m - season length (> 1)
 * @param type - "multiplicative" (default) or "additive"
 * @returns trend, seasonal, figure and remainder
 * @example classicalDecomposition([1, 3, 1, 3, 1, 3], 2, "additive").figure // [-1, 1]
 */
export function classicalDecomposition(y: readonly number[], m: number, type: "additive" | "multiplicative" = "multiplicative"): Decomposition {
  const n = y.length;
  const trend = centredMovingAverage(y, m);
  const multiplicative = type === "multiplicative";
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < n; t++) {
    if (Number.isNaN(trend[t])) continue;
    sums[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
    counts[t % m]++;
  }
  const raw = sums.map((s, i) => (counts[i] > 0 ? s / counts[i] : multiplicative ? 1 : 0));
  const centre = raw.reduce((s, v) => s + v, 0) / m;
  const figure = raw.map((v) => (multiplicative ? v / centre : v - centre));
  const seasonal = y.map((_, t) => figure[t % m]);
  const remainder = y.map((v, t) => (multiplicative ? v / (trend[t] * seasonal[t]) : v - trend[t] - seasonal[t]));
  return { type, seasonLength: m, trend, seasonal, figure, remainder };
}
