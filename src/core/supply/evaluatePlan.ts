/**
 * What a plan costs, how well it serves, and how it loads each resource: one evaluation used by every
 * strategy, so chase, level and optimal plans are costed the same way (the optimiser's objective
 * equals `planCost(...).total`).
 */

import { arrivalPeriods, costAt, periodName, stockingPointKey, type SupplyModel } from "./model";
import type { CostBreakdown, ItemPlan, LanePlan, ResourcePlan, ServiceSummary, StoragePlan, Transfer, WorkforceSchedule } from "./plan";
import { laneItems, resourceUse } from "./supplyLp";

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
 * Lane plans from the units shipped per lane move ([move][period], moves as `laneItems` lists them).
 * @param capacityValue optional money saved per unit of lane capacity, [lane][period] (LP duals).
 */
export function lanePlans(model: SupplyModel, shipped: readonly (readonly number[])[], capacityValue?: readonly (readonly number[])[]): LanePlan[] {
  const T = model.periods;
  const plans: LanePlan[] = (model.lanes ?? []).map((lane, k) => ({
    laneId: lane.id,
    from: lane.from,
    to: lane.to,
    shipped: {},
    total: new Array<number>(T).fill(0),
    capacity: [...lane.capacity],
    capacityValue: capacityValue === undefined ? new Array<number>(T).fill(0) : [...capacityValue[k]],
  }));
  laneItems(model).forEach((move, m) => {
    const plan = plans[move.lane];
    plan.shipped[model.items[move.from].id] = [...shipped[m]];
    shipped[m].forEach((v, t) => (plan.total[t] += v));
  });
  return plans;
}

/**
 * The shipments of a plan, one per lane, item and period with units > 0, in lane, item and period order.
 * @example planTransfers(model, plan)[0] // { lane: "P1->W1", from: "P1", to: "W1", item: "A", period: "Jan", arrives: "Feb", units: 100 }
 */
export function planTransfers(model: SupplyModel, lanes: readonly LanePlan[]): Transfer[] {
  const out: Transfer[] = [];
  lanes.forEach((plan, k) => {
    const arrives = arrivalPeriods(model, model.lanes?.[k]?.transitPeriods ?? 0);
    for (const [item, units] of Object.entries(plan.shipped)) {
      units.forEach((v, t) => {
        if (v > 0) out.push({ lane: plan.laneId, from: plan.from, to: plan.to, item, period: periodName(model, t), arrives: periodName(model, arrives[t]), units: v });
      });
    }
  });
  return out;
}

/**
 * Storage used at each location per period end: sum of inventory x volume per unit of its items.
 * @param spaceValue optional money saved per unit of storage, [location][period] (LP duals).
 */
export function storagePlans(model: SupplyModel, items: readonly ItemPlan[], spaceValue?: readonly (readonly number[])[]): StoragePlan[] {
  return (model.locations ?? []).map((location, k) => {
    const used = new Array<number>(model.periods).fill(0);
    model.items.forEach((item, i) => {
      if (item.location === location.id) items[i].inventory.forEach((v, t) => (used[t] += v * (item.volumePerUnit ?? 1)));
    });
    return {
      locationId: location.id,
      used,
      capacity: [...location.storageCap],
      spaceValue: spaceValue === undefined ? new Array<number>(model.periods).fill(0) : [...spaceValue[k]],
    };
  });
}

/** sum_t cost_t x quantity_t for an item cost that may vary by period. */
function costed(item: SupplyModel["items"][number], field: Parameters<typeof costAt>[1], quantity: readonly number[]): number {
  if (item.costByPeriod?.[field] === undefined) return (item[field] ?? 0) * sum(quantity);
  let total = 0;
  quantity.forEach((q, t) => (total += q === 0 ? 0 : costAt(item, field, t) * q));
  return total;
}

/**
 * Cost of a plan by kind: material = unitCost x production; regular labour = regular cost per hour x
 * (hours used - overtime hours); overtime = overtime cost per hour x overtime hours; subcontract,
 * holding, backlog, lost sales and safety-stock shortfall at their unit costs; wages, hiring and
 * layoffs of the workforce; transport = lane cost per unit x units shipped. Costs given per period are
 * taken in the period of production, shipping, stock or loss.
 * @example planCost(model, plan.items, plan.resources, plan.workforce, plan.lanes).total
 */
