import { classicalDecomposition } from "./decomposition";
import type { FittedModel, Forecaster } from "./model";
import { seasonalityTest } from "./seasonality";

/** A history with its season removed, and the way back. */
export interface SeasonalAdjustment {
  /** True when a season was found and removed. */
  seasonal: boolean;
  type: "additive" | "multiplicative";
  seasonLength: number;
  /** The history without its season (the history itself when not seasonal). */
  adjusted: number[];
  /** Seasonal index of period t (0-based from the start of the history; t >= n for the future). */
  index(t: number): number;
  /** Put the season back into values for periods start, start+1, ... */
  reseasonalize(values: readonly number[], start: number): number[];
}

/**
 * Remove a given season from a history: divide by (multiplicative) or subtract (additive) the seasonal
 * figure, position 0 of the figure being the first period of the history.
 * @param y - observations
 * @param figure - seasonal index per position in the cycle (its length is the season length)
 * @param type - how the indices apply
 * @returns the adjusted history and the way back (seasonal is true)
 * @example seasonalAdjustmentBy([8, 12, 8, 12], [0.8, 1.2], "multiplicative").adjusted // [10, 10, 10, 10]
 */
export function seasonalAdjustmentBy(y: readonly number[], figure: readonly number[], type: "additive" | "multiplicative"): SeasonalAdjustment {
  const period = figure.length;
  const index = (t: number): number => figure[t % period];
  const apply = type === "multiplicative" ? (v: number, s: number) => v * s : (v: number, s: number) => v + s;
  const remove = type === "multiplicative" ? (v: number, s: number) => v / s : (v: number, s: number) => v - s;
  return {
    seasonal: true,
    type,
    seasonLength: period,
    adjusted: y.map((v, t) => remove(v, index(t))),
    index,
    reseasonalize: (values, start) => values.map((v, i) => apply(v, index(start + i))),
  };
}

/**
 * Remove the season from a history when the 90% seasonality test (R forecast::thetaf) finds one,
 * by classical multiplicative decomposition (additive when the history has zeros or negatives).
 * This is the seasonal adjustment of the Theta method and of the M4 benchmarks (Makridakis et al. 2020).
 * @param y - observations
 * @param m - season length (1 = none)
 * @returns the adjusted history and the seasonal indices
 * @example seasonallyAdjust([1, 3, 1, 3, 1, 3, 1, 3], 2).seasonal // true
 */
export function seasonallyAdjust(y: readonly number[], m: number): SeasonalAdjustment {
  const period = Math.max(1, Math.floor(m));
  const positive = y.every((v) => v > 0);
  const type = positive ? "multiplicative" : "additive";
  if (!seasonalityTest(y, period).seasonal) {
    const neutral = type === "multiplicative" ? 1 : 0;
    return { seasonal: false, type, seasonLength: period, adjusted: [...y], index: () => neutral, reseasonalize: (v) => [...v] };
  }
  return seasonalAdjustmentBy(y, classicalDecomposition(y, period, type).figure, type);
}

/**
 * Put a season back into a model fitted on a seasonally adjusted history: fitted values, forecasts and
 * interval bounds are reseasonalised; statistics and parameters are the model's own (adjusted scale).
 * @param model - fitted on adjustment.adjusted
 * @param adjustment - the adjustment the model's history came from
 * @param name - name of the reseasonalised model
 * @returns a model forecasting on the scale of the original history
 * @example reseasonalizedModel(sesModel, seasonallyAdjust(y, 12), "SES (seasonally adjusted, m=12)").forecast(12, [80])
 */
export function reseasonalizedModel(model: FittedModel, adjustment: SeasonalAdjustment, name: string): FittedModel {
  const n = adjustment.adjusted.length;
  return {
    name,
    statistics: model.statistics,
    parameters: model.parameters,
    fitted: adjustment.reseasonalize(model.fitted, 0),
    forecast(horizon, levels) {
      const f = model.forecast(horizon, levels);
      return {
        mean: adjustment.reseasonalize(f.mean, n),
        intervals: f.intervals.map((i) => ({ level: i.level, lower: adjustment.reseasonalize(i.lower, n), upper: adjustment.reseasonalize(i.upper, n) })),
      };
    },
  };
}

/**
 * Wrap a non-seasonal method so it forecasts seasonal data: remove the season with
 * {@link seasonallyAdjust} (when the 90% test finds one), fit the method on the adjusted history,
 * then put the season back into the forecasts and interval bounds (the seasonal adjustment of the
 * M4 competition's benchmarks, Makridakis et al. 2020).
 * @param inner - a non-seasonal forecaster (fitted with season length 1)
 * @param id - id of the wrapped method, e.g. "sa-ets-aadn"
 * @returns the wrapped forecaster; its model name adds "seasonally adjusted" when a season was removed
 * @example seasonallyAdjustedForecaster(dampedEts, "sa-damped").fit(monthly, { seasonLength: 12 })
 */
export function seasonallyAdjustedForecaster(inner: Forecaster, id: string): Forecaster {
  return {
    id,
    minLength: () => inner.minLength(1),
    fit(history, options) {
      const adjustment = seasonallyAdjust(history, options.seasonLength);
      const model = inner.fit(adjustment.adjusted, { seasonLength: 1 });
      if (!adjustment.seasonal) return model;
      return reseasonalizedModel(model, adjustment, `${model.name} (seasonally adjusted, m=${adjustment.seasonLength})`);
    },
  };
}
