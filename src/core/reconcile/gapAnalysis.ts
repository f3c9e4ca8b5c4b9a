import { PlanningError } from "../errors";
import { fillRate } from "../supply/evaluatePlan";
import { assertNumbers, assertSameLength } from "./checks";
import { constrainedDemand } from "./constrainedDemand";
import { periodGap } from "./gap";

/** One item as the gap analysis needs it. */
export interface GapItem {
  id: string;
  /** Hierarchy levels the item rolls up to, e.g. { family: "Bikes", region: "EU" }. */
  levels?: Readonly<Record<string, string>>;
  /** Price per unit (money). */
  price: number;
  /** Demand per period (units). */
  demand: readonly number[];
  /** Supply available per period (units). */
  supply: readonly number[];
  openingInventory?: number;
  openingBacklog?: number;
  /** Hours of each resource one unit needs, by resource id. */
  hoursPerUnit?: Readonly<Record<string, number>>;
}

/** Available hours of one resource per period. */
export interface GapResource {
  id: string;
  capacity: readonly number[];
}

/** Gap of one item or one group of items, per period and in total. */
export interface GapSeries {
  key: string;
  demand: number[];
  supply: number[];
  /** supply - demand (units). */
  gap: number[];
  /** 100 * gap / demand (see `periodGap` for demand 0). */
  percent: number[];
  /** Opening position: stock on hand at the start less backlog owed then (units). */
  opening: number;
  /** Opening position plus the running sum of gap: what is left (or owed, when negative) at each period end. */
  cumulative: number[];
  /** Constrained (achievable) demand after inventory and backlog. */
  constrained: number[];
  /** Demand not served on time x price (money, 0 or more). */
  revenueAtRisk: number[];
  /** On-time units / demand over the horizon. */
  fillRate: number;
  /** Horizon totals; `gap` = opening + supply - demand, so a family's gap counts its opening stock. */
  totals: { demand: number; supply: number; gap: number; constrained: number; revenueAtRisk: number };
}

/** Gap of one resource: available hours against the hours the demand needs. */
export interface ResourceGap {
  key: string;
  capacity: number[];
  /** Hours needed to make the demand: sum over items of hours per unit x demand. */
  load: number[];
  /** capacity - load (hours). */
  gap: number[];
  /** 100 * load / capacity (NaN where capacity is 0 and load is not, 0 where both are 0). */
  utilisation: number[];
}

/** The whole gap analysis. */
export interface GapAnalysis {
  items: GapSeries[];
  /** Per hierarchy level (family, region, ...), one series per group, in order of first appearance. */
  groups: Record<string, GapSeries[]>;
  resources: ResourceGap[];
}

/**
 * Gap analysis by item, family (and any other level), resource and period (S&OP step 4).
 * Items: gap = supply - demand, percent of demand, cumulative from the opening position (stock less
 * backlog), horizon gap = opening + supply - demand, constrained demand and fill rate
 * (`constrainedDemand`), revenue at risk = (demand - on-time) x price. Groups sum their items' units
 * and money; a group's revenue at risk is the sum of its items' (a surplus on one item does not cover a
 * shortfall on another). Resources: gap = capacity - sum_i hoursPerUnit_i,r x demand_i,t.
 * @throws PlanningError when periods differ between series, a value is not a number, a price is negative
 *   or an item names a resource that is not given
 * @example gapAnalysis([{ id: "A", price: 2, demand: [10], supply: [8] }]).items[0].revenueAtRisk // [4]
 */
