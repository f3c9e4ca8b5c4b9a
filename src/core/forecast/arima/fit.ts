/**
 * Fitting one ARIMA(p, d, q) model, optionally with a constant (a mean when d = 0, a drift when d = 1), by
 * exact maximum likelihood from conditional-sum-of-squares starting values, as R's arima(method = "CSS-ML")
 * called by forecast::Arima().
 */
import { levenbergMarquardt } from "../../optimize/levenbergMarquardt";
import { difference } from "./differencing";
import { armaKalmanFilter, conditionalSumOfSquares, EXCLUDED_GAIN, KalmanWorkspace } from "./likelihood";
import { polynomialRoots } from "../polynomial";
import { invertMovingAverage, isStationary, rootsOutside } from "./roots";

/** The form of an ARIMA model. */
export interface ArimaOrder {
  /** AR order. */
  p: number;
  /** Number of first differences. */
  d: number;
  /** MA order. */
  q: number;
  /** Whether the differenced series has a non-zero mean: the mean (d = 0) or the drift (d = 1). */
  constant: boolean;
}

/** An ARIMA model fitted to a series. */
export interface ArimaFit {
  order: ArimaOrder;
  /** AR coefficients phi_1..phi_p. */
  phi: Float64Array;
  /** MA coefficients theta_1..theta_q (invertible). */
  theta: Float64Array;
  /** Mean of the differenced series: the mean (d = 0) or drift (d = 1); 0 without a constant. */
  intercept: number;
  /** Gaussian log-likelihood of the differenced series, as R's arima() reports it. */
  logLik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** Innovation variance: sum of squared residuals / (n - d - k), k the estimated coefficients, as R's Arima(). */
  sigma2: number;
  /** Estimated coefficients, the error variance not counted. */
  coefficientCount: number;
  /** Standardised one-step errors e_t / sqrt(F_t) as R's residuals(); NaN for the first d periods. */
  residuals: Float64Array;
  /** History minus residuals (R's fitted()); NaN for the first d periods. */
  fitted: Float64Array;
  /** Predicted ARMA state for the period after the last observation (see armaKalmanFilter), for forecasting. */
  state: Float64Array;
  /** The series the model was fitted to. */
  history: Float64Array;
}

/** Options of {@link fitArima}. */
export interface ArimaFitOptions {
  /** Hold the constant at this value instead of estimating it (R's fixed = ...). */
  fixedIntercept?: number;
  /**
   * Give up (return null) once the likelihood maximisation has kept an AR root, or an MA root or its
   * reciprocal, closer to the unit circle than this modulus for ABANDON_STEPS accepted steps in a row: it is
   * heading for the boundary, and a caller that rejects such models (auto.arima's 1.01) need not wait for it.
   */
  abandonBelow?: number;
}

/** Accepted steps in a row near the unit circle after which a fit with abandonBelow gives up. */
const ABANDON_STEPS = 3;

/**
 * Whether AR and MA roots keep away from the unit circle: every AR root has modulus >= radius, and every MA
 * root z has max(|z|, 1 / |z|) >= radius (an MA root inside the circle is flipped outside at the end).
 * `work` is scratch of length 2 (p + 1) for the AR test.
 */
function awayFromUnitCircle(phi: Float64Array, theta: Float64Array, radius: number, work: Float64Array): boolean {
  if (!rootsOutside(phi, radius, -1, work)) return false;
  if (theta.every((v) => v === 0)) return true;
  const { re, im } = polynomialRoots([1, ...theta]);
  for (let i = 0; i < re.length; i++) {
    const modulus = Math.hypot(re[i], im[i]);
    if (Math.max(modulus, 1 / modulus) < radius) return false;
  }
  return true;
}

/** Most Levenberg-Marquardt iterations and relative tolerance for the conditional-sum-of-squares start. */
const START_ITERATIONS = 10;
const START_TOLERANCE = 1e-4;
/**
 * Relative tolerance of the likelihood maximisation: stop when a step lowers the sum of squares by less than
 * this fraction, i.e. -2 log L by less than about n * 1e-6, far below what moves an AICc comparison.
 */
const LIKELIHOOD_TOLERANCE = 1e-6;

