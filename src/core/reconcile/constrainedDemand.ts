import { fillRate, onTimeUnits } from "../supply/evaluatePlan";
import { projectedInventory } from "../supply/projectedInventory";

/** Opening position and backlog policy for `constrainedDemand`. */
export interface ConstrainedDemandOptions {
  /** On-hand inventory at the start of the first period (default 0). */
  openingInventory?: number;
  /** Demand already owed at the start of the first period, when backlog is carried (default 0). */
  openingBacklog?: number;
  /** True (default): unserved demand is carried as backlog; false: it is lost. */
  carryBacklog?: boolean;
}

/** What supply can serve, period by period. */
export interface ConstrainedDemand {
  /** Constrained (achievable) demand = shipments: min(backlog_{t-1} + demand_t, inventory_{t-1} + supply_t). */
  constrained: number[];
  /** Part of each period's own demand shipped in that period (backlog is served first). */
  onTime: number[];
  /** Inventory at the end of each period. */
  inventory: number[];
  /** Demand still owed at the end of each period (0 when demand is lost). */
  backlog: number[];
  /** Demand lost in each period (0 when backlog is carried). */
  lost: number[];
  /** Projected unit fill rate: sum of on-time units / sum of demand (1 when there is no demand). */
  fillRate: number;
  /** Projected service level: share of the periods with something owed in which everything owed was shipped (1 when nothing is ever owed). */
  serviceLevel: number;
}

/**
 * Constrained demand with inventory and backlog (SOP-GUIDE: "the constrained (achievable) demand is
 * min(demand, what supply can serve) after inventory"), on top of the projected inventory
 * I_t = I_{t-1} + supply_t - demand_t of src/core/supply/projectedInventory.
 *
 * Shipped_t = min(B_{t-1} + demand_t, I_{t-1} + supply_t). Backlog is served before new demand, so
 * on-time_t = shipped_t - min(shipped_t, B_{t-1}). Fill rate = sum on-time / sum demand; service level =
 * share of periods, among those with something owed, that end with nothing unserved.
 * @param demand demand per period (units, 0 or more)
 * @param supply supply arriving per period (units, 0 or more)
 * @param options opening inventory and backlog, and whether unserved demand is carried or lost
 * @throws PlanningError when lengths differ, a value is not a number, or a quantity is negative
 * @example constrainedDemand([100, 100], [80, 130]).constrained // [80, 120]: 20 short, caught up next period
 */
export function constrainedDemand(
  demand: readonly number[],
  supply: readonly number[],
  options: ConstrainedDemandOptions = {},
): ConstrainedDemand {
  const carry = options.carryBacklog ?? true;
  const projection = projectedInventory(options.openingInventory ?? 0, supply, demand, {
    mode: carry ? "backlog" : "lost",
    openingBacklog: options.openingBacklog,
  });
  const openingBacklog = carry ? (options.openingBacklog ?? 0) : 0;
  const onTime = onTimeUnits(demand, projection.backlog, projection.lost, openingBacklog);
  let periodsOwed = 0;
  let periodsServed = 0;
  demand.forEach((d, t) => {
    if ((t === 0 ? openingBacklog : projection.backlog[t - 1]) + d > 0) {
      periodsOwed++;
      if (projection.backlog[t] === 0 && projection.lost[t] === 0) periodsServed++;
    }
  });
  const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  return {
    constrained: projection.served,
    onTime,
    inventory: projection.inventory,
    backlog: projection.backlog,
    lost: projection.lost,
    fillRate: fillRate(sum(onTime), sum(demand)),
    serviceLevel: periodsOwed > 0 ? periodsServed / periodsOwed : 1,
  };
}
