/**
 * Turns unknown input (parsed JSON, a task-pane form, a workbook reader's output) into a typed
 * SupplyModel, or throws one PlanningError listing every problem by field path, e.g.
 * "items[3].hoursPerUnit.R2 must be a number >= 0". The JSON form is in docs/supply-model.md.
 */

import { PlanningError } from "../errors";
import {
  isMade,
  stockingPointKey,
  type PeriodCostField,
  type ScheduledReceipt,
  type SupplyItem,
  type SupplyLane,
  type SupplyLocation,
  type SupplyModel,
  type SupplyResource,
  type TimeFence,
  type WorkforcePlan,
} from "./model";

type Json = Record<string, unknown>;

const MAX_LISTED = 12;

/**
 * The largest supply model planned: 120 periods (ten years of months, as the forecast horizon), and
 * 180,000 item-periods (5,000 items x 36 months, planned by HiGHS in 149 s and 1 GB in `npm run
 * bench:supply`), counting resources as items, with at most three resources per item on average.
 */
export const SUPPLY_LIMITS = { periods: 120, itemPeriods: 180_000, hourEntries: 540_000 } as const;

const thousands = (n: number): string => n.toLocaleString("en-US");

/**
 * Refuses, before anything is allocated, a model larger than SUPPLY_LIMITS: the message names the
 * field, its value and the limit, and what to do.
 * @param periods the model's periods (a whole number >= 1)
 * @param items how many items the model lists
 * @param resources how many resources the model lists
 * @throws PlanningError naming the field, the value and the limit
 * @example checkSupplySize(1e9, 1, 1) // throws "periods is 1,000,000,000; a plan has at most 120 periods ..."
 */
export function checkSupplySize(periods: number, items: number, resources: number): void {
  if (periods > SUPPLY_LIMITS.periods) {
    throw new PlanningError(`periods is ${thousands(periods)}; a plan has at most ${SUPPLY_LIMITS.periods} periods (ten years of months). Plan a shorter horizon, or in quarters.`);
  }
  const size = (items + resources) * periods;
  if (size > SUPPLY_LIMITS.itemPeriods) {
    const fit = Math.max(0, Math.floor(SUPPLY_LIMITS.itemPeriods / periods) - resources);
    throw new PlanningError(
      `The model has ${thousands(items)} items and ${thousands(resources)} resource${resources === 1 ? "" : "s"} over ${periods} periods: ${thousands(size)} item-periods, more than the ${thousands(SUPPLY_LIMITS.itemPeriods)} one plan holds ` +
        `(5,000 items x 36 months). Plan at most ${thousands(fit)} items over ${periods} periods, e.g. one family at a time, or fewer periods.`,
    );
  }
}

/** Refuses a model whose hours per unit, over all items and periods, exceed SUPPLY_LIMITS.hourEntries. */
function checkHourEntries(items: readonly SupplyItem[], periods: number): void {
  const entries = items.reduce((sum, item) => sum + Object.keys(item.hoursPerUnit).length, 0) * periods;
  if (entries > SUPPLY_LIMITS.hourEntries) {
    throw new PlanningError(
      `items[].hoursPerUnit hold ${thousands(entries / periods)} item-resource pairs over ${periods} periods: ${thousands(entries)} capacity entries, more than the ${thousands(SUPPLY_LIMITS.hourEntries)} one plan holds ` +
        "(three resources per item at 5,000 items x 36 months). Plan fewer items at a time, or fewer periods.",
    );
  }
}

class Problems {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkKnown(obj: Json, path: string, known: readonly string[], problems: Problems): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) problems.add(`${path}.${key} is not a known field (known: ${known.join(", ")})`);
  }
}

/** Reads a number field; `min` is inclusive; `fallback` undefined means the field is required. */
function num(obj: Json, key: string, path: string, problems: Problems, min: number, fallback?: number): number {
  const v = obj[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < min) {
    problems.add(`${path}.${key} must be a number${min === -Infinity ? "" : ` >= ${min}`}${v === undefined ? " (it is missing)" : ""}`);
    return fallback ?? 0;
  }
  return v;
}

