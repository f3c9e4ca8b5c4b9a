/**
 * Forecasts of a fitted ARIMA model: point forecasts from the Kalman filter's last state, variances from the psi weights.
 */
import { difference } from "./differencing";
import type { ArimaFit } from "./fit";

/** Point forecasts and forecast variances of an ARIMA model, one per step 1..h. */
export interface ArimaForecast {
  mean: Float64Array;
  variance: Float64Array;
}

/**
 * The psi weights of an ARIMA model: the coefficients of theta(B) / (phi(B) (1 - B)^d) = sum_j psi_j B^j,
 * psi_0 = 1, psi_j = theta_j + sum_{i=1..p+d} phi*_i psi_{j-i}, where 1 - sum phi*_i B^i = phi(B) (1 - B)^d
 * (Box, Jenkins & Reinsel 2008, section 5.2).
 *
 * @param phi AR coefficients.
 * @param theta MA coefficients.
 * @param d number of differences.
 * @param count number of weights wanted.
 * @returns psi_0..psi_{count-1}.
 * @example
 * psiWeights(new Float64Array(0), new Float64Array(0), 1, 3) // [1, 1, 1] (random walk)
 */
export function psiWeights(phi: Float64Array, theta: Float64Array, d: number, count: number): Float64Array {
  // Coefficients of phi(B) (1 - B)^d in increasing powers: 1, -phi*_1, ...
  let ar = Float64Array.from([1, ...phi.map((v) => -v)]);
  for (let k = 0; k < d; k++) {
    const next = new Float64Array(ar.length + 1);
    for (let i = 0; i < ar.length; i++) {
      next[i] += ar[i];
      next[i + 1] -= ar[i];
    }
    ar = next;
  }
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
 * then summed back d times from the last observed values (so a drift continues as a straight line).
 * Variances sigma^2 sum_{j<h} psi_j^2 with the psi weights of the full model (psiWeights); R propagates the
 * filter's final covariance instead, which agrees once the filter has settled (invertible MA, history longer
 * than a few periods).
 *
 * @param fit the fitted model.
 * @param horizon number of steps, >= 1.
 * @returns point forecasts and variances.
 * @example
 * arimaForecast(fitArima(y, { p: 0, d: 1, q: 0, constant: false })!, 3).mean // [y_n, y_n, y_n]
 */
export function arimaForecast(fit: ArimaFit, horizon: number): ArimaForecast {
  const { phi, theta, order, history } = fit;
  const r = fit.state.length;
  const state = Float64Array.from(fit.state);
  const p = phi.length;
  const d = order.d;
  // Last value of y, of its first difference, ... up to the (d-1)-th difference.
  const last = Float64Array.from({ length: d }, (_, k) => {
    const differenced = difference(history, k);
    return differenced[differenced.length - 1];
  });
  const mean = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let value = fit.intercept + state[0];
    const a0 = state[0];
    for (let i = 0; i < r - 1; i++) state[i] = state[i + 1] + (i < p ? phi[i] * a0 : 0);
    state[r - 1] = r - 1 < p ? phi[r - 1] * a0 : 0;
    for (let k = d - 1; k >= 0; k--) {
      last[k] += value;
      value = last[k];
    }
    mean[h] = value;
  }
  const psi = psiWeights(phi, theta, d, horizon);
  const variance = new Float64Array(horizon);
  let cumulative = 0;
  for (let h = 0; h < horizon; h++) {
    cumulative += psi[h] * psi[h];
    variance[h] = fit.sigma2 * cumulative;
  }
  return { mean, variance };
}
