/**
 * The supply network as a planner lays it out in the workbook, read into the network supply model
 * step 3 plans (docs/supply-model.md: locations, lanes, stocking points item@location). Three sheets of
 * the planner's own, one row per entry under a header row (column order free, headers matched loosely):
 *
 * - "SOP Locations": Location, Kind (plant or warehouse; "DC" and "distribution centre" read as
 *   warehouse), Storage capacity (units at a month end; blank = no limit), Resources (the resources at a
 *   plant, separated by commas).
 * - "SOP Lanes": From, To, Transit months (blank = 0), Cost per unit (blank = 0), Capacity per month
 *   (units over all items; blank = no limit).
 * - "SOP Item Locations" (optional): Item, Location, Opening inventory, Production lead time (months).
 *
 * An item master kept per location (a row per item and plant) gives each location's opening inventory,
 * safety stock and unit cost, and its lead time for the safety stock split; "SOP Item Locations"
 * overrides its opening inventory.
 *
 * Without "SOP Locations" the workbook has no network and the plan is the single-site plan.
 */
import { PlanningError } from "../core/errors";
import { stockingPointKey, type SupplyItem, type SupplyLane, type SupplyLocation, type SupplyModel, type TimeFence } from "../core/supply/model";
import type { Workbook } from "../workbook/workbook";
import type { ItemAtLocation } from "./planningData";
import { isBlank } from "./cellValues";
import { normalizeHeader } from "./headerNames";
import { numberIn, readIfPresent } from "./ownedSheets";
import { address, amount, column, readTable, requiredColumn, text, type PlannerTable } from "./plannerTable";
import { rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** The planner's sheets that describe the network. */
export const NETWORK_SHEETS = { locations: "SOP Locations", lanes: "SOP Lanes", itemLocations: "SOP Item Locations" } as const;

/** What the network is read from: the single-site model step 3 builds and each item's demand by location. */
export interface NetworkSource {
  model: SupplyModel;
  /** Each item's consensus by location (item id -> location -> one value per month). */
  byLocation: Record<string, Record<string, number[]>>;
  /** Each item's values by location from an item master kept per location (item id -> its rows). */
  itemLocations?: Record<string, readonly ItemAtLocation[]>;
}

const KINDS: Record<string, SupplyLocation["kind"]> = { plant: "plant", factory: "plant", warehouse: "warehouse", dc: "warehouse", "distribution centre": "warehouse", "distribution center": "warehouse" };

interface Locations {
  list: SupplyLocation[];
  /** Plant of each resource listed. */
  plantOf: Map<string, string>;
}

function readLocations(table: PlannerTable, model: SupplyModel): Locations {
  const [idCol, kindCol, storageCol, resourcesCol] = [
    requiredColumn(table, ["location", "site"]),
    requiredColumn(table, ["kind", "type"]),
    column(table, ["storage capacity", "storage"]),
    column(table, ["resources", "resource"]),
  ];
  const list: SupplyLocation[] = [];
  const plantOf = new Map<string, string>();
  const known = new Set(model.resources.map((r) => r.id));
  table.rows.forEach((_, r) => {
    const id = text(table, r, idCol);
    if (id === "") throw new PlanningError(`${address(table, r, idCol)} (Location) is empty: name the location, or delete the row.`);
    if (list.some((l) => l.id === id)) throw new PlanningError(`${address(table, r, idCol)}: location "${id}" is listed twice; list each location once.`);
    const kind = KINDS[normalizeHeader(text(table, r, kindCol))];
    if (kind === undefined) throw new PlanningError(`${address(table, r, kindCol)} (Kind) must be plant or warehouse; it holds "${text(table, r, kindCol)}".`);
    const storage = amount(table, r, storageCol, "Storage capacity", Infinity);
    list.push({ id, kind, storageCap: new Array<number>(model.periods).fill(storage) });
    for (const resource of text(table, r, resourcesCol).split(/[,;]/).map((s) => s.trim()).filter((s) => s !== "")) {
      const where = `${address(table, r, resourcesCol)} (Resources)`;
      if (kind !== "plant") throw new PlanningError(`${where}: ${id} is a warehouse, and resources sit at plants; move ${resource} to a plant's row.`);
      if (!known.has(resource)) throw new PlanningError(`${where} names resource "${resource}", which your resources do not list (known: ${[...known].join(", ")}).`);
      if (plantOf.has(resource)) throw new PlanningError(`${where}: resource ${resource} is already at ${plantOf.get(resource) ?? ""}; a resource sits at one plant.`);
      plantOf.set(resource, id);
    }
  });
  const plants = list.filter((l) => l.kind === "plant");
  if (plants.length === 0) throw new PlanningError(`${table.sheet} lists no plant: mark at least one location's Kind as plant, where your resources make the items.`);
  for (const resource of model.resources) {
    if (plantOf.has(resource.id)) continue;
    if (plants.length > 1) throw new PlanningError(`Resource ${resource.id} sits at no plant: name it in the Resources column of its plant on ${table.sheet}.`);
    plantOf.set(resource.id, plants[0].id);
  }
  return { list, plantOf };
}

function readLanes(table: PlannerTable | undefined, locations: readonly SupplyLocation[], periods: number): SupplyLane[] {
  if (table === undefined) return [];
  const [fromCol, toCol, transitCol, costCol, capacityCol] = [
    requiredColumn(table, ["from"]),
    requiredColumn(table, ["to"]),
    column(table, ["transit months", "transit", "lead time"]),
    column(table, ["cost per unit", "cost"]),
    column(table, ["capacity per month", "capacity"]),
  ];
  const ids = locations.map((l) => l.id);
  const lanes: SupplyLane[] = [];
  table.rows.forEach((_, r) => {
    const [from, to] = [text(table, r, fromCol), text(table, r, toCol)];
    for (const [name, k] of [[from, fromCol], [to, toCol]] as const) {
      if (!ids.includes(name)) throw new PlanningError(`${address(table, r, k)} names location "${name}", which ${NETWORK_SHEETS.locations} does not list (known: ${ids.join(", ")}).`);
    }
    if (from === to) throw new PlanningError(`${address(table, r, toCol)}: a lane goes from one location to another, not from ${from} to itself.`);
    const id = `${from}->${to}`;
    if (lanes.some((lane) => lane.id === id)) throw new PlanningError(`${address(table, r, fromCol)}: the lane ${from} to ${to} is listed twice; list each lane once.`);
    lanes.push({
      id,
      from,
      to,
      transitPeriods: amount(table, r, transitCol, "Transit months", 0, true),
      costPerUnit: new Array<number>(periods).fill(amount(table, r, costCol, "Cost per unit", 0)),
      capacity: new Array<number>(periods).fill(amount(table, r, capacityCol, "Capacity per month", Infinity)),
    });
  });
  return lanes;
}

/** Opening inventory and production lead time a planner gives per item x location. */
interface PointSettings {
  openingInventory?: number;
  productionLeadTime?: number;
}

function readItemLocations(table: PlannerTable | undefined, items: ReadonlySet<string>, locations: readonly SupplyLocation[]): Map<string, PointSettings> {
  const settings = new Map<string, PointSettings>();
  if (table === undefined) return settings;
  const [itemCol, locationCol, stockCol, leadCol] = [
    requiredColumn(table, ["item", "item id", "sku"]),
    requiredColumn(table, ["location", "site"]),
    column(table, ["opening inventory", "opening stock"]),
    column(table, ["production lead time"]),
  ];
  table.rows.forEach((_, r) => {
    const [id, location] = [text(table, r, itemCol), text(table, r, locationCol)];
    if (!items.has(id)) throw new PlanningError(`${address(table, r, itemCol)} names item "${id}", which the plan does not hold.`);
    if (!locations.some((l) => l.id === location)) throw new PlanningError(`${address(table, r, locationCol)} names location "${location}", which ${NETWORK_SHEETS.locations} does not list.`);
    const entry: PointSettings = {};
    if (stockCol >= 0 && !isBlank(table.rows[r][stockCol] ?? null)) entry.openingInventory = amount(table, r, stockCol, "Opening inventory", 0);
    if (leadCol >= 0 && !isBlank(table.rows[r][leadCol] ?? null)) entry.productionLeadTime = amount(table, r, leadCol, "Production lead time", 0, true);
    settings.set(`${id}@${location}`, entry);
  });
  return settings;
}

/**
 * An item's rows of an item master kept per location, by location, each location one the network lists.
 * @throws PlanningError naming the row's location cell when the network does not list its location
 */
function masterRows(item: string, rows: readonly ItemAtLocation[], locations: readonly SupplyLocation[]): Map<string, ItemAtLocation> {
  for (const row of rows) {
    if (!locations.some((l) => l.id === row.location)) {
      throw new PlanningError(
        `${row.address}: your item master keeps ${item} at "${row.location}", which ${NETWORK_SHEETS.locations} does not list (known: ${locations.map((l) => l.id).join(", ")}). Add the location to ${NETWORK_SHEETS.locations}, or correct the item master's location.`,
      );
    }
  }
  return new Map(rows.map((row) => [row.location, row]));
}

/** Each item x location's forecast error (RMSE) on SOP Forecast, keyed `item@location`. */
async function locationErrors(workbook: Workbook): Promise<Map<string, number>> {
  const [header = [], ...rows] = await readIfPresent(workbook, SHEETS.forecast);
  const names = header.map((cell) => String(cell ?? ""));
  const [rmse, measure] = [names.indexOf("RMSE"), names.indexOf("Measure")];
  const errors = new Map<string, number>();
  for (const row of rows) {
    if (row[measure] !== "Forecast") continue;
    const { item, location } = rowKey(names, row);
    errors.set(`${item}@${location}`, numberIn(row[rmse]));
  }
  return errors;
}

/** Shares of a whole: in proportion to the weights, equal when they are all 0. */
function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => (total > 0 ? w / total : 1 / weights.length));
}

