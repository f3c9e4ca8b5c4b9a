import { PlanningError } from "../errors";
import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";

/** Smoothing constant of Croston's method and SBA (R forecast::croston default, Syntetos & Boylan 2005). */
export const CROSTON_ALPHA = 0.1;
/** Smoothing constants of TSB for demand size and demand probability. */
export const TSB_ALPHA = 0.1;
export const TSB_BETA = 0.1;

/** The three intermittent-demand variants. */
export type CrostonVariant = "croston" | "sba" | "tsb";

/** Per-period one-step forecasts of a Croston-type method and its final forecast. */
interface CrostonPath {
  fitted: number[];
  forecast: number;
  parameters: Record<string, number>;
}

/**
 * Croston's method (Croston 1972) and the Syntetos-Boylan approximation (SBA, 2005).
 *
 * Non-zero demand sizes z and the intervals p between them (the first counted from the start) are
 * smoothed separately with α, both starting from their first value (R forecast::croston):
 * ŷ = z/p, times (1 - α/2) for SBA. Smoothed values change only in periods with demand.
 */
function crostonPath(y: readonly number[], alpha: number, debiased: boolean): CrostonPath {
  const factor = debiased ? 1 - alpha / 2 : 1;
  const fitted = new Array<number>(y.length).fill(NaN);
  let size = NaN;
  let interval = NaN;
  let last = -1;
  for (let t = 0; t < y.length; t++) {
    if (!Number.isNaN(size)) fitted[t] = (factor * size) / interval;
    if (y[t] !== 0) {
      const gap = t - last;
      size = Number.isNaN(size) ? y[t] : size + alpha * (y[t] - size);
      interval = Number.isNaN(interval) ? gap : interval + alpha * (gap - interval);
      last = t;
    }
  }
  return { fitted, forecast: (factor * size) / interval, parameters: { alpha } };
}

/**
 * TSB (Teunter, Syntetos & Babai 2011): demand probability d is updated every period
 * (d += β·(1[y>0] - d)) and size z only when demand occurs (z += α·(y - z)); ŷ = d·z.
 * Starts from z = first non-zero size and d = share of periods with demand.
 */
function tsbPath(y: readonly number[], alpha: number, beta: number): CrostonPath {
  const nonZero = y.filter((v) => v !== 0);
  let size = nonZero[0];
  let probability = nonZero.length / y.length;
  const fitted = y.map((v) => {
    const f = probability * size;
    probability += beta * ((v !== 0 ? 1 : 0) - probability);
    if (v !== 0) size += alpha * (v - size);
    return f;
  });
  return { fitted, forecast: probability * size, parameters: { alpha, beta } };
}

const NAMES: Record<CrostonVariant, string> = { croston: "Croston", sba: "Croston (SBA)", tsb: "Croston (TSB)" };

/**
 * Build the forecaster of one intermittent-demand variant. Flat forecast; intervals are normal with
 * the in-sample one-step error σ, widened as SES: sd = σ·√(1 + (h-1)·α²), lower bound floored at 0.
 * Needs 3 periods with at least 2 non-zero demands.
 */
function crostonForecaster(variant: CrostonVariant): Forecaster {
  return {
    id: variant,
    minLength: () => 3,
    fit(history: readonly number[]): FittedModel {
      requireHistory(history, 3, NAMES[variant]);
      const demands = history.filter((v) => v !== 0).length;
      if (demands < 2) {
        throw new PlanningError(`${NAMES[variant]} needs at least 2 periods with non-zero demand; the series has ${demands}.`);
      }
      const path = variant === "tsb" ? tsbPath(history, TSB_ALPHA, TSB_BETA) : crostonPath(history, CROSTON_ALPHA, variant === "sba");
      const statistics = gaussianFitStatistics(history, path.fitted, variant === "tsb" ? 2 : 1);
      const sigma = statistics.rmse;
      const alpha = path.parameters.alpha;
      const floor = history.every((v) => v >= 0) ? 0 : -Infinity;
      return {
        name: NAMES[variant],
        statistics,
        parameters: path.parameters,
        fitted: path.fitted,
        forecast(horizon, levels) {
          const mean = Array.from({ length: horizon }, () => path.forecast);
          const sd = mean.map((_, i) => sigma * Math.sqrt(1 + i * alpha * alpha));
          return { mean, intervals: normalIntervals(mean, sd, levels, floor) };
        },
      };
    },
  };
}

/**
 * Croston's method: ŷ = z/p from separately smoothed demand sizes and intervals (Croston 1972), α = 0.1.
 * @example crostonMethodForecaster.fit([0, 3, 0, 3], { seasonLength: 1 }).forecast(1, [80]).mean // [1.5]
 */
export const crostonMethodForecaster: Forecaster = crostonForecaster("croston");
/**
 * Syntetos-Boylan approximation: Croston's z/p times (1 - α/2) to remove its bias (Syntetos & Boylan 2005).
 * @example sbaForecaster.fit([0, 3, 0, 3], { seasonLength: 1 }).forecast(1, [80]).mean // [1.425]
 */
export const sbaForecaster: Forecaster = crostonForecaster("sba");
/**
 * Teunter-Syntetos-Babai: smoothed demand probability times smoothed size; follows obsolescence (TSB 2011).
 * @example tsbForecaster.fit([0, 3, 0, 3], { seasonLength: 1 }).forecast(1, [80]).mean[0] // between 0 and 3
 */
export const tsbForecaster: Forecaster = crostonForecaster("tsb");
