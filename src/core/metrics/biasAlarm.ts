import { assertComparable, sumError } from "./pairs";
import { TRACKING_SIGNAL_LIMIT, trackingSignal } from "./trackingSignal";

/** Smallest average miss per period, in units, a bias alarm needs: rounding a plan to whole units alone misses by up to half a unit. */
export const MIN_BIAS_UNITS = 1;

/** Smallest bias, as a share of actual demand, a bias alarm needs. */
export const MIN_BIAS_SHARE = 0.02;

/**
 * Should the forecast raise a bias alarm? Only when it errs persistently one way by an amount that
 * matters, which takes both:
 * - |tracking signal| = |sum(y - f)| / MAD > 4 (TRACKING_SIGNAL_LIMIT): the errors run one way;
 * - a material bias: the average error |sum(y - f)| / h is at least 1 unit (MIN_BIAS_UNITS) and at
 *   least 2% of the average actual |sum(y)| / h (MIN_BIAS_SHARE).
 * The tracking signal alone has no sense of size: a plan of 99.6 a month against actuals of 100 has a
 * tracking signal of h, so 5 months of whole-unit rounding would ring it.
 * @param actual - actual demand per period
 * @param forecast - planned or forecast demand for the same periods
 * @returns true when the alarm should be raised (false for a forecast without any error)
 * @throws PlanningError when lengths differ, are empty or hold a non-number
 * @example biasAlarm([110, 110, 110, 110, 110], [100, 100, 100, 100, 100]) // true: tracking signal 5, 10 units (10%) a month
 * @example biasAlarm([100, 100, 100, 100, 100], [99.6, 99.6, 99.6, 99.6, 99.6]) // false: tracking signal 5, but 0.4 units a month
 */
export function biasAlarm(actual: readonly number[], forecast: readonly number[]): boolean {
  assertComparable(actual, forecast);
  const error = Math.abs(sumError(actual, forecast));
  const volume = Math.abs(actual.reduce((sum, v) => sum + v, 0));
  const material = error >= MIN_BIAS_UNITS * actual.length && error >= MIN_BIAS_SHARE * volume;
  return material && Math.abs(trackingSignal(actual, forecast)) > TRACKING_SIGNAL_LIMIT;
}
