import { PlanningError } from "../errors";
import { assertComparable, sumAbsoluteError, sumError } from "./pairs";

/** The usual alarm threshold: a tracking signal beyond +/-4 says the errors run one way (biasAlarm also asks that they matter). */
export const TRACKING_SIGNAL_LIMIT = 4;

/**
 * Tracking signal: sum(y - f) / MAD, with MAD the mean absolute deviation (1/h) * sum |y - f|.
 * Positive means actuals run above forecast (under-forecasting); beyond +/-4 the errors run one way.
 * It has no sense of size (tiny errors all one way give a large signal): biasAlarm adds that.
 * @throws PlanningError when lengths differ, are empty, hold a non-number, or every error is 0
 * @example trackingSignal([110, 120, 130], [100, 100, 100]) // 60 / 20 = 3
 */
export function trackingSignal(actual: readonly number[], forecast: readonly number[]): number {
  assertComparable(actual, forecast);
  const mad = sumAbsoluteError(actual, forecast) / actual.length;
  if (mad === 0) {
    throw new PlanningError("The tracking signal is undefined when the forecast has no error at all.", "divisionByZero");
  }
  return sumError(actual, forecast) / mad;
}
