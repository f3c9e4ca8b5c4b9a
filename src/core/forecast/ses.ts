import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, Forecaster } from "./model";
import { minimizeScalar } from "./minimizeScalar";
import { requireHistory } from "./requireHistory";

/** Result of simple exponential smoothing with given or estimated smoothing. */
export interface SesFit {
  alpha: number;
  /** Initial level l(0). */
  initialLevel: number;
  /** Level after the last observation (the flat point forecast). */
  level: number;
  /** One-step-ahead fitted values l(t-1). */
  fitted: number[];
  sse: number;
}

/** Bounds R's ets uses for alpha. */
const ALPHA_MIN = 1e-4;
const ALPHA_MAX = 0.9999;

/**
 * Sum of squared one-step errors of SES at `alpha` with the best initial level, in one pass.
 *
 * The level is affine in l(0): l(t) = A(t) + (1-α)^t·l(0), so the error e(t) = c(t) - (1-α)^(t-1)·l(0)
 * and the SSE-minimising l(0) = Σ c·b / Σ b² in closed form.
 * @returns the SSE and the initial level that attains it
 */
function sesProfile(y: readonly number[], alpha: number): { sse: number; initialLevel: number } {
  let a = 0;
  let b = 1;
  let scb = 0;
  let sbb = 0;
  let scc = 0;
  for (let t = 0; t < y.length; t++) {
    const c = y[t] - a;
    scb += c * b;
    sbb += b * b;
    scc += c * c;
    a += alpha * c;
    b *= 1 - alpha;
  }
  const initialLevel = scb / sbb;
  return { sse: Math.max(0, scc - (scb * scb) / sbb), initialLevel };
}

/**
 * Simple exponential smoothing, ETS(A,N,N): l(t) = l(t-1) + α·(y(t) - l(t-1)), ŷ(T+h) = l(T).
 *
 * With `alpha` omitted, α ∈ [0.0001, 0.9999] and l(0) minimise the in-sample SSE (the Gaussian
 * likelihood), as R forecast::ses (Hyndman et al. 2008, "Forecasting with Exponential Smoothing", ch. 3).
 * @param y - observations (at least 1)
 * @param alpha - fixed smoothing parameter; estimated when omitted
 * @returns the fitted smoothing state
 * @example simpleExponentialSmoothing([1, 1, 1]).level // 1
 */
export function simpleExponentialSmoothing(y: readonly number[], alpha?: number): SesFit {
  let best = alpha;
  if (best === undefined) {
    const grid = 20;
    let gridBest = ALPHA_MIN;
    let gridSse = Infinity;
    for (let i = 0; i <= grid; i++) {
      const candidate = ALPHA_MIN + ((ALPHA_MAX - ALPHA_MIN) * i) / grid;
      const sse = sesProfile(y, candidate).sse;
      if (sse < gridSse) {
        gridSse = sse;
        gridBest = candidate;
      }
    }
    const step = (ALPHA_MAX - ALPHA_MIN) / grid;
    best = minimizeScalar((x) => sesProfile(y, x).sse, Math.max(ALPHA_MIN, gridBest - step), Math.min(ALPHA_MAX, gridBest + step), 1e-7);
  }
  const { initialLevel } = sesProfile(y, best);
  const fitted = new Array<number>(y.length);
  let level = initialLevel;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    fitted[t] = level;
    const e = y[t] - level;
    sse += e * e;
    level += best * e;
  }
  return { alpha: best, initialLevel, level, fitted, sse };
}

/**
 * Simple exponential smoothing as a forecaster: flat forecast l(T), sd = σ·√(1 + (h-1)·α²), σ² = SSE/(n-2)
 * (Hyndman et al. 2008, table 6.1, class 1). Needs 3 observations.
 * @example sesForecaster.fit([5, 5, 5, 5], { seasonLength: 1 }).forecast(1, [80]).mean // [5]
 */
export const sesForecaster: Forecaster = {
  id: "ses",
  minLength: () => 3,
  fit(history: readonly number[]): FittedModel {
    requireHistory(history, 3, "Simple exponential smoothing");
    const fit = simpleExponentialSmoothing(history);
    const statistics = gaussianFitStatistics(history, fit.fitted, 2);
    const sigma = Math.sqrt(statistics.sigma2);
    return {
      name: "Simple exponential smoothing",
      statistics,
      parameters: { alpha: fit.alpha, l0: fit.initialLevel },
      fitted: fit.fitted,
      forecast(horizon, levels) {
        const mean = Array.from({ length: horizon }, () => fit.level);
        const sd = mean.map((_, i) => sigma * Math.sqrt(1 + i * fit.alpha * fit.alpha));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
