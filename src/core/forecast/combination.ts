import { gaussianFitStatistics } from "./fitStatistics";
import type { FittedModel, PredictionInterval } from "./model";

/**
 * Equal-weight combination of fitted models (Clemen 1989; the mean of ETS, ARIMA and Theta in
 * Makridakis et al. 2020 and Hyndman's M3 benchmarks).
 *
 * Point forecast and each interval bound are the plain means of the members'. Fit statistics are those
 * of the averaged one-step fitted values; likelihood-based statistics are NaN (a combination has none).
 * @param history - the observations the members were fitted on
 * @param members - fitted models (at least one)
 * @returns a fitted model named "Combination (A, B, ...)"
 * @example combineModels(y, [thetaModel, etsModel]).forecast(6, [80, 95])
 */
export function combineModels(history: readonly number[], members: readonly FittedModel[]): FittedModel {
  if (members.length === 1) return members[0];
  const k = members.length;
  const fitted = history.map((_, t) => members.reduce((s, m) => s + m.fitted[t], 0) / k);
  const base = gaussianFitStatistics(history, fitted, 0);
  const statistics = {
    ...base,
    logLik: NaN,
    aic: NaN,
    aicc: NaN,
    bic: NaN,
    parameters: members.reduce((s, m) => s + m.statistics.parameters, 0),
  };
  const parameters: Record<string, number> = {};
  members.forEach((m, i) => {
    for (const [key, value] of Object.entries(m.parameters)) parameters[`${i + 1}.${key}`] = value;
  });
  return {
    name: `Combination (${members.map((m) => m.name).join(", ")})`,
    statistics,
    parameters,
    fitted,
    forecast(horizon, levels) {
      const forecasts = members.map((m) => m.forecast(horizon, levels));
      const average = (pick: (f: (typeof forecasts)[number]) => number[]): number[] =>
        Array.from({ length: horizon }, (_, i) => forecasts.reduce((s, f) => s + pick(f)[i], 0) / k);
      const intervals: PredictionInterval[] = levels.map((level, j) => ({
        level,
        lower: average((f) => f.intervals[j].lower),
        upper: average((f) => f.intervals[j].upper),
      }));
      return { mean: average((f) => f.mean), intervals };
    },
  };
}
