import { normalQuantile } from "../normalQuantile";
import type { Forecast, FittedModel } from "./model";

/** A forecast made inside the history and the values that followed it. */
export interface HeldOutForecast {
  forecast: Forecast;
  actual: readonly number[];
}

/**
 * Errors in units of the forecast's own standard deviation: |y - ŷ| / sd, sd = (upper - ŷ) / z read
 * from the forecast's first interval (level L, z = Φ⁻¹(0.5 + L/200); the upper side, since lower bounds
 * may be floored at 0). Steps with a zero width are skipped.
 * @param heldOut - forecasts made at origins inside the history, with what followed
 * @returns the standardised absolute errors, pooled over origins and steps
 * @example standardisedErrors([{ forecast: { mean: [10], intervals: [{ level: 95, lower: [8.04], upper: [11.96] }] }, actual: [12] }]) // [2]
 */
export function standardisedErrors(heldOut: readonly HeldOutForecast[]): number[] {
  const ratios: number[] = [];
  for (const { forecast, actual } of heldOut) {
    const interval = forecast.intervals[0];
    const z = normalQuantile(0.5 + interval.level / 200);
    actual.forEach((y, i) => {
      const sd = (interval.upper[i] - forecast.mean[i]) / z;
      if (sd > 0) ratios.push(Math.abs(y - forecast.mean[i]) / sd);
    });
  }
  return ratios;
}

/**
 * The factor by which a model's level-L interval half-widths must grow so that the held-out errors
 * fall inside at rate L: the L-quantile (nearest rank) of the standardised errors over z_L, shrunk
 * toward 1 by N / (N + N₀) with N errors, and never below 1 (intervals are widened, not narrowed, on
 * a series' own thin evidence).
 * @param errors - standardised absolute errors ({@link standardisedErrors})
 * @param level - interval level in percent
 * @param priorCount - N₀, the evidence worth as much as the model's own width
 * @returns the factor, at least 1 (1 without errors)
 * @example intervalScale([0.5, 1, 1.5, 4], 80, 0) // quantile 1.5 / z 1.2816 ≈ 1.17
 */
export function intervalScale(errors: readonly number[], level: number, priorCount: number): number {
  if (errors.length === 0) return 1;
  const sorted = [...errors].sort((a, b) => a - b);
  const quantile = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((level / 100) * sorted.length) - 1))];
  const raw = quantile / normalQuantile(0.5 + level / 200);
  const lambda = errors.length / (errors.length + priorCount);
  return Math.max(1, 1 + lambda * (raw - 1));
}

/**
 * A model whose interval half-widths are multiplied by scale(level, step) around its point forecast;
 * lower bounds stay at or above `floor`.
 * @param model - the fitted model
 * @param scale - factor per interval level (percent) and step (0-based)
 * @param floor - lowest lower bound (0 for demand that cannot be negative)
 * @returns the same model with scaled intervals (name, fit and point forecasts unchanged)
 * @example scaledIntervalsModel(model, () => 1.2).forecast(6, [95])
 */
export function scaledIntervalsModel(model: FittedModel, scale: (level: number, step: number) => number, floor = -Infinity): FittedModel {
  return {
    name: model.name,
    statistics: model.statistics,
    parameters: model.parameters,
    fitted: model.fitted,
    forecast(horizon, levels) {
      const forecast = model.forecast(horizon, levels);
      return {
        mean: forecast.mean,
        intervals: forecast.intervals.map((interval) => ({
          level: interval.level,
          lower: interval.lower.map((v, i) => Math.max(floor, forecast.mean[i] - scale(interval.level, i) * (forecast.mean[i] - v))),
          upper: interval.upper.map((v, i) => forecast.mean[i] + scale(interval.level, i) * (v - forecast.mean[i])),
        })),
      };
    },
  };
}

/** Interval scales at the 80% and 95% levels for one class of series (1 = the model's own width). */
export interface IntervalScaleCell {
  scale80: number;
  scale95: number;
}