function optionalNum(obj: Json, key: string, path: string, problems: Problems, min: number): number | undefined {
  return obj[key] === undefined ? undefined : num(obj, key, path, problems, min);
}

/**
 * A cost that may vary by period: a number, or a list of `periods` numbers (then the scalar is their
 * average and the list is kept). Undefined when absent and not required.
 */
function costField(obj: Json, key: PeriodCostField, path: string, periods: number, problems: Problems, min: number, required: boolean): { value: number; list?: number[] } | undefined {
  const v = obj[key];
  if (Array.isArray(v)) {
    if (v.length !== periods) {
      problems.add(`${path}.${key} must be one number or one value per period (${periods}), not ${v.length}`);
      return { value: 0 };
    }
    const list = v.map((x, t) => {
      if (typeof x !== "number" || !Number.isFinite(x) || x < min) {
        problems.add(`${path}.${key}[${t}] must be a number${min === -Infinity ? "" : ` >= ${min}`}`);
        return 0;
      }
      return x;
    });
    return { value: list.reduce((a, b) => a + b, 0) / periods, list };
  }
  if (v === undefined && !required) return undefined;
  return { value: num(obj, key, path, problems, min) };
}

function bool(obj: Json, key: string, path: string, problems: Problems, fallback: boolean): boolean {
  const v = obj[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") {
    problems.add(`${path}.${key} must be true or false`);
    return fallback;
  }
  return v;
}

/** A per-period field: a number (same every period) or an array of `periods` numbers >= 0. */
function perPeriod(obj: Json, key: string, path: string, periods: number, problems: Problems, fallback?: number): number[] {
  const v = obj[key];
  if (v === undefined && fallback !== undefined) return new Array<number>(periods).fill(fallback);
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return new Array<number>(periods).fill(v);
  if (Array.isArray(v)) {
    if (v.length !== periods) {
      problems.add(`${path}.${key} must have one value per period (${periods}), not ${v.length}`);
      return new Array<number>(periods).fill(0);
    }
    return v.map((x, t) => {
      if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
        problems.add(`${path}.${key}[${t}] must be a number >= 0`);
        return 0;
      }
      return x;
    });
  }
  problems.add(`${path}.${key} must be a number >= 0 or a list of ${periods} such numbers${v === undefined ? " (it is missing)" : ""}`);
  return new Array<number>(periods).fill(0);
}

function str(obj: Json, key: string, path: string, problems: Problems): string {
  const v = obj[key];
  if (typeof v !== "string" || v.trim() === "") {
    problems.add(`${path}.${key} must be a non-empty text`);
    return "";
  }
  return v;
}

const ITEM_FIELDS = [
  "id", "location", "made", "productionLeadTime", "volumePerUnit", "backlogCap", "family", "price", "unitCost", "holdingCost", "backlogAllowed", "backlogCost", "lostSalesCost", "subcontractCost",
  "subcontractCap", "safetyStock", "safetyStockPenalty", "openingInventory", "openingBacklog", "endInventoryTarget",
  "endBacklogMax", "hoursPerUnit", "wholeUnits", "lotSize", "minOrderQuantity",
] as const;

/** What items and resources may refer to: the model's resources (with their plant) and locations. */
interface Context {
  periods: number;
  resources: ReadonlyMap<string, SupplyResource>;
  locations?: ReadonlyMap<string, SupplyLocation>;
}

function readLocationRef(raw: Json, path: string, context: Context, problems: Problems): string | undefined {
  const v = raw.location;
  if (context.locations === undefined) {
    if (v !== undefined) problems.add(`${path}.location is given but the model lists no locations (add locations, or leave location out for a single site)`);
    return undefined;
  }
  if (typeof v !== "string" || !context.locations.has(v)) {
    problems.add(`${path}.location must name one of the locations (${[...context.locations.keys()].join(", ")})${v === undefined ? " (it is missing)" : `, not "${String(v)}"`}`);
    return undefined;
  }
  return v;
}

