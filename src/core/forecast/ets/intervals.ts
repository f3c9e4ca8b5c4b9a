import { etsFilter, MULTIPLICATIVE, NONE, type EtsKernelModel } from "./kernel";
import { seededNormalDraws } from "./seededNormal";

/**
 * Coefficients c_j = alpha + beta phi_j + gamma d_{j,m} (j = 1..h-1) of the linear ETS models, with
 * phi_j = phi + ... + phi^j and d_{j,m} = 1 when j is a multiple of m (Hyndman et al. 2008, table 6.1;
 * R's class1 cj = H F^{j-1} G).
 */
function psiWeights(model: EtsKernelModel, horizon: number): Float64Array {
  const c = new Float64Array(Math.max(horizon - 1, 0));
  let phiPower = 1;
  let phiSum = 0;
  for (let j = 1; j < horizon; j++) {
    phiPower *= model.phi;
    phiSum += phiPower;
    const beta = model.trend === NONE ? 0 : model.beta;
    const gamma = model.season !== NONE && j % model.m === 0 ? model.gamma : 0;
    c[j - 1] = model.alpha + beta * phiSum + gamma;
  }
  return c;
}

/**
 * Analytic forecast variance of an ETS model without a multiplicative season (R's class1 and class2,
 * Hyndman et al. 2008, chapter 6).
 *
 * Class 1 (additive error): v_h = sigma2 (1 + sum_{j<h} c_j^2).
 * Class 2 (multiplicative error): theta_1 = mu_1^2, theta_h = mu_h^2 + sigma2 sum_{j<h} c_j^2 theta_{h-j},
 * v_h = (1 + sigma2) theta_h - mu_h^2, with mu_h the point forecast.
 *
 * @param model component codes and parameters (season not multiplicative).
 * @param sigma2 residual variance (of relative errors for a multiplicative error).
 * @param mean point forecasts, one per step.
 * @returns the variance of each step's forecast error.
 * @example
 * etsForecastVariance({ error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, 1, Float64Array.of(5, 5, 5))
 * // [1, 1.25, 1.5]
 */
export function etsForecastVariance(model: EtsKernelModel, sigma2: number, mean: Float64Array): Float64Array {
  const horizon = mean.length;
  const c = psiWeights(model, horizon);
  const variance = new Float64Array(horizon);
  if (model.error !== MULTIPLICATIVE) {
    let sum = 1;
    for (let h = 0; h < horizon; h++) {
      variance[h] = sigma2 * sum;
      if (h < horizon - 1) sum += c[h] * c[h];
    }
    return variance;
  }
  const theta = new Float64Array(horizon);
  for (let h = 0; h < horizon; h++) {
    let sum = 0;
    for (let j = 1; j <= h; j++) sum += c[j - 1] * c[j - 1] * theta[h - j];
    theta[h] = mean[h] * mean[h] + sigma2 * sum;
    variance[h] = (1 + sigma2) * theta[h] - mean[h] * mean[h];
  }
  return variance;
}

/** Seed of the simulated sample paths: fixed, so intervals are identical run to run. */
export const SIMULATION_SEED = 20080601;

/**
 * Simulated future sample paths of an ETS model (R's simulate.ets with normal errors): from the final
 * state, y = f (1 + e) for a multiplicative error or f + e for an additive one, e ~ N(0, sigma2),
 * the state updated with each simulated y (etsFilter in simulation mode). Uses a fixed-seed generator,
 * so results are reproducible.
 *
 * @param model component codes and parameters.
 * @param finalState state after the history.
 * @param n length of the history (sets the seasonal phase).
 * @param sigma2 residual variance.
 * @param horizon steps per path.
 * @param paths number of paths.
 * @returns values by step: entry h * paths + p is step h + 1 of path p.
 * @example
 * simulateEtsPaths(model, fit.finalState, 60, fit.sigma2, 18, 2000)
 */
export function simulateEtsPaths(
  model: EtsKernelModel,
  finalState: Float64Array,
  n: number,
  sigma2: number,
  horizon: number,
  paths: number,
): Float64Array {
  const draws = seededNormalDraws(SIMULATION_SEED, paths * horizon);
  const sigma = Math.sqrt(sigma2);
  const out = new Float64Array(horizon * paths);
  const state = new Float64Array(finalState.length);
  const shocks = new Float64Array(horizon);
  const path = new Float64Array(horizon);
  const phase = n % model.m;
  for (let p = 0; p < paths; p++) {
    state.set(finalState);
    for (let h = 0; h < horizon; h++) shocks[h] = sigma * draws[p * horizon + h];
    etsFilter(path, model, state, null, null, phase, shocks);
    for (let h = 0; h < horizon; h++) out[h * paths + p] = path[h];
  }
  return out;
}

/**
 * The k-th smallest value (0-based) of an array, by Hoare's quickselect; reorders the array so that
 * entries before k are <= it and entries after are >= it.
 */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const tmp = values[i];
        values[i] = values[j];
        values[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}

/**
 * Sample quantile with linear interpolation between order statistics (Hyndman & Fan 1996, type 7),
 * found by selection rather than a full sort.
 * @param values the sample; reordered in place.
 * @param p probability in [0, 1].
 * @returns the quantile.
 * @example
 * sampleQuantile(Float64Array.of(4, 1, 3, 2), 0.5) // 2.5
 */
export function sampleQuantile(values: Float64Array, p: number): number {
  const position = p * (values.length - 1);
  const lower = Math.floor(position);
  const low = select(values, lower);
  if (lower + 1 >= values.length) return low;
  let high = Infinity;
  for (let i = lower + 1; i < values.length; i++) if (values[i] < high) high = values[i];
  return low + (position - lower) * (high - low);
}