const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

/**
 * The network supply model of a workbook with "SOP Locations", or undefined without it. Each item is
 * stocked at every location where it has demand and at every plant whose resources it uses (made there,
 * on those resources only; an item using no resource may be made at every plant). Its demand at a
 * location is its consensus there. Its safety stock is each location's own where an item master kept
 * per location gives it (0 where it has no row); otherwise the single-site figure is split over its
 * demand locations by forecast error, as z x sigma_l x sqrt(L_l) per location (SS_l = SS x sigma_l /
 * sqrt(sum sigma_k^2) x sqrt(L_l / L), L_l the master's lead time there, L the longest), or by demand
 * when the errors are 0. Its opening inventory is "SOP Item Locations"' where it gives it, else each
 * location's own from such a master (a location that only stocks the item is planned too), else split
 * by demand; such a master's unit cost at a location is its cost there. Subcontracting is bought at the
 * plants that make the item, its monthly limit shared equally. A stocking point without demand (a plant
 * that only makes the item) carries no backlog, so it ships only what it has. The time fence keeps each
 * plant's approved production (or, after a single-site plan, the item's, where one plant makes it).
 * @param workbook the planner's workbook
 * @param source the single-site model step 3 built and the demand by location
 * @throws PlanningError naming the sheet and cell of a location, lane or item-location entry that is
 *   wrong, an item's demand at a location the network does not list, or an item master's location it does not list
 * @example const network = await readNetwork(book, { model, byLocation }); network?.lanes?.length // 6
 */
