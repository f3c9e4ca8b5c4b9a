/**
 * A one-item supply plan from worksheet ranges (=SOP.SUPPLYPLAN): demand and capacity in units per
 * period, costs per unit, planned with the same engine as a full model (one item, one resource of one
 * hour per unit).
 */

import { PlanningError } from "../errors";
import type { SupplyPlan, SupplyStrategy } from "./plan";
import { chasePlan, levelPlan } from "./strategies";
import { optimizeSupply } from "./optimizeSupply";
import { validateSupplyModel } from "./validateSupplyModel";

/** Costs per unit (holding and backlog per unit per period). */
export interface SingleItemCosts {
  regular: number;
  overtime: number;
  /** Omit (or NaN) when the item cannot be subcontracted. */
  subcontract?: number;
  holding: number;
  /** Omit when backlog is not allowed. */
  backlog?: number;
  /** Omit when demand may not be lost. */
  lostSales?: number;
}

/** Optional settings; per-period values may be one number or one per period. */
export interface SingleItemOptions {
  openingInventory?: number;
  openingBacklog?: number;
  /** Units that overtime can add per period (default 0). */
  overtimeCapacity?: number | number[];
  /** Units that can be subcontracted per period (default no limit). */
  subcontractCapacity?: number | number[];
  safetyStock?: number | number[];
  endInventory?: number;
  /** "optimal" (default), "chase" or "level". */
  strategy?: SupplyStrategy;
  timeLimitSeconds?: number;
}

/** One period of the plan. */
export interface SingleItemRow {
  period: number;
  demand: number;
  regular: number;
  overtime: number;
  subcontract: number;
  inventory: number;
  backlog: number;
  lost: number;
  cost: number;
}

const defined = (v: number | undefined): v is number => v !== undefined && !Number.isNaN(v);

/**
 * Plans one item: regular production up to `capacityUnits`, overtime, subcontracting, inventory,
 * backlog and lost sales at least total cost (or by the chase / level rule).
 * @param demand units per period.
 * @param capacityUnits regular capacity in units per period (one number per period).
 * @param costs costs per unit; overtime must cost at least as much as regular production.
 * @param options opening position, overtime and subcontract limits, safety stock, strategy.
 * @returns one row per period with its cost.
 * @throws PlanningError for bad input, or with the optimiser's sentence when no plan exists.
 * @example await planSingleItem([100, 300], [200, 200], { regular: 5, overtime: 8, holding: 1, backlog: 4 })
 */
export async function planSingleItem(demand: readonly number[], capacityUnits: readonly number[], costs: SingleItemCosts, options: SingleItemOptions = {}): Promise<SingleItemRow[]> {
  if (capacityUnits.length !== demand.length) {
    throw new PlanningError(`Capacity has ${capacityUnits.length} periods but demand has ${demand.length}; give one capacity per demand period.`);
  }
  if (costs.overtime < costs.regular) throw new PlanningError(`The overtime cost (${costs.overtime}) must be at least the regular cost (${costs.regular}).`);
  const item: Record<string, unknown> = {
    id: "item",
    unitCost: 0,
    holdingCost: costs.holding,
    openingInventory: options.openingInventory ?? 0,
    openingBacklog: options.openingBacklog ?? 0,
    safetyStock: options.safetyStock ?? 0,
    endInventoryTarget: options.endInventory ?? 0,
    hoursPerUnit: { capacity: 1 },
  };
  if (defined(costs.backlog)) item.backlogCost = costs.backlog;
  if (defined(costs.lostSales)) item.lostSalesCost = costs.lostSales;
  if (defined(costs.subcontract)) {
    item.subcontractCost = costs.subcontract;
    if (options.subcontractCapacity !== undefined) item.subcontractCap = options.subcontractCapacity;
  }
  const model = validateSupplyModel({
    periods: demand.length,
    items: [item],
    resources: [{ id: "capacity", availableHours: [...capacityUnits], overtimeHoursCap: options.overtimeCapacity ?? 0, regularCostPerHour: costs.regular, overtimeCostPerHour: costs.overtime }],
    demand: { item: [...demand] },
  });
  let plan: SupplyPlan;
  if (options.strategy === "chase") plan = chasePlan(model);
  else if (options.strategy === "level") plan = levelPlan(model);
  else {
    const outcome = await optimizeSupply(model, options.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: options.timeLimitSeconds });
    if (outcome.status !== "optimal") throw new PlanningError(outcome.message, "notAvailable");
    plan = outcome.plan;
  }
  const p = plan.items[0];
  const overtime = plan.resources[0].overtimeHours;
  return demand.map((d, t) => {
    const regular = p.production[t] - overtime[t];
    const cost =
      costs.regular * regular +
      costs.overtime * overtime[t] +
      (costs.subcontract ?? 0) * p.subcontract[t] +
      costs.holding * p.inventory[t] +
      (costs.backlog ?? 0) * p.backlog[t] +
      (costs.lostSales ?? 0) * p.lost[t];
    return { period: t + 1, demand: d, regular, overtime: overtime[t], subcontract: p.subcontract[t], inventory: p.inventory[t], backlog: p.backlog[t], lost: p.lost[t], cost };
  });
}
