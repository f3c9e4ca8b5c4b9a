import { gaussianFitStatistics } from "./fitStatistics";
import { classifyDemand } from "./intermittency";
import { normalIntervals } from "./intervals";
import type { FittedModel, Forecaster } from "./model";
import { requireHistory } from "./requireHistory";
import { simpleExponentialSmoothing } from "./ses";

/** Fewest buckets an aggregated series keeps: a level that would leave fewer is not used. */
const MIN_BUCKETS = 3;

/** One aggregation level's SES on bucket sums, spread back over the periods. */
interface LevelPath {
  /** One-step fitted value per original period (the bucket's forecast / k; NaN before the first bucket is forecast). */
  fitted: number[];
  /** Per-period forecast: the next bucket's forecast / k. */
  forecast: number;
  alpha: number;
}

/**
 * Non-overlapping temporal aggregation at level k, SES on the bucket sums, and the forecast spread
 * evenly over the k periods of a bucket. Buckets end at the last period; the oldest remainder
 * (n mod k periods) is dropped, as in ADIDA (Nikolopoulos et al. 2011).
 */
function levelPath(y: readonly number[], k: number): LevelPath {
  const start = y.length % k;
  const sums: number[] = [];
  for (let b = start; b < y.length; b += k) {
    let sum = 0;
    for (let t = b; t < b + k; t++) sum += y[t];
    sums.push(sum);
  }
  const ses = simpleExponentialSmoothing(sums);
  const fitted = new Array<number>(y.length).fill(NaN);
  ses.fitted.forEach((f, b) => {
    for (let t = start + b * k; t < start + (b + 1) * k; t++) fitted[t] = f / k;
  });
  return { fitted, forecast: ses.level / k, alpha: ses.alpha };
}

/** Aggregation levels 1..K with at least MIN_BUCKETS buckets each, K the rounded mean inter-demand interval. */
function aggregationLevels(y: readonly number[], upTo: number): number[] {
  const highest = Math.max(1, Math.min(upTo, Math.floor(y.length / MIN_BUCKETS)));
  return Array.from({ length: highest }, (_, i) => i + 1);
}

/** The mean inter-demand interval rounded to whole periods (1 for a series without demand). */
function demandInterval(y: readonly number[]): number {
  const { adi } = classifyDemand(y);
  return Number.isFinite(adi) ? Math.max(1, Math.round(adi)) : 1;
}

/**
 * A fitted model from the mean of aggregation levels' paths: flat forecast; normal intervals with the
 * in-sample one-step error σ of the spread-back fitted values, widened as SES (sd = σ·√(1 + (h-1)·α²),
 * α the mean of the levels' α), lower bound 0 for non-negative histories.
 */
function pathsModel(name: string, history: readonly number[], paths: LevelPath[]): FittedModel {
  const fitted = history.map((_, t) => {
    const values = paths.map((p) => p.fitted[t]).filter((v) => !Number.isNaN(v));
    return values.length === paths.length ? values.reduce((s, v) => s + v, 0) / values.length : NaN;
  });
  const point = paths.reduce((s, p) => s + p.forecast, 0) / paths.length;
  const alpha = paths.reduce((s, p) => s + p.alpha, 0) / paths.length;
  const statistics = gaussianFitStatistics(history, fitted, 2 * paths.length);
  const sigma = statistics.rmse;
  const floor = history.every((v) => v >= 0) ? 0 : -Infinity;
  return {
    name,
    statistics,
    parameters: { alpha, levels: paths.length },
    fitted,
    forecast(horizon, levels) {
      const mean = Array.from({ length: horizon }, () => point);
      const sd = mean.map((_, i) => sigma * Math.sqrt(1 + i * alpha * alpha));
      return { mean, intervals: normalIntervals(mean, sd, levels, floor) };
    },
  };
}

/**
 * ADIDA (Nikolopoulos, Syntetos, Boylan, Petropoulos & Assimakopoulos 2011, JORS 62:544-554): aggregate
 * demand into non-overlapping buckets of k periods, k the mean inter-demand interval (rounded), forecast
 * the bucket sums with simple exponential smoothing and spread the forecast evenly (ŷ = SES forecast / k).
 * Aggregation removes most zeros, so SES no longer has to track them. Needs 3 periods; works on any
 * history (a history without demand forecasts 0).
 * @example adidaForecaster.fit([0, 4, 0, 4, 0, 4], { seasonLength: 1 }).forecast(1, [80]).mean // [2]
 */
export const adidaForecaster: Forecaster = {
  id: "adida",
  minLength: () => 3,
  fit(history) {
    requireHistory(history, 3, "ADIDA (temporal aggregation)");
    const levels = aggregationLevels(history, demandInterval(history));
    return pathsModel("ADIDA (temporal aggregation)", history, [levelPath(history, levels[levels.length - 1])]);
  },
};

/**
 * IMAPA (Petropoulos & Kourentzes 2015, JORS 66:914-924): the ADIDA forecasts of every aggregation
 * level k = 1..K averaged, K the mean inter-demand interval (rounded; levels leaving fewer than 3 buckets
 * dropped), so no single level has to be right. Needs 3 periods.
 * @example imapaForecaster.fit([0, 4, 0, 4, 0, 4], { seasonLength: 1 }).forecast(1, [80]).mean[0] // between 1.5 and 2.5
 */
export const imapaForecaster: Forecaster = {
  id: "imapa",
  minLength: () => 3,
  fit(history) {
    requireHistory(history, 3, "IMAPA (temporal aggregation)");
    const levels = aggregationLevels(history, demandInterval(history));
    return pathsModel(
      "IMAPA (temporal aggregation)",
      history,
      levels.map((k) => levelPath(history, k)),
    );
  },
};
