/**
 * Numerical kernels of the ETS models: the state recursion with its likelihood, and point forecasts.
 * Plain functions over Float64Array with numeric component codes, so the optimiser's inner loop
 * allocates nothing. They follow R's forecast package C code (etscalc, update, forecast in etsTarget.c).
 *
 * State layout (length 2 + m): [level, slope, s_0, ..., s_{m-1}] where s_k is the seasonal state of the
 * periods t with t mod m = k (t = 0 is the first observation). Unused slots are ignored.
 */

/** Component code: absent. */
export const NONE = 0;
/** Component code: additive. */
export const ADDITIVE = 1;
/** Component code: multiplicative. */
export const MULTIPLICATIVE = 2;

/** Smoothing parameters and component codes of one ETS model, as the kernels read them. */
export interface EtsKernelModel {
  /** ADDITIVE or MULTIPLICATIVE. */
  error: number;
  /** NONE or ADDITIVE (damping is phi < 1). */
  trend: number;
  /** NONE, ADDITIVE or MULTIPLICATIVE. */
  season: number;
  /** Season length (1 when season is NONE). */
  m: number;
  alpha: number;
  beta: number;
  gamma: number;
  /** Damping parameter, 1 for an undamped or absent trend. */
  phi: number;
}

const TOL = 1e-10;
const HUGE = 1e10;

/**
 * Running sum of log|f_t| for the multiplicative-error likelihood, kept as a product of |f_t| that is folded
 * into its logarithm only when it nears overflow or underflow (one log per many periods instead of one each).
 */
interface LogSum {
  product: number;
  sumLog: number;
}

/** Multiply |f| into the running product of `logs`, folding it into sumLog before it over- or underflows. */
function addLogAbs(logs: LogSum, f: number): void {
  const product = logs.product * (f < 0 ? -f : f);
  if (product > 1e150 || product < 1e-150) {
    logs.sumLog += Math.log(product);
    logs.product = 1;
  } else {
    logs.product = product;
  }
}

/**
 * Run the ETS state recursion over a series and return its likelihood criterion.
 *
 * With q = l + phi b (phi = 1 undamped, b = 0 without trend) and s the seasonal state of the period:
 * one-step forecast f_t = q, q + s or q s; error e_t = y_t - f_t (additive) or (y_t - f_t) / f_t
 * (multiplicative); updates in R's error-correction form (etsTarget.c update(); Hyndman et al. 2008,
 * table 2.1), the same for both error types: l <- q + alpha (p - q) with p = y, y - s or y / s;
 * b <- phi b + (beta / alpha)(l_new - l - phi b); s <- s + gamma (t - s) with t = y - q or y / q.
 * Criterion (R's etscalc): n log(sum e_t^2), plus 2 sum log|f_t| for multiplicative errors; floored at
 * -1e10 for a perfect fit. Written as one loop over locals because the optimiser calls it thousands of
 * times per series.
 *
 * @param y the series.
 * @param model component codes and parameters.
 * @param state initial state on entry, final state on return (length 2 + m), see the module comment.
 * @param fitted receives f_t when given (length n).
 * @param residuals receives e_t when given (length n).
 * @param phase seasonal phase (t mod m) of y[0]; 0 for a history.
 * @param shocks when given, simulate instead of filter: y_t is not read but written, as f_t + shock_t
 *   (additive error) or f_t (1 + shock_t) (multiplicative error), before the state update.
 * @returns the criterion, or Infinity when it is not finite or a multiplicative-error forecast is 0.
 * @example
 * const state = Float64Array.of(10, 0, 0);
 * etsFilter(Float64Array.of(10, 12), { error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, state, null, null)
 * // 2 * Math.log(4); state[0] is then 11
 */
export function etsFilter(
  y: Float64Array,
  model: EtsKernelModel,
  state: Float64Array,
  fitted: Float64Array | null,
  residuals: Float64Array | null,
  phase = 0,
  shocks: Float64Array | null = null,
): number {
  if (fitted === null && residuals === null && shocks === null) return etsCriterion(y, model, state, phase);
  const n = y.length;
  const { m, trend, season, alpha, gamma, phi } = model;
  const betaRatio = trend === NONE ? 0 : model.beta / alpha;
  const multiplicative = model.error === MULTIPLICATIVE;
  let level = state[0];
  let slope = trend === NONE ? 0 : state[1];
  let k = phase;
  let sse = 0;
  const logs: LogSum = { product: 1, sumLog: 0 };
  for (let t = 0; t < n; t++) {
    const phib = phi * slope;
    const q = level + phib;
    const s = season === NONE ? 0 : state[2 + k];
    const f = season === NONE ? q : season === ADDITIVE ? q + s : q * s;
    if (shocks !== null) y[t] = multiplicative ? f * (1 + shocks[t]) : f + shocks[t];
    const yt = y[t];
    let e: number;
    if (multiplicative) {
      if (f === 0) return Infinity;
      e = (yt - f) / f;
      addLogAbs(logs, f);
    } else {
      e = yt - f;
    }
    if (fitted !== null) fitted[t] = f;
    if (residuals !== null) residuals[t] = e;
    sse += e * e;
    const p = season === NONE ? yt : season === ADDITIVE ? yt - s : Math.abs(s) < TOL ? HUGE : yt / s;
    const newLevel = q + alpha * (p - q);
    if (trend !== NONE) slope = phib + betaRatio * (newLevel - level - phib);
    if (season !== NONE) {
      const target = season === ADDITIVE ? yt - q : Math.abs(q) < TOL ? HUGE : yt / q;
      state[2 + k] = s + gamma * (target - s);
      k = k + 1 === m ? 0 : k + 1;
    }
    level = newLevel;
  }
  state[0] = level;
  state[1] = slope;
  let criterion = n * Math.log(sse);
  if (multiplicative) criterion += 2 * (logs.sumLog + Math.log(logs.product));
  if (Number.isNaN(criterion) || criterion === Infinity) return Infinity;
  return criterion < -1e10 ? -1e10 : criterion;
}