/** Upper ends of the history-length bands of {@link seriesClass} (periods). */
const LENGTH_BANDS = [30, 60] as const;

/**
 * The calibration class of a series: its season length (1, 4, 12 or other) and the band of its history
 * length (under 30, 30-59, 60 or more periods), e.g. "m1-n<30", "m12-n>=60". Length matters because
 * model intervals leave out parameter and model uncertainty, which weighs more on short histories.
 * @param seasonLength - season length m
 * @param n - history length
 * @returns the class name, a key of {@link INTERVAL_SCALES} (with the season-length class "m1" etc. as fallback)
 * @example seriesClass(1, 20) // "m1-n<30"
 */
export function seriesClass(seasonLength: number, n: number): string {
  const m = seasonLength === 1 || seasonLength === 4 || seasonLength === 12 ? `m${seasonLength}` : "mother";
  const band =
    n < LENGTH_BANDS[0]
      ? `n<${LENGTH_BANDS[0]}`
      : n < LENGTH_BANDS[1]
        ? `n${LENGTH_BANDS[0]}-${LENGTH_BANDS[1] - 1}`
        : `n>=${LENGTH_BANDS[1]}`;
  return `${m}-${band}`;
}

/**
 * The interval scales for a series: its {@link seriesClass} cell of {@link INTERVAL_SCALES}, else its
 * season-length cell ("m1", "m4", "m12", "mother"), else none (1).
 * @param seasonLength - season length m
 * @param n - history length
 * @returns the cell, or undefined when the table has none for the series
 * @example intervalScaleCell(12, 100) // the "m12-n>=60" cell
 */
export function intervalScaleCell(seasonLength: number, n: number): IntervalScaleCell | undefined {
  const name = seriesClass(seasonLength, n);
  return INTERVAL_SCALES[name] ?? INTERVAL_SCALES[name.slice(0, name.indexOf("-"))];
}

/**
 * Interval scales of automatic mode's combination per {@link seriesClass} (issue 13, part 4). The combination's own intervals (the
 * members' bounds averaged, widened by their disagreement) covered 72.8% / 86.7% (80% / 95%) of M3
 * yearly test values, 76.5 / 89.5 quarterly, 79.6 / 92.9 monthly and 86.7 / 95.8 "other".
 *
 * Protocol, written before any table was fitted: this table (scale at 80% and
 * 95% per season length x history-length band, bench/interval-calibration.ts) is fitted on the M3
 * training cuts 2 and 3 only (`forecast-m3 --cut 2|3 --scales-out`: the last-but-one and last-but-two
 * blocks of h training points); it is adopted if on training cut 1 (the last h training points, not
 * used for fitting) every subset's coverage is within 77-83% and 93-97%, or nearer those ranges than
 * without calibration on every subset. Only then is it run once on the test parts, reported as it comes.
 *
 * Results: (to be filled from the runs)
 */
export const INTERVAL_SCALES: Readonly<Record<string, IntervalScaleCell>> = {
  default: { scale80: 1, scale95: 1 },
};

/**
 * The scale of a table cell at any level: log-linear in the normal quantile z_L between the 80% and 95%
 * scales, held at the nearer one outside that range.
 * @param cell - the class's scales (undefined: 1)
 * @param level - interval level in percent
 * @returns the factor for the interval half-widths
 * @example tableScale({ scale80: 1.1, scale95: 1.3 }, 95) // 1.3
 */
export function tableScale(cell: IntervalScaleCell | undefined, level: number): number {
  if (!cell) return 1;
  const z80 = normalQuantile(0.9);
  const z95 = normalQuantile(0.975);
  const t = Math.min(1, Math.max(0, (normalQuantile(0.5 + level / 200) - z80) / (z95 - z80)));
  return Math.exp((1 - t) * Math.log(cell.scale80) + t * Math.log(cell.scale95));
}
