/**
 * Differencing for ARIMA: the d-th difference of a series, R's test for a constant series, and the number
 * of differences chosen by repeated KPSS tests (R's forecast::ndiffs).
 */
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
