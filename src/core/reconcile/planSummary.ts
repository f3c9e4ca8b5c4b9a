import { stockingPointKey, type SupplyModel } from "../supply/model";
import type { SupplyPlan } from "../supply/plan";

/** The figures a scenario is judged by, for one plan over the whole horizon. */
export interface PlanSummary {
  /** Total cost of the plan (money). */
  cost: number;
  /** Sales value of the units served: sum over items of served units x price. */
  revenue: number;
  /** revenue - cost. */
  margin: number;
  /** Share of demand (and opening backlog) served by the end of the horizon, 0..1. */
  fillRate: number;
  /** Share of demand shipped in the period it occurs, 0..1 (backlog is shipped first; 1 with no demand). */
  onTimeFillRate: number;
  /** Mean over periods of total end inventory (units, all items). */
  averageInventory: number;
  /** Highest total end inventory (units, all items). */
  peakInventory: number;
  /** Per resource id: 100 x hours used / regular hours available over the horizon (NaN with no hours available). */
  capacityUse: Record<string, number>;
}

/** Plans a supply model and summarises the plan; injected so that scenarios do not depend on a solver. */
export type Planner = (model: SupplyModel) => Promise<PlanSummary>;

/**
 * Summarise a supply plan for scenario comparison. Served units of an item = demand + opening backlog
 * - end backlog - lost; revenue = served x price (items without a price add no revenue). Shipped_t =
 * demand_t + B_{t-1} - B_t - lost_t with backlog shipped first, so on-time_t = shipped_t - min(shipped_t,
 * B_{t-1}) and on-time fill rate = sum on-time / sum demand. Capacity use = 100 x sum hours used / sum
 * regular hours of each resource.
 * @param model the model that was planned
 * @param plan its plan
 * @example summarisePlan(model, plan).margin // revenue - plan.cost.total
 */
export function summarisePlan(model: SupplyModel, plan: SupplyPlan): PlanSummary {
  const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  let revenue = 0;
  let onTime = 0;
  let demandTotal = 0;
  for (const [i, itemPlan] of plan.items.entries()) {
    const item = model.items[i]?.id === itemPlan.itemId ? model.items[i] : model.items.find((candidate) => candidate.id === itemPlan.itemId);
    if (item === undefined) continue;
    const demand = model.demand[stockingPointKey(item)] ?? [];
    let owed = item.openingBacklog;
    demand.forEach((d, t) => {
      const shipped = d + owed - itemPlan.backlog[t] - itemPlan.lost[t];
      onTime += shipped - Math.min(shipped, owed);
      owed = itemPlan.backlog[t];
    });
    demandTotal += total(demand);
    const served = total(demand) + item.openingBacklog - owed - total(itemPlan.lost);
    revenue += served * (item.price ?? 0);
  }
  const inventoryByPeriod = Array.from({ length: model.periods }, (_, t) =>
    plan.items.reduce((sum, itemPlan) => sum + itemPlan.inventory[t], 0),
  );
  const capacityUse: Record<string, number> = {};
  for (const resource of plan.resources) {
    const available = total(resource.regularHours);
    capacityUse[resource.resourceId] = available > 0 ? (100 * total(resource.hoursUsed)) / available : Number.NaN;
  }
  return {
    cost: plan.cost.total,
    revenue,
    margin: revenue - plan.cost.total,
    fillRate: plan.service.fillRate,
    onTimeFillRate: demandTotal > 0 ? onTime / demandTotal : 1,
    averageInventory: model.periods > 0 ? total(inventoryByPeriod) / model.periods : 0,
    peakInventory: plan.service.peakInventory,
    capacityUse,
  };
}
