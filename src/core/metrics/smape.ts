import { assertComparable } from "./pairs";

/**
 * Symmetric mean absolute percentage error, in percent (M4 definition):
 * sMAPE = (1/h) * sum 200 * |y - f| / (|y| + |f|), where a period with y = f = 0 counts as 0.
 * @param actual actual values y
 * @param forecast forecasts f for the same periods
 * @returns sMAPE between 0 and 200
 * @throws PlanningError when lengths differ, are empty or hold a non-number
 * @example smape([100, 200], [110, 180]) // 100 * (10/210 + 20/380) ≈ 10.025
 */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (denominator > 0) total += (200 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return total / actual.length;
}
