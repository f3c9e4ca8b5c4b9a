/**
 * The SOP custom functions of Excel. Each is a thin adapter: it reads Excel ranges into plain
 * arrays (refusing text, error values and ranges of the wrong shape with a message a planner
 * understands), calls the planning engine in src/core, and spills the result in the orientation of
 * its main input. functions.json is generated from the JSDoc below by custom-functions-metadata.
 */
import { PlanningError } from "../core/errors";
import { bias, mae, mape, mase, rmse, smape, trackingSignal, wmape } from "../core/metrics";
import { GAP_MODES, periodGap } from "../core/reconcile/gap";
import { excelErrorValue, asExcelResult } from "./excelError";
import { assertSameLength, readChoice, readNumbers, ResultCell, spill } from "./excelArguments";

/**
 * Supply minus demand for each period, in units, in percent of demand, as a running (cumulative)
 * total, or in money (revenue at risk when negative). Spills one value per period, in the orientation
 * of demand.
 * @customfunction GAP
 * @param demand Demand per period: one row or one column of numbers.
 * @param supply Supply available per period, same number of periods as demand.
 * @param [mode] "units" (default), "percent" of demand, "cumulative" units, or "revenue" (needs price).
 * @param [price] Price per unit: one cell, or one per period (for mode "revenue").
 * @param [blanksAsZero] TRUE to read blank cells as 0; by default a blank is an error.
 * @returns The gap per period.
 */
export function gap(demand: unknown[][], supply: unknown[][], mode?: string, price?: unknown[][], blanksAsZero?: boolean): ResultCell[][] {
  return asExcelResult(() => {
    const demandSeries = readNumbers(demand, "demand", blanksAsZero === true);
    const supplySeries = readNumbers(supply, "supply", blanksAsZero === true);
    assertSameLength({ demand: demandSeries, supply: supplySeries });
    const chosen = readChoice(mode, "mode", GAP_MODES, "units");
    const prices = price === undefined || price === null ? undefined : readNumbers(price, "price").values;
    const gaps = periodGap(demandSeries.values, supplySeries.values, chosen, prices && prices.length === 1 ? prices[0] : prices);
    const zeroDemand = excelErrorValue("divisionByZero", "Demand is 0 in this period, so a percentage of it does not exist.");
    return spill([gaps], demandSeries.orientation, zeroDemand);
  });
}

const ACCURACY_METRICS = ["smape", "mase", "mape", "wmape", "rmse", "mae", "bias", "tracking"] as const;

/**
 * Forecast accuracy of forecasts against actuals: sMAPE (default), MASE, MAPE, WMAPE, RMSE, MAE,
 * bias or tracking signal, as defined in the S&OP guide.
 * @customfunction ACCURACY
 * @param actual Actual values per period: one row or one column.
 * @param forecast Forecasts for the same periods.
 * @param [metric] "smape" (default), "mase", "mape", "wmape", "rmse", "mae", "bias" or "tracking".
 * @param [history] The history the forecast was made from (needed for MASE).
 * @param [seasonLength] Season length for MASE (1 = none; 12 for monthly data with a yearly season).
 * @returns The accuracy figure.
 */
export function accuracy(actual: unknown[][], forecast: unknown[][], metric?: string, history?: unknown[][], seasonLength?: number): number {
  return asExcelResult(() => {
    const actualSeries = readNumbers(actual, "actual");
    const forecastSeries = readNumbers(forecast, "forecast");
    assertSameLength({ actual: actualSeries, forecast: forecastSeries });
    const y = actualSeries.values;
    const f = forecastSeries.values;
    const chosen = readChoice(metric, "metric", ACCURACY_METRICS, "smape");
    switch (chosen) {
      case "mase": {
        if (history === undefined || history === null) {
          throw new PlanningError("MASE needs the history the forecast was made from: give it as the 4th argument.");
        }
        return mase(y, f, readNumbers(history, "history").values, seasonLength ?? 1);
      }
      case "smape":
        return smape(y, f);
      case "mape":
        return mape(y, f);
      case "wmape":
        return wmape(y, f);
      case "rmse":
        return rmse(y, f);
      case "mae":
        return mae(y, f);
      case "bias":
        return bias(y, f);
      case "tracking":
        return trackingSignal(y, f);
    }
  });
}