/**
 * Remove the least-squares multiple mu = sum e c / sum c^2 of the regressor innovations c from the series
 * innovations e (e <- e - mu c), summing over the periods the likelihood keeps (prediction variance below
 * EXCLUDED_GAIN; all periods when `gain` is null).
 * @returns mu.
 */
function removeMean(e: Float64Array, c: Float64Array, gain: Float64Array | null): number {
  let cross = 0;
  let square = 0;
  for (let t = 0; t < e.length; t++) {
    if (gain !== null && !(gain[t] < EXCLUDED_GAIN)) continue;
    cross += e[t] * c[t];
    square += c[t] * c[t];
  }
  const mu = cross / square;
  for (let t = 0; t < e.length; t++) e[t] -= mu * c[t];
  return mu;
}

/**
 * Fit ARIMA(p, d, q) by maximum likelihood, as R's forecast::Arima(y, order = c(p, d, q), include.constant)
 * (stats::arima, method "CSS-ML"), on the d-th difference w of the series:
 *
 * 1. Starting values: zero ARMA coefficients improved by minimising the conditional sum of squares (R's
 *    ARIMA_CSS; at most 10 steps, as only a start is needed); the fit fails, as in R, when they give a
 *    non-stationary AR part. A non-invertible MA start is flipped to its invertible twin (R's maInvert).
 * 2. Exact Gaussian likelihood of w by the Kalman filter (armaKalmanFilter), maximised over the stationary AR
 *    region, then the MA part made invertible.
 *
 * The constant (mean of w: the mean for d = 0, the drift for d = 1) is concentrated out of both steps: for
 * given ARMA coefficients its best value is a weighted least-squares coefficient (see armaKalmanFilter's
 * regressor), which gives the same optimum as R's joint search over fewer variables. Both minimisations are
 * least-squares problems (the likelihood concentrated in sigma^2 is maximal where the sum of squares of
 * e_t / sqrt(F_t) times the geometric mean of sqrt(F_t) is minimal), solved by Levenberg-Marquardt where R uses
 * BFGS. R filters the undifferenced series with a diffuse prior (kappa = 1e6) on the d differencing states and
 * leaves those first d observations out of the likelihood; filtering w is the exact limit of that (Durbin &
 * Koopman 2012, section 5.7). Where the likelihood has several local maxima the two can end on different ones.
 *
 * Statistics as R: log L = -(n' log(ssq / n') + sumLog + n' (1 + log 2 pi)) / 2 with n' = n - d,
 * AIC = -2 log L + 2 (k + 1), AICc = AIC + 2 (k + 1)(k + 2) / (n' - k - 2) (infinite when n' <= k + 2, where R's
 * formula turns negative), BIC = AIC + (k + 1)(log n' - 2), sigma^2 = sum of squared residuals / (n' - k),
 * with k the estimated coefficients. R's residuals also include d diffuse ones of size about y_t / 1000, which
 * add to its sigma^2; they are left out here.
 *
 * @param y the series.
 * @param order p, d, q and whether to include a constant (ignored when d >= 2, as R).
 * @param options a fixed constant instead of an estimated one; a root modulus below which to give up early.
 * @returns the fit, or null when the series is too short for the order (n - d - p < 1 with coefficients to
 *   estimate) or the conditional-sum-of-squares start is non-stationary, the cases where R's arima() stops,
 *   or (with abandonBelow) when the maximisation heads for the unit circle.
 * @example
 * fitArima(Float64Array.from(sales), { p: 1, d: 1, q: 1, constant: true })?.aicc
 */
