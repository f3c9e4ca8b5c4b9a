import { normalQuantile } from "./ets/normalQuantile";
import { gaussianFitStatistics } from "./fitStatistics";
import type { FittedModel, PredictionInterval } from "./model";

/**
 * How member forecasts are combined: plain mean, median (robust to one wild member), or "weighted":
 * a mean weighted by each member's in-sample accuracy (see {@link inSampleWeights}).
 */
export type CombinationRule = "mean" | "median" | "weighted";

/** Mean, median or weighted mean (weights summing to 1) of a few numbers. */
function combineValues(values: number[], weights: readonly number[], rule: CombinationRule): number {
  if (values.some(Number.isNaN)) return NaN;
  if (rule === "mean") return values.reduce((s, v) => s + v, 0) / values.length;
  if (rule === "weighted") return values.reduce((s, v, i) => s + weights[i] * v, 0);
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
}

/**
 * Combination weights from in-sample fit: w_i ∝ 1 / MAE_i², with MAE_i the mean absolute one-step
 * in-sample error of member i over the periods where every member has a fitted value.
 *
 * These are the inverse-variance weights of Bates & Granger (1969) that ignore error correlation
 * (Stock & Watson 2004), with each member's error scale estimated robustly by its MAE. Members that fit
 * exactly share the weight; equal weights when no period has fitted values from every member.
 * @param history - the observations the members were fitted on
 * @param members - fitted models (at least one)
 * @returns one weight per member, summing to 1
 * @example inSampleWeights([1, 2, 3], [exactModel, offByOneModel]) // [1, 0]
 */
export function inSampleWeights(history: readonly number[], members: readonly FittedModel[]): number[] {
  const periods = history.map((_, t) => t).filter((t) => members.every((m) => Number.isFinite(m.fitted[t])));
  const equal = members.map(() => 1 / members.length);
  if (periods.length === 0) return equal;
  const mae = members.map((m) => periods.reduce((s, t) => s + Math.abs(history[t] - m.fitted[t]), 0) / periods.length);
  if (mae.some((e) => !Number.isFinite(e))) return equal;
  const raw = mae.some((e) => e === 0) ? mae.map((e) => (e === 0 ? 1 : 0)) : mae.map((e) => 1 / (e * e));
  const total = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / total);
}

/** Display name of a combination under a rule. */
const RULE_NAMES: Readonly<Record<CombinationRule, string>> = { mean: "Combination", median: "Median of", weighted: "Weighted combination" };

/**
 * Combination of fitted models: equal-weight mean (Clemen 1989; the mean of ETS, ARIMA and Theta in
 * Makridakis et al. 2020 and Hyndman's M3 benchmarks), median, or mean weighted by in-sample fit
 * ({@link inSampleWeights}).
 *
 * Point forecast and each interval bound are the (weighted) means, or medians, of the members'. Each
 * bound's distance from the point forecast is then widened by κ = √(1 + Var_w(member means) /
 * mean_w(member sd²)), the ratio of the sd of the mixture of the members' forecast distributions (with
 * the combination's weights; equal for the median) to their average sd (member sd = interval width /
 * (2·z)), so disagreement between members widens the interval.
 * Fit statistics are those of the combined one-step fitted values; likelihood-based statistics are NaN
 * (a combination has none). The weighted rule reports each member's weight as parameter "i.weight".
 * @param history - the observations the members were fitted on
 * @param members - fitted models (at least one)
 * @param rule - "mean" (default), "median" or "weighted"
 * @returns a fitted model named "Combination (A, B, ...)" ("Median of (...)", "Weighted combination (...)")
 * @example combineModels(y, [thetaModel, etsModel]).forecast(6, [80, 95])
 */
export function combineModels(history: readonly number[], members: readonly FittedModel[], rule: CombinationRule = "mean"): FittedModel {
  if (members.length === 1) return members[0];
  const weights = rule === "weighted" ? inSampleWeights(history, members) : members.map(() => 1 / members.length);
  const fitted = history.map((_, t) => combineValues(members.map((m) => m.fitted[t]), weights, rule));
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
    if (rule === "weighted") parameters[`${i + 1}.weight`] = weights[i];
  });
  return {
    name: `${RULE_NAMES[rule]} (${members.map((m) => m.name).join(", ")})`,
    statistics,
    parameters,
    fitted,
    forecast(horizon, levels) {
      const forecasts = members.map((m) => m.forecast(horizon, levels));
      const average = (pick: (f: (typeof forecasts)[number]) => number[]): number[] =>
        Array.from({ length: horizon }, (_, i) => combineValues(forecasts.map((f) => pick(f)[i]), weights, rule));
      const mean = average((f) => f.mean);
      const intervals: PredictionInterval[] = levels.map((level, j) => {
        const z = normalQuantile(0.5 + level / 200);
        const lower = average((f) => f.intervals[j].lower);
        const upper = average((f) => f.intervals[j].upper);
        for (let i = 0; i < horizon; i++) {
          const centre = forecasts.reduce((s, f, k) => s + weights[k] * f.mean[i], 0);
          const spread = forecasts.reduce((s, f, k) => s + weights[k] * (f.mean[i] - centre) ** 2, 0);
          const variance = forecasts.reduce((s, f, k) => s + weights[k] * ((f.intervals[j].upper[i] - f.intervals[j].lower[i]) / (2 * z)) ** 2, 0);
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
