/**
 * Planner-facing explanations of why the optimiser found no plan. Infeasibility is located with an
 * elastic (phase-1) model: the same plan with every cost set to 0, demand allowed to go unserved and
 * stock targets allowed to be missed at a cost of 1 per unit. Its first shortfall names the item and
 * period (and location), the resources that can make it which are full (regular plus overtime) by
 * then, and in a network the lanes into its location and the storage there that are full.
 */

import type { LpSolver } from "../optimize/lpSolver";
import { regularHours, hoursNeeded } from "./evaluatePlan";
import { isMade, periodName, stockingPointName, type SupplyModel } from "./model";
import { buildSupplyLp, resourceUse, type SupplyLpIndex } from "./supplyLp";

const TOLERANCE = 1e-6;

/**
 * Cost per unit made in the elastic model: small against the 1 a unit short costs, so it makes all it
 * can where that helps but nothing where it does not, and a resource reported full is full because
 * the shortfall needs it.
 */
const ELASTIC_MAKE_COST = 1e-6;

/** The elastic model: (almost) zero costs, unmet demand and missed stock targets cost 1 per unit. */
function elasticModel(model: SupplyModel): SupplyModel {
  const last = model.periods - 1;
  return {
    ...model,
    items: model.items.map(({ costByPeriod: _perPeriod, ...item }) => ({
      ...item,
      unitCost: ELASTIC_MAKE_COST,
      holdingCost: 0,
      backlogCost: 0,
      subcontractCost: item.subcontractCost === undefined ? undefined : 0,
      lostSalesCost: 1,
      safetyStock: item.safetyStock.map((s, t) => (t === last ? Math.max(s, item.endInventoryTarget) : s)),
      safetyStockPenalty: 1,
      endInventoryTarget: 0,
    })),
    resources: model.resources.map((r) => ({ ...r, regularCostPerHour: 0, overtimeCostPerHour: 0 })),
    ...(model.lanes === undefined ? {} : { lanes: model.lanes.map((lane) => ({ ...lane, costPerUnit: lane.costPerUnit.map(() => 0) })) }),
    workforce: model.workforce === undefined ? undefined : { ...model.workforce, wagePerWorker: 0, hireCost: 0, layoffCost: 0 },
  };
}

function listPeriods(model: SupplyModel, periods: number[]): string {
  const names = periods.slice(0, 4).map((t) => periodName(model, t));
  return periods.length > 4 ? `${names.join(", ")} and ${periods.length - 4} more` : names.join(", ");
}

/**
 * Explains why a model has no feasible plan: which item falls short in which period and which
 * resource is full, and what the planner can change.
 * @returns the sentence, or undefined when the elastic model finds no shortfall (the model is then
 *   unbounded rather than infeasible).
 * @example await diagnoseInfeasibility(model, lpSolver()) // "No plan meets every demand and stock target: ..."
 */
export async function diagnoseInfeasibility(model: SupplyModel, solve: LpSolver): Promise<string | undefined> {
  const elastic = elasticModel(model);
  const { lp, index } = buildSupplyLp(elastic);
  const solution = await solve(lp, {});
  if (solution.status !== "optimal") return undefined;
  const x = solution.colValue;
  const value = (c: number): number => (c < 0 ? 0 : x[c]);
  const last = model.periods - 1;
  let found: { i: number; t: number; demandShort: number; stockShort: number } | undefined;
  for (let i = 0; i < model.items.length; i++) {
    const item = model.items[i];
    const lost = Array.from(index.lost[i], value);
    const missed = Array.from(index.shortfall[i], value);
    let t = -1;
    let demandShort = 0;
    let stockShort = 0;
    if (item.lostSalesCost === undefined) {
      if (item.backlogAllowed) {
        demandShort = lost.reduce((a, b) => a + b, 0);
        if (demandShort > TOLERANCE) t = last;
      } else {
        t = lost.findIndex((v) => v > TOLERANCE);
        if (t >= 0) demandShort = lost[t];
      }
    }
    const s = missed.findIndex((v, k) => v > TOLERANCE && (item.safetyStockPenalty === undefined || k === last));
    if (s >= 0 && (t < 0 || s < t)) {
      t = s;
      demandShort = 0;
      stockShort = missed[s];
    }
    if (t >= 0 && (found === undefined || t < found.t)) found = { i, t, demandShort, stockShort };
  }
  if (found === undefined) return undefined;
  return describeShortfall(model, elastic, index, value, found.i, found.t, found.demandShort, found.stockShort);
}

