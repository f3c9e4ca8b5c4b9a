import { PlanningError } from "../errors";
import { assertNumbers, assertSameLength, perPeriod } from "./checks";

/** How a period gap is expressed: units, percent of demand, running total of units, or money at price. */
export type GapMode = "units" | "percent" | "cumulative" | "revenue";

/** The modes =SOP.GAP accepts, in the order the documentation lists them. */
export const GAP_MODES: readonly GapMode[] = ["units", "percent", "cumulative", "revenue"];

/**
 * Demand/supply gap per period (SOP-GUIDE "Demand/supply gap per period"), the calculation behind =SOP.GAP.
 *
 * - units: gap_t = supply_t - demand_t (negative = shortfall, positive = surplus)
 * - percent: 100 * gap_t / demand_t, in percent of demand. Where demand is 0: 0 when supply is also 0
 *   (nothing asked, nothing missing), NaN when supply is not 0 (a share of nothing is undefined; the
 *   Excel adapter shows #DIV/0! in that cell)
 * - cumulative: running sum of the unit gaps, gap_1 + ... + gap_t (the net position if nothing is lost)
 * - revenue: gap_t * price_t, in money; negative values are revenue at risk, positive values the sales
 *   value of surplus supply
 *
 * Each period stands alone: inventory carried between periods is not counted (use `constrainedDemand`
 * for that).
 * @param demand demand per period (units)
 * @param supply supply available per period (units), same periods as demand
 * @param mode units (default), percent, cumulative or revenue
 * @param price price per unit, one for all periods or one per period; required for revenue
 * @returns one gap per period
 * @throws PlanningError when lengths differ, a value is not a number, the mode is unknown, or revenue has no price
 * @example periodGap([100, 100], [90, 120], "percent") // [-10, 20]
 */
export function periodGap(
  demand: readonly number[],
  supply: readonly number[],
  mode: GapMode = "units",
  price?: number | readonly number[],
): number[] {
  assertSameLength("demand", demand, "supply", supply);
  assertNumbers("demand", demand);
  assertNumbers("supply", supply);
  const gaps = demand.map((d, t) => supply[t] - d);
  switch (mode) {
    case "units":
      return gaps;
    case "percent":
      return gaps.map((g, t) => (demand[t] === 0 ? (g === 0 ? 0 : Number.NaN) : (100 * g) / demand[t]));
    case "cumulative": {
      let running = 0;
      return gaps.map((g) => (running += g));
    }
    case "revenue": {
      if (price === undefined) {
        throw new PlanningError("The revenue gap needs a price: give one price, or one per period.");
      }
      const prices = perPeriod("price", price, gaps.length);
      return gaps.map((g, t) => g * prices[t]);
    }
    default:
      throw new PlanningError(`Unknown gap mode "${String(mode)}": use one of ${GAP_MODES.join(", ")}.`);
  }
}