export async function readNetwork(workbook: Workbook, source: NetworkSource): Promise<SupplyModel | undefined> {
  const locationTable = await readTable(workbook, NETWORK_SHEETS.locations);
  if (locationTable === undefined) return undefined;
  const { model: base, byLocation } = source;
  const { list: locations, plantOf } = readLocations(locationTable, base);
  const lanes = readLanes(await readTable(workbook, NETWORK_SHEETS.lanes), locations, base.periods);
  const pointSettings = readItemLocations(await readTable(workbook, NETWORK_SHEETS.itemLocations), new Set(base.items.map((i) => i.id)), locations);
  const errors = await locationErrors(workbook);
  const zeros = new Array<number>(base.periods).fill(0);
  const items: SupplyItem[] = [];
  const demand: Record<string, number[]> = {};
  for (const item of base.items) {
    const demandAt = byLocation[item.id] ?? {};
    for (const location of Object.keys(demandAt)) {
      if (location === "") throw new PlanningError(`Item ${item.id} has demand without a location, but ${NETWORK_SHEETS.locations} plans by location: give every history row its location.`);
      if (!locations.some((l) => l.id === location)) {
        throw new PlanningError(`Item ${item.id} has demand at "${location}", which ${NETWORK_SHEETS.locations} does not list: add it as a plant or warehouse (known: ${locations.map((l) => l.id).join(", ")}).`);
      }
    }
    const used = Object.entries(item.hoursPerUnit).filter(([, h]) => h > 0).map(([r]) => plantOf.get(r));
    const madeAt = new Set(locations.filter((l) => l.kind === "plant" && (used.length === 0 || used.includes(l.id))).map((l) => l.id));
    const master = masterRows(item.id, source.itemLocations?.[item.id] ?? [], locations);
    // stock the master keeps at a location that neither makes nor sells the item is planned there too
    const stocked = (id: string): boolean => (master.get(id)?.openingInventory ?? 0) > 0 || (master.get(id)?.safetyStock ?? 0) > 0;
    const points = locations.filter((l) => madeAt.has(l.id) || l.id in demandAt || stocked(l.id)).map((l) => l.id);
    const givesStock = [...master.values()].some((row) => row.openingInventory !== null);
    const givesSafety = [...master.values()].some((row) => row.safetyStock !== null);
    const demandPoints = points.filter((p) => p in demandAt);
    const sigma = demandPoints.map((p) => errors.get(`${item.id}@${p}`) ?? 0);
    const pooled = Math.sqrt(sum(sigma.map((s) => s * s)));
    const stockShare = shares(demandPoints.map((p) => sum(demandAt[p])));
    // z x sigma_l x sqrt(L_l): a location whose own lead time (an item master kept per location) is
    // shorter than the item's (the longest, which sized its safety stock) needs less
    const longest = Math.max(0, ...[...master.values()].map((row) => row.leadTime ?? 0));
    const leadFactor = (location: string): number => {
      const own = master.get(location)?.leadTime;
      return own === null || own === undefined || longest <= 0 ? 1 : Math.sqrt(own / longest);
    };
    const safetyShare = (pooled > 0 ? sigma.map((s) => s / pooled) : stockShare).map((share, d) => share * leadFactor(demandPoints[d]));
    for (const location of points) {
      const key = stockingPointKey({ id: item.id, location });
      const d = demandPoints.indexOf(location);
      const settings = pointSettings.get(key) ?? {};
      const made = madeAt.has(location);
      const own = master.get(location);
      const safety = givesSafety
        ? item.safetyStock.map(() => own?.safetyStock ?? 0)
        : d < 0
          ? item.safetyStock.map(() => 0)
          : item.safetyStock.map((v) => Math.round(v * safetyShare[d]));
      const split = d < 0 ? (demandPoints.length === 0 && location === points[0] ? item.openingInventory : 0) : Math.round(item.openingInventory * stockShare[d]);
      const entry: SupplyItem = {
        ...item,
        location,
        hoursPerUnit: made ? Object.fromEntries(Object.entries(item.hoursPerUnit).filter(([r]) => plantOf.get(r) === location)) : {},
        safetyStock: safety,
        endInventoryTarget: safety[safety.length - 1] ?? 0,
        openingInventory: settings.openingInventory ?? (givesStock ? (own?.openingInventory ?? 0) : split),
        subcontractCap: made ? item.subcontractCap.map((cap) => cap / madeAt.size) : zeros.slice(),
      };
      if (!made) entry.made = false;
      if (own?.unitCost !== null && own?.unitCost !== undefined && item.costByPeriod?.unitCost === undefined && item.unitCost > 0) {
        entry.holdingCost = (item.holdingCost * own.unitCost) / item.unitCost;
        entry.unitCost = own.unitCost;
      }
      // no customers here, so nothing to owe (the optimiser's on-hand rule already keeps it from shipping
      // units it does not have; chase and level read this flag to do the same)
      if (d < 0) entry.backlogAllowed = false;
      if (settings.productionLeadTime !== undefined && settings.productionLeadTime > 0) entry.productionLeadTime = settings.productionLeadTime;
      if (!made) delete entry.subcontractCost;
      items.push(entry);
      demand[key] = d < 0 ? zeros.slice() : demandAt[location].slice();
    }
  }
  const resources = base.resources.map((resource) => ({ ...resource, location: plantOf.get(resource.id) ?? "" }));
  const network: SupplyModel = { ...base, items, resources, demand, locations, lanes };
  const fence = networkFence(base.timeFence, items);
  if (fence === undefined) delete network.timeFence;
  else network.timeFence = fence;
  return network;
}

/**
 * The fence of a network: each plant's approved production of an item (`id@plant`, from a network plan's
 * "Production at" rows), else, for an item made at one plant, the item's approved production there.
 */
function networkFence(fence: TimeFence | undefined, items: readonly SupplyItem[]): TimeFence | undefined {
  if (fence === undefined) return undefined;
  const production: Record<string, number[]> = {};
  for (const item of items) {
    if (item.made === false) continue;
    const key = stockingPointKey(item);
    const single = items.filter((other) => other.id === item.id && other.made !== false).length === 1;
    const approved = fence.production[key] ?? (single ? fence.production[item.id] : undefined);
    if (approved !== undefined) production[key] = approved;
  }
  return { ...fence, production };
}
