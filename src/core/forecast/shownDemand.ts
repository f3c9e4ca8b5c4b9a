import { roundCents } from "../roundCents";

/**
 * A demand forecast (or interval bound) as the planning sheets hold it: never below 0, since demand is
 * not negative, and rounded to the cent. Step 2's SOP Forecast and =SOP.FORECAST both spill these
 * values, so a formula and the pane give one answer per item.
 * @param values forecasts or bounds per period
 * @returns max(0, v) rounded to two decimals, per period
 * @example shownDemand([-3.2, 289.804]) // [0, 289.8]
 */
export function shownDemand(values: readonly number[]): number[] {
  return values.map((v) => roundCents(Math.max(0, v)));
}
