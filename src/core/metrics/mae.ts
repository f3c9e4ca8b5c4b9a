import { assertComparable, sumAbsoluteError } from "./pairs";

/**
 * Mean absolute error: MAE = (1/h) * sum |y - f|.
 * @throws PlanningError when lengths differ, are empty or hold a non-number
 * @example mae([10, 20], [12, 17]) // 2.5
 */
export function mae(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  return sumAbsoluteError(actual, forecast) / actual.length;
}
