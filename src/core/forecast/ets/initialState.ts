import { classicalDecomposition } from "../decomposition";
import { ADDITIVE, NONE } from "./kernel";

/**
 * Least-squares coefficients by the normal equations, solved with Gaussian elimination (partial pivoting).
 * @param columns regressors, each of length n.
 * @param y response of length n.
 * @returns one coefficient per column.
 */
function leastSquares(columns: readonly Float64Array[], y: Float64Array | readonly number[]): Float64Array {
  const p = columns.length;
  const a = new Float64Array(p * (p + 1));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let t = 0; t < y.length; t++) s += columns[i][t] * columns[j][t];
      a[i * (p + 1) + j] = s;
    }
    let s = 0;
    for (let t = 0; t < y.length; t++) s += columns[i][t] * y[t];
    a[i * (p + 1) + p] = s;
  }
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r * (p + 1) + c]) > Math.abs(a[pivot * (p + 1) + c])) pivot = r;
    for (let j = 0; j <= p; j++) {
      const tmp = a[c * (p + 1) + j];
      a[c * (p + 1) + j] = a[pivot * (p + 1) + j];
      a[pivot * (p + 1) + j] = tmp;
    }
    for (let r = c + 1; r < p; r++) {
      const factor = a[r * (p + 1) + c] / a[c * (p + 1) + c];
      for (let j = c; j <= p; j++) a[r * (p + 1) + j] -= factor * a[c * (p + 1) + j];
    }
  }
  const beta = new Float64Array(p);
  for (let r = p - 1; r >= 0; r--) {
    let s = a[r * (p + 1) + p];
    for (let j = r + 1; j < p; j++) s -= a[r * (p + 1) + j] * beta[j];
    beta[r] = s / a[r * (p + 1) + r];
  }
  return beta;
}

/**
 * Seasonal component of a short series (fewer than 3 seasons), as R's initstate: regress y on a linear
 * trend and one Fourier pair (sin, cos of 2 pi t / m), and take y minus (additive) or over
 * (multiplicative) the fitted trend line.
 */
function fourierComponent(y: Float64Array | readonly number[], m: number, season: number): Float64Array {
  const n = y.length;
  const one = new Float64Array(n).fill(1);
  const time = new Float64Array(n);
  const sin = new Float64Array(n);
  const cos = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    time[t] = t + 1;
    sin[t] = Math.sin((2 * Math.PI * (t + 1)) / m);
    cos[t] = Math.cos((2 * Math.PI * (t + 1)) / m);
  }
  const columns = m === 2 ? [one, time, cos] : [one, time, sin, cos];
  const coef = leastSquares(columns, y);
  const component = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const line = coef[0] + coef[1] * (t + 1);
    component[t] = season === ADDITIVE ? y[t] - line : y[t] / line;
  }
  return component;
}

/**
 * Heuristic initial state of an ETS model, as R's initstate() (forecast package):
 * seasonal states from a classical decomposition (a trend + Fourier regression when the series has fewer
 * than 3 seasons), multiplicative indices floored at 0.01; the m-th state set so the seasonal states sum
 * to 0 (additive) or m (multiplicative); level (and slope) from the mean of (a regression line on) the first
 * max(10, 2m) seasonally adjusted values.
 *
 * @param y the series (at least 4 values; for a seasonal model more than m).
 * @param trend NONE or ADDITIVE.
 * @param season NONE, ADDITIVE or MULTIPLICATIVE.
 * @param m season length (ignored without season).
 * @returns the state [level, slope, s_0..s_{m-1}] in the layout of the kernels (length 2 + m; m = 1 without season).
 * @example
 * etsInitialState([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ADDITIVE, NONE, 1) // [0, 1, 0]
 */
export function etsInitialState(y: Float64Array | readonly number[], trend: number, season: number, m: number): Float64Array {
  const n = y.length;
  const period = season === NONE ? 1 : m;
  const state = new Float64Array(2 + period);
  const adjusted = Float64Array.from(y);
  if (season !== NONE) {
    const raw =
      n < 3 * m
        ? fourierComponent(y, m, season)
        : classicalDecomposition(Array.from(y), m, season === ADDITIVE ? "additive" : "multiplicative").figure;
    const seasons = state.subarray(2);
    let sum = 0;
    for (let k = 1; k < m; k++) {
      seasons[k] = season === ADDITIVE ? raw[k] : Math.max(raw[k], 0.01);
      sum += seasons[k];
    }
    if (season !== ADDITIVE && sum > m) {
      for (let k = 1; k < m; k++) seasons[k] /= sum + 0.01 * (m - 1);
      sum = 0;
      for (let k = 1; k < m; k++) sum += seasons[k];
    }
    seasons[0] = (season === ADDITIVE ? 0 : m) - sum;
    for (let t = 0; t < n; t++) {
      const index = n < 3 * m ? raw[t] : raw[t % m];
      adjusted[t] = season === ADDITIVE ? y[t] - index : y[t] / Math.max(index, 0.01);
    }
  }
  const maxn = Math.min(Math.max(10, 2 * period), n);
  if (trend === NONE) {
    let s = 0;
    for (let t = 0; t < maxn; t++) s += adjusted[t];
    state[0] = s / maxn;
    return state;
  }
  const meanT = (maxn + 1) / 2;
  let meanY = 0;
  for (let t = 0; t < maxn; t++) meanY += adjusted[t] / maxn;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < maxn; t++) {
    sxy += (t + 1 - meanT) * (adjusted[t] - meanY);
    sxx += (t + 1 - meanT) * (t + 1 - meanT);
  }
  let slope = sxx > 0 ? sxy / sxx : 0;
  let level = meanY - slope * meanT;
  if (Math.abs(level + slope) < 1e-8) {
    level *= 1 + 1e-3;
    slope *= 1 - 1e-3;
  }
  state[0] = level;
  state[1] = slope;
  return state;
}
