/**
 * Forecasts of a fitted ARIMA model: point forecasts from the Kalman filter's last state, variances from the psi weights.
 */
import { seasonalPart, type ArimaFit } from "./fit";

/** Point forecasts and forecast variances of an ARIMA model, one per step 1..h. */
export interface ArimaForecast {
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * Coefficients of phi(B) (1 - B)^d (1 - B^m)^D in increasing powers of B, starting with 1.
 *
 * @param phi AR coefficients (of 1 - phi_1 B - ...).
 * @param d number of differences.
 * @param m season length.
 * @param D number of seasonal differences.
 * @returns 1, c_1, c_2, ... with the polynomial 1 + c_1 B + c_2 B^2 + ...
 * @example
 * differencedArPolynomial(new Float64Array(0), 1, 4, 1) // [1, -1, 0, 0, -1, 1]: (1 - B)(1 - B^4)
 */
export function differencedArPolynomial(phi: Float64Array, d: number, m: number, D: number): Float64Array {
  let ar = Float64Array.from([1, ...phi.map((v) => -v)]);
  const multiply = (lag: number): void => {
    const next = new Float64Array(ar.length + lag);
    for (let i = 0; i < ar.length; i++) {
      next[i] += ar[i];
      next[i + lag] -= ar[i];
    }
    ar = next;
  };
  for (let k = 0; k < d; k++) multiply(1);
  for (let k = 0; k < D; k++) multiply(m);
  return ar;
}

/**
 * The psi weights of an ARIMA model: the coefficients of theta(B) / (phi(B) (1 - B)^d (1 - B^m)^D) =
 * sum_j psi_j B^j, psi_0 = 1, psi_j = theta_j + sum_i phi*_i psi_{j-i}, where 1 - sum phi*_i B^i =
 * phi(B) (1 - B)^d (1 - B^m)^D (Box, Jenkins & Reinsel 2008, section 5.2). For a seasonal model pass the
 * multiplied polynomials (ArimaFit's arPolynomial and maPolynomial).
 *
 * @param phi AR coefficients.
 * @param theta MA coefficients.
 * @param d number of differences.
 * @param count number of weights wanted.
 * @param m season length of the seasonal differences.
 * @param D number of seasonal differences.
 * @returns psi_0..psi_{count-1}.
 * @example
 * psiWeights(new Float64Array(0), new Float64Array(0), 1, 3) // [1, 1, 1] (random walk)
 */
export function psiWeights(phi: Float64Array, theta: Float64Array, d: number, count: number, m = 1, D = 0): Float64Array {
  const ar = differencedArPolynomial(phi, d, m, D);
  const psi = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let value = j === 0 ? 1 : j <= theta.length ? theta[j - 1] : 0;
    for (let i = 1; i < ar.length && i <= j; i++) value -= ar[i] * psi[j - i];
    psi[j] = value;
  }
  return psi;
}

/**
 * Forecast a fitted ARIMA model h steps ahead, as R's forecast(Arima(...)) / predict.Arima. The differenced
 * series w is forecast from the Kalman filter's predicted state (forecast = intercept + a[0], then a <- T a),
 * then the differences undone, y_t = w_t - sum_{i>=1} c_i y_{t-i} with 1 + sum c_i B^i = (1 - B)^d (1 - B^m)^D,
 * from the observed history (so a drift continues as a straight line, a seasonal difference repeats last
 * year's pattern). Variances sigma^2 sum_{j<h} psi_j^2 with the psi weights of the full model (psiWeights); R
 * propagates the filter's final covariance instead, which agrees once the filter has settled (invertible MA,
 * history longer than a few periods).
 *
 * @param fit the fitted model.
 * @param horizon number of steps, >= 1.
 * @returns point forecasts and variances.
 * @example
 * arimaForecast(fitArima(y, { p: 0, d: 1, q: 0, constant: false })!, 3).mean // [y_n, y_n, y_n]
 */
export function arimaForecast(fit: ArimaFit, horizon: number): ArimaForecast {
  const { order, history } = fit;
  const { D, m } = seasonalPart(order);
  const phi = fit.arPolynomial;
  const r = fit.state.length;
  const state = Float64Array.from(fit.state);
  const p = phi.length;
  const delta = differencedArPolynomial(new Float64Array(0), order.d, m, D);
  const n = history.length;
  const y = new Float64Array(n + horizon);
  y.set(history);
  const mean = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let value = fit.intercept + state[0];
    const a0 = state[0];
    for (let i = 0; i < r - 1; i++) state[i] = state[i + 1] + (i < p ? phi[i] * a0 : 0);
    state[r - 1] = r - 1 < p ? phi[r - 1] * a0 : 0;
    for (let i = 1; i < delta.length; i++) value -= delta[i] * y[n + h - i];
    y[n + h] = value;
    mean[h] = value;
  }
  const psi = psiWeights(phi, fit.maPolynomial, order.d, horizon, m, D);
  const variance = new Float64Array(horizon);
  let cumulative = 0;
  for (let h = 0; h < horizon; h++) {
    cumulative += psi[h] * psi[h];
    variance[h] = fit.sigma2 * cumulative;
  }
  return { mean, variance };
}
