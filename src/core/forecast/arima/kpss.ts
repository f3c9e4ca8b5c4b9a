/**
 * The KPSS test of level stationarity (Kwiatkowski, Phillips, Schmidt & Shin, "Testing the null hypothesis of
 * stationarity against the alternative of a unit root", J. Econometrics 54, 1992), as R's urca::ur.kpss(type =
 * "mu").
 */

/** 5% critical value of the level-stationarity statistic (Kwiatkowski et al. 1992, table 1). */
export const KPSS_CRITICAL_5 = 0.463;

/**
 * KPSS level-stationarity statistic: with e = x - mean(x) and S the partial sums of e,
 * eta = sum(S_t^2) / n^2 / s2, where the long-run variance s2 = sum(e^2) / n + (2 / n) sum_{i=1..l}
 * (1 - i / (l + 1)) sum_t e_t e_{t-i} (Bartlett weights, Newey & West 1987). Large values reject stationarity.
 *
 * @param x the series (at least 2 values).
 * @param lags the truncation lag l (R's forecast::ndiffs uses trunc(3 sqrt(n) / 13)).
 * @returns the statistic (NaN for a constant series).
 * @example
 * kpssStatistic(Float64Array.from({ length: 20 }, (_, t) => t), 1) // 1.0838 (a trend: rejects at 5%, > 0.463)
 */
export function kpssStatistic(x: Float64Array, lags: number): number {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t];
  mean /= n;
  const e = x.map((v) => v - mean);
  let partial = 0;
  let numerator = 0;
  let s2 = 0;
  for (let t = 0; t < n; t++) {
    partial += e[t];
    numerator += partial * partial;
    s2 += e[t] * e[t];
  }
  for (let i = 1; i <= lags; i++) {
    let covariance = 0;
    for (let t = i; t < n; t++) covariance += e[t] * e[t - i];
    s2 += 2 * (1 - i / (lags + 1)) * covariance;
  }
  return numerator / (n * n) / (s2 / n);
}