function readItem(raw: unknown, path: string, context: Context, problems: Problems): SupplyItem | undefined {
  const { periods } = context;
  if (!isObject(raw)) {
    problems.add(`${path} must be an object with at least id, unitCost, holdingCost and hoursPerUnit`);
    return undefined;
  }
  checkKnown(raw, path, ITEM_FIELDS, problems);
  const location = readLocationRef(raw, path, context, problems);
  const warehouse = location !== undefined && context.locations?.get(location)?.kind === "warehouse";
  const made = bool(raw, "made", path, problems, !warehouse);
  if (made && warehouse) problems.add(`${path}.made cannot be true: ${location} is a warehouse, and items are made at plants`);
  const costs: Partial<Record<PeriodCostField, number[]>> = {};
  const cost = (key: PeriodCostField, min: number, required: boolean): number | undefined => {
    const read = costField(raw, key, path, periods, problems, min, required);
    if (read?.list !== undefined) costs[key] = read.list;
    return read?.value;
  };
  const backlogCost = cost("backlogCost", -Infinity, false);
  const backlogAllowed = bool(raw, "backlogAllowed", path, problems, backlogCost !== undefined);
  if (backlogAllowed && backlogCost === undefined) problems.add(`${path}.backlogCost must be a number when backlogAllowed is true (it is missing)`);
  const subcontractCost = cost("subcontractCost", -Infinity, false);
  const hoursPerUnit: Record<string, number> = {};
  const hours = raw.hoursPerUnit;
  if (hours !== undefined && !isObject(hours)) problems.add(`${path}.hoursPerUnit must be an object of resource id -> hours per unit`);
  if (isObject(hours)) {
    for (const [rid, h] of Object.entries(hours)) {
      const resource = context.resources.get(rid);
      if (resource === undefined) problems.add(`${path}.hoursPerUnit.${rid} names no resource (resources: ${[...context.resources.keys()].join(", ")})`);
      else if (typeof h !== "number" || !Number.isFinite(h) || h < 0) problems.add(`${path}.hoursPerUnit.${rid} must be a number >= 0`);
      else if (h > 0 && !made) problems.add(`${path}.hoursPerUnit.${rid}: the item is not made at ${location ?? "its site"}, so it needs no hours there (leave hoursPerUnit out)`);
      else if (h > 0 && resource.location !== location) problems.add(`${path}.hoursPerUnit.${rid}: resource ${rid} sits at ${resource.location ?? "no location"}, not at ${location ?? "the single site"} where this entry is made`);
      else hoursPerUnit[rid] = h;
    }
  }
  const family = raw.family;
  if (family !== undefined && typeof family !== "string") problems.add(`${path}.family must be a text`);
  const safetyStock = perPeriod(raw, "safetyStock", path, periods, problems, 0);
  const item: SupplyItem = {
    id: str(raw, "id", path, problems),
    unitCost: cost("unitCost", -Infinity, made) ?? 0,
    holdingCost: cost("holdingCost", -Infinity, true) ?? 0,
    backlogAllowed,
    backlogCost: backlogCost ?? 0,
    subcontractCap: perPeriod(raw, "subcontractCap", path, periods, problems, subcontractCost === undefined ? 0 : Infinity),
    safetyStock,
    openingInventory: num(raw, "openingInventory", path, problems, 0, 0),
    openingBacklog: num(raw, "openingBacklog", path, problems, 0, 0),
    endInventoryTarget: num(raw, "endInventoryTarget", path, problems, 0, safetyStock[periods - 1]),
    endBacklogMax: num(raw, "endBacklogMax", path, problems, 0, 0),
    hoursPerUnit,
  };
  if (location !== undefined) item.location = location;
  if (!made && !warehouse) item.made = false;
  if (typeof family === "string") item.family = family;
  const price = cost("price", 0, false);
  if (price !== undefined) item.price = price;
  const lostSalesCost = cost("lostSalesCost", -Infinity, false);
  if (lostSalesCost !== undefined) item.lostSalesCost = lostSalesCost;
  if (subcontractCost !== undefined) item.subcontractCost = subcontractCost;
  if (Object.keys(costs).length > 0) item.costByPeriod = costs;
  const penalty = optionalNum(raw, "safetyStockPenalty", path, problems, 0);
  if (penalty !== undefined) item.safetyStockPenalty = penalty;
  if (bool(raw, "wholeUnits", path, problems, false)) item.wholeUnits = true;
  for (const key of ["lotSize", "minOrderQuantity", "volumePerUnit"] as const) {
    const value = optionalNum(raw, key, path, problems, 0);
    if (value === undefined) continue;
    if (value <= 0) problems.add(`${path}.${key} must be a number > 0 (leave it out for ${key === "volumePerUnit" ? "1" : "none"})`);
    else item[key] = value;
  }
  const lead = raw.productionLeadTime;
  if (lead !== undefined) {
    if (typeof lead !== "number" || !Number.isInteger(lead) || lead < 0 || lead >= periods) problems.add(`${path}.productionLeadTime must be a whole number of periods from 0 to ${periods - 1}`);
    else if (lead > 0) item.productionLeadTime = lead;
  }
  if (raw.backlogCap !== undefined) {
    if (!backlogAllowed) problems.add(`${path}.backlogCap is given but backlog is not allowed (give backlogCost)`);
    item.backlogCap = perPeriod(raw, "backlogCap", path, periods, problems);
  }
  return item;
}

