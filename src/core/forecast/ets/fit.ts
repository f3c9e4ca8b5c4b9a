import { float64Views } from "../../float64Views";
import { nelderMead } from "../../optimize/nelderMead";
import { etsParametersValid } from "./admissible";
import { etsInitialState } from "./initialState";
import { ADDITIVE, etsFilter, MULTIPLICATIVE, NONE, type EtsKernelModel } from "./kernel";
import { etsParameterCount, type EtsSpec } from "./spec";

/** An ETS model fitted by maximum likelihood. */
export interface EtsFit {
  spec: EtsSpec;
  /** Component codes and estimated smoothing parameters. */
  model: EtsKernelModel;
  /** Initial state [level, slope, s_0..s_{m-1}] (see kernel.ts). */
  initialState: Float64Array;
  /** State after the last observation. */
  finalState: Float64Array;
  /** One-step-ahead forecasts over the history. */
  fitted: Float64Array;
  /** One-step errors: y - fitted (additive error) or (y - fitted) / fitted (multiplicative error). */
  residuals: Float64Array;
  /** Free parameters estimated, as R counts them (without the error variance). */
  parameterCount: number;
  /** R's likelihood criterion (see etsFilter); the log-likelihood is -criterion / 2. */
  criterion: number;
  /** Residual variance sum(residuals^2) / (n - parameterCount), as R's ets(). */
  sigma2: number;
  aic: number;
  aicc: number;
  bic: number;
}

/** Options of {@link fitEts}. */
export interface EtsFitOptions {
  /** Most Nelder-Mead iterations. Default 200 per estimated parameter. */
  maxIterations?: number;
  /** Relative tolerance of the Nelder-Mead stop on the criterion. Default 1e-6. */
  tolerance?: number;
  /** Nelder-Mead restarts from the best point so far, made while they still improve. Default 2. */
  restarts?: number;
  /** Start from this earlier fit of the same form and series instead of R's starting values. */
  from?: EtsFit;
  /**
   * R's heuristic initial states already computed for this series, by trend and season (they do not depend
   * on the error type or damping): fitting several forms of one series shares them instead of decomposing
   * the series again for each form. Filled as states are computed.
   */
  initialStates?: Map<number, Float64Array>;
}

/** R's heuristic initial state (etsInitialState), taken from `shared` when there and added to it when not. */
function sharedInitialState(y: Float64Array, trend: number, season: number, period: number, shared: Map<number, Float64Array> | undefined): Float64Array {
  const key = 3 * trend + season;
  const known = shared?.get(key);
  if (known !== undefined) return known;
  const state = etsInitialState(y, trend, season, period);
  shared?.set(key, state);
  return state;
}

/** A simplex step of size d from x that stays below the upper limit (else goes down). */
function inward(x: number, d: number, upper: number): number {
  return x + d <= upper ? d : -d;
}

function codeOf(component: "N" | "A" | "Ad" | "M"): number {
  return component === "N" ? NONE : component === "M" ? MULTIPLICATIVE : ADDITIVE;
}

/**
 * Fit one ETS form by maximum likelihood, as R's etsmodel() (forecast package) with default settings:
 * criterion n log(sum e^2) (+ 2 sum log|f| for multiplicative errors), parameters restricted to R's
 * bounds = "both" region, Nelder-Mead from R's starting values (alpha = 0.2 / m, beta = alpha / 10,
 * gamma = (1 - alpha) / 20, phi = 0.978) and R's heuristic initial states, then restarted from its
 * best point while that still improves (R makes one run; restarts free simplices stuck on a boundary).
 * The simplex moves over (alpha, beta / alpha, gamma / (1 - alpha), phi, level, slope).
 *
 * Difference from R, for speed: the initial level and slope are optimised jointly with the smoothing
 * parameters, but the seasonal initial states stay at their decomposition values. They are still counted
 * as estimated parameters (m - 1 of them) in the information criteria, so AICc values compare with R's.
 *
 * AIC = criterion + 2k, AICc = AIC + 2k(k+1)/(n-k-1), BIC = criterion + k log n, with k the free
 * parameters plus one for the error variance (Hyndman et al. 2008, section 7.1).
 *
 * @param y the series (for a multiplicative error or season: all values > 0).
 * @param spec the model form.
 * @param m season length (used when the form has a season).
 * @param options iteration limit, tolerance, restarts, starting fit.
 * @returns the fit, or null when the series is too short for the form (k >= n - 1, as R) or no finite
 *   likelihood was found.
 * @example
 * fitEts(Float64Array.from([3, 5, 4, 6, 5, 7, 6, 8, 7, 9]), { error: "A", trend: "A", season: "N" }, 1)?.aicc
 */
