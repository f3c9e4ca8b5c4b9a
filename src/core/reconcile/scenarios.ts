import { PlanningError } from "../errors";
import { stockingPointKey, type SupplyItem, type SupplyModel } from "../supply/model";

/**
 * Which periods a change covers: `from` and `to` are period numbers counted from 1 as the planner
 * sees them, both included; either may be left out (from the first / to the last period).
 */
export interface PeriodSpan {
  from?: number;
  to?: number;
}

/** Which items a change covers: one item, one family, or (neither given) every item. */
export interface ItemTarget {
  item?: string;
  family?: string;
}

/** Demand up (percent > 0) or down (percent < 0) by a share, e.g. +10 = 10% more. */
export interface DemandChange extends ItemTarget, PeriodSpan {
  kind: "demand";
  percent: number;
}

/**
 * A resource gains or loses regular hours: by percent (-20 = loses a fifth) or by hours per period
 * (-40 = loses 40 hours). Hours never go below 0. With `location` instead of `resource`, every
 * resource of that plant changes (a network model): -100 = the plant makes nothing.
 */
export interface CapacityChange extends PeriodSpan {
  kind: "capacity";
  resource?: string;
  location?: string;
  percent?: number;
  hours?: number;
}

/**
 * A lane of a network model carries more or less: its capacity per period x (1 + percent/100);
 * -100 closes it (for a lane without a limit, -100 is the only change allowed). `lane` is its id,
 * "From->To".
 */
export interface LaneChange extends PeriodSpan {
  kind: "lane";
  lane: string;
  percent: number;
}

/**
 * Demand moves between the locations of a network model: `percent` of the targeted items' demand at
 * `source` is taken from there and added at `target` (customers served from another location).
 */
export interface MoveChange extends ItemTarget, PeriodSpan {
  kind: "move";
  source: string;
  target: string;
  percent: number;
}

/** A new shift: the resource gains `hours` regular hours per period. */
export interface ShiftChange extends PeriodSpan {
  kind: "shift";
  resource: string;
  hours: number;
}

/** Money fields a scenario may change: the selling price or one of the item's costs. */
export type PriceField = "price" | "unitCost" | "holdingCost" | "subcontractCost" | "backlogCost";

/** A price or cost change: by percent (+5 = 5% more) or to a new value. */
export interface PriceChange extends ItemTarget {
  kind: "price" | "cost";
  /** For kind "cost": which cost (default unitCost). For kind "price" it is always price. */
  field?: Exclude<PriceField, "price">;
  percent?: number;
  value?: number;
}

/** One change to the base model. */
export type ScenarioChange = DemandChange | CapacityChange | ShiftChange | PriceChange | LaneChange | MoveChange;

/** A named what-if: a list of changes applied, in order, to a copy of the base model. */
export interface Scenario {
  name: string;
  description?: string;
  changes: ScenarioChange[];
}

/**
 * Apply a scenario's changes, in order, to a copy of the base supply model; the base is not touched.
 * A scenario without changes gives an exact copy of the base.
 * - demand: demand_t x (1 + percent/100) for the targeted items in the span
 * - capacity: availableHours_t x (1 + percent/100) or availableHours_t + hours, not below 0
 * - shift: availableHours_t + hours
 * - lane: capacity_t x (1 + percent/100) of one lane (-100 closes it)
 * - move: percent of demand_t at the source location moved to the target location, item by item
 * - price / cost: field x (1 + percent/100), or field = value; a percent leaves alone the targeted items
 *   that have no such field (e.g. no subcontract cost), a value gives it to them
 * @param base the supply model the scenario starts from
 * @param scenario its changes
 * @returns a new model
 * @throws PlanningError naming the scenario and change (1-based) when it names an unknown item, family,
 *   resource, plant, lane or location, a span outside the horizon, a percent change of a field none of its items has, or not exactly one of
 *   percent/hours or percent/value, or when the result would be negative
 * @example applyScenario(base, { name: "Promo", changes: [{ kind: "demand", family: "Bikes", percent: 10, from: 1, to: 3 }] })
 */
