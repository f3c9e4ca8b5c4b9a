import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, FitOptions, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";

/**
 * Seasonal naive forecast: each future period equals the same season one cycle earlier.
 *
 * ŷ(T+h) = y(T + h - m(k+1)), k = floor((h-1)/m); forecast sd = σ·√(k+1) with σ² = mean of squared
 * seasonal differences (Hyndman & Athanasopoulos, FPP3 §5.5; R forecast::snaive). With m = 1 it is the
 * naive method. Needs m + 1 observations.
 * @example seasonalNaiveForecaster.fit([1, 2, 3, 1, 2, 3], { seasonLength: 3 }).forecast(4, [80]).mean // [1, 2, 3, 1]
 */
export const seasonalNaiveForecaster: Forecaster = {
  id: "snaive",
  minLength: (seasonLength) => Math.max(1, seasonLength) + 1,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    const m = Math.max(1, Math.floor(options.seasonLength));
    requireHistory(history, m + 1, `The seasonal naive method with season length ${m}`);
    const n = history.length;
    const fitted = history.map((_, t) => (t < m ? NaN : history[t - m]));
    const statistics = gaussianFitStatistics(history, fitted, 0);
    const sigma = statistics.rmse;
    return {
      name: m > 1 ? `Seasonal naive (m=${m})` : "Naive",
      statistics,
      parameters: {},
      fitted,
      forecast(horizon, levels) {
        const mean = Array.from({ length: horizon }, (_, i) => history[n - m + (i % m)]);
        const sd = mean.map((_, i) => sigma * Math.sqrt(Math.floor(i / m) + 1));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