export function fitEts(y: Float64Array, spec: EtsSpec, m: number, options: EtsFitOptions = {}): EtsFit | null {
  const n = y.length;
  const season = codeOf(spec.season);
  const trend = spec.trend === "N" ? NONE : ADDITIVE;
  const damped = spec.trend === "Ad";
  const period = season === NONE ? 1 : m;
  const parameterCount = etsParameterCount(spec, period);
  if (parameterCount >= n - 1) return null;

  const initial = options.from?.initialState ?? sharedInitialState(y, trend, season, period, options.initialStates);
  const model: EtsKernelModel = {
    error: codeOf(spec.error),
    trend,
    season,
    m: period,
    alpha: 0,
    beta: 0,
    gamma: 0,
    phi: 1,
  };
  const hasTrend = trend !== NONE;
  const hasSeason = season !== NONE;
  // Optimised over alpha, beta / alpha and gamma / (1 - alpha), so R's triangle beta <= alpha,
  // gamma <= 1 - alpha becomes a box the simplex does not get stuck on.
  const from = options.from?.model;
  const alpha0 = from?.alpha ?? 1e-4 + (0.2 * (0.9999 - 1e-4)) / period;
  const start: number[] = [alpha0];
  const step: number[] = [inward(alpha0, 0.1, 0.9999)];
  if (hasTrend) {
    start.push(from !== undefined ? from.beta / from.alpha : 0.1);
    step.push(inward(start[start.length - 1], 0.2, 1));
  }
  if (hasSeason) {
    start.push(from !== undefined ? from.gamma / (1 - from.alpha) : 0.05);
    step.push(inward(start[start.length - 1], 0.2, 1));
  }
  if (damped) {
    start.push(from?.phi ?? 0.8 + 0.99 * 0.18);
    step.push(start[start.length - 1] - 0.05 >= 0.8 ? -0.05 : 0.05);
  }
  let spread = 0;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t] / n;
  for (let t = 0; t < n; t++) spread += Math.abs(y[t] - mean) / n;
  const scale = spread > 0 ? spread : Math.abs(mean) > 0 ? Math.abs(mean) : 1;
  start.push(initial[0]);
  step.push(Math.abs(initial[0]) > 0 ? 0.1 * Math.abs(initial[0]) : 0.1 * scale);
  if (hasTrend) {
    start.push(initial[1]);
    step.push(Math.max(0.1 * Math.abs(initial[1]), 0.01 * scale));
  }

  const [work, polynomial, scratch] = float64Views(initial.length, period + 2, period + 2);
  const quotient = polynomial.subarray(1);
  const apply = (x: Float64Array): boolean => {
    let i = 0;
    const alpha = x[i++];
    const beta = hasTrend ? alpha * x[i++] : NaN;
    const gamma = hasSeason ? (1 - alpha) * x[i++] : NaN;
    const phi = damped ? x[i++] : NaN;
    if (!etsParametersValid(alpha, beta, gamma, phi, period, polynomial, scratch, quotient)) return false;
    model.alpha = alpha;
    model.beta = hasTrend ? beta : 0;
    model.gamma = hasSeason ? gamma : 0;
    model.phi = damped ? phi : 1;
    for (let j = 2; j < work.length; j++) work[j] = initial[j];
    work[0] = x[i++];
    work[1] = hasTrend ? x[i] : initial[1];
    return true;
  };
  const objective = (x: Float64Array): number => (apply(x) ? etsFilter(y, model, work, null, null) : Infinity);

  const nelderMeadOptions = {
    step,
    maxIterations: options.maxIterations ?? 200 * start.length,
    tolerance: options.tolerance ?? 1e-6,
  };
  let result = nelderMead(objective, start, nelderMeadOptions);
  for (let restart = 0; restart < (options.restarts ?? 2) && Number.isFinite(result.value); restart++) {
    const again = nelderMead(objective, result.x, nelderMeadOptions);
    const improved = again.value < result.value - nelderMeadOptions.tolerance * Math.abs(result.value);
    if (again.value < result.value) result = again;
    if (!improved) break;
  }
  if (!Number.isFinite(result.value) || !apply(result.x)) return null;
  return etsFitFrom(y, spec, model, Float64Array.from(work), parameterCount);
}

