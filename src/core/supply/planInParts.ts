/**
 * A large network planned in parts (a decomposition for size): the items are split into groups of
 * about equal size (items made at the same plant together), each group is planned by the optimiser
 * on its share of every shared limit — a resource's regular and overtime hours in proportion to the
 * hours its items would need to meet their demand, a lane's capacity and a location's storage in
 * proportion to its items' demand (and opening and safety stock) there — and the group plans are put together.
 * The parts are independent programmes, so they can be solved at the same time on several cores
 * (pass a solver that runs them in worker threads), and each is a fraction of the size of the whole.
 *
 * The plan keeps every constraint of the whole model (each part keeps its share, and the shares add
 * up to the limits), so `checkPlan` passes it; its cost is at least the optimum of the whole, since
 * capacity cannot move between groups: `npm run bench:network` reports the gap where the whole can
 * also be solved. A model with a workforce or whole-unit rules is planned whole.
 */

import { lanePlans, planCost, planService, resourcePlans, storagePlans } from "./evaluatePlan";
import { stockingPointKey, type SupplyItem, type SupplyModel } from "./model";
import { optimizeSupply, type OptimizeOptions } from "./optimizeSupply";
import type { ItemPlan, SupplyOutcome, SupplyPlan } from "./plan";
import { laneItems } from "./supplyLp";

/** Shares below this of a limit are rounded to 0 (the part then cannot use it). */
const TINY = 1e-12;

const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Splits the item ids of a model into `parts` groups of about equal size, keeping the order of the
 * plant that makes each item so that items sharing resources tend to fall in the same group.
 * @returns for each group, the item ids in it.
 */
export function itemGroups(model: SupplyModel, parts: number): string[][] {
  const plantOf = new Map<string, string>();
  for (const item of model.items) if (Object.keys(item.hoursPerUnit).length > 0 && !plantOf.has(item.id)) plantOf.set(item.id, item.location ?? "");
  const ids = [...new Set(model.items.map((item) => item.id))].sort((a, b) => (plantOf.get(a) ?? "").localeCompare(plantOf.get(b) ?? "") || (a < b ? -1 : a > b ? 1 : 0));
  const size = Math.ceil(ids.length / Math.max(1, Math.min(parts, ids.length)));
  const groups: string[][] = [];
  for (let k = 0; k < ids.length; k += size) groups.push(ids.slice(k, k + size));
  return groups;
}

/** Each group's share of `weight` summed over its items; equal shares when nothing weighs. */
function shares(groups: readonly Set<string>[], weight: (id: string) => number): number[] {
  const w = groups.map((g) => total([...g].map(weight)));
  const sum = total(w);
  return w.map((v) => (sum > 0 ? v / sum : 1 / groups.length)).map((v) => (v < TINY ? 0 : v));
}

/** The sub-model of one group with its shares of every shared limit. */
function partModel(model: SupplyModel, group: Set<string>, share: { resource: number[]; lane: number[]; storage: number[] }): SupplyModel {
  const items: SupplyItem[] = model.items.filter((item) => group.has(item.id));
  const demand: Record<string, number[]> = {};
  for (const item of items) demand[stockingPointKey(item)] = model.demand[stockingPointKey(item)];
  const keys = new Set(items.map(stockingPointKey));
  const part: SupplyModel = {
    ...model,
    items,
    demand,
    resources: model.resources.map((r, k) => ({ ...r, availableHours: r.availableHours.map((h) => h * share.resource[k]), overtimeHoursCap: r.overtimeHoursCap.map((h) => h * share.resource[k]) })),
  };
  if (model.lanes !== undefined) part.lanes = model.lanes.map((lane, k) => ({ ...lane, capacity: lane.capacity.map((c) => c * share.lane[k]) }));
  if (model.locations !== undefined) part.locations = model.locations.map((l, k) => ({ ...l, storageCap: l.storageCap.map((c) => c * share.storage[k]) }));
  if (model.scheduledReceipts !== undefined) part.scheduledReceipts = model.scheduledReceipts.filter((r) => keys.has(r.stockingPoint));
  if (model.timeFence !== undefined) {
    part.timeFence = { ...model.timeFence, production: Object.fromEntries(Object.entries(model.timeFence.production).filter(([key]) => keys.has(key))) };
  }
  return part;
}

/**
 * Plans a network model in `parts` groups of items (see the module comment), solving the groups
 * concurrently with the given solver, and returns one plan of the whole model.
 * @param model a validated model (without workforce or whole-unit rules, else it is planned whole)
 * @param parts number of groups (2 or more to decompose)
 * @returns "optimal" with the put-together plan and its cost as `objective` (the cost of the plan
 *   made in parts, not the optimum of the whole), or the first part's reason for having no plan.
 * @example const outcome = await optimizeSupplyInParts(model, 8, { lpSolver: workerPool })
 */
