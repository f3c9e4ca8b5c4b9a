import { gaussianFitStatistics } from "./fitStatistics";
import { leastSquaresLine } from "./linearTrend";
import { normalIntervals } from "./intervals";
import type { FittedModel, FitOptions, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";
import { seasonallyAdjust } from "./seasonalAdjustment";
import { simpleExponentialSmoothing } from "./ses";

/**
 * The standard Theta method (Assimakopoulos & Nikolopoulos 2000), as R forecast::thetaf
 * (Hyndman & Billah 2003: SES with drift).
 *
 * If the 90% seasonality test finds a season, the history is seasonally adjusted by classical
 * multiplicative decomposition. Then ŷ(T+h) = ℓ(T) + b/2·((h-1) + (1 - (1-α)^T)/α), where ℓ, α come
 * from SES (α estimated) and b is the least-squares slope; the season is put back. Forecast
 * sd = σ·√(1 + (h-1)·α²), σ² from the SES fit. Needs 4 observations.
 * @example thetaForecaster.fit([1, 2, 3, 4, 5, 6], { seasonLength: 1 }).forecast(1, [80]).mean[0] // ≈ 7
 */
export const thetaForecaster: Forecaster = {
  id: "theta",
  minLength: () => 4,
  fit(history: readonly number[], options: FitOptions): FittedModel {
    requireHistory(history, 4, "The Theta method");
    const n = history.length;
    const adjustment = seasonallyAdjust(history, options.seasonLength);
    const x = adjustment.adjusted;
    const ses = simpleExponentialSmoothing(x);
    const halfSlope = leastSquaresLine(x).slope / 2;
    const alpha = Math.max(1e-10, ses.alpha);
    const sesStatistics = gaussianFitStatistics(x, ses.fitted, 2);
    const sigma = Math.sqrt(sesStatistics.sigma2);
    const fitted = adjustment.reseasonalize(ses.fitted, 0);
    const statistics = { ...gaussianFitStatistics(history, fitted, 3), sigma2: sesStatistics.sigma2 };
    const driftStart = (1 - Math.pow(1 - alpha, n)) / alpha;
    return {
      name: adjustment.seasonal ? `Theta (seasonally adjusted, m=${adjustment.seasonLength})` : "Theta",
      statistics,
      parameters: { alpha: ses.alpha, l0: ses.initialLevel, drift: halfSlope },
      fitted,
      forecast(horizon, levels) {
        const adjustedMean = Array.from({ length: horizon }, (_, i) => ses.level + halfSlope * (i + driftStart));
        const mean = adjustment.reseasonalize(adjustedMean, n);
        const sd = mean.map((_, i) => sigma * Math.sqrt(1 + i * alpha * alpha));
        return { mean, intervals: normalIntervals(mean, sd, levels) };
      },
    };
  },
};
