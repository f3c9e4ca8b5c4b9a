import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";

/**
 * Naive (random walk) forecast: every future period equals the last observation.
 *
 * ŷ(T+h) = y(T); forecast sd = σ·√h with σ² = mean of squared one-step changes
 * (Hyndman & Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.5; R forecast::naive).
 * Needs 2 observations.
 * @example naiveForecaster.fit([3, 5, 4], { seasonLength: 1 }).forecast(2, [80]).mean // [4, 4]
 */
export const naiveForecaster: Forecaster = {
  id: "naive",
  minLength: () => 2,
  fit(history: readonly number[]): FittedModel {
    requireHistory(history, 2, "The naive method");
    const n = history.length;
    const fitted = history.map((_, t) => (t === 0 ? NaN : history[t - 1]));
    const statistics = gaussianFitStatistics(history, fitted, 0);
    const sigma = statistics.rmse;
    const last = history[n - 1];
    return {
      name: "Naive",
      statistics,
      parameters: {},
      fitted,
      forecast(horizon, levels) {
        const mean = Array.from({ length: horizon }, () => last);
        const sd = mean.map((_, i) => sigma * Math.sqrt(i + 1));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
