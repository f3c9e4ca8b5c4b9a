import { gaussianFitStatistics } from "./fitStatistics";
import { normalIntervals } from "./intervals";
import type { FittedModel, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";

/**
 * Random walk with drift: the line through the first and last observations, extended.
 *
 * b = (y(T) - y(1)) / (T - 1); ŷ(T+h) = y(T) + h·b; forecast sd = √(h·σ² + h²·se(b)²) with σ² the sum
 * of squared one-step residuals over T - 2 (the T - 1 changes less the drift estimated from them; over
 * T - 1 when the drift is 0) and se(b) = sd(changes)/√(T-1) (FPP3 §5.5; R forecast::rwf(drift = TRUE)).
 * Needs 3 observations.
 * @example driftForecaster.fit([1, 2, 3], { seasonLength: 1 }).forecast(2, [80]).mean // [4, 5]
 */
export const driftForecaster: Forecaster = {
  id: "drift",
  minLength: () => 3,
  fit(history: readonly number[]): FittedModel {
    requireHistory(history, 3, "The drift method");
    const n = history.length;
    const slope = (history[n - 1] - history[0]) / (n - 1);
    const fitted = history.map((_, t) => (t === 0 ? NaN : history[t - 1] + slope));
    const statistics = gaussianFitStatistics(history, fitted, 1);
    let ss = 0;
    for (let t = 1; t < n; t++) ss += (history[t] - history[t - 1] - slope) ** 2;
    const slopeSe = Math.sqrt(ss / (n - 2)) / Math.sqrt(n - 1);
    const mse = ss / (slope !== 0 ? n - 2 : n - 1);
    const last = history[n - 1];
    return {
      name: "Random walk with drift",
      statistics,
      parameters: { drift: slope },
      fitted,
      forecast(horizon, levels) {
        const mean = Array.from({ length: horizon }, (_, i) => last + (i + 1) * slope);
        const sd = mean.map((_, i) => Math.sqrt((i + 1) * mse + ((i + 1) * slopeSe) ** 2));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
