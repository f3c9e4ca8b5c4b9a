/**
 * Differencing for ARIMA: the d-th difference and D-th seasonal difference of a series, R's test for a
 * constant series, the number of differences chosen by repeated KPSS tests (R's forecast::ndiffs) and the
 * number of seasonal differences chosen by seasonal strength (R's forecast::nsdiffs).
 */
import { MSTL_SEASONAL_WINDOW, stl } from "../stl";
import { KPSS_CRITICAL_5, kpssStatistic } from "./kpss";

/** R's all.equal() tolerance, sqrt(machine epsilon), below which a series counts as constant. */
const CONSTANT_TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The d-th difference of a series: (1 - B)^d y, of length n - d.
 *
 * @param y the series.
 * @param d number of differences (0 returns a copy).
 * @returns the differenced series (empty when d >= n).
 * @example
 * difference(Float64Array.of(1, 4, 9, 16), 2) // [2, 2]
 */
export function difference(y: Float64Array, d: number): Float64Array {
  let w = Float64Array.from(y);
  for (let k = 0; k < d; k++) {
    const next = new Float64Array(Math.max(w.length - 1, 0));
    for (let t = 0; t < next.length; t++) next[t] = w[t + 1] - w[t];
    w = next;
  }
  return w;
}

/**
 * The D-th seasonal difference of a series: (1 - B^m)^D y, of length n - m D.
 *
 * @param y the series.
 * @param m season length (lag of the difference).
 * @param D number of seasonal differences (0 returns a copy).
 * @returns the differenced series (empty when m D >= n).
 * @example
 * seasonalDifference(Float64Array.of(1, 2, 4, 7), 2, 1) // [3, 5]
 */
export function seasonalDifference(y: Float64Array, m: number, D: number): Float64Array {
  let w = Float64Array.from(y);
  for (let k = 0; k < D; k++) {
    const next = new Float64Array(Math.max(w.length - m, 0));
    for (let t = 0; t < next.length; t++) next[t] = w[t + m] - w[t];
    w = next;
  }
  return w;
}

/**
 * Whether a series is constant as R's forecast:::is.constant() judges it: all.equal(x, rep(x[1], n)), i.e. the
 * mean absolute difference from the first value, over the values that differ from it, is at most
 * sqrt(machine epsilon) relative to their mean absolute value (absolute when that mean is that small).
 *
 * @param x the series.
 * @returns true for an empty, one-value or constant series.
 * @example
 * isConstant(Float64Array.of(3, 3, 3)) // true
 */
export function isConstant(x: Float64Array): boolean {
  let differ = 0;
  let distance = 0;
  let size = 0;
  for (let t = 0; t < x.length; t++) {
    if (x[t] === x[0]) continue;
    differ++;
    distance += Math.abs(x[t] - x[0]);
    size += Math.abs(x[t]);
  }
  if (differ === 0) return true;
  const scale = size / differ;
  const mean = distance / differ;
  return (scale > CONSTANT_TOLERANCE ? mean / scale : mean) <= CONSTANT_TOLERANCE;
}

/**
 * Number of first differences that make a series stationary, as R's forecast::ndiffs(x, test = "kpss",
 * alpha = 0.05, max.d): while the KPSS level-stationarity test (Kwiatkowski et al. 1992, lag
 * trunc(3 sqrt(n) / 13)) rejects at 5% and fewer than maxD differences were taken, difference once more; stop
 * early when the differenced series is constant. The p-value R interpolates in KPSS's table is below 0.05
 * exactly when the statistic exceeds the 5% critical value 0.463.
 *
 * @param y the series.
 * @param maxD most differences (R's default 2).
 * @returns d in 0..maxD (0 for a constant series).
 * @example
 * differencesNeeded(Float64Array.from({ length: 30 }, (_, t) => t * t), 2) // 2
 */
export function differencesNeeded(y: Float64Array, maxD = 2): number {
  let x = y;
  if (isConstant(x)) return 0;
  let d = 0;
  while (d < maxD && kpssStatistic(x, Math.trunc((3 * Math.sqrt(x.length)) / 13)) > KPSS_CRITICAL_5) {
    d++;
    x = difference(x, 1);
    if (isConstant(x)) return d;
  }
  return d;
}

/** Seasonal strength above which R's nsdiffs(test = "seas") takes a seasonal difference (chosen by R on M3). */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

function variance(x: Float64Array): number {
  let mean = 0;
  for (let t = 0; t < x.length; t++) mean += x[t];
  mean /= x.length;
  let s = 0;
  for (let t = 0; t < x.length; t++) s += (x[t] - mean) ** 2;
  return s / (x.length - 1);
}

/**
 * Strength of seasonality, max(0, min(1, 1 - var(R) / var(S + R))), with S and R the seasonal and remainder
 * parts of an STL decomposition with s.window = 11 (Wang, Smith & Hyndman, "Characteristic-based clustering
 * for time series data", Data Mining and Knowledge Discovery 13, 2006; R's forecast:::seas.heuristic via mstl).
 *
 * @param y the series, longer than two seasons.
 * @param m season length >= 2.
 * @returns the strength in [0, 1].
 * @example
 * seasonalStrength(Float64Array.from({ length: 48 }, (_, t) => [1, 5, 3, 8][t % 4] + t), 4) // close to 1
 */
export function seasonalStrength(y: Float64Array, m: number): number {
  const { seasonal, remainder } = stl(y, m, MSTL_SEASONAL_WINDOW);
  const both = remainder.map((v, t) => v + seasonal[t]);
  return Math.max(0, Math.min(1, 1 - variance(remainder) / variance(both)));
}

/**
 * Number of seasonal differences, at most one, as R's forecast::nsdiffs(y, test = "seas", max.D = 1), the
 * default of auto.arima: 1 when the seasonal strength (seasonalStrength) exceeds 0.64, 0 for a constant series
 * or one not longer than two seasons (where auto.arima does not test).
 *
 * @param y the series.
 * @param m season length >= 2.
 * @returns 0 or 1.
 * @example
 * seasonalDifferencesNeeded(Float64Array.from(monthlySales), 12) // 1 for a strongly seasonal series
 */
export function seasonalDifferencesNeeded(y: Float64Array, m: number): number {
  if (m < 2 || y.length <= 2 * m || isConstant(y)) return 0;
  return seasonalStrength(y, m) > SEASONAL_STRENGTH_THRESHOLD ? 1 : 0;
}
