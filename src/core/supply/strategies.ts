/**
 * The classical aggregate-planning strategies (SOP-GUIDE; Chopra & Meindl, ch. 8): chase (make what
 * is demanded each period, varying workforce or overtime, subcontracting what capacity cannot make)
 * and level (make at a constant rate and let inventory absorb the difference), and a side-by-side
 * comparison with the optimal plan.
 */

import { planCost, planService, hoursNeeded, resourcePlans } from "./evaluatePlan";
import type { SupplyItem, SupplyModel } from "./model";
import { optimizeSupply, type OptimizeOptions } from "./optimizeSupply";
import type { ItemPlan, SupplyOutcome, SupplyPlan, SupplyStrategy, WorkforceSchedule } from "./plan";
import { projectedInventory } from "./projectedInventory";
import { resourceUse } from "./supplyLp";

/** Hours each resource can give in period t at most (regular + overtime; workforce at its maximum). */
function maxHours(model: SupplyModel, r: number, t: number): number {
  const res = model.resources[r];
  const wf = model.workforce;
  let hours = res.availableHours[t] + res.overtimeHoursCap[t];
  if (wf !== undefined && wf.resource === res.id) {
    hours += wf.maxWorkers === Infinity ? Infinity : (wf.hoursPerWorker + wf.overtimeHoursPerWorker) * wf.maxWorkers;
  }
  return hours;
}

/** Workers needed for `hours` on the workforce resource, within the limits. */
function workersFor(model: SupplyModel, hours: number, t: number): number {
  const wf = model.workforce;
  if (wf === undefined) return 0;
  const res = model.resources.find((r) => r.id === wf.resource);
  const beyond = Math.max(0, hours - (res?.availableHours[t] ?? 0));
  const exact = wf.hoursPerWorker > 0 ? beyond / wf.hoursPerWorker : 0;
  const whole = wf.integerWorkers ? Math.ceil(exact - 1e-9) : exact;
  return Math.min(wf.maxWorkers, Math.max(wf.minWorkers, whole));
}

function schedule(model: SupplyModel, workers: number[]): WorkforceSchedule | undefined {
  const wf = model.workforce;
  if (wf === undefined) return undefined;
  const hires: number[] = [];
  const layoffs: number[] = [];
  workers.forEach((w, t) => {
    const change = w - (t === 0 ? wf.initialWorkers : workers[t - 1]);
    hires.push(Math.max(0, change));
    layoffs.push(Math.max(0, -change));
  });
  return { workers, hires, layoffs };
}

/**
 * A quantity an item's order rules allow: 0, or at least the minimum order, a whole multiple of the
 * lot size, whole for whole-unit items. `up` rounds a wish up (make enough), else down (stay within
 * hours).
 */
function allowed(item: SupplyItem, quantity: number, up: boolean): number {
  if (!(quantity > 1e-9)) return 0;
  const step = item.lotSize ?? (item.wholeUnits === true ? 1 : 0);
  const round = (q: number): number => (step > 0 ? step * (up ? Math.ceil(q / step - 1e-9) : Math.floor(q / step + 1e-9)) : q);
  const moq = item.minOrderQuantity ?? 0;
  if (up) return round(Math.max(quantity, moq));
  const q = round(quantity);
  return q < moq - 1e-9 ? 0 : q;
}

/**
 * Runs a production policy period by period: `wanted(i, t, position)` gives the units item i would
 * like to make in t given its net position (inventory - backlog); production is cut in proportion on
 * any resource short of hours; with `subcontractShortfall` the cut is bought in up to the limit.
 * Quantities keep each item's order rules (`allowed`), and a frozen time fence's months make exactly
 * the approved production.
 */
function runPolicy(
  model: SupplyModel,
  strategy: SupplyStrategy,
  wanted: (i: number, t: number, position: number) => number,
  subcontractShortfall: boolean,
): SupplyPlan {
  const T = model.periods;
  const uses = resourceUse(model);
  const production = model.items.map(() => new Array<number>(T).fill(0));
  const subcontract = model.items.map(() => new Array<number>(T).fill(0));
  const position = model.items.map((item) => item.openingInventory - item.openingBacklog);
  const fence = model.timeFence;
  const frozen = (i: number, t: number): number | undefined =>
    fence !== undefined && fence.changeCost === undefined && t < fence.periods ? fence.production[model.items[i].id]?.[t] : undefined;
  for (let t = 0; t < T; t++) {
    const want = model.items.map((item, i) => frozen(i, t) ?? allowed(item, wanted(i, t, position[i]), true));
    const need = new Array<number>(model.resources.length).fill(0);
    uses.forEach((list, i) => list.forEach((u) => (need[u.resource] += u.hours * want[i])));
    const factor = need.map((h, r) => (h > 0 ? Math.min(1, maxHours(model, r, t) / h) : 1));
    model.items.forEach((item, i) => {
      const f = Math.min(1, ...uses[i].map((u) => factor[u.resource]));
      production[i][t] = f < 1 && frozen(i, t) === undefined ? allowed(item, want[i] * f, false) : want[i];
      if (subcontractShortfall && item.subcontractCost !== undefined) {
        const bought = Math.min(want[i] - production[i][t], item.subcontractCap[t]);
        subcontract[i][t] = item.wholeUnits === true ? Math.floor(bought + 1e-9) : bought;
      }
      position[i] += production[i][t] + subcontract[i][t] - model.demand[item.id][t];
      if (!item.backlogAllowed) position[i] = Math.max(0, position[i]);
    });
  }
  const load = hoursNeeded(model, production);
  const wfIndex = model.resources.findIndex((r) => r.id === model.workforce?.resource);
  const workers = wfIndex < 0 ? [] : load[wfIndex].map((h, t) => workersFor(model, h, t));
  const workforce = schedule(model, strategy === "level" && workers.length > 0 ? new Array<number>(T).fill(Math.max(...workers)) : workers);
  const regular = model.resources.map((r, k) =>
    r.availableHours.map((h, t) => h + (k === wfIndex && workforce !== undefined && model.workforce !== undefined ? model.workforce.hoursPerWorker * workforce.workers[t] : 0)),
  );
  const overtime = load.map((row, k) => row.map((h, t) => Math.max(0, h - regular[k][t])));
  const items: ItemPlan[] = model.items.map((item, i) => {
    const supply = production[i].map((p, t) => p + subcontract[i][t]);
    const projection = projectedInventory(item.openingInventory, supply, model.demand[item.id], {
      mode: item.backlogAllowed ? "backlog" : "lost",
      openingBacklog: item.openingBacklog,
    });
    return {
      itemId: item.id,
      production: production[i],
      subcontract: subcontract[i],
      inventory: projection.inventory,
      backlog: projection.backlog,
      lost: projection.lost,
      safetyStockShortfall: projection.inventory.map((v, t) => (item.safetyStockPenalty === undefined ? 0 : Math.max(0, item.safetyStock[t] - v))),
    };
  });
  const resources = resourcePlans(model, production, overtime, workforce);
  const plan: SupplyPlan = { strategy, items, resources, cost: planCost(model, items, resources, workforce), service: planService(model, items) };
  if (workforce !== undefined) plan.workforce = workforce;
  return plan;
}

