import { PlanningError } from "../errors";
import { mae, mape, rmse, smape, wmape } from "../metrics";
import { assertSameLength } from "./checks";

/** Error measures FVA can use; every one is "lower is better". wmape is in percent here. */
export type FvaMetric = "wmape" | "mape" | "smape" | "mae" | "rmse";

/** The metrics FVA accepts, default first. */
export const FVA_METRICS: readonly FvaMetric[] = ["wmape", "mape", "smape", "mae", "rmse"];

/** One step of the forecasting process and its forecast, in process order. */
export interface ForecastStep {
  name: string;
  forecast: readonly number[];
}

/** Error and value added of one step. */
export interface FvaRow {
  step: string;
  /** Error of this step's forecast against the actuals, in the chosen metric. */
  error: number;
  /** error(naive) - error(step): positive = better than naive, negative = worse. 0 for the naive step. */
  vsNaive: number;
  /** error(previous step) - error(step): what this step alone added (0 for the naive step). */
  vsPrevious: number;
}

/**
 * Forecast value added (SOP-GUIDE: "error of the naive forecast minus error of each later step
 * (statistical, then each override), so that a step that makes the forecast worse is visible").
 * Error metrics come from src/core/metrics; WMAPE (the default, the usual business figure) is shown in
 * percent so that FVA reads in percentage points for wmape, mape and smape.
 * @param actual what happened
 * @param steps forecasts in process order; the first is the naive forecast
 * @param metric wmape (default), mape, smape, mae or rmse
 * @throws PlanningError with fewer than two steps, lengths that differ, an unknown metric, or when the
 *   metric is undefined for the actuals (e.g. all 0)
 * @example forecastValueAdded([100, 100], [{ name: "naive", forecast: [80, 80] }, { name: "statistical", forecast: [90, 110] }])
 *   // rows: naive error 20, statistical error 10 -> FVA +10 points
 */
export function forecastValueAdded(
  actual: readonly number[],
  steps: readonly ForecastStep[],
  metric: FvaMetric = "wmape",
): FvaRow[] {
  if (steps.length < 2) {
    throw new PlanningError("Forecast value added needs the naive forecast and at least one later step to compare.");
  }
  const measure = errorOf(metric);
  const errors = steps.map((s) => {
    assertSameLength("actuals", actual, `the ${s.name} forecast`, s.forecast);
    return measure(actual, s.forecast);
  });
  return steps.map((s, i) => ({
    step: s.name,
    error: errors[i],
    vsNaive: errors[0] - errors[i],
    vsPrevious: i === 0 ? 0 : errors[i - 1] - errors[i],
  }));
}

function errorOf(metric: FvaMetric): (actual: readonly number[], forecast: readonly number[]) => number {
  switch (metric) {
    case "wmape":
      return (a, f) => 100 * wmape(a, f);
    case "mape":
      return mape;
    case "smape":
      return smape;
    case "mae":
      return mae;
    case "rmse":
      return rmse;
    default:
      throw new PlanningError(`Unknown error metric "${String(metric)}": use one of ${FVA_METRICS.join(", ")}.`);
  }
}
