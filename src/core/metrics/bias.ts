import { PlanningError } from "../errors";
import { assertComparable } from "./pairs";

/**
 * Forecast bias, as a fraction of actual volume: Bias = sum(f - y) / sum(y).
 * Positive means over-forecasting.
 * @throws PlanningError when lengths differ, are empty, hold a non-number, or actuals sum to 0
 * @example bias([100, 100], [110, 120]) // 30 / 200 = 0.15
 */
export function bias(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  let error = 0;
  let volume = 0;
  for (let i = 0; i < actual.length; i++) {
    error += forecast[i] - actual[i];
    volume += actual[i];
  }
  if (volume === 0) {
    throw new PlanningError("Bias is undefined when actuals add up to 0.", "divisionByZero");
  }
  return error / volume;
}