export function gapAnalysis(items: readonly GapItem[], resources: readonly GapResource[] = []): GapAnalysis {
  if (items.length === 0) throw new PlanningError("The gap analysis needs at least one item.");
  const periods = items[0].demand.length;
  const known = new Set(resources.map((r) => r.id));
  const itemResults = items.map((item) => itemGap(item, periods, known));
  const itemSeries = itemResults.map((r) => r.series);
  const groups: Record<string, GapSeries[]> = {};
  const levelNames = [...new Set(items.flatMap((item) => Object.keys(item.levels ?? {})))];
  for (const level of levelNames) {
    const members = new Map<string, number[]>();
    items.forEach((item, i) => {
      const key = item.levels?.[level];
      if (key === undefined) {
        throw new PlanningError(`Item ${item.id} has no ${level}: give every item a ${level}, or none.`);
      }
      const list = members.get(key) ?? [];
      list.push(i);
      members.set(key, list);
    });
    groups[level] = [...members].map(([key, indexes]) => groupGap(key, indexes.map((i) => itemResults[i])));
  }
  return { items: itemSeries, groups, resources: resources.map((r) => resourceGap(r, items, periods)) };
}

interface ItemResult {
  series: GapSeries;
  onTime: number[];
}

function itemGap(item: GapItem, periods: number, resources: ReadonlySet<string>): ItemResult {
  assertSameLength(`demand of item ${item.id}`, item.demand, "the first item's demand", new Array<number>(periods));
  if (!(item.price >= 0)) throw new PlanningError(`Item ${item.id} needs a price of 0 or more, not ${item.price}.`);
  const unknown = Object.keys(item.hoursPerUnit ?? {}).find((r) => resources.size > 0 && !resources.has(r));
  if (unknown !== undefined) {
    throw new PlanningError(`Item ${item.id} needs resource ${unknown}, which has no capacity given: add it or correct the name.`);
  }
  const served = constrainedDemand(item.demand, item.supply, {
    openingInventory: item.openingInventory,
    openingBacklog: item.openingBacklog,
  });
  const revenueAtRisk = item.demand.map((d, t) => (d - served.onTime[t]) * item.price);
  const { onTime } = served;
  const opening = (item.openingInventory ?? 0) - (item.openingBacklog ?? 0);
  return { series: series(item.id, opening, [...item.demand], [...item.supply], served.constrained, revenueAtRisk, onTime), onTime };
}

function groupGap(key: string, members: readonly ItemResult[]): GapSeries {
  const sum = (pick: (m: ItemResult) => readonly number[]): number[] =>
    pick(members[0]).map((_, t) => members.reduce((acc, m) => acc + pick(m)[t], 0));
  return series(
    key,
    members.reduce((acc, m) => acc + m.series.opening, 0),
    sum((m) => m.series.demand),
    sum((m) => m.series.supply),
    sum((m) => m.series.constrained),
    sum((m) => m.series.revenueAtRisk),
    sum((m) => m.onTime),
  );
}

function series(
  key: string,
  opening: number,
  demand: number[],
  supply: number[],
  constrained: number[],
  revenueAtRisk: number[],
  onTime: readonly number[],
): GapSeries {
  const gap = periodGap(demand, supply, "units");
  const total = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
  const demandTotal = total(demand);
  return {
    key,
    demand,
    supply,
    gap,
    percent: periodGap(demand, supply, "percent"),
    opening,
    cumulative: periodGap(demand, supply, "cumulative").map((v) => opening + v),
    constrained,
    revenueAtRisk,
    fillRate: fillRate(total(onTime), demandTotal),
    totals: {
      demand: demandTotal,
      supply: total(supply),
      gap: opening + total(gap),
      constrained: total(constrained),
      revenueAtRisk: total(revenueAtRisk),
    },
  };
}

function resourceGap(resource: GapResource, items: readonly GapItem[], periods: number): ResourceGap {
  assertSameLength(`capacity of resource ${resource.id}`, resource.capacity, "demand", new Array<number>(periods));
  assertNumbers(`capacity of resource ${resource.id}`, resource.capacity);
  const load = new Array<number>(periods).fill(0);
  for (const item of items) {
    const hours = item.hoursPerUnit?.[resource.id] ?? 0;
    for (let t = 0; t < periods; t++) load[t] += hours * item.demand[t];
  }
  const capacity = [...resource.capacity];
  return {
    key: resource.id,
    capacity,
    load,
    gap: capacity.map((c, t) => c - load[t]),
    utilisation: load.map((l, t) => (capacity[t] === 0 ? (l === 0 ? 0 : Number.NaN) : (100 * l) / capacity[t])),
  };
}
