import { PlanningError } from "../errors";
import type { Forecast, FittedModel, Forecaster } from "./model";

/** A method's forecasts from one training origin inside the history, with what followed it. */
export interface OriginForecast {
  /** Periods of history the method was fitted on (the origin). */
  origin: number;
  /** The forecast of the periods after the origin, up to the end of the history. */
  forecast: Forecast;
  /** The observed values of those periods. */
  actual: number[];
}

/**
 * Training origins for rolling-origin evaluation inside a history (Tashman 2000): `count` origins spaced
 * evenly over the last `span` periods (span = min(maxSpan, ⌊n/4⌋), at least 1), each leaving at least
 * `minTraining` periods to fit on; duplicates removed, oldest first.
 * @param n - history length
 * @param maxSpan - most periods held out at the oldest origin
 * @param count - number of origins wanted
 * @param minTraining - fewest periods an origin must leave for fitting
 * @returns the origins (periods fitted on), possibly fewer than `count`, possibly none
 * @example rollingOrigins(40, 6, 3, 8) // [34, 36, 38]
 */
export function rollingOrigins(n: number, maxSpan: number, count: number, minTraining: number): number[] {
  const span = Math.max(1, Math.min(maxSpan, Math.floor(n / 4)));
  const origins = new Set<number>();
  for (let j = 0; j < count; j++) {
    const origin = n - span + Math.round((j * span) / count);
    if (origin >= minTraining && origin < n) origins.add(origin);
  }
  return [...origins].sort((a, b) => a - b);
}

/**
 * Fit a method at each origin and forecast the rest of the history (one fit per origin).
 * @param forecaster - the method
 * @param history - observations
 * @param seasonLength - season length m
 * @param origins - periods to fit on, each below history.length (from {@link rollingOrigins})
 * @param levels - interval levels to forecast
 * @returns one entry per origin the method could fit (origins it cannot fit are skipped)
 * @example rollingOriginForecasts(naiveForecaster, [1, 2, 3, 4], 1, [3], [80])[0].forecast.mean // [3]
 */
export function rollingOriginForecasts(
  forecaster: Forecaster,
  history: readonly number[],
  seasonLength: number,
  origins: readonly number[],
  levels: readonly number[],
): OriginForecast[] {
  const result: OriginForecast[] = [];
  for (const origin of origins) {
    const training = history.slice(0, origin);
    if (training.length < forecaster.minLength(seasonLength)) continue;
    let model: FittedModel;
    try {
      model = forecaster.fit(training, { seasonLength });
    } catch (error) {
      if (error instanceof PlanningError) continue;
      throw error;
    }
    result.push({
      origin,
      forecast: model.forecast(history.length - origin, levels),
      actual: history.slice(origin),
    });
  }
  return result;
}
