import { PlanningError } from "../errors";
import { assertComparable } from "./pairs";

/**
 * Mean absolute percentage error, in percent: MAPE = (100/h) * sum |y - f| / |y|.
 * Periods with an actual of 0 have no percentage error; they are left out, and when every actual is 0
 * MAPE is undefined (use WMAPE or MASE for such items).
 * @throws PlanningError when lengths differ, are empty, hold a non-number, or every actual is 0
 * @example mape([100, 200], [110, 180]) // (10% + 10%) / 2 = 10
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  let total = 0;
  let counted = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) continue;
    total += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
    counted++;
  }
  if (counted === 0) {
    throw new PlanningError("MAPE is undefined when every actual is 0: use WMAPE or MASE for this item.", "divisionByZero");
  }
  return (100 * total) / counted;
}
