/**
 * What a plan costs, how well it serves, and how it loads each resource: one evaluation used by every
 * strategy, so chase, level and optimal plans are costed the same way (the optimiser's objective
 * equals `planCost(...).total`).
 */

import type { SupplyModel } from "./model";
import type { CostBreakdown, ItemPlan, ResourcePlan, ServiceSummary, WorkforceSchedule } from "./plan";
import { resourceUse } from "./supplyLp";

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Hours each resource needs per period for the given production: load_rt = sum_i h_ir P_it.
 * @returns [resource][period] hours, resources in model order.
 */
export function hoursNeeded(model: SupplyModel, production: readonly (readonly number[])[]): number[][] {
  const load = model.resources.map(() => new Array<number>(model.periods).fill(0));
  resourceUse(model).forEach((uses, i) => {
    for (const u of uses) for (let t = 0; t < model.periods; t++) load[u.resource][t] += u.hours * production[i][t];
  });
  return load;
}

/**
 * Regular hours of each resource per period: its available hours, plus hoursPerWorker x workers for
 * the workforce resource.
 */
export function regularHours(model: SupplyModel, workforce?: WorkforceSchedule): number[][] {
  const wf = model.workforce;
  return model.resources.map((r) =>
    r.availableHours.map((h, t) => (wf !== undefined && workforce !== undefined && wf.resource === r.id ? h + wf.hoursPerWorker * workforce.workers[t] : h)),
  );
}

/**
 * Resource plans (load, regular and overtime hours, utilisation) for production and overtime hours.
 * @param hourValue optional marginal value of an hour per [resource][period] (LP duals); zeros otherwise.
 */
export function resourcePlans(
  model: SupplyModel,
  production: readonly (readonly number[])[],
  overtime: readonly (readonly number[])[],
  workforce?: WorkforceSchedule,
  hourValue?: readonly (readonly number[])[],
): ResourcePlan[] {
  const load = hoursNeeded(model, production);
  const regular = regularHours(model, workforce);
  return model.resources.map((r, k) => ({
    resourceId: r.id,
    hoursUsed: load[k],
    regularHours: regular[k],
    overtimeHours: [...overtime[k]],
    utilisation: load[k].map((h, t) => (regular[k][t] > 0 ? h / regular[k][t] : h > 0 ? Infinity : 0)),
    hourValue: hourValue === undefined ? new Array<number>(model.periods).fill(0) : [...hourValue[k]],
  }));
}

/**
 * Cost of a plan by kind: material = unitCost x production; regular labour = regular cost per hour x
 * (hours used - overtime hours); overtime = overtime cost per hour x overtime hours; subcontract,
 * holding, backlog, lost sales and safety-stock shortfall at their unit costs; wages, hiring and
 * layoffs of the workforce.
 * @example planCost(model, plan.items, plan.resources, plan.workforce).total
 */
export function planCost(model: SupplyModel, items: readonly ItemPlan[], resources: readonly ResourcePlan[], workforce?: WorkforceSchedule): CostBreakdown {
  const c: CostBreakdown = { material: 0, regularLabour: 0, overtime: 0, subcontract: 0, holding: 0, backlog: 0, lostSales: 0, safetyStockShortfall: 0, wages: 0, hiring: 0, layoffs: 0, total: 0 };
  model.items.forEach((item, i) => {
    const p = items[i];
    c.material += item.unitCost * sum(p.production);
    c.subcontract += (item.subcontractCost ?? 0) * sum(p.subcontract);
    c.holding += item.holdingCost * sum(p.inventory);
    c.backlog += item.backlogCost * sum(p.backlog);
    c.lostSales += (item.lostSalesCost ?? 0) * sum(p.lost);
    c.safetyStockShortfall += (item.safetyStockPenalty ?? 0) * sum(p.safetyStockShortfall);
  });
  model.resources.forEach((r, k) => {
    const overtime = sum(resources[k].overtimeHours);
    c.regularLabour += r.regularCostPerHour * (sum(resources[k].hoursUsed) - overtime);
    c.overtime += r.overtimeCostPerHour * overtime;
  });
  const wf = model.workforce;
  if (wf !== undefined && workforce !== undefined) {
    c.wages = wf.wagePerWorker * sum(workforce.workers);
    c.hiring = wf.hireCost * sum(workforce.hires);
    c.layoffs = wf.layoffCost * sum(workforce.layoffs);
  }
  c.total = c.material + c.regularLabour + c.overtime + c.subcontract + c.holding + c.backlog + c.lostSales + c.safetyStockShortfall + c.wages + c.hiring + c.layoffs;
  return c;
}

/**
 * Service of a plan: fill rate = 1 - (lost + backlog left at the end) / (demand + opening backlog),
 * over all items; peak inventory = highest total inventory at a period end.
 */
export function planService(model: SupplyModel, items: readonly ItemPlan[]): ServiceSummary {
  let owed = 0;
  let unserved = 0;
  const total = new Array<number>(model.periods).fill(0);
  model.items.forEach((item, i) => {
    owed += sum(model.demand[item.id]) + item.openingBacklog;
    unserved += sum(items[i].lost) + items[i].backlog[model.periods - 1];
    items[i].inventory.forEach((v, t) => (total[t] += v));
  });
  return { fillRate: owed > 0 ? 1 - unserved / owed : 1, peakInventory: Math.max(0, ...total) };
}
