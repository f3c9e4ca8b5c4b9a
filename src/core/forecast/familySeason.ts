import { PlanningError } from "../errors";
import { classicalDecomposition } from "./decomposition";
import { SEASONALITY_Z, stableSeasonalityZ } from "./seasonality";

/** The season of a family of items, measured on the family total. */
export interface FamilySeason {
  seasonLength: number;
  /**
   * Multiplicative seasonal index by position in the cycle, position 0 = the first period of the
   * histories the season was measured on; the indices average 1.
   */
  indices: number[];
  /** Stable-seasonality z of the family total (above {@link SEASONALITY_Z}). */
  statistic: number;
}

/**
 * Group seasonal indices (Dalhart 1974; Withycombe 1989; Chen & Boylan 2007): the season of a family,
 * tested and estimated on the family total, where the items' noise cancels, so that items too noisy to
 * show the season on their own can borrow it.
 *
 * The total of the items, period by period, is tested with the stable-seasonality F test of X-11
 * ({@link stableSeasonalityZ}, significant above z = {@link SEASONALITY_Z}, as season detection), which
 * finds a smooth annual season in three years of data where the autocorrelation test of the Theta
 * method cannot; when seasonal, the indices are the figure of classical multiplicative decomposition
 * of the total ({@link classicalDecomposition}).
 * @param histories - one history per item of the family, all over the same periods (no blanks)
 * @param seasonLength - season length m (1 = none)
 * @returns the family's season; undefined when the family has fewer than 2 items, the histories cover
 *   no more than 2 full seasons, the total is not seasonal by the test, or the total has a zero or
 *   negative period (multiplicative indices need a positive total)
 * @throws PlanningError when the histories cover different numbers of periods
 * @example familySeason([[8, 12, 10, 8, 12, 10, 8, 12, 10], [4, 6, 5, 4, 6, 5, 4, 6, 5]], 3)?.indices // [0.8, 1.2, 1]
 */
export function familySeason(histories: readonly (readonly number[])[], seasonLength: number): FamilySeason | undefined {
  if (histories.length < 2) return undefined;
  const n = histories[0].length;
  if (histories.some((history) => history.length !== n)) {
    throw new PlanningError("The items of a family must cover the same periods to share a season.");
  }
  if (seasonLength <= 1 || n <= 2 * seasonLength) return undefined;
  const total = Array.from({ length: n }, (_, t) => histories.reduce((sum, history) => sum + history[t], 0));
  if (!total.every((v) => v > 0)) return undefined;
  const statistic = stableSeasonalityZ(total, seasonLength);
  if (!(statistic > SEASONALITY_Z)) return undefined;
  return { seasonLength, indices: classicalDecomposition(total, seasonLength, "multiplicative").figure, statistic };
}

/**
 * The family season of every item: items are grouped by their family label and {@link familySeason}
 * is measured once per family. An item without a family (blank label) has none.
 * @param families - family label of each item ("" = none)
 * @param histories - history of each item, all over the same periods
 * @param seasonLength - season length m (1 = none)
 * @returns for each item, its family's season or undefined
 * @throws PlanningError as familySeason
 * @example itemFamilySeasons(["Chairs", "Chairs", ""], [a, b, c], 12)[2] // undefined
 */
export function itemFamilySeasons(families: readonly string[], histories: readonly (readonly number[])[], seasonLength: number): (FamilySeason | undefined)[] {
  const members = new Map<string, number[]>();
  families.forEach((family, i) => {
    if (family.trim() === "") return;
    const items = members.get(family);
    if (items) items.push(i);
    else members.set(family, [i]);
  });
  const seasons = new Map<string, FamilySeason | undefined>();
  for (const [family, items] of members) seasons.set(family, familySeason(items.map((i) => histories[i]), seasonLength));
  return families.map((family) => seasons.get(family));
}

/**
 * A family season given as its seasonal indices (e.g. written into =SOP.FORECAST by step 2), for
 * forecasting an item with the season its family's total showed when the indices were measured.
 * @param indices - multiplicative index per position in the cycle, position 0 = the first period of the
 *   item's history; one per period of the season (2 or more)
 * @returns the season, its statistic NaN (the test was made where the indices were measured)
 * @throws PlanningError when there are fewer than 2 indices or one is not a positive number
 * @example familySeasonFromIndices([0.8, 1.2, 1]).seasonLength // 3
 */
export function familySeasonFromIndices(indices: readonly number[]): FamilySeason {
  if (indices.length < 2) {
    throw new PlanningError(`The family's season needs one seasonal index per period of the season (2 or more); got ${indices.length}.`);
  }
  const bad = indices.findIndex((index) => !(Number.isFinite(index) && index > 0));
  if (bad >= 0) {
    throw new PlanningError(`Seasonal index ${bad + 1} of the family's season is ${String(indices[bad])}: every index must be a positive number (1 = an average period).`);
  }
  return { seasonLength: indices.length, indices: [...indices], statistic: Number.NaN };
}
