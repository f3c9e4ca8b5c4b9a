/**
 * Fitting one ARIMA(p, d, q)(P, D, Q)m model, optionally with a constant (a mean when d + D = 0, a drift when
 * d + D = 1), by exact maximum likelihood from conditional-sum-of-squares starting values, as R's
 * arima(method = "CSS-ML") called by forecast::Arima().
 */
import { float64Views } from "../../float64Views";
import { levenbergMarquardt } from "../../optimize/levenbergMarquardt";
import { difference, seasonalDifference } from "./differencing";
import { armaKalmanFilter, conditionalSumOfSquares, EXCLUDED_GAIN, KalmanWorkspace } from "./likelihood";
import { polynomialRoots } from "../polynomial";
import { invertMovingAverage, isStationary, rootsOutside } from "./roots";

/** The seasonal part (P, D, Q)m of an ARIMA model. */
export interface SeasonalOrder {
  /** Seasonal AR order: coefficients of B^m, B^2m, ... */
  P: number;
  /** Number of seasonal differences (1 - B^m). */
  D: number;
  /** Seasonal MA order. */
  Q: number;
  /** Season length m >= 2. */
  m: number;
}

/** The form of an ARIMA model. */
export interface ArimaOrder {
  /** AR order. */
  p: number;
  /** Number of first differences. */
  d: number;
  /** MA order. */
  q: number;
  /**
   * Whether the differenced series has a non-zero mean: the mean (d + D = 0) or the drift (d + D = 1; the
   * differenced series' mean is m times the drift when D = 1).
   */
  constant: boolean;
  /** Seasonal part; absent for a non-seasonal model. */
  seasonal?: SeasonalOrder;
}

/**
 * The seasonal part of an order, (0, 0, 0) with m = 1 when it has none.
 *
 * @param order an ARIMA order.
 * @returns its seasonal part.
 * @example
 * seasonalPart({ p: 1, d: 1, q: 0, constant: false }) // { P: 0, D: 0, Q: 0, m: 1 }
 */
export function seasonalPart(order: ArimaOrder): SeasonalOrder {
  return order.seasonal ?? { P: 0, D: 0, Q: 0, m: 1 };
}

/**
 * Multiply a non-seasonal and a seasonal lag polynomial: the coefficients c_1..c_{k + m K} of
 * (1 + s a_1 B + ... + s a_k B^k)(1 + s A_1 B^m + ... + s A_K B^{Km}) = 1 + s c_1 B + ..., with s = -1 for AR
 * polynomials (1 - phi_1 B - ...) and s = 1 for MA polynomials.
 *
 * @param a non-seasonal coefficients.
 * @param A seasonal coefficients.
 * @param m season length.
 * @param sign -1 for AR, 1 for MA polynomials.
 * @param out receives the product (length a.length + m A.length; a new array when omitted).
 * @returns the coefficients of the product in the same sign convention.
 * @example
 * multiplySeasonal(Float64Array.of(0.5), Float64Array.of(0.4), 12, 1) // theta_1 = 0.5, theta_12 = 0.4, theta_13 = 0.2
 */
export function multiplySeasonal(a: Float64Array, A: Float64Array, m: number, sign: number, out = new Float64Array(a.length + m * A.length)): Float64Array {
  out.fill(0);
  out.set(a);
  for (let j = 0; j < A.length; j++) {
    out[(j + 1) * m - 1] += A[j];
    for (let i = 0; i < a.length; i++) out[(j + 1) * m + i] += sign * a[i] * A[j];
  }
  return out;
}

