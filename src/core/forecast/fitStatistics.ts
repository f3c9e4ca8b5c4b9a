import type { FitStatistics } from "./model";

/**
 * Gaussian fit statistics from one-step-ahead in-sample forecasts.
 *
 * logLik = -n/2 · (ln(2π·SSE/n) + 1); AIC = -2 logLik + 2(k+1); AICc = AIC + 2(k+1)(k+2)/(n-k-2);
 * BIC = -2 logLik + (k+1) ln n, where k counts the estimated parameters and +1 the error variance;
 * sigma2 = SSE / (n - k). Steps where the fitted value is NaN (no forecast possible yet) are skipped.
 * @param history - observations
 * @param fitted - one-step-ahead fitted values, same length (NaN where undefined)
 * @param parameters - number of estimated parameters k (including initial states)
 * @returns the statistics; NaN where too few residuals remain
 * @example gaussianFitStatistics([1, 2, 3], [NaN, 1, 2], 0).rmse // 1
 */
export function gaussianFitStatistics(history: readonly number[], fitted: readonly number[], parameters: number): FitStatistics {
  let sse = 0;
  let sae = 0;
  let n = 0;
  for (let t = 0; t < history.length; t++) {
    const f = fitted[t];
    if (Number.isNaN(f)) continue;
    const e = history[t] - f;
    sse += e * e;
    sae += Math.abs(e);
    n++;
  }
  const k = parameters;
  const logLik = n > 0 ? -0.5 * n * (Math.log((2 * Math.PI * Math.max(sse, 1e-300)) / n) + 1) : NaN;
  const aic = -2 * logLik + 2 * (k + 1);
  const aicc = n - k - 2 > 0 ? aic + (2 * (k + 1) * (k + 2)) / (n - k - 2) : Infinity;
  return {
    logLik,
    aic,
    aicc,
    bic: -2 * logLik + (k + 1) * Math.log(n),
    sigma2: n - k > 0 ? sse / (n - k) : NaN,
    rmse: n > 0 ? Math.sqrt(sse / n) : NaN,
    mae: n > 0 ? sae / n : NaN,
    parameters: k,
    n: history.length,
  };
}

/**
 * Fit statistics of a model whose forecasts were not estimated by likelihood on this history (a
 * combination, or a model fitted on a transformed copy): {@link gaussianFitStatistics} of its fitted
 * values, with log-likelihood and information criteria NaN, since comparing them with a fitted model's
 * would mislead.
 * @param history - observations
 * @param fitted - one-step-ahead fitted values, same length (NaN where undefined)
 * @param parameters - number of parameters behind the fitted values
 * @returns the statistics, without likelihood
 * @example fitStatisticsWithoutLikelihood([1, 2, 3], [NaN, 1, 2], 2).aicc // NaN
 */
export function fitStatisticsWithoutLikelihood(history: readonly number[], fitted: readonly number[], parameters: number): FitStatistics {
  return { ...gaussianFitStatistics(history, fitted, parameters), logLik: NaN, aic: NaN, aicc: NaN, bic: NaN };
}