export async function optimizeSupplyInParts(model: SupplyModel, parts: number, options: OptimizeOptions = {}): Promise<SupplyOutcome> {
  const whole = model.workforce !== undefined || model.items.some((i) => i.wholeUnits === true || i.lotSize !== undefined || i.minOrderQuantity !== undefined);
  if (whole || parts < 2) return optimizeSupply(model, options);
  const groups = itemGroups(model, parts).map((ids) => new Set(ids));
  const demandOf = (item: SupplyItem): number => total(model.demand[stockingPointKey(item)]);
  const byId = new Map<string, SupplyItem[]>();
  for (const item of model.items) byId.set(item.id, [...(byId.get(item.id) ?? []), item]);
  const demandOfId = (id: string): number => total((byId.get(id) ?? []).map(demandOf));
  const resource = model.resources.map((r) =>
    shares(groups, (id) => demandOfId(id) * total((byId.get(id) ?? []).map((item) => (item.location === r.location ? (item.hoursPerUnit[r.id] ?? 0) : 0)))),
  );
  const at = (id: string, location: string, extra: (item: SupplyItem) => number): number =>
    total((byId.get(id) ?? []).filter((item) => item.location === location).map((item) => demandOf(item) + extra(item)));
  const lane = (model.lanes ?? []).map((l) => shares(groups, (id) => at(id, l.to, () => 0)));
  const storage = (model.locations ?? []).map((l) => shares(groups, (id) => at(id, l.id, (item) => item.openingInventory + Math.max(0, ...item.safetyStock) * model.periods)));
  const models = groups.map((g, k) =>
    partModel(model, g, { resource: resource.map((s) => s[k]), lane: lane.map((s) => s[k]), storage: storage.map((s) => s[k]) }),
  );
  const started = performance.now();
  const outcomes = await Promise.all(models.map((m) => optimizeSupply(m, options)));
  const size = {
    buildSeconds: total(outcomes.map((o) => o.buildSeconds)),
    solveSeconds: (performance.now() - started) / 1000,
    variables: total(outcomes.map((o) => o.variables)),
    constraints: total(outcomes.map((o) => o.constraints)),
    warm: false,
  };
  const plans: SupplyPlan[] = [];
  for (const o of outcomes) {
    if (o.status !== "optimal") return { ...size, status: o.status, message: o.message };
    plans.push(o.plan);
  }
  const plan = joinPlans(model, models, plans);
  return { ...size, status: "optimal", plan, objective: plan.cost.total };
}

/** The plan of the whole model from the plans of its parts (items in model order, loads and shipments summed). */
function joinPlans(model: SupplyModel, models: readonly SupplyModel[], plans: readonly SupplyPlan[]): SupplyPlan {
  const T = model.periods;
  const byKey = new Map<string, ItemPlan>();
  plans.forEach((plan, k) => models[k].items.forEach((item, i) => byKey.set(stockingPointKey(item), plan.items[i])));
  const items = model.items.map((item) => byKey.get(stockingPointKey(item)) as ItemPlan);
  const sumOver = (rows: (k: number, p: SupplyPlan) => readonly number[]): number[] => {
    const out = new Array<number>(T).fill(0);
    plans.forEach((p, k) => rows(k, p).forEach((v, t) => (out[t] += v)));
    return out;
  };
  const maxOver = (rows: (p: SupplyPlan) => readonly number[]): number[] => {
    const out = new Array<number>(T).fill(0);
    plans.forEach((p) => rows(p).forEach((v, t) => (out[t] = Math.max(out[t], v))));
    return out;
  };
  const overtime = model.resources.map((_, r) => sumOver((_k, p) => p.resources[r].overtimeHours));
  const hourValue = model.resources.map((_, r) => maxOver((p) => p.resources[r].hourValue));
  const resources = resourcePlans(model, items.map((p) => p.production), overtime, undefined, hourValue);
  let lanes: SupplyPlan["lanes"];
  if (model.lanes !== undefined) {
    const position = new Map<string, number[]>();
    plans.forEach((p) => p.lanes?.forEach((lane, k) => Object.entries(lane.shipped).forEach(([id, units]) => position.set(`${k}:${id}`, units))));
    const shipped = laneItems(model).map((move) => position.get(`${move.lane}:${model.items[move.from].id}`) ?? new Array<number>(T).fill(0));
    lanes = lanePlans(model, shipped, model.lanes.map((_, k) => maxOver((p) => p.lanes?.[k].capacityValue ?? [])));
  }
  const plan: SupplyPlan = { strategy: "optimal", items, resources, cost: planCost(model, items, resources, undefined, lanes), service: planService(model, items) };
  if (lanes !== undefined) plan.lanes = lanes;
  if (model.locations !== undefined) plan.storage = storagePlans(model, items, model.locations.map((_, k) => maxOver((p) => p.storage?.[k].spaceValue ?? [])));
  return plan;
}
