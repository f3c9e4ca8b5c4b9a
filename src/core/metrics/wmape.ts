import { PlanningError } from "../errors";
import { assertComparable, sumAbsoluteError } from "./pairs";

/**
 * Weighted MAPE, as a fraction: WMAPE = sum |y - f| / sum |y| (forecast accuracy = 1 - WMAPE).
 * @throws PlanningError when lengths differ, are empty, hold a non-number, or all actuals are 0
 * @example wmape([100, 300], [110, 270]) // (10 + 30) / 400 = 0.1
 */
export function wmape(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  const scale = actual.reduce((s, v) => s + Math.abs(v), 0);
  if (scale === 0) {
    throw new PlanningError("WMAPE is undefined when all actuals are 0: there is no volume to weigh errors by.", "divisionByZero");
  }
  return sumAbsoluteError(actual, forecast) / scale;
}
