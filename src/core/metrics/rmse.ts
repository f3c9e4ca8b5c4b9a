import { assertComparable } from "./pairs";

/**
 * Root mean squared error: RMSE = sqrt((1/h) * sum (y - f)^2).
 * @throws PlanningError when lengths differ, are empty or hold a non-number
 * @example rmse([10, 20], [12, 17]) // sqrt((4 + 9) / 2) ≈ 2.55
 */
export function rmse(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += (actual[i] - forecast[i]) ** 2;
  return Math.sqrt(total / actual.length);
}