export function fitArima(y: Float64Array, order: ArimaOrder, options: ArimaFitOptions = {}): ArimaFit | null {
  const { p, d, q } = order;
  const constant = order.constant && d < 2;
  const w = difference(y, d);
  const nUsed = w.length;
  if (nUsed <= 0) return null;
  const fixed = constant ? options.fixedIntercept : undefined;
  const series = fixed !== undefined ? w.map((v) => v - fixed) : w;
  // The mean (or drift) is concentrated out: for given ARMA coefficients its estimate is the weighted least
  // squares coefficient of a column of ones filtered alongside the series, so the optimisers search the
  // ARMA coefficients only.
  const ones = constant && fixed === undefined ? new Float64Array(nUsed).fill(1) : null;
  const k = p + q;
  const phi = new Float64Array(p);
  const theta = new Float64Array(q);
  const unpack = (x: Float64Array): void => {
    for (let i = 0; i < p; i++) phi[i] = x[i];
    for (let j = 0; j < q; j++) theta[j] = x[p + j];
  };
  const work = new KalmanWorkspace(nUsed, Math.max(p, q + 1));
  const regressorInnovations = new Float64Array(nUsed);
  const gain = work.gain;
  const rootWork = new Float64Array(2 * (p + 1));
  /** Filter at the current coefficients: standardised innovations into out, the concentrated mean returned. */
  const filter = (out: Float64Array): number => {
    armaKalmanFilter(series, phi, theta, work, out, ones, regressorInnovations);
    return ones !== null ? removeMean(out, regressorInnovations, gain) : 0;
  };

  let estimate: Float64Array = new Float64Array(k);
  if (k > 0) {
    const cssCount = nUsed - p;
    if (cssCount < 1) return null;
    const cssRegressor = new Float64Array(cssCount);
    estimate = levenbergMarquardt(
      (x, out) => {
        unpack(x);
        conditionalSumOfSquares(series, phi, theta, out);
        if (ones !== null) {
          conditionalSumOfSquares(ones, phi, theta, cssRegressor);
          removeMean(out, cssRegressor, null);
        }
        return true;
      },
      estimate,
      cssCount,
      { maxIterations: START_ITERATIONS, tolerance: START_TOLERANCE },
    ).x;
    if (!isStationary(estimate.subarray(0, p))) return null;
    estimate.set(invertMovingAverage(estimate.subarray(p, k)), p);
    let nearBoundary = 0;
    const radius = options.abandonBelow;
    const abandon =
      radius === undefined
        ? undefined
        : (x: Float64Array): boolean => {
            nearBoundary = awayFromUnitCircle(x.subarray(0, p), x.subarray(p, k), radius, rootWork) ? 0 : nearBoundary + 1;
            return nearBoundary >= ABANDON_STEPS;
          };
    estimate = levenbergMarquardt(
      (x, out) => {
        unpack(x);
        if (!isStationary(phi, rootWork)) return false;
        filter(out);
        const factor = Math.exp(work.sumLog / (2 * work.count));
        for (let t = 0; t < nUsed; t++) out[t] = gain[t] < EXCLUDED_GAIN ? out[t] * factor : 0;
        return true;
      },
      estimate,
      nUsed,
      { tolerance: LIKELIHOOD_TOLERANCE, stop: abandon },
    ).x;
    if (nearBoundary >= ABANDON_STEPS) return null;
    estimate.set(invertMovingAverage(estimate.subarray(p, k)), p);
  }
  unpack(estimate);
  const standardized = new Float64Array(nUsed);
  const mu = filter(standardized);
  let ssq = 0;
  let sse = 0;
  for (let t = 0; t < nUsed; t++) {
    sse += standardized[t] * standardized[t];
    if (gain[t] < EXCLUDED_GAIN) ssq += standardized[t] * standardized[t];
  }
  const value = nUsed * (Math.log(ssq / work.count) + work.sumLog / work.count) + nUsed * (1 + Math.log(2 * Math.PI));
  const coefficientCount = k + (ones !== null ? 1 : 0);
  const parameters = coefficientCount + 1;
  const aic = value + 2 * parameters;
  const n = y.length;
  const residuals = new Float64Array(n).fill(NaN);
  residuals.set(standardized, d);
  return {
    order: { p, d, q, constant },
    phi: Float64Array.from(phi),
    theta: Float64Array.from(theta),
    intercept: ones !== null ? mu : (fixed ?? 0),
    logLik: -value / 2,
    aic,
    aicc: nUsed - parameters - 1 > 0 ? aic + (2 * parameters * (parameters + 1)) / (nUsed - parameters - 1) : Infinity,
    bic: aic + parameters * (Math.log(nUsed) - 2),
    sigma2: sse / (nUsed - parameters + 1),
    coefficientCount,
    residuals,
    fitted: y.map((v, t) => v - residuals[t]),
    state: work.state.map((v, i) => v - mu * work.regressorState[i]),
    history: y,
  };
}
