/**
 * Likelihood kernels of a zero-mean ARMA(p, q) series x_t = sum phi_i x_{t-i} + e_t + sum theta_j e_{t-j}:
 * the exact Gaussian likelihood by the Kalman filter (the numbers of R's ARIMA_Like) and the conditional sum of
 * squares (R's ARIMA_CSS), after R's src/library/stats/src/arima.c.
 */
import { float64Views } from "../../float64Views";
import { CovarianceWorkspace, initialStateFirstColumn } from "./initialCovariance";

/**
 * One-step prediction variances (in units of the innovation variance) from which R's filter leaves an
 * observation out of the likelihood, as it does for the diffuse first observations of a differenced model.
 */
export const EXCLUDED_GAIN = 1e4;

/**
 * The filter stops updating its gains once the next covariance correction M_t |W_t|^2 falls below this fraction
 * of F_t: the filter has reached its steady state, and further updates change nothing above rounding.
 */
const STEADY_STATE = 1e-15;

/** Scratch and results of {@link armaKalmanFilter} for one series length and state dimension. */
export class KalmanWorkspace {
  /** State dimension r = max(p, q + 1). */
  readonly r: number;
  /**
   * Predicted state a_{n+1|n} after the last observation (Harvey's form: a[0] is the one-step forecast of the
   * next value, the other entries carry the AR and MA memory).
   */
  readonly state: Float64Array;
  /** Predicted state of the regressor (see armaKalmanFilter). */
  readonly regressorState: Float64Array;
  /** One-step prediction variances F_t (units of the innovation variance), one per observation. */
  readonly gain: Float64Array;
  /** Sum of e_t^2 / F_t over the observations kept in the likelihood. */
  ssq = 0;
  /** Sum of log F_t over the same observations. */
  sumLog = 0;
  /** Number of observations kept. */
  count = 0;
  // Scratch: the initial covariance, phi padded to r, the gain K_t and the Chandrasekhar vector W_t.
  readonly covariance: CovarianceWorkspace;
  readonly initial: Float64Array;
  readonly phi: Float64Array;
  readonly K: Float64Array;
  readonly W: Float64Array;

  constructor(n: number, r: number) {
    this.r = r;
    [this.state, this.regressorState, this.gain, this.initial, this.phi, this.K, this.W] = float64Views(r, r, n, r * r, r, r, r);
    this.covariance = new CovarianceWorkspace(r);
  }
}

/**
 * Kalman filter of a zero-mean ARMA(p, q) series in Harvey's state-space form (r = max(p, q + 1) states,
 * transition T with phi in the first column and ones above the diagonal, disturbance loading
 * R = (1, theta_1, ..., theta_{r-1})), started from the state mean 0 and the stationary covariance P_1 of
 * {@link initialStateCovariance}; covariances are in units of the innovation variance sigma^2, which the
 * likelihood concentrates out. Gives the innovations e_t and their variances F_t, from which
 * -2 log L = n log(ssq / n) + sumLog + n (1 + log 2 pi) with ssq = sum e_t^2 / F_t, sumLog = sum log F_t, and
 * sigma^2 = ssq / n (Harvey 1989, section 3.4). Like R's ARIMA_Like, it leaves out observations with
 * F_t >= 1e4.
 *
 * The prediction covariances P_t are not formed: since P_1 is stationary, P_{t+1} - P_t = M_t W_t W_t' has rank
 * one, and the Chandrasekhar recursions update F_t, the gain vector K_t = T P_t Z', W_t and M_t in O(r) per
 * period (Morf, Sidhu & Kailath 1974; Melard's AS 197, Applied Statistics 33, 1984):
 * F_{t+1} = F_t + M_t (W_t[0])^2, K_{t+1} = K_t + M_t W_t[0] T W_t, W_{t+1} = T W_t - K_t W_t[0] / F_t,
 * M_{t+1} = M_t F_t / F_{t+1}, from F_1 = P_1[0,0], K_1 = W_1 = T P_1[.,0], M_1 = -1 / F_1 (so only the first
 * column of P_1 is needed, see initialStateFirstColumn). The updates stop once M_t |W_t|^2 < 1e-15 F_t (steady
 * state). The same numbers as R's O(r^2) covariance recursion, to rounding.
 *
 * @param x the series, mean already removed.
 * @param phi AR coefficients (stationary).
 * @param theta MA coefficients.
 * @param work workspace for x.length and r = max(p, q + 1); receives ssq, sumLog, count, F_t and the final state.
 * @param standardized when given, receives e_t / sqrt(F_t) (R's residuals of arima()).
 * @param regressor when given, a second series filtered with the same gains (its own state, kept in
 *   work.regressorState); the filter is linear, so the innovations of x - mu * regressor are those of x minus
 *   mu times those of the regressor, which lets a caller estimate a mean by weighted least squares.
 * @param standardizedRegressor when given, receives the regressor's innovations / sqrt(F_t).
 * @example
 * const work = new KalmanWorkspace(3, 1);
 * armaKalmanFilter(Float64Array.of(1, -1, 2), Float64Array.of(0.5), new Float64Array(0), work, null);
 * work.ssq; // 0.75 + 2.25 + 6.25
 */
