import { PlanningError } from "../errors";
import { assertNotNegative, assertNumbers } from "./checks";

/**
 * Split a total over items in proportion to weights, rounded to `decimals` by the largest-remainder
 * (Hamilton) method, so that the parts always add back to the total rounded to `decimals`.
 *
 * With T = total in units of 10^-decimals and W = sum of weights: each part gets floor(T * w_i / W);
 * the units left over go one each to the parts with the largest fractional remainders (ties: larger
 * weight first, then list order). A negative total is split the same way and keeps its sign.
 * @param total the number to split (e.g. a family forecast)
 * @param weights one weight per item, 0 or more, not all 0 (history shares, forecast mix, ...)
 * @param decimals decimals to round to: 0 = whole units (default), 2 = cents
 * @throws PlanningError when the total or a weight is not a number, a weight is negative, all weights
 *   are 0, there are no weights, or decimals is not a whole number from 0 to 10
 * @example disaggregate(100, [1, 1, 1]) // [34, 33, 33]
 * @example disaggregate(10, [1, 1, 1], 2) // [3.34, 3.33, 3.33]
 */
export function disaggregate(total: number, weights: readonly number[], decimals = 0): number[] {
  if (!Number.isFinite(total)) throw new PlanningError("The total to split is not a number.");
  if (weights.length === 0) throw new PlanningError("There are no weights to split the total by: give one weight per item.");
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new PlanningError(`Decimals must be a whole number from 0 to 10, not ${decimals}.`);
  }
  assertNumbers("weights", weights);
  assertNotNegative("weights", weights);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) {
    throw new PlanningError("All weights are 0, so there is nothing to split the total by: give at least one item a weight.");
  }
  const scale = 10 ** decimals;
  const units = Math.round(Math.abs(total) * scale);
  const exact = weights.map((w) => (units * w) / weightSum);
  const parts = exact.map((e) => Math.floor(e + 1e-9));
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((e, i) => ({ i, remainder: e - parts[i] }))
    .sort((a, b) => b.remainder - a.remainder || weights[b.i] - weights[a.i] || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]++;
    left--;
  }
  const sign = total < 0 ? -1 : 1;
  return parts.map((p) => (p === 0 ? 0 : (sign * p) / scale));
}

/**
 * Split a total per period over items: the same weights every period (e.g. shares of history) or one
 * weight column per period (e.g. the items' forecast mix of that period), rounded as in `disaggregate`.
 * @param totals one total per period
 * @param weights one weight per item, or items x periods weights
 * @param decimals 0 = whole units (default), 2 = cents
 * @returns items x periods
 * @throws PlanningError as `disaggregate`, or when per-period weights do not cover every period
 * @example disaggregateSeries([10, 20], [1, 3]) // [[2, 5], [8, 15]]: 2.5/7.5 tie, the larger weight gets the unit
 */
export function disaggregateSeries(
  totals: readonly number[],
  weights: readonly number[] | readonly (readonly number[])[],
  decimals = 0,
): number[][] {
  const perPeriod = weights.length > 0 && Array.isArray(weights[0]);
  const matrix = weights as readonly (readonly number[])[];
  if (perPeriod) {
    const short = matrix.findIndex((row) => row.length !== totals.length);
    if (short >= 0) {
      throw new PlanningError(
        `Weights of item ${short + 1} cover ${matrix[short].length} periods but there are ${totals.length} totals: give one weight per period.`,
      );
    }
  }
  const columns = totals.map((total, t) =>
    disaggregate(total, perPeriod ? matrix.map((row) => row[t]) : (weights as readonly number[]), decimals),
  );
  const items = columns[0]?.length ?? (perPeriod ? matrix.length : weights.length);
  return Array.from({ length: items }, (_, i) => columns.map((column) => column[i]));
}