export function planCost(model: SupplyModel, items: readonly ItemPlan[], resources: readonly ResourcePlan[], workforce?: WorkforceSchedule, lanes?: readonly LanePlan[]): CostBreakdown {
  const c: CostBreakdown = { material: 0, regularLabour: 0, overtime: 0, subcontract: 0, holding: 0, backlog: 0, lostSales: 0, safetyStockShortfall: 0, wages: 0, hiring: 0, layoffs: 0, total: 0 };
  model.items.forEach((item, i) => {
    const p = items[i];
    c.material += costed(item, "unitCost", p.production);
    c.subcontract += costed(item, "subcontractCost", p.subcontract);
    c.holding += costed(item, "holdingCost", p.inventory);
    c.backlog += costed(item, "backlogCost", p.backlog);
    c.lostSales += costed(item, "lostSalesCost", p.lost);
    c.safetyStockShortfall += (item.safetyStockPenalty ?? 0) * sum(p.safetyStockShortfall);
  });
  model.resources.forEach((r, k) => {
    const overtime = sum(resources[k].overtimeHours);
    c.regularLabour += r.regularCostPerHour * (sum(resources[k].hoursUsed) - overtime);
    c.overtime += r.overtimeCostPerHour * overtime;
  });
  let transport = 0;
  (lanes ?? []).forEach((plan, k) => {
    const cost = model.lanes?.[k]?.costPerUnit ?? [];
    plan.total.forEach((units, t) => (transport += units === 0 ? 0 : units * cost[t]));
  });
  if (model.lanes !== undefined) c.transport = transport;
  const wf = model.workforce;
  if (wf !== undefined && workforce !== undefined) {
    c.wages = wf.wagePerWorker * sum(workforce.workers);
    c.hiring = wf.hireCost * sum(workforce.hires);
    c.layoffs = wf.layoffCost * sum(workforce.layoffs);
  }
  c.total = c.material + c.regularLabour + transport + c.overtime + c.subcontract + c.holding + c.backlog + c.lostSales + c.safetyStockShortfall + c.wages + c.hiring + c.layoffs;
  return c;
}

/**
 * Units of each period's own demand shipped in that period, backlog being served first (FIFO):
 * shipped_t = B_{t-1} + D_t - L_t - B_t, on-time_t = shipped_t - min(shipped_t, B_{t-1}), B_{-1} = the
 * opening backlog. The one definition behind every fill rate and revenue at risk the add-in shows.
 * @param demand demand per period; backlog backlog at each period end; lost demand lost per period
 * @example onTimeUnits([10, 10], [4, 0], [0, 0]) // [6, 10]: 4 late in period 1, caught up in period 2
 */
export function onTimeUnits(demand: readonly number[], backlog: readonly number[], lost: readonly number[], openingBacklog = 0): number[] {
  let owed = openingBacklog;
  return demand.map((d, t) => {
    const shipped = Math.max(0, owed + d - lost[t] - backlog[t]);
    const onTime = shipped - Math.min(shipped, owed);
    owed = backlog[t];
    return onTime;
  });
}

/**
 * Unit fill rate: units shipped on time (in the period they were wanted) / units wanted; 1 when nothing
 * is wanted. Backlog served late and lost demand both count against it, so a plan that leaves demand
 * waiting cannot show 100 %.
 * @example fillRate(90, 100) // 0.9
 */
export function fillRate(onTime: number, demand: number): number {
  return demand > 0 ? Math.min(1, onTime / demand) : 1;
}

/**
 * The fill rate as a sheet shows it at 0.1 %: capped at 99.9 % while any unit is late or lost, so a
 * rounded 100.0 % always means every unit was shipped on time.
 * @example shownFillRate(0.99971) // 0.999
 */
export function shownFillRate(rate: number): number {
  return rate < 1 ? Math.min(rate, 0.999) : 1;
}

/**
 * Service of a plan over all items: fill rate = sum of on-time units / sum of demand (`onTimeUnits`,
 * `fillRate`); backlog in unit-periods (sum of period-end backlog); lost units; backlog left at the
 * end; revenue at risk = sum (demand - on time) x price; peak inventory = highest total inventory at a
 * period end.
 * @example planService(model, plan.items).fillRate // 0.97
 */
export function planService(model: SupplyModel, items: readonly ItemPlan[]): ServiceSummary {
  let wanted = 0;
  let onTime = 0;
  let backlogUnitPeriods = 0;
  let lostUnits = 0;
  let endBacklog = 0;
  let revenueAtRisk = 0;
  const total = new Array<number>(model.periods).fill(0);
  model.items.forEach((item, i) => {
    const demand = model.demand[stockingPointKey(item)];
    const p = items[i];
    const onTimeByPeriod = onTimeUnits(demand, p.backlog, p.lost, item.openingBacklog);
    const served = sum(onTimeByPeriod);
    wanted += sum(demand);
    onTime += served;
    backlogUnitPeriods += sum(p.backlog);
    lostUnits += sum(p.lost);
    endBacklog += p.backlog[model.periods - 1];
    const late = demand.map((d, t) => d - onTimeByPeriod[t]);
    revenueAtRisk += item.costByPeriod?.price === undefined ? (sum(demand) - served) * (item.price ?? 0) : costed(item, "price", late);
    p.inventory.forEach((v, t) => (total[t] += v));
  });
  return { fillRate: fillRate(onTime, wanted), backlogUnitPeriods, lostUnits, endBacklog, revenueAtRisk, peakInventory: Math.max(0, ...total) };
}