const RESOURCE_FIELDS = ["id", "location", "availableHours", "overtimeHoursCap", "regularCostPerHour", "overtimeCostPerHour"] as const;

function readResource(raw: unknown, path: string, periods: number, locations: ReadonlyMap<string, SupplyLocation> | undefined, problems: Problems): SupplyResource | undefined {
  if (!isObject(raw)) {
    problems.add(`${path} must be an object with at least id and availableHours`);
    return undefined;
  }
  checkKnown(raw, path, RESOURCE_FIELDS, problems);
  const resource: SupplyResource = {
    id: str(raw, "id", path, problems),
    availableHours: perPeriod(raw, "availableHours", path, periods, problems),
    overtimeHoursCap: perPeriod(raw, "overtimeHoursCap", path, periods, problems, 0),
    regularCostPerHour: num(raw, "regularCostPerHour", path, problems, 0, 0),
    overtimeCostPerHour: num(raw, "overtimeCostPerHour", path, problems, 0, 0),
  };
  const location = readLocationRef(raw, path, { periods, resources: new Map(), ...(locations === undefined ? {} : { locations }) }, problems);
  if (location !== undefined) {
    if (locations?.get(location)?.kind !== "plant") problems.add(`${path}.location: ${location} is a warehouse; resources sit at plants`);
    resource.location = location;
  }
  if (resource.overtimeCostPerHour < resource.regularCostPerHour) {
    problems.add(`${path}.overtimeCostPerHour must be >= regularCostPerHour (${resource.regularCostPerHour})`);
  }
  return resource;
}

const WORKFORCE_FIELDS = [
  "resource", "initialWorkers", "hoursPerWorker", "overtimeHoursPerWorker", "wagePerWorker", "hireCost", "layoffCost",
  "minWorkers", "maxWorkers", "integerWorkers", "hireCap",
] as const;

function readWorkforce(raw: unknown, resourceIds: ReadonlySet<string>, periods: number, problems: Problems): WorkforcePlan | undefined {
  const path = "workforce";
  if (!isObject(raw)) {
    problems.add(`${path} must be an object with resource, initialWorkers, hoursPerWorker and wagePerWorker`);
    return undefined;
  }
  checkKnown(raw, path, WORKFORCE_FIELDS, problems);
  const resource = str(raw, "resource", path, problems);
  if (resource !== "" && !resourceIds.has(resource)) problems.add(`${path}.resource names no resource (resources: ${[...resourceIds].join(", ")})`);
  const plan: WorkforcePlan = {
    resource,
    initialWorkers: num(raw, "initialWorkers", path, problems, 0),
    hoursPerWorker: num(raw, "hoursPerWorker", path, problems, 0),
    overtimeHoursPerWorker: num(raw, "overtimeHoursPerWorker", path, problems, 0, 0),
    wagePerWorker: num(raw, "wagePerWorker", path, problems, -Infinity),
    hireCost: num(raw, "hireCost", path, problems, -Infinity, 0),
    layoffCost: num(raw, "layoffCost", path, problems, -Infinity, 0),
    minWorkers: num(raw, "minWorkers", path, problems, 0, 0),
    maxWorkers: raw.maxWorkers === undefined ? Infinity : num(raw, "maxWorkers", path, problems, 0),
    integerWorkers: bool(raw, "integerWorkers", path, problems, false),
  };
  if (plan.maxWorkers < plan.minWorkers) problems.add(`${path}.maxWorkers must be >= minWorkers (${plan.minWorkers})`);
  if (raw.hireCap !== undefined) plan.hireCap = perPeriod(raw, "hireCap", path, periods, problems);
  return plan;
}