/**
 * Statistics of an ETS model with known parameters and initial state: runs the recursion once for
 * fitted values and residuals, then sigma2 = sum e^2 / (n - parameterCount) and the information
 * criteria as in {@link fitEts}.
 *
 * @param y the series.
 * @param spec the model form.
 * @param model component codes and parameters.
 * @param initialState initial state (kept, not modified).
 * @param parameterCount free parameters the model counts as estimated.
 * @returns the fit, or null when the likelihood is not finite.
 * @example
 * etsFitFrom(y, { error: "A", trend: "N", season: "N" }, model, Float64Array.of(y[0], 0, 0), 2)
 */
export function etsFitFrom(
  y: Float64Array,
  spec: EtsSpec,
  model: EtsKernelModel,
  initialState: Float64Array,
  parameterCount: number,
): EtsFit | null {
  const n = y.length;
  const [finalState, fitted, residuals] = float64Views(initialState.length, n, n);
  finalState.set(initialState);
  const criterion = etsFilter(y, model, finalState, fitted, residuals);
  if (!Number.isFinite(criterion)) return null;
  let sse = 0;
  for (let t = 0; t < n; t++) sse += residuals[t] * residuals[t];
  const k = parameterCount + 1;
  const aic = criterion + 2 * k;
  return {
    spec,
    model,
    initialState,
    finalState,
    fitted,
    residuals,
    parameterCount,
    criterion,
    sigma2: sse / (n - parameterCount),
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: criterion + Math.log(n) * k,
  };
}

/**
 * Initial state with the seasonal states corrected by the mean one-step error of each season phase:
 * s_k + mean_k(y - f) for an additive season, s_k (1 + mean_k(y / f - 1)) for a multiplicative one,
 * then re-centred to sum 0 (additive) or m (multiplicative, each floored at 0.01). One step of
 * coordinate descent on the seasonal initial states, which fitEts keeps fixed; matters most when the
 * fitted gamma is near 0 and the season is carried by the initial states alone.
 *
 * @param y the series the fit was made on.
 * @param fit a fit with a season.
 * @returns a new initial state (level and slope unchanged).
 * @example
 * fitEts(y, spec, 12, { from: { ...fit, initialState: correctedSeasons(y, fit) } })
 */
export function correctedSeasons(y: Float64Array, fit: EtsFit): Float64Array {
  const { m, season } = fit.model;
  const state = Float64Array.from(fit.initialState);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = 0; t < y.length; t++) {
    const f = fit.fitted[t];
    sums[t % m] += season === ADDITIVE ? y[t] - f : y[t] / f - 1;
    counts[t % m] += 1;
  }
  let total = 0;
  for (let k = 0; k < m; k++) {
    const mean = counts[k] > 0 ? sums[k] / counts[k] : 0;
    const s = season === ADDITIVE ? state[2 + k] + mean : Math.max(state[2 + k] * (1 + mean), 0.01);
    state[2 + k] = s;
    total += s;
  }
  for (let k = 0; k < m; k++) state[2 + k] = season === ADDITIVE ? state[2 + k] - total / m : (state[2 + k] * m) / total;
  return state;
}

/**
 * Improve a seasonal fit by alternating: correct the seasonal initial states ({@link correctedSeasons}),
 * re-estimate the other parameters from there ({@link fitEts} with `from`), keep the result while its AICc
 * drops by more than 0.01.
 *
 * @param y the series the fit was made on.
 * @param fit the fit to improve (returned as is without a season).
 * @param m season length.
 * @param passes most corrections tried.
 * @returns the best fit found.
 * @example
 * improveSeasons(y, fitEts(y, { error: "M", trend: "N", season: "M" }, 12), 12, 2)
 */
export function improveSeasons(y: Float64Array, fit: EtsFit, m: number, passes: number): EtsFit {
  let best = fit;
  for (let pass = 0; pass < passes && best.model.season !== NONE; pass++) {
    const next = fitEts(y, best.spec, m, { from: { ...best, initialState: correctedSeasons(y, best) } });
    if (next === null || !(next.aicc < best.aicc - 0.01)) break;
    best = next;
  }
  return best;
}