export function armaKalmanFilter(
  x: Float64Array,
  phi: Float64Array,
  theta: Float64Array,
  work: KalmanWorkspace,
  standardized: Float64Array | null,
  regressor: Float64Array | null = null,
  standardizedRegressor: Float64Array | null = null,
): void {
  const n = x.length;
  const r = work.r;
  const p = phi.length;
  const { state: a, regressorState: c, gain: gains, initial, K, W } = work;
  const f = work.phi;
  for (let i = 0; i < r; i++) f[i] = i < p ? phi[i] : 0;
  initialStateFirstColumn(phi, theta, work.covariance, initial);
  let F = initial[0];
  for (let i = 0; i < r; i++) K[i] = f[i] * initial[0] + (i < r - 1 ? initial[i + 1] : 0);
  W.set(K);
  let M = -1 / F;
  let inverse = 1 / F;
  a.fill(0);
  c.fill(0);
  let ssq = 0;
  // sum log F_t is kept as a running product (each F_t >= 1), its logarithm taken when it grows large.
  let sumLog = 0;
  let product = 1;
  let count = 0;
  let steady = false;
  for (let l = 0; l < n; l++) {
    const resid = x[l] - a[0];
    const step = resid * inverse;
    gains[l] = F;
    if (F < EXCLUDED_GAIN) {
      count++;
      ssq += resid * step;
      product *= F;
      if (product > 1e100) {
        sumLog += Math.log(product);
        product = 1;
      }
    }
    const scale = Math.sqrt(inverse);
    if (standardized !== null) standardized[l] = resid * scale;
    // a <- T a + K e / F (and the regressor's state c the same way), then, until the steady state, the
    // Chandrasekhar step W <- T W - K W[0] / F, K <- K + M W[0] T W, F <- F + M W[0]^2, M <- M F / F_new,
    // in one pass over the state: entry i reads only entries i and i + 1 of a, c and W (not yet updated) and K[i].
    const a0 = a[0];
    let cStep = 0;
    let c0 = 0;
    if (regressor !== null) {
      // The regressor goes through the same filter: its own state, the same gains.
      const cResid = regressor[l] - c[0];
      if (standardizedRegressor !== null) standardizedRegressor[l] = cResid * scale;
      cStep = cResid * inverse;
      c0 = c[0];
    }
    const last = r - 1;
    if (steady) {
      for (let i = 0; i < last; i++) a[i] = f[i] * a0 + a[i + 1] + K[i] * step;
      a[last] = f[last] * a0 + K[last] * step;
      if (regressor !== null) {
        for (let i = 0; i < last; i++) c[i] = f[i] * c0 + c[i + 1] + K[i] * cStep;
        c[last] = f[last] * c0 + K[last] * cStep;
      }
      continue;
    }
    const w0 = W[0];
    const shrink = w0 * inverse;
    const grow = M * w0;
    let size = 0;
    for (let i = 0; i < last; i++) {
      const fi = f[i];
      const Ki = K[i];
      a[i] = fi * a0 + a[i + 1] + Ki * step;
      if (regressor !== null) c[i] = fi * c0 + c[i + 1] + Ki * cStep;
      const tw = fi * w0 + W[i + 1];
      const wi = tw - Ki * shrink;
      W[i] = wi;
      K[i] = Ki + tw * grow;
      size += wi * wi;
    }
    const fLast = f[last];
    const kLast = K[last];
    a[last] = fLast * a0 + kLast * step;
    if (regressor !== null) c[last] = fLast * c0 + kLast * cStep;
    const tLast = fLast * w0;
    const wLast = tLast - kLast * shrink;
    W[last] = wLast;
    K[last] = kLast + tLast * grow;
    size += wLast * wLast;
    const next = F + grow * w0;
    inverse = 1 / next;
    M *= F * inverse;
    F = next;
    // Converged: the remaining rank-one corrections M W W' of the covariance are below rounding.
    steady = Math.abs(M) * size < STEADY_STATE * F;
  }
  work.ssq = ssq;
  work.sumLog = sumLog + Math.log(product);
  work.count = count;
}

/**
 * Conditional sum of squares of a zero-mean ARMA(p, q) series: residuals e_t = x_t - sum phi_i x_{t-i} -
 * sum theta_j e_{t-j} for t >= p, with earlier residuals taken as 0 (Box & Jenkins 1976, section 7.1;
 * R's ARIMA_CSS, used by arima(method = "CSS-ML") for starting values).
 *
 * @param x the series, mean already removed.
 * @param phi AR coefficients.
 * @param theta MA coefficients.
 * @param residuals receives e_t at index t - p (length x.length - p).
 * @returns sum of e_t^2.
 * @example
 * conditionalSumOfSquares(Float64Array.of(1, 2, 3), Float64Array.of(1), new Float64Array(0), new Float64Array(2)) // 2
 */
export function conditionalSumOfSquares(x: Float64Array, phi: Float64Array, theta: Float64Array, residuals: Float64Array): number {
  const p = phi.length;
  const q = theta.length;
  // Only the non-zero lags: a seasonal model's multiplied polynomials are mostly zeros.
  const arLags: number[] = [];
  const maLags: number[] = [];
  for (let i = 0; i < p; i++) if (phi[i] !== 0) arLags.push(i);
  for (let j = 0; j < q; j++) if (theta[j] !== 0) maLags.push(j);
  const arCount = arLags.length;
  const maCount = maLags.length;
  let ssq = 0;
  for (let t = p; t < x.length; t++) {
    let e = x[t];
    for (let l = 0; l < arCount; l++) {
      const i = arLags[l];
      e -= phi[i] * x[t - i - 1];
    }
    const known = t - p;
    for (let l = 0; l < maCount; l++) {
      const j = maLags[l];
      if (j >= known) break;
      e -= theta[j] * residuals[known - j - 1];
    }
    residuals[known] = e;
    ssq += e * e;
  }
  return ssq;
}