function readTimeFence(raw: unknown, periods: number, itemIds: ReadonlySet<string>, problems: Problems): TimeFence | undefined {
  const path = "timeFence";
  if (!isObject(raw)) {
    problems.add(`${path} must be an object with periods and production (item id -> the approved plan's production per period)`);
    return undefined;
  }
  checkKnown(raw, path, ["periods", "production", "changeCost"], problems);
  const fenced = raw.periods;
  if (typeof fenced !== "number" || !Number.isInteger(fenced) || fenced < 0 || fenced > periods) {
    problems.add(`${path}.periods must be a whole number from 0 to ${periods}`);
    return undefined;
  }
  const production: Record<string, number[]> = {};
  if (!isObject(raw.production)) problems.add(`${path}.production must be an object of item id -> production per period`);
  else {
    for (const [id, values] of Object.entries(raw.production)) {
      if (!itemIds.has(id)) problems.add(`${path}.production.${id} names no item${id.includes("@") ? " stocking point" : ""} (keys: item id, or item@location in a network model)`);
      else if (!Array.isArray(values) || values.length < fenced || values.slice(0, fenced).some((v) => typeof v !== "number" || !Number.isFinite(v) || v < 0)) {
        problems.add(`${path}.production.${id} must list at least ${fenced} numbers >= 0 (the approved production of the fenced periods)`);
      } else production[id] = (values as number[]).slice(0, fenced);
    }
  }
  const fence: TimeFence = { periods: fenced, production };
  const changeCost = optionalNum(raw, "changeCost", path, problems, 0);
  if (changeCost !== undefined) fence.changeCost = changeCost;
  return fence;
}

function readList<T>(raw: Json, key: string, read: (v: unknown, path: string) => T | undefined, problems: Problems): T[] {
  const list = raw[key];
  if (!Array.isArray(list) || list.length === 0) {
    problems.add(`${key} must be a non-empty list`);
    return [];
  }
  const out: T[] = [];
  list.forEach((v, k) => {
    const value = read(v, `${key}[${k}]`);
    if (value !== undefined) out.push(value);
  });
  return out;
}

function checkUnique(ids: readonly string[], what: string, problems: Problems): void {
  const seen = new Set<string>();
  ids.forEach((id, k) => {
    if (id !== "" && seen.has(id)) problems.add(`${what}[${k}].id "${id}" is used twice; ids must be unique`);
    seen.add(id);
  });
}

function readDemand(raw: unknown, itemIds: readonly string[], periods: number, problems: Problems): Record<string, number[]> {
  const demand: Record<string, number[]> = {};
  if (!isObject(raw)) {
    problems.add("demand must be an object of item id -> list of demand per period");
    return demand;
  }
  for (const key of Object.keys(raw)) if (!itemIds.includes(key)) problems.add(`demand.${key} names no item`);
  for (const id of itemIds) {
    if (raw[id] === undefined) {
      problems.add(`demand.${id} is missing (one value per period for ${id.includes("@") ? "stocking point" : "item"} ${id})`);
      demand[id] = new Array<number>(periods).fill(0);
    } else demand[id] = perPeriod(raw, id, "demand", periods, problems);
  }
  return demand;
}

