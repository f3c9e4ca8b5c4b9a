import { PlanningError } from "../errors";

/**
 * Check that actuals and forecasts can be compared point by point: same length, at least one point,
 * every value a finite number.
 * @throws PlanningError naming both lengths, or the first position that is not a number.
 */
export function assertComparable(actual: readonly number[], forecast: readonly number[]): void {
  if (actual.length !== forecast.length) {
    throw new PlanningError(
      `Actuals have ${actual.length} values but forecasts have ${forecast.length}: give both for the same periods.`,
    );
  }
  if (actual.length === 0) {
    throw new PlanningError("There are no periods to compare: give at least one actual and one forecast.");
  }
  const bad = actual.findIndex((v, i) => !Number.isFinite(v) || !Number.isFinite(forecast[i]));
  if (bad >= 0) {
    throw new PlanningError(`Period ${bad + 1} has no number in actuals or forecasts: fill it or leave it out.`);
  }
}

/** Sum of |actual - forecast| over all periods. */
export function sumAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += Math.abs(actual[i] - forecast[i]);
  return total;
}

/** Sum of actual - forecast over all periods (positive when actuals run above the forecast). */
export function sumError(actual: readonly number[], forecast: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < actual.length; i++) total += actual[i] - forecast[i];
  return total;
}