/** An ARIMA model fitted to a series. */
export interface ArimaFit {
  order: ArimaOrder;
  /** AR coefficients phi_1..phi_p. */
  phi: Float64Array;
  /** MA coefficients theta_1..theta_q (invertible). */
  theta: Float64Array;
  /** Seasonal AR coefficients Phi_1..Phi_P (empty without a seasonal part). */
  seasonalPhi: Float64Array;
  /** Seasonal MA coefficients Theta_1..Theta_Q (invertible). */
  seasonalTheta: Float64Array;
  /** AR coefficients of phi(B) Phi(B^m), length p + m P (= phi without a seasonal part; see multiplySeasonal). */
  arPolynomial: Float64Array;
  /** MA coefficients of theta(B) Theta(B^m), length q + m Q. */
  maPolynomial: Float64Array;
  /** Mean of the differenced series: the mean (d + D = 0) or drift times the lag of the difference (d + D = 1); 0 without a constant. */
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
  /** Standardised one-step errors e_t / sqrt(F_t) as R's residuals(); NaN for the first d + m D periods. */
  residuals: Float64Array;
  /** History minus residuals (R's fitted()); NaN for the first d + m D periods. */
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
  /**
   * The series already differenced by the order's d and D, (1 - B)^d (1 - B^m)^D y: a search fitting many
   * orders of one series differences it once.
   */
  differenced?: Float64Array;
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

/**
 * awayFromUnitCircle for both factors of a seasonal model: a root w of the seasonal polynomial in B^m gives
 * roots of modulus |w|^(1/m) in B, so the seasonal factor is held to radius^m.
 */
function factorsAwayFromUnitCircle(x: Float64Array, p: number, q: number, P: number, Q: number, m: number, radius: number, work: Float64Array): boolean {
  return (
    awayFromUnitCircle(x.subarray(0, p), x.subarray(p, p + q), radius, work) &&
    awayFromUnitCircle(x.subarray(p + q, p + q + P), x.subarray(p + q + P, p + q + P + Q), radius ** m, work)
  );
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
 * Fit ARIMA(p, d, q)(P, D, Q)m by maximum likelihood, as R's forecast::Arima(y, order = c(p, d, q), seasonal =
 * c(P, D, Q), include.constant) (stats::arima, method "CSS-ML"), on the differenced series
 * w = (1 - B)^d (1 - B^m)^D y:
 *
 * 1. Starting values: zero ARMA coefficients improved by minimising the conditional sum of squares (R's
 *    ARIMA_CSS; at most 10 steps, as only a start is needed); the fit fails, as in R, when they give a
 *    non-stationary AR part. A non-invertible MA start is flipped to its invertible twin (R's maInvert).
 * 2. Exact Gaussian likelihood of w by the Kalman filter (armaKalmanFilter), maximised over the stationary AR
 *    region, then the MA part made invertible.
 *
 * A seasonal model is the ARMA model of w with the multiplied polynomials phi(B) Phi(B^m) and
 * theta(B) Theta(B^m) (multiplySeasonal; Box, Jenkins & Reinsel 2008, chapter 9): the search runs over the
 * p + q + P + Q factor coefficients, each factor kept stationary and made invertible on its own, as R does.
 *
 * The constant (mean of w: the mean for d + D = 0, the drift for d = 1, m times the drift for D = 1) is
 * concentrated out of both steps: for given ARMA coefficients its best value is a weighted least-squares
 * coefficient (see armaKalmanFilter's regressor), which gives the same optimum as R's joint search over fewer
 * variables. Both minimisations are least-squares problems (the likelihood concentrated in sigma^2 is maximal
 * where the sum of squares of e_t / sqrt(F_t) times the geometric mean of sqrt(F_t) is minimal), solved by
 * Levenberg-Marquardt where R uses BFGS. R filters the undifferenced series with a diffuse prior (kappa = 1e6)
 * on the d + m D differencing states and leaves those first observations out of the likelihood; filtering w
 * is the exact limit of that (Durbin & Koopman 2012, section 5.7). Where the likelihood has several local
 * maxima the two can end on different ones.
 *
 * Statistics as R: log L = -(n' log(ssq / n') + sumLog + n' (1 + log 2 pi)) / 2 with n' = n - d - m D,
 * AIC = -2 log L + 2 (k + 1), AICc = AIC + 2 (k + 1)(k + 2) / (n' - k - 2) (infinite when n' <= k + 2, where R's
 * formula turns negative), BIC = AIC + (k + 1)(log n' - 2), sigma^2 = sum of squared residuals / (n' - k),
 * with k the estimated coefficients. R's residuals also include d + m D diffuse ones of size about y_t / 1000,
 * which add to its sigma^2; they are left out here.
 *
 * @param y the series.
 * @param order p, d, q, the seasonal part and whether to include a constant (ignored when d + D >= 2, as R).
 * @param options a fixed constant instead of an estimated one; a root modulus below which to give up early.
 * @returns the fit, or null when the series is too short for the order (n' - p - m P < 1 with coefficients to
 *   estimate) or the conditional-sum-of-squares start is non-stationary, the cases where R's arima() stops,
 *   or (with abandonBelow) when the maximisation heads for the unit circle.
 * @example
 * fitArima(Float64Array.from(sales), { p: 0, d: 1, q: 1, constant: false, seasonal: { P: 0, D: 1, Q: 1, m: 12 } })?.aicc
 */
export function fitArima(y: Float64Array, order: ArimaOrder, options: ArimaFitOptions = {}): ArimaFit | null {
  const { p, d, q } = order;
  const { P, D, Q, m } = seasonalPart(order);
  const constant = order.constant && d + D < 2;
  const w = options.differenced ?? difference(seasonalDifference(y, m, D), d);
  const nUsed = w.length;
  if (nUsed <= 0) return null;
  const fixed = constant ? options.fixedIntercept : undefined;
  const series = fixed !== undefined ? w.map((v) => v - fixed) : w;
  // The mean (or drift) is concentrated out: for given ARMA coefficients its estimate is the weighted least
  // squares coefficient of a column of ones filtered alongside the series, so the optimisers search the
  // ARMA coefficients only.
  const withOnes = constant && fixed === undefined;
  const k = p + q + P + Q;
  const arOrder = p + m * P;
  const maOrder = q + m * Q;
  const [phi, theta, sPhi, sTheta, fullPhi, fullTheta, rootWork, regressorInnovations, cssRegressor, standardized, onesSpace] =
    float64Views(p, q, P, Q, arOrder, maOrder, 2 * (Math.max(p, P) + 1), nUsed, Math.max(nUsed - arOrder, 0), nUsed, withOnes ? nUsed : 0);
  const ones = withOnes ? onesSpace.fill(1) : null;
  const unpack = (x: Float64Array): void => {
    for (let i = 0; i < p; i++) phi[i] = x[i];
    for (let j = 0; j < q; j++) theta[j] = x[p + j];
    for (let i = 0; i < P; i++) sPhi[i] = x[p + q + i];
    for (let j = 0; j < Q; j++) sTheta[j] = x[p + q + P + j];
    multiplySeasonal(phi, sPhi, m, -1, fullPhi);
    multiplySeasonal(theta, sTheta, m, 1, fullTheta);
  };
  const work = new KalmanWorkspace(nUsed, Math.max(arOrder, maOrder + 1));
  const gain = work.gain;
  const stationary = (): boolean => isStationary(phi, rootWork) && isStationary(sPhi, rootWork);
  /** Make each MA factor of x invertible (R's maInvert on the non-seasonal and seasonal parts). */
  const invert = (x: Float64Array): void => {
    x.set(invertMovingAverage(x.subarray(p, p + q)), p);
    x.set(invertMovingAverage(x.subarray(p + q + P, k)), p + q + P);
  };
  /** Filter at the current coefficients: standardised innovations into out, the concentrated mean returned. */
  const filter = (out: Float64Array): number => {
    armaKalmanFilter(series, fullPhi, fullTheta, work, out, ones, regressorInnovations);
    return ones !== null ? removeMean(out, regressorInnovations, gain) : 0;
  };

  let estimate: Float64Array = new Float64Array(k);
  if (k > 0) {
    const cssCount = nUsed - arOrder;
    if (cssCount < 1) return null;
    estimate = levenbergMarquardt(
      (x, out) => {
        unpack(x);
        conditionalSumOfSquares(series, fullPhi, fullTheta, out);
        if (ones !== null) {
          conditionalSumOfSquares(ones, fullPhi, fullTheta, cssRegressor);
          removeMean(out, cssRegressor, null);
        }
        return true;
      },
      estimate,
      cssCount,
      { maxIterations: START_ITERATIONS, tolerance: START_TOLERANCE },
    ).x;
    unpack(estimate);
    if (!stationary()) return null;
    invert(estimate);
    let nearBoundary = 0;
    const radius = options.abandonBelow;
    const abandon =
      radius === undefined
        ? undefined
        : (x: Float64Array): boolean => {
            nearBoundary = factorsAwayFromUnitCircle(x, p, q, P, Q, m, radius, rootWork) ? 0 : nearBoundary + 1;
            return nearBoundary >= ABANDON_STEPS;
          };
    estimate = levenbergMarquardt(
      (x, out) => {
        unpack(x);
        if (!stationary()) return false;
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
    invert(estimate);
  }
  unpack(estimate);
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
  residuals.set(standardized, n - nUsed);
  return {
    order: { p, d, q, constant, ...(order.seasonal !== undefined ? { seasonal: { P, D, Q, m } } : {}) },
    phi: Float64Array.from(phi),
    theta: Float64Array.from(theta),
    seasonalPhi: Float64Array.from(sPhi),
    seasonalTheta: Float64Array.from(sTheta),
    arPolynomial: Float64Array.from(fullPhi),
    maPolynomial: Float64Array.from(fullTheta),
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
