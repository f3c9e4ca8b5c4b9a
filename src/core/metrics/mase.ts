import { PlanningError } from "../errors";
import { assertComparable, sumAbsoluteError } from "./pairs";

/**
 * Mean absolute scaled error (Hyndman & Koehler 2006):
 * MASE = mean|y - f| / mean over the training data of |x_t - x_{t-m}|, with m the season length.
 * As in the M3/M4 evaluations, m falls back to 1 when the training data are not longer than m.
 * @param actual actual values over the forecast horizon
 * @param forecast forecasts for the same periods
 * @param training the history the forecast was made from
 * @param seasonLength m (1 = no season)
 * @throws PlanningError when lengths differ, the training data are too short, or their scale is 0
 * @example mase([13, 14], [12, 15], [10, 11, 12], 1) // mean error 1 / mean naive step 1 = 1
 */
export function mase(
  actual: readonly number[],
  forecast: readonly number[],
  training: readonly number[],
  seasonLength = 1,
): number {
  assertComparable(actual, forecast);
  const m = training.length > seasonLength ? seasonLength : 1;
  if (training.length < m + 1) {
    throw new PlanningError("MASE needs at least two points of history to scale the error.");
  }
  let scale = 0;
  for (let t = m; t < training.length; t++) scale += Math.abs(training[t] - training[t - m]);
  scale /= training.length - m;
  if (!(scale > 0)) {
    throw new PlanningError("MASE is undefined for a history that never changes: its naive error is 0.", "divisionByZero");
  }
  return sumAbsoluteError(actual, forecast) / actual.length / scale;
}