/** The periods up to t in which a limit is reached (used >= limit, within tolerance). */
function fullPeriods(used: (s: number) => number, limit: (s: number) => number, t: number): number[] {
  const periods: number[] = [];
  for (let s = 0; s <= t; s++) {
    const cap = limit(s);
    if (cap !== Infinity && used(s) >= cap - TOLERANCE * Math.max(1, cap)) periods.push(s);
  }
  return periods;
}

/** Lanes into the stocking point's location that carry its item and are full, and its location's storage if full, up to period t. */
function fullNetwork(model: SupplyModel, index: SupplyLpIndex, value: (c: number) => number, i: number, t: number): { lanes: string[]; storage?: string } {
  const item = model.items[i];
  const lanes: string[] = [];
  (model.lanes ?? []).forEach((lane, k) => {
    if (lane.to !== item.location) return;
    const moves = index.transfers.filter((x) => x.lane === k);
    if (!moves.some((x) => x.to === i)) return;
    const total = (s: number): number => moves.reduce((a, x) => a + value(x.columns[s]), 0);
    const periods = fullPeriods(total, (s) => lane.capacity[s], t);
    if (periods.length > 0) lanes.push(`lane ${lane.id} is full (${round(lane.capacity[periods[periods.length - 1]])} units a month) in ${listPeriods(model, periods)}`);
  });
  const location = model.locations?.find((l) => l.id === item.location);
  if (location === undefined) return { lanes };
  const stored = (s: number): number => model.items.reduce((a, other, j) => a + (other.location === location.id ? value(index.inventory[j][s]) * (other.volumePerUnit ?? 1) : 0), 0);
  const periods = fullPeriods(stored, (s) => location.storageCap[s], t);
  return periods.length > 0 ? { lanes, storage: `storage at ${location.id} is full (${round(location.storageCap[periods[periods.length - 1]])}) in ${listPeriods(model, periods)}` } : { lanes };
}

