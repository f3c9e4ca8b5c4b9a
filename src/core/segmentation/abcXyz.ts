import { PlanningError } from "../errors";

/** Cut-offs of the ABC-XYZ segmentation. */
export interface AbcXyzOptions {
  /** Cumulative value shares closing classes A and B (default [0.8, 0.95]). */
  abcCutoffs?: readonly [number, number];
  /** Coefficients of variation closing classes X and Y (default [0.5, 1.0]). */
  xyzCutoffs?: readonly [number, number];
}

/** Segment of one item. */
export interface AbcXyzClass {
  abc: "A" | "B" | "C";
  xyz: "X" | "Y" | "Z";
  /** The two letters together, e.g. "AX". */
  segment: string;
  /** The value ranked: sum of history x unit value (or sum of history when no unit values are given). */
  value: number;
  /** value / total value. */
  share: number;
  /** Cumulative share of all items ranked before it and itself. */
  cumulativeShare: number;
  /** Coefficient of variation: population standard deviation / mean of the history (Infinity when the mean is 0). */
  cv: number;
}

export const DEFAULT_ABC_CUTOFFS: readonly [number, number] = [0.8, 0.95];
export const DEFAULT_XYZ_CUTOFFS: readonly [number, number] = [0.5, 1.0];

/**
 * ABC-XYZ segmentation of items (Pareto analysis by value; variability by coefficient of variation).
 *
 * ABC: items are ranked by value, highest first (ties keep input order). An item is A when the
 * cumulative share of the items ranked before it is below the A cut-off (0.8), B when below the B
 * cut-off (0.95), C otherwise; so the item that crosses a cut-off joins the higher class, and the top
 * item is always A. Items of value 0 are C.
 * XYZ: cv = sqrt((1/n) sum (x - mean)^2) / mean over the item's history (the population standard
 * deviation, as Excel's STDEV.P); X when cv <= 0.5, Y when cv <= 1.0, Z otherwise (also when the mean is 0).
 * The calculation behind =SOP.ABCXYZ.
 * @param history items x periods of demand (units, 0 or more)
 * @param unitValues optional value per unit of each item (price or cost); value = sum of history x unit value
 * @param options cut-offs, each pair increasing
 * @throws PlanningError when there are no items or periods, rows differ in length, a value is not a
 *   number or is negative, unit values do not match the items, every item's value is 0, or cut-offs are
 *   out of order
 * @example abcXyz([[90, 110], [10, 0]]) // [{ segment: "AX", ... }, { segment: "CY", ... }]: 200 of 210 is A; cv 0.1 and 1.0
 */
export function abcXyz(
  history: readonly (readonly number[])[],
  unitValues?: readonly number[],
  options: AbcXyzOptions = {},
): AbcXyzClass[] {
  const [a, b] = options.abcCutoffs ?? DEFAULT_ABC_CUTOFFS;
  const [x, y] = options.xyzCutoffs ?? DEFAULT_XYZ_CUTOFFS;
  if (!(0 < a && a < b && b <= 1)) {
    throw new PlanningError(`ABC cut-offs must be shares with 0 < A < B <= 1, not ${a} and ${b}.`);
  }
  if (!(0 < x && x < y)) throw new PlanningError(`XYZ cut-offs must satisfy 0 < X < Y, not ${x} and ${y}.`);
  checkHistory(history, unitValues);
  const values = history.map((row, i) => row.reduce((s, v) => s + v, 0) * (unitValues?.[i] ?? 1));
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) throw new PlanningError("Every item has a value of 0, so there is nothing to rank: check the history.");
  const order = values.map((_, i) => i).sort((p, q) => values[q] - values[p] || p - q);
  const result = new Array<AbcXyzClass>(history.length);
  let valueBefore = 0;
  for (const i of order) {
    const before = valueBefore / total;
    const abc = values[i] === 0 ? "C" : before < a ? "A" : before < b ? "B" : "C";
    valueBefore += values[i];
    const cv = variation(history[i]);
    const xyz = cv <= x ? "X" : cv <= y ? "Y" : "Z";
    const share = values[i] / total;
    result[i] = { abc, xyz, segment: abc + xyz, value: values[i], share, cumulativeShare: valueBefore / total, cv };
  }
  return result;
}

function variation(row: readonly number[]): number {
  const mean = row.reduce((s, v) => s + v, 0) / row.length;
  if (mean === 0) return Number.POSITIVE_INFINITY;
  const variance = row.reduce((s, v) => s + (v - mean) ** 2, 0) / row.length;
  return Math.sqrt(variance) / mean;
}

function checkHistory(history: readonly (readonly number[])[], unitValues?: readonly number[]): void {
  if (history.length === 0 || history[0].length === 0) {
    throw new PlanningError("ABC-XYZ needs a history of at least one item and one period.");
  }
  history.forEach((row, i) => {
    if (row.length !== history[0].length) {
      throw new PlanningError(`Item ${i + 1} has ${row.length} periods of history but item 1 has ${history[0].length}: give all items the same periods.`);
    }
    const bad = row.findIndex((v) => typeof v !== "number" || !(v >= 0) || !Number.isFinite(v));
    if (bad >= 0) {
      throw new PlanningError(`Item ${i + 1}, period ${bad + 1} must be a quantity of 0 or more, not ${String(row[bad])}.`);
    }
  });
  if (unitValues !== undefined) {
    if (unitValues.length !== history.length) {
      throw new PlanningError(`There are ${unitValues.length} unit values for ${history.length} items: give one per item.`);
    }
    const bad = unitValues.findIndex((v) => typeof v !== "number" || !(v >= 0) || !Number.isFinite(v));
    if (bad >= 0) throw new PlanningError(`The unit value of item ${bad + 1} must be 0 or more, not ${String(unitValues[bad])}.`);
  }
}