export function applyScenario(base: SupplyModel, scenario: Scenario): SupplyModel {
  const model = structuredClone(base);
  scenario.changes.forEach((change, k) => {
    const where = `Scenario "${scenario.name}", change ${k + 1} (${change.kind})`;
    switch (change.kind) {
      case "demand":
        changeDemand(model, change, where);
        break;
      case "capacity":
      case "shift":
        changeCapacity(model, change, where);
        break;
      case "price":
      case "cost":
        changePrice(model, change, where);
        break;
      case "lane":
        changeLane(model, change, where);
        break;
      case "move":
        moveDemand(model, change, where);
        break;
      default:
        throw new PlanningError(`${where} is not a known kind of change: use demand, capacity, shift, price, cost, lane or move.`);
    }
  });
  return model;
}

function changeDemand(model: SupplyModel, change: DemandChange, where: string): void {
  checkPercent(change.percent, where);
  const [from, to] = span(model, change, where);
  for (const item of targets(model, change, where)) {
    const demand = model.demand[stockingPointKey(item)];
    if (demand === undefined) continue;
    for (let t = from; t <= to; t++) demand[t] = scale(demand[t], change.percent);
  }
}

/** The resources a capacity change acts on: the one it names, or every resource of the plant it names. */
function changedResources(model: SupplyModel, change: CapacityChange | ShiftChange, where: string): SupplyModel["resources"] {
  const location = change.kind === "capacity" ? change.location : undefined;
  if ((change.resource === undefined) === (location === undefined)) throw new PlanningError(`${where} must name exactly one of resource or location (a plant).`);
  if (location !== undefined) {
    const plant = model.locations?.find((l) => l.id === location && l.kind === "plant");
    const plants = (model.locations ?? []).filter((l) => l.kind === "plant").map((l) => l.id);
    if (plant === undefined) throw new PlanningError(`${where} names plant "${location}", which is not a plant of the model (plants: ${plants.join(", ") || "none"}).`);
    return model.resources.filter((r) => r.location === location);
  }
  const resource = model.resources.find((r) => r.id === change.resource);
  if (resource === undefined) {
    throw new PlanningError(`${where} names resource "${change.resource ?? ""}", which is not in the model (known: ${model.resources.map((r) => r.id).join(", ")}).`);
  }
  return [resource];
}

function changeCapacity(model: SupplyModel, change: CapacityChange | ShiftChange, where: string): void {
  const resources = changedResources(model, change, where);
  const percent = change.kind === "capacity" ? change.percent : undefined;
  const hours = change.hours;
  if ((percent === undefined) === (hours === undefined) || !Number.isFinite(percent ?? hours)) {
    throw new PlanningError(`${where} must give exactly one number: percent or hours.`);
  }
  if (change.kind === "shift" && !(change.hours > 0)) {
    throw new PlanningError(`${where} must add a positive number of hours (a lost shift is a capacity change with negative hours).`);
  }
  const [from, to] = span(model, change, where);
  if (percent !== undefined) checkPercent(percent, where);
  for (const resource of resources) {
    for (let t = from; t <= to; t++) {
      const current = resource.availableHours[t];
      resource.availableHours[t] = Math.max(0, percent === undefined ? current + (hours ?? 0) : scale(current, percent));
      if (change.kind === "capacity" && change.location !== undefined && percent === -100) resource.overtimeHoursCap[t] = 0;
    }
  }
}

function changeLane(model: SupplyModel, change: LaneChange, where: string): void {
  const lane = model.lanes?.find((l) => l.id === change.lane);
  if (lane === undefined) throw new PlanningError(`${where} names lane "${change.lane}", which is not in the model (lanes: ${(model.lanes ?? []).map((l) => l.id).join(", ") || "none"}).`);
  checkPercent(change.percent, where);
  const [from, to] = span(model, change, where);
  for (let t = from; t <= to; t++) {
    if (lane.capacity[t] === Infinity && change.percent !== -100) throw new PlanningError(`${where}: lane ${lane.id} has no capacity limit, so it can only be closed (percent -100).`);
    lane.capacity[t] = change.percent === -100 ? 0 : scale(lane.capacity[t], change.percent);
  }
}

