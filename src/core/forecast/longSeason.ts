import { MAX_ETS_SEASON } from "./ets/select";
import type { Forecaster } from "./model";
import { reseasonalizedModel } from "./seasonalAdjustment";
import type { SeasonalAdjustment } from "./seasonalAdjustment";
import { MSTL_SEASONAL_WINDOW, stl } from "./stl";

/**
 * Remove an STL season from a history, as R's seasadj(mstl(y)) with one season (s.window 11): the
 * adjusted history is y less its STL seasonal component, and the future takes the last cycle's
 * seasonal values again and again (R's forecast.stl).
 * @param y - observations, more than two full cycles
 * @param m - season length (at least 2)
 * @returns the additive adjustment and the way back
 * @example stlAdjustment(weeklySales, 52).reseasonalize(adjustedForecast, weeklySales.length)
 */
export function stlAdjustment(y: readonly number[], m: number): SeasonalAdjustment {
  const { seasonal } = stl(Float64Array.from(y), m, MSTL_SEASONAL_WINDOW);
  const n = y.length;
  const index = (t: number): number => (t < n ? seasonal[t] : seasonal[n - m + ((t - n) % m)]);
  return {
    seasonal: true,
    type: "additive",
    seasonLength: m,
    adjusted: y.map((v, t) => v - seasonal[t]),
    index,
    reseasonalize: (values, start) => values.map((v, i) => v + index(start + i)),
  };
}

/**
 * A forecaster that keeps seasons too long for its own seasonal forms, as R's stlf() does for ETS
 * (R's ets() ignores a season longer than 24 and its warning says "Try stlf()"): with a season
 * length above {@link MAX_ETS_SEASON} (52 weeks, 13 four-week periods are not: 13 <= 24), more than two
 * full cycles of history and `showsSeason` true, the STL season is removed ({@link stlAdjustment}),
 * the base forecaster fits the adjusted history without a season, and its fitted values, forecasts
 * and interval bounds get the season back ("STL + ETS(A,A,N)"). Otherwise the base forecaster fits the
 * history as it is.
 * @param base - the forecaster (automatic ETS)
 * @param showsSeason - whether a history shows its season (the test automatic mode's design uses)
 * @returns the forecaster, with the base's id
 * @example longSeasonForecaster(etsForecaster, showsSeason).fit(weeklySales, { seasonLength: 52 }).name // "STL + ETS(A,N,N)"
 */
export function longSeasonForecaster(base: Forecaster, showsSeason: (history: readonly number[], m: number) => boolean): Forecaster {
  return {
    id: base.id,
    minLength: base.minLength,
    fit(history, options) {
      const m = options.seasonLength;
      if (m <= MAX_ETS_SEASON || history.length <= 2 * m || !showsSeason(history, m)) return base.fit(history, options);
      const adjustment = stlAdjustment(history, m);
      const model = base.fit(adjustment.adjusted, { ...options, seasonLength: 1 });
      return reseasonalizedModel(model, adjustment, `STL + ${model.name}`);
    },
  };
}
