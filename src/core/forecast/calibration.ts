import { normalQuantile } from "../normalQuantile";
import type { Forecast, FittedModel } from "./model";

/** A forecast made inside the history and the values that followed it. */
export interface HeldOutForecast {
  forecast: Forecast;
  actual: readonly number[];
}

/**
 * Errors in units of the forecast's own standard deviation: |y - ŷ| / sd, sd = (upper - ŷ) / z read
 * from the forecast's first interval (level L, z = Φ⁻¹(0.5 + L/200); the upper side, since lower bounds
 * may be floored at 0). Steps with a zero width are skipped.
 * @param heldOut - forecasts made at origins inside the history, with what followed
 * @returns the standardised absolute errors, pooled over origins and steps
 * @example standardisedErrors([{ forecast: { mean: [10], intervals: [{ level: 95, lower: [8.04], upper: [11.96] }] }, actual: [12] }]) // [2]
 */
export function standardisedErrors(
  heldOut: readonly HeldOutForecast[],
): number[] {
  const ratios: number[] = [];
  for (const { forecast, actual } of heldOut) {
    const interval = forecast.intervals[0];
    const z = normalQuantile(0.5 + interval.level / 200);
    actual.forEach((y, i) => {
      const sd = (interval.upper[i] - forecast.mean[i]) / z;
      if (sd > 0) ratios.push(Math.abs(y - forecast.mean[i]) / sd);
    });
  }
  return ratios;
}

/**
 * The factor by which a model's level-L interval half-widths must grow so that the held-out errors
 * fall inside at rate L: the L-quantile (nearest rank) of the standardised errors over z_L, shrunk
 * toward 1 by N / (N + N₀) with N errors, and never below 1 (intervals are widened, not narrowed, on
 * a series' own thin evidence).
 * @param errors - standardised absolute errors ({@link standardisedErrors})
 * @param level - interval level in percent
 * @param priorCount - N₀, the evidence worth as much as the model's own width
 * @returns the factor, at least 1 (1 without errors)
 * @example intervalScale([0.5, 1, 1.5, 4], 80, 0) // quantile 1.5 / z 1.2816 ≈ 1.17
 */
export function intervalScale(
  errors: readonly number[],
  level: number,
  priorCount: number,
): number {
  if (errors.length === 0) return 1;
  const sorted = [...errors].sort((a, b) => a - b);
  const quantile =
    sorted[
      Math.min(
        sorted.length - 1,
        Math.max(0, Math.ceil((level / 100) * sorted.length) - 1),
      )
    ];
  const raw = quantile / normalQuantile(0.5 + level / 200);
  const lambda = errors.length / (errors.length + priorCount);
  return Math.max(1, 1 + lambda * (raw - 1));
}

/**
 * A model whose interval half-widths are multiplied by scale(level, step) around its point forecast;
 * lower bounds stay at or above `floor`.
 * @param model - the fitted model
 * @param scale - factor per interval level (percent) and step (0-based)
 * @param floor - lowest lower bound (0 for demand that cannot be negative)
 * @returns the same model with scaled intervals (name, fit and point forecasts unchanged)
 * @example scaledIntervalsModel(model, () => 1.2).forecast(6, [95])
 */
export function scaledIntervalsModel(
  model: FittedModel,
  scale: (level: number, step: number) => number,
  floor = -Infinity,
): FittedModel {
  return {
    name: model.name,
    statistics: model.statistics,
    parameters: model.parameters,
    fitted: model.fitted,
    forecast(horizon, levels) {
      const forecast = model.forecast(horizon, levels);
      return {
        mean: forecast.mean,
        intervals: forecast.intervals.map((interval) => ({
          level: interval.level,
          lower: interval.lower.map((v, i) =>
            Math.max(
              floor,
              forecast.mean[i] -
                scale(interval.level, i) * (forecast.mean[i] - v),
            ),
          ),
          upper: interval.upper.map(
            (v, i) =>
              forecast.mean[i] +
              scale(interval.level, i) * (v - forecast.mean[i]),
          ),
        })),
      };
    },
  };
}