function moveDemand(model: SupplyModel, change: MoveChange, where: string): void {
  if (!(change.percent >= 0 && change.percent <= 100)) throw new PlanningError(`${where} moves ${change.percent}% of demand: give a percent from 0 to 100.`);
  const known = (model.locations ?? []).map((l) => l.id);
  for (const location of [change.source, change.target]) {
    if (!known.includes(location)) throw new PlanningError(`${where} names location "${location}", which is not in the model (locations: ${known.join(", ") || "none"}).`);
  }
  const [from, to] = span(model, change, where);
  let moved = 0;
  for (const item of targets(model, change, where).filter((i) => i.location === change.source)) {
    const source = model.demand[stockingPointKey(item)];
    const target = model.demand[stockingPointKey({ id: item.id, location: change.target })];
    if (target === undefined) {
      if (change.item === undefined) continue;
      throw new PlanningError(`${where}: item ${item.id} is not stocked at ${change.target}, so its demand cannot move there.`);
    }
    for (let t = from; t <= to; t++) {
      const units = (source[t] * change.percent) / 100;
      source[t] -= units;
      target[t] += units;
    }
    moved++;
  }
  if (moved === 0) throw new PlanningError(`${where}: no item it targets is stocked at both ${change.source} and ${change.target}.`);
}

function changePrice(model: SupplyModel, change: PriceChange, where: string): void {
  const field: PriceField = change.kind === "price" ? "price" : (change.field ?? "unitCost");
  if ((change.percent === undefined) === (change.value === undefined) || !Number.isFinite(change.percent ?? change.value)) {
    throw new PlanningError(`${where} must give exactly one number: percent or value.`);
  }
  if (change.value !== undefined && change.value < 0) throw new PlanningError(`${where} sets ${field} to ${change.value}; it cannot be negative.`);
  if (change.percent !== undefined) checkPercent(change.percent, where);
  const items = targets(model, change, where);
  const scaled = change.value === undefined ? items.filter((item) => item[field] !== undefined) : items;
  if (scaled.length === 0) {
    const reason = change.item !== undefined ? `item ${change.item} has no ${field}` : `none of the items it targets has a ${field}`;
    throw new PlanningError(`${where} changes ${field} by a percent, but ${reason}: give a value instead.`);
  }
  for (const item of scaled) item[field] = change.value ?? scale(item[field] ?? 0, change.percent ?? 0);
}

function checkPercent(percent: number, where: string): void {
  if (!Number.isFinite(percent)) throw new PlanningError(`${where} needs a percent that is a number.`);
  if (percent < -100) throw new PlanningError(`${where} takes away ${-percent}%, more than everything there is: use -100 at most.`);
}

/** value changed by percent, written as value + value x percent / 100 so that 100 + 10% is exactly 110. */
function scale(value: number, percent: number): number {
  return value + (value * percent) / 100;
}

function span(model: SupplyModel, change: PeriodSpan, where: string): [number, number] {
  const from = change.from ?? 1;
  const to = change.to ?? model.periods;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > model.periods || from > to) {
    throw new PlanningError(`${where} covers periods ${from} to ${to}, but the plan has periods 1 to ${model.periods}: give 1 <= from <= to <= ${model.periods}.`);
  }
  return [from - 1, to - 1];
}

function targets(model: SupplyModel, target: ItemTarget, where: string): SupplyItem[] {
  if (target.item !== undefined && target.family !== undefined) {
    throw new PlanningError(`${where} names both an item and a family: give one, or neither for every item.`);
  }
  if (target.item !== undefined) {
    const items = model.items.filter((i) => i.id === target.item);
    if (items.length === 0) throw new PlanningError(`${where} names item "${target.item}", which is not in the model.`);
    return items;
  }
  if (target.family !== undefined) {
    const items = model.items.filter((i) => i.family === target.family);
    if (items.length === 0) throw new PlanningError(`${where} names family "${target.family}", which no item belongs to.`);
    return items;
  }
  return model.items;
}
