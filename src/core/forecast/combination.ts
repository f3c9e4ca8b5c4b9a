import { normalQuantile } from "../normalQuantile";
import { fitStatisticsWithoutLikelihood } from "./fitStatistics";
import type { Forecast, FittedModel, PredictionInterval } from "./model";

/** How member forecasts are combined: plain mean, or median (robust to one wild member). */
export type CombinationRule = "mean" | "median";

/**
 * Mean or median of a few numbers (sorts `values` in place for the median).
 * @param values - the numbers (NaN if any is NaN)
 * @param rule - "mean" or "median" (the middle pair's mean for an even count)
 * @returns the combined value
 * @example combineValues([3, 1, 2], "median") // 2
 */
export function combineValues(values: number[], rule: CombinationRule): number {
  if (values.some(Number.isNaN)) return NaN;
  if (rule === "mean") return values.reduce((s, v) => s + v, 0) / values.length;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

/**
 * Equal-weight combination of fitted models (Clemen 1989; the mean of ETS, ARIMA and Theta in
 * Makridakis et al. 2020 and Hyndman's M3 benchmarks).
 *
 * Point forecast and each interval bound are the plain means (or medians) of the members'. Each bound's
 * distance from the point forecast is then widened by κ = √(1 + Var(member means) / mean(member sd²)),
 * the ratio of the sd of the equal mixture of the members' forecast distributions to their average sd
 * (member sd = interval width / (2·z)), so disagreement between members widens the interval.
 * Fit statistics are those of the combined one-step fitted values; likelihood-based statistics are NaN
 * (a combination has none).
 * @param history - the observations the members were fitted on
 * @param members - fitted models (at least one)
 * @param rule - "mean" (default) or "median"
 * @returns a fitted model named "Combination (A, B, ...)" ("Median of (A, B, ...)" for the median)
 * @example combineModels(y, [thetaModel, etsModel]).forecast(6, [80, 95])
 */
export function combineModels(history: readonly number[], members: readonly FittedModel[], rule: CombinationRule = "mean"): FittedModel {
  if (members.length === 1) return members[0];
  const fitted = history.map((_, t) => combineValues(members.map((m) => m.fitted[t]), rule));
  const statistics = { ...fitStatisticsWithoutLikelihood(history, fitted, 0), parameters: members.reduce((s, m) => s + m.statistics.parameters, 0) };
  const parameters: Record<string, number> = {};
  members.forEach((m, i) => {
    for (const [key, value] of Object.entries(m.parameters)) parameters[`${i + 1}.${key}`] = value;
  });
  return {
    name: `${rule === "mean" ? "Combination" : "Median of"} (${members.map((m) => m.name).join(", ")})`,
    statistics,
    parameters,
    fitted,
    forecast(horizon, levels) {
      const forecasts = members.map((m) => m.forecast(horizon, levels));
      const average = (pick: (f: (typeof forecasts)[number]) => number[]): number[] =>
        Array.from({ length: horizon }, (_, i) => combineValues(forecasts.map((f) => pick(f)[i]), rule));
      const mean = average((f) => f.mean);
      const intervals: PredictionInterval[] = levels.map((level, j) => {
        const z = normalQuantile(0.5 + level / 200);
        const lower = average((f) => f.intervals[j].lower);
        const upper = average((f) => f.intervals[j].upper);
        for (let i = 0; i < horizon; i++) {
          const means = forecasts.map((f) => f.mean[i]);
          const centre = means.reduce((s, v) => s + v, 0) / means.length;
          const spread = means.reduce((s, v) => s + (v - centre) ** 2, 0) / means.length;
          const variance = forecasts.reduce((s, f) => s + ((f.intervals[j].upper[i] - f.intervals[j].lower[i]) / (2 * z)) ** 2, 0) / forecasts.length;
          const widen = variance > 0 ? Math.sqrt(1 + spread / variance) : 1;
          lower[i] = Math.min(lower[i], mean[i] - (mean[i] - lower[i]) * widen);
          upper[i] = Math.max(upper[i], mean[i] + (upper[i] - mean[i]) * widen);
        }
        return { level, lower, upper };
      });
      return { mean, intervals };
    },
  };
}

/** Members of at least this weight are named in a weighted combination's name. */
const NAMED_WEIGHT = 0.1;

/**
 * Weighted average of forecasts of the same horizon and levels: point forecast and each interval bound
 * are Σ wᵢ·valueᵢ (weights summing to 1).
 * @param forecasts - member forecasts (at least one)
 * @param weights - one non-negative weight per forecast, summing to 1
 * @returns the weighted forecast
 * @example weightedForecast([a, b], [0.75, 0.25]).mean // 0.75·a.mean + 0.25·b.mean
 */
export function weightedForecast(forecasts: readonly Forecast[], weights: readonly number[]): Forecast {
  const blend = (pick: (f: Forecast) => number[]): number[] =>
    pick(forecasts[0]).map((_, i) => forecasts.reduce((s, f, k) => s + weights[k] * pick(f)[i], 0));
  return {
    mean: blend((f) => f.mean),
    intervals: forecasts[0].intervals.map((interval, j) => ({
      level: interval.level,
      lower: blend((f) => f.intervals[j].lower),
      upper: blend((f) => f.intervals[j].upper),
    })),
  };
}

/**
 * Weighted combination of fitted models ({@link weightedForecast} of their forecasts; fitted values
 * weighted the same way; no likelihood, as {@link combineModels}).
 * @param history - the observations the members were fitted on
 * @param members - fitted models (at least one)
 * @param weights - one non-negative weight per member, summing to 1
 * @returns a fitted model named "Weighted (A 60%, B 40%)", heaviest first; members under 10% counted
 *   together ("Weighted (A 66%, 6 others 34%)")
 * @example weightedModels(y, [thetaModel, etsModel], [0.6, 0.4]).forecast(6, [95])
 */
export function weightedModels(history: readonly number[], members: readonly FittedModel[], weights: readonly number[]): FittedModel {
  if (members.length === 1) return members[0];
  const fitted = history.map((_, t) => members.reduce((s, m, k) => s + weights[k] * m.fitted[t], 0));
  const statistics = {
    ...fitStatisticsWithoutLikelihood(history, fitted, 0),
    parameters: members.reduce((s, m) => s + m.statistics.parameters, 0),
  };
  const parameters: Record<string, number> = {};
  members.forEach((m, i) => {
    parameters[`${i + 1}.weight`] = weights[i];
    for (const [key, value] of Object.entries(m.parameters)) parameters[`${i + 1}.${key}`] = value;
  });
  const ranked = members.map((m, k) => ({ name: m.name, weight: weights[k] })).sort((x, y) => y.weight - x.weight);
  const major = ranked.filter((r) => r.weight >= NAMED_WEIGHT);
  const minor = ranked.filter((r) => r.weight < NAMED_WEIGHT && r.weight > 0);
  const percent = (w: number): string => `${Math.round(100 * w)}%`;
  const named = [
    ...major.map((r) => `${r.name} ${percent(r.weight)}`),
    ...(minor.length > 0 ? [`${minor.length} other${minor.length > 1 ? "s" : ""} ${percent(minor.reduce((s, r) => s + r.weight, 0))}`] : []),
  ];
  return {
    name: `Weighted (${named.join(", ")})`,
    statistics,
    parameters,
    fitted,
    forecast: (horizon, levels) =>
      weightedForecast(
        members.map((m) => m.forecast(horizon, levels)),
        weights,
      ),
  };
}
