import { PlanningError } from "../errors";
import { assertNotNegative, assertNumbers, assertSameLength } from "./checks";

/** Opening position and backlog policy for `constrainedDemand`. */
export interface ConstrainedDemandOptions {
  /** On-hand inventory at the start of the first period (default 0). */
  openingInventory?: number;
  /** Demand already owed at the start of the first period (default 0). */
  openingBacklog?: number;
  /** True (default): unserved demand is carried as backlog; false: it is lost. */
  carryBacklog?: boolean;
}

/** What supply can serve, period by period. */
export interface ConstrainedDemand {
  /** Constrained (achievable) demand = shipments: min(backlog_{t-1} + demand_t, inventory_{t-1} + supply_t). */
  constrained: number[];
  /** Part of each period's own demand served in that period (backlog is served first). */
  onTime: number[];
  /** Inventory at the end of each period. */
  inventory: number[];
  /** Demand still owed at the end of each period (0 when demand is lost). */
  backlog: number[];
  /** Demand lost in each period (0 when backlog is carried). */
  lost: number[];
  /** Projected unit fill rate: sum of on-time units / sum of demand (1 when there is no demand). */
  fillRate: number;
  /** Projected service level: share of periods with something owed in which everything owed was shipped (1 when nothing is ever owed). */
  serviceLevel: number;
}

/**
 * Constrained demand with inventory and backlog (SOP-GUIDE: "the constrained (achievable) demand is
 * min(demand, what supply can serve) after inventory"; projected inventory I_t = I_{t-1} + supply_t - demand_t
 * with backlog when negative).
 *
 * Per period: available = I_{t-1} + supply_t; owed = B_{t-1} + demand_t; shipped = min(owed, available);
 * I_t = available - shipped; B_t = owed - shipped (or 0, counted as lost, when backlog is not carried).
 * Backlog is served before new demand, so on-time_t = min(demand_t, max(0, available - B_{t-1})).
 * @param demand demand per period (units, not negative)
 * @param supply supply arriving per period (units, not negative)
 * @param options opening inventory and backlog, and whether unserved demand is carried or lost
 * @throws PlanningError when lengths differ, a value is not a number, or a quantity is negative
 * @example constrainedDemand([100, 100], [80, 130]).constrained // [80, 120]: 20 short, caught up next period
 */
export function constrainedDemand(
  demand: readonly number[],
  supply: readonly number[],
  options: ConstrainedDemandOptions = {},
): ConstrainedDemand {
  assertSameLength("demand", demand, "supply", supply);
  assertNumbers("demand", demand);
  assertNumbers("supply", supply);
  assertNotNegative("demand", demand);
  assertNotNegative("supply", supply);
  const openingInventory = options.openingInventory ?? 0;
  const openingBacklog = options.openingBacklog ?? 0;
  if (!(openingInventory >= 0) || !(openingBacklog >= 0)) {
    throw new PlanningError("Opening inventory and opening backlog must be numbers of 0 or more.");
  }
  const carry = options.carryBacklog ?? true;
  const n = demand.length;
  const result: ConstrainedDemand = {
    constrained: new Array<number>(n),
    onTime: new Array<number>(n),
    inventory: new Array<number>(n),
    backlog: new Array<number>(n),
    lost: new Array<number>(n),
    fillRate: 1,
    serviceLevel: 1,
  };
  let inventory = openingInventory;
  let backlog = openingBacklog;
  let onTimeTotal = 0;
  let demandTotal = 0;
  let periodsOwed = 0;
  let periodsServed = 0;
  for (let t = 0; t < n; t++) {
    const available = inventory + supply[t];
    const owed = backlog + demand[t];
    const shipped = Math.min(owed, available);
    const onTime = Math.min(demand[t], Math.max(0, available - backlog));
    inventory = available - shipped;
    const unserved = owed - shipped;
    backlog = carry ? unserved : 0;
    result.constrained[t] = shipped;
    result.onTime[t] = onTime;
    result.inventory[t] = inventory;
    result.backlog[t] = backlog;
    result.lost[t] = carry ? 0 : unserved;
    onTimeTotal += onTime;
    demandTotal += demand[t];
    if (owed > 0) {
      periodsOwed++;
      if (unserved === 0) periodsServed++;
    }
  }
  result.fillRate = demandTotal > 0 ? onTimeTotal / demandTotal : 1;
  result.serviceLevel = periodsOwed > 0 ? periodsServed / periodsOwed : 1;
  return result;
}