function readLocations(raw: unknown, periods: number, problems: Problems): SupplyLocation[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.add("locations must be a non-empty list of { id, kind: plant | warehouse, storageCap? }");
    return [];
  }
  const out: SupplyLocation[] = [];
  raw.forEach((v, k) => {
    const path = `locations[${k}]`;
    if (!isObject(v)) return problems.add(`${path} must be an object with id and kind (plant or warehouse)`);
    checkKnown(v, path, ["id", "kind", "storageCap"], problems);
    if (v.kind !== "plant" && v.kind !== "warehouse") problems.add(`${path}.kind must be "plant" or "warehouse"`);
    out.push({ id: str(v, "id", path, problems), kind: v.kind === "warehouse" ? "warehouse" : "plant", storageCap: perPeriod(v, "storageCap", path, periods, problems, Infinity) });
  });
  checkUnique(out.map((l) => l.id), "locations", problems);
  return out;
}

function readLanes(raw: unknown, periods: number, locations: ReadonlyMap<string, SupplyLocation> | undefined, problems: Problems): SupplyLane[] {
  if (!Array.isArray(raw)) {
    problems.add("lanes must be a list of { from, to, transitPeriods, costPerUnit, capacity? }");
    return [];
  }
  if (locations === undefined && raw.length > 0) problems.add("lanes are given but the model lists no locations");
  const out: SupplyLane[] = [];
  raw.forEach((v, k) => {
    const path = `lanes[${k}]`;
    if (!isObject(v)) return problems.add(`${path} must be an object with from, to, transitPeriods and costPerUnit`);
    checkKnown(v, path, ["id", "from", "to", "transitPeriods", "costPerUnit", "capacity"], problems);
    const from = str(v, "from", path, problems);
    const to = str(v, "to", path, problems);
    for (const [key, id] of [["from", from], ["to", to]] as const) {
      if (id !== "" && locations !== undefined && !locations.has(id)) problems.add(`${path}.${key} names no location ("${id}"; locations: ${[...locations.keys()].join(", ")})`);
    }
    if (from !== "" && from === to) problems.add(`${path} goes from ${from} to itself`);
    const transit = v.transitPeriods;
    if (typeof transit !== "number" || !Number.isInteger(transit) || transit < 0) problems.add(`${path}.transitPeriods must be a whole number of periods >= 0`);
    const id = v.id === undefined ? `${from}->${to}` : str(v, "id", path, problems);
    out.push({
      id,
      from,
      to,
      transitPeriods: typeof transit === "number" && Number.isInteger(transit) && transit >= 0 ? transit : 0,
      costPerUnit: perPeriod(v, "costPerUnit", path, periods, problems),
      capacity: perPeriod(v, "capacity", path, periods, problems, Infinity),
    });
  });
  checkUnique(out.map((l) => l.id), "lanes", problems);
  return out;
}

function readReceipts(raw: unknown, model: SupplyModel, problems: Problems): ScheduledReceipt[] {
  if (!Array.isArray(raw)) {
    problems.add("scheduledReceipts must be a list of { item, location?, period, quantity }");
    return [];
  }
  const keys = new Set(model.items.map(stockingPointKey));
  const out: ScheduledReceipt[] = [];
  raw.forEach((v, k) => {
    const path = `scheduledReceipts[${k}]`;
    if (!isObject(v)) return problems.add(`${path} must be an object with item, period and quantity`);
    checkKnown(v, path, ["item", "location", "period", "quantity"], problems);
    const item = str(v, "item", path, problems);
    const location = v.location;
    if (location !== undefined && typeof location !== "string") problems.add(`${path}.location must be a text`);
    const key = typeof location === "string" ? `${item}@${location}` : item;
    if (item !== "" && !keys.has(key)) problems.add(`${path}: no item ${item}${typeof location === "string" ? ` at ${location}` : ""} is planned${model.locations !== undefined && location === undefined ? " (give its location)" : ""}`);
    const p = v.period;
    const labelAt = typeof p === "string" ? (model.periodLabels ?? []).indexOf(p) : -1;
    const period = typeof p === "number" && Number.isInteger(p) && p >= 1 && p <= model.periods ? p - 1 : labelAt;
    if (period < 0) problems.add(`${path}.period must be a period number from 1 to ${model.periods} or one of periodLabels`);
    out.push({ stockingPoint: key, period: Math.max(0, period), quantity: num(v, "quantity", path, problems, 0) });
  });
  return out;
}