/** Inventory each item should hold at the end of period t: its safety stock, and the end target last. */
function target(model: SupplyModel, i: number, t: number): number {
  const item = model.items[i];
  return t === model.periods - 1 ? Math.max(item.safetyStock[t], item.endInventoryTarget) : item.safetyStock[t];
}

/**
 * Chase plan: each period make demand + backlog + safety stock - stock on hand; when a resource is
 * short of hours (regular + overtime, or the most workers), production is cut in proportion and the
 * cut is subcontracted where allowed, else backlogged or lost. With a workforce, workers follow the
 * hours needed (hiring and laying off).
 * @param model a validated model.
 * @example chasePlan(model).cost.total
 */
export function chasePlan(model: SupplyModel): SupplyPlan {
  return runPolicy(model, "chase", (i, t, position) => model.demand[model.items[i].id][t] + target(model, i, t) - position, true);
}

/**
 * Level plan: each item is made at the constant rate (total demand + opening backlog + end target -
 * opening inventory) / periods; inventory and backlog absorb the difference. With a workforce, the
 * workforce is set once to the level the rate needs.
 * @param model a validated model.
 * @example levelPlan(model).items[0].production // [rate, rate, ...]
 */
export function levelPlan(model: SupplyModel): SupplyPlan {
  const rates = model.items.map((item) => {
    const total = model.demand[item.id].reduce((a, b) => a + b, 0);
    return Math.max(0, (total + item.openingBacklog + target(model, model.items.indexOf(item), model.periods - 1) - item.openingInventory) / model.periods);
  });
  return runPolicy(model, "level", (i) => rates[i], false);
}

/** One line of the side-by-side comparison. */
export interface StrategySummary {
  strategy: SupplyStrategy;
  /** Total cost, NaN when the optimiser found no plan. */
  totalCost: number;
  /** On-time unit fill rate (`planService`), NaN without a plan. */
  fillRate: number;
  /** Backlog summed over period ends (unit-periods). */
  backlogUnitPeriods: number;
  /** Demand not shipped on time x price. */
  revenueAtRisk: number;
  peakInventory: number;
  /** Why there is no optimal plan (only for an optimal line without a plan). */
  message?: string;
}

/** Chase, level and optimal plans of one model, with their summary lines. */
export interface StrategyComparison {
  chase: SupplyPlan;
  level: SupplyPlan;
  optimal: SupplyOutcome;
  summary: StrategySummary[];
}

/**
 * The comparison line of one plan: its total cost and its service (`planService`).
 * @example strategyLine(chasePlan(model)).fillRate // 0.98
 */
export function strategyLine(p: SupplyPlan): StrategySummary {
  return {
    strategy: p.strategy,
    totalCost: p.cost.total,
    fillRate: p.service.fillRate,
    backlogUnitPeriods: p.service.backlogUnitPeriods,
    revenueAtRisk: p.service.revenueAtRisk,
    peakInventory: p.service.peakInventory,
  };
}

/**
 * Plans a model with the chase, level and optimal strategies and lines them up by cost, fill rate
 * and peak inventory, the comparison planners make (SOP-GUIDE, step 3).
 * @example (await compareStrategies(model)).summary.map((s) => [s.strategy, s.totalCost])
 */
export async function compareStrategies(model: SupplyModel, options: OptimizeOptions = {}): Promise<StrategyComparison> {
  const chase = chasePlan(model);
  const level = levelPlan(model);
  const optimal = await optimizeSupply(model, options);
  const optimalLine: StrategySummary =
    optimal.status === "optimal"
      ? strategyLine(optimal.plan)
      : { strategy: "optimal", totalCost: NaN, fillRate: NaN, backlogUnitPeriods: NaN, revenueAtRisk: NaN, peakInventory: NaN, message: optimal.message };
  return { chase, level, optimal, summary: [strategyLine(chase), strategyLine(level), optimalLine] };
}