function describeShortfall(
  model: SupplyModel,
  elastic: SupplyModel,
  index: SupplyLpIndex,
  value: (c: number) => number,
  i: number,
  t: number,
  demandShort: number,
  stockShort: number,
): string {
  const item = model.items[i];
  const name = stockingPointName(item);
  const when = periodName(model, t);
  const what =
    demandShort > TOLERANCE
      ? `${name} is ${round(demandShort)} units short of demand ${t === model.periods - 1 && item.backlogAllowed ? `by the end of ${when}` : `in ${when}`}`
      : `${name} cannot reach its ${t === model.periods - 1 && item.endInventoryTarget > item.safetyStock[t] ? "end-of-horizon inventory target" : "safety stock"} in ${when} (${round(stockShort)} units short)`;
  const load = hoursNeeded(elastic, index.production.map((cols) => Array.from(cols, value)));
  const wf = model.workforce;
  const workers = wf === undefined ? undefined : new Array<number>(model.periods).fill(wf.maxWorkers);
  const regular = regularHours(model, workers === undefined ? undefined : { workers, hires: [], layoffs: [] });
  // the resources that can make the item: its own, or those of every plant that makes it
  const makers = model.items.map((other, j) => ({ other, j })).filter(({ other, j }) => other.id === item.id && (j === i || (model.locations !== undefined && isMade(model, other))));
  const uses = resourceUse(model);
  const used = [...new Set(makers.flatMap(({ j }) => uses[j].map((u) => u.resource)))];
  const full: string[] = [];
  for (const k of used) {
    const r = model.resources[k];
    const periods: number[] = [];
    for (let s = 0; s <= t; s++) {
      const perWorker = r.id === wf?.resource && wf.overtimeHoursPerWorker > 0 ? wf.overtimeHoursPerWorker * wf.maxWorkers : 0;
      const overtimeCap = r.overtimeHoursCap[s] + perWorker;
      if (load[k][s] >= regular[k][s] + overtimeCap - TOLERANCE * Math.max(1, load[k][s])) periods.push(s);
    }
    if (periods.length > 0) {
      const s = periods[periods.length - 1];
      full.push(`resource ${r.id}${r.location === undefined ? "" : ` at ${r.location}`} is full (${round(load[k][s])} hours, regular plus overtime) in ${listPeriods(model, periods)}`);
    }
  }
  const network = fullNetwork(model, index, value, i, t);
  const cause = [...full, ...network.lanes, ...(network.storage === undefined ? [] : [network.storage])];
  const changes: string[] = [];
  if (full.length > 0) changes.push(`Add hours or overtime on ${used.map((k) => model.resources[k].id).join("/")} by ${when}`);
  if (network.lanes.length > 0) changes.push(`${changes.length > 0 ? "m" : "M"}ore capacity on lane ${network.lanes.map((l) => l.split(" ")[1]).join("/")}`);
  if (network.storage !== undefined) changes.push(`${changes.length > 0 ? "m" : "M"}ore storage at ${item.location ?? ""}`);
  const fix = `${changes.length > 0 ? `${changes.join(", ")}, allow` : "Allow"} subcontracting, backlog or lost sales for ${name}, or lower its demand or stock targets.`;
  return `No plan meets every demand and stock target: ${what}${cause.length > 0 ? `; ${cause.join("; ")}` : ""}. ${fix}`;
}

function round(v: number): string {
  return (Math.round(v * 100) / 100).toLocaleString("en-US");
}

/**
 * Locations whose opening stock already exceeds their first period's storage limit, as phrases (a
 * plan can only ship such stock away, which lanes may not allow in time).
 * @example overfullStorage(model) // ["opening stock at W (120) is more than its storage limit of 100 in Jan"]
 */
export function overfullStorage(model: SupplyModel): string[] {
  return (model.locations ?? []).flatMap((location) => {
    const opening = model.items.reduce((a, item) => a + (item.location === location.id ? item.openingInventory * (item.volumePerUnit ?? 1) : 0), 0);
    return opening > location.storageCap[0] + TOLERANCE ? [`opening stock at ${location.id} (${round(opening)}) is more than its storage limit of ${round(location.storageCap[0])} in ${periodName(model, 0)}`] : [];
  });
}

/**
 * The negative costs of a model, as "field (item) is value" phrases; only they can make a plan unbounded.
 * @example negativeCosts(model) // ["items[0].holdingCost (widget) is -2"]
 */
export function negativeCosts(model: SupplyModel): string[] {
  const negative: string[] = [];
  model.items.forEach((item, i) => {
    for (const key of ["unitCost", "holdingCost", "backlogCost", "lostSalesCost", "subcontractCost"] as const) {
      const v = item[key];
      if (v !== undefined && v < 0) negative.push(`items[${i}].${key} (${item.id}) is ${v}`);
    }
  });
  const wf = model.workforce;
  if (wf !== undefined) {
    for (const key of ["wagePerWorker", "hireCost", "layoffCost"] as const) if (wf[key] < 0) negative.push(`workforce.${key} is ${wf[key]}`);
  }
  return negative;
}

/**
 * Explains an unbounded plan: the negative costs that make doing something without limit pay.
 * @example describeUnbounded(model) // "The plan's cost has no lower bound: items[0].holdingCost (widget) is -2, so ..."
 */
export function describeUnbounded(model: SupplyModel): string {
  const negative = negativeCosts(model);
  const which = negative.length > 0 ? `${negative.join("; ")}, so` : "some cost is negative, so";
  return `The plan's cost has no lower bound: ${which} making, buying or stocking without limit keeps lowering it. Costs are normally >= 0: correct the negative cost, or cap the quantity it applies to (e.g. a subcontract limit).`;
}