/**
 * Validates unknown input into a SupplyModel, expanding per-period scalars into arrays and filling
 * defaults (documented in docs/supply-model.md).
 * @param input parsed JSON or an equivalent object.
 * @returns the typed, complete model.
 * @throws PlanningError listing every problem found, each naming its field path; or, before reading
 *   anything else, naming the size beyond SUPPLY_LIMITS (periods, items x periods).
 * @example validateSupplyModel(JSON.parse(text)).items[0].subcontractCap // [Infinity, Infinity, ...]
 */
export function validateSupplyModel(input: unknown): SupplyModel {
  const problems = new Problems();
  if (!isObject(input)) throw new PlanningError("The supply model must be an object with periods, items, resources and demand.");
  checkKnown(input, "model", ["periods", "periodLabels", "items", "resources", "demand", "workforce", "timeFence", "mipGap", "locations", "lanes", "scheduledReceipts"], problems);
  const periodsRaw = input.periods;
  const periods = typeof periodsRaw === "number" && Number.isInteger(periodsRaw) && periodsRaw >= 1 ? periodsRaw : 0;
  if (periods === 0) throw new PlanningError("periods must be a whole number >= 1 (the number of periods in the horizon).");
  checkSupplySize(periods, Array.isArray(input.items) ? input.items.length : 0, Array.isArray(input.resources) ? input.resources.length : 0);
  const locationList = input.locations === undefined ? undefined : readLocations(input.locations, periods, problems);
  const locations = locationList === undefined ? undefined : new Map(locationList.map((l) => [l.id, l]));
  const resources = readList(input, "resources", (v, p) => readResource(v, p, periods, locations, problems), problems);
  checkUnique(resources.map((r) => r.id), "resources", problems);
  const resourceIds = new Set(resources.map((r) => r.id));
  const context: Context = { periods, resources: new Map(resources.map((r) => [r.id, r])), ...(locations === undefined ? {} : { locations }) };
  const items = readList(input, "items", (v, p) => readItem(v, p, context, problems), problems);
  checkUnique(items.map(stockingPointKey), "items", problems);
  checkHourEntries(items, periods);
  const model: SupplyModel = { periods, items, resources, demand: readDemand(input.demand, items.map(stockingPointKey), periods, problems) };
  if (locationList !== undefined) model.locations = locationList;
  if (input.lanes !== undefined) model.lanes = readLanes(input.lanes, periods, locations, problems);
  const labels = input.periodLabels;
  if (labels !== undefined) {
    if (!Array.isArray(labels) || labels.length !== periods || labels.some((l) => typeof l !== "string")) {
      problems.add(`periodLabels must be a list of ${periods} texts`);
    } else model.periodLabels = labels as string[];
  }
  if (input.workforce !== undefined) {
    const workforce = readWorkforce(input.workforce, resourceIds, periods, problems);
    if (workforce !== undefined) model.workforce = workforce;
  }
  if (input.timeFence !== undefined) {
    const fence = readTimeFence(input.timeFence, periods, new Set(items.filter((i) => isMade(model, i)).map(stockingPointKey)), problems);
    if (fence !== undefined) model.timeFence = fence;
  }
  if (input.scheduledReceipts !== undefined) model.scheduledReceipts = readReceipts(input.scheduledReceipts, model, problems);
  const mipGap = optionalNum(input, "mipGap", "model", problems, 0);
  if (mipGap !== undefined) model.mipGap = mipGap;
  if (problems.list.length > 0) {
    const shown = problems.list.slice(0, MAX_LISTED);
    const more = problems.list.length - shown.length;
    throw new PlanningError(`The supply model has ${problems.list.length} problem(s): ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}.`);
  }
  return model;
}