/**
 * {@link etsFilter} without fitted values, residuals or shocks: the optimiser's objective. The same
 * arithmetic in the same order, with the per-step tests on the season form and the optional outputs
 * hoisted out of the loop (one loop per season form), which makes the likelihood search about a third
 * faster. Same parameters and result as etsFilter.
 */
function etsCriterion(y: Float64Array, model: EtsKernelModel, state: Float64Array, phase: number): number {
  const n = y.length;
  const { m, trend, season, alpha, gamma, phi } = model;
  const hasTrend = trend !== NONE;
  const betaRatio = hasTrend ? model.beta / alpha : 0;
  const multiplicative = model.error === MULTIPLICATIVE;
  let level = state[0];
  let slope = hasTrend ? state[1] : 0;
  let k = phase;
  let sse = 0;
  const logs: LogSum = { product: 1, sumLog: 0 };
  if (season === NONE) {
    for (let t = 0; t < n; t++) {
      const phib = phi * slope;
      const q = level + phib;
      const yt = y[t];
      let e: number;
      if (multiplicative) {
        if (q === 0) return Infinity;
        e = (yt - q) / q;
        addLogAbs(logs, q);
      } else {
        e = yt - q;
      }
      sse += e * e;
      const newLevel = q + alpha * (yt - q);
      if (hasTrend) slope = phib + betaRatio * (newLevel - level - phib);
      level = newLevel;
    }
  } else if (season === ADDITIVE) {
    for (let t = 0; t < n; t++) {
      const phib = phi * slope;
      const q = level + phib;
      const s = state[2 + k];
      const f = q + s;
      const yt = y[t];
      let e: number;
      if (multiplicative) {
        if (f === 0) return Infinity;
        e = (yt - f) / f;
        addLogAbs(logs, f);
      } else {
        e = yt - f;
      }
      sse += e * e;
      const p = yt - s;
      const newLevel = q + alpha * (p - q);
      if (hasTrend) slope = phib + betaRatio * (newLevel - level - phib);
      state[2 + k] = s + gamma * (yt - q - s);
      k = k + 1 === m ? 0 : k + 1;
      level = newLevel;
    }
  } else {
    for (let t = 0; t < n; t++) {
      const phib = phi * slope;
      const q = level + phib;
      const s = state[2 + k];
      const f = q * s;
      const yt = y[t];
      let e: number;
      if (multiplicative) {
        if (f === 0) return Infinity;
        e = (yt - f) / f;
        addLogAbs(logs, f);
      } else {
        e = yt - f;
      }
      sse += e * e;
      const p = Math.abs(s) < TOL ? HUGE : yt / s;
      const newLevel = q + alpha * (p - q);
      if (hasTrend) slope = phib + betaRatio * (newLevel - level - phib);
      const target = Math.abs(q) < TOL ? HUGE : yt / q;
      state[2 + k] = s + gamma * (target - s);
      k = k + 1 === m ? 0 : k + 1;
      level = newLevel;
    }
  }
  state[0] = level;
  state[1] = slope;
  let criterion = n * Math.log(sse);
  if (multiplicative) criterion += 2 * (logs.sumLog + Math.log(logs.product));
  if (Number.isNaN(criterion) || criterion === Infinity) return Infinity;
  return criterion < -1e10 ? -1e10 : criterion;
}

/**
 * Point forecasts from the final state: f_{n+h} = l + phi_h b, plus or times the seasonal state of the
 * forecast period's phase, with phi_h = phi + phi^2 + ... + phi^h (h for an undamped trend), as R's
 * etsforecast.
 *
 * @param state final state after {@link etsFilter} over `n` observations.
 * @param n number of observations the state has seen (sets the seasonal phase).
 * @param model component codes and parameters.
 * @param out receives one value per step; its length is the horizon.
 * @example
 * etsPointForecast(Float64Array.of(10, 1, 0), 5, { error: 1, trend: 1, season: 0, m: 1, alpha: 0.5, beta: 0.1, gamma: 0, phi: 1 }, new Float64Array(2))
 * // [11, 12]
 */
export function etsPointForecast(state: Float64Array, n: number, model: EtsKernelModel, out: Float64Array): void {
  const { trend, season, m, phi } = model;
  const level = state[0];
  const slope = trend === NONE ? 0 : state[1];
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 0; h < out.length; h++) {
    phiPower *= phi;
    phiSum += phiPower;
    const base = level + phiSum * slope;
    const s = season === NONE ? 0 : state[2 + ((n + h) % m)];
    out[h] = season === NONE ? base : season === ADDITIVE ? base + s : base * s;
  }
}
