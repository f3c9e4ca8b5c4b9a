import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, FitOptions, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";

/** Window of the moving average: one full season, or 3 periods when there is no season. */
export function movingAverageWindow(seasonLength: number): number {
  return seasonLength > 1 ? Math.floor(seasonLength) : 3;
}

/**
 * Simple moving average: every future period equals the mean of the last k observations.
 *
 * ŷ(T+h) = (1/k)·Σ y(T-k+1..T), k = season length (or 3 without season); forecast sd = σ·√(1 + (h-1)/k),
 * σ² = mean squared one-step error of the same average in sample (the level treated as a random walk
 * seen through a k-period mean). Needs k + 1 observations.
 * @example movingAverageForecaster.fit([1, 2, 3, 4], { seasonLength: 1 }).forecast(1, [80]).mean // [3]
 */
export const movingAverageForecaster: Forecaster = {
  id: "ma",
  minLength: (seasonLength) => movingAverageWindow(seasonLength) + 1,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    const k = movingAverageWindow(options.seasonLength);
    requireHistory(history, k + 1, `A ${k}-period moving average`);
    const n = history.length;
    const fitted: number[] = new Array<number>(n).fill(NaN);
    let sum = 0;
    for (let t = 0; t < n; t++) {
      if (t >= k) fitted[t] = sum / k;
      sum += history[t];
      if (t >= k) sum -= history[t - k];
    }
    const statistics = gaussianFitStatistics(history, fitted, 0);
    const sigma = statistics.rmse;
    const level = sum / k;
    return {
      name: `Moving average (${k})`,
      statistics,
      parameters: { window: k },
      fitted,
      forecast(horizon, levels) {
        const mean = Array.from({ length: horizon }, () => level);
        const sd = mean.map((_, i) => sigma * Math.sqrt(1 + i / k));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
