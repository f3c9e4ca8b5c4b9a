import { PlanningError } from "../core/errors";
import { lagErrorSafetyStocks, MIN_CYCLES_FOR_LAG_ERROR } from "../core/rolling";
import type { ForecastSnapshotRow } from "../core/rolling/snapshot";
import { safetyStock, type SupplyItem, type SupplyModel, type SupplyResource, type TimeFence } from "../core/supply";
import { readAuditLog } from "./approval";
import type { Workbook } from "../workbook/workbook";
import { requireNoOpenErrors } from "./errorGate";
import { loadMappedData } from "./mappedData";
import { readNetwork } from "./networkFromWorkbook";
import { numberIn, readStepSheet } from "./ownedSheets";
import { readPlanningSettings, type PlanningSettings } from "./planningSettings";
import type { Item, PlanningData, Resource } from "./planningData";
import { readReceipts } from "./receiptsFromWorkbook";
import { countsPieces } from "./headerNames";
import { monthsPerPeriod } from "./planningBuckets";
import { keyColumnCount, rowKey } from "./seriesColumns";
import { SHEETS } from "./sheets";
import { actualRows, readForecastSnapshots } from "./snapshots";

/**
 * How the cycle fills what planners' workbooks usually leave out. Written here once, shown in the
 * README, and applied the same way by the task pane and `sop run`.
 */
export const PLANNING_DEFAULTS = {
  /** Annual holding cost as a share of unit cost, when the item master gives none. */
  holdingRate: 0.25,
  /** Cycle service level, when the item master gives none. */
  serviceLevel: 0.95,
  /** Lead time in months, when the item master gives none (in a weekly plan, its weeks). */
  leadTime: 1,
  /** Cost of one unit backlogged for one month, as a share of its price (in a weekly plan, a week's share of it). */
  backlogCostShare: 0.05,
  /** Cost of one unit of demand lost, as a share of its price (the revenue lost). */
  lostSalesCostShare: 1,
  /** Overtime cost per hour as a multiple of the regular cost, when the resource gives none. */
  overtimePremium: 1.5,
  /**
   * Months at the start of the horizon that keep the last approved plan's production (the time fence),
   * when the workbook's Planning Settings give none.
   */
  frozenMonths: 1,
} as const;


/** The supply model and what it was built from. */
export interface SupplyInputs {
  model: SupplyModel;
  data: PlanningData;
  periods: string[];
  /**
   * Each item's consensus by location, for a workbook with locations (empty without): the model plans
   * each item's total over its locations on the shared resources (by location when `network` is given).
   */
  byLocation: Record<string, Record<string, number[]>>;
  /** How safety stock was sized when past cycles were kept: from their measured lag error, or why not yet. */
  safetyStockNote?: string;
  /** The model over the workbook's network (SOP Locations, networkFromWorkbook.ts); absent without one. */
  network?: SupplyModel;
  /** How many scheduled receipts and units SOP Receipts gave (receiptsFromWorkbook.ts); absent without the sheet. */
  receiptsNote?: string;
}

/**
 * Build the supply model the cycle plans: demand from SOP Consensus (as the planner may have edited
 * it; an item's locations added up), safety stock from the forecast error in SOP Forecast (an item's
 * locations combined as independent errors, RMSE = sqrt(sum of RMSE^2)) or, once enough past cycles
 * were kept, from the error at the lead-time lag measured over them (lagErrorStocks), costs and hours per unit from
 * the item master, capacity from the planner's capacity range (else the resources' regular hours),
 * the time fence from the last approved plan and the workbook's Planning Settings, units already on
 * the way from SOP Receipts (in a network book by location, the single-site model their item totals).
 * @param override settings that replace the workbook's for this run (`sop run --frozen-months`)
 * @throws BlockedByErrors while step 1 has errors not fixed or accepted
 * @throws PlanningError when step 2 has not run, an item has no unit cost, a planning setting is not
 *   allowed, or a cell of the network's sheets or of SOP Receipts is wrong (naming it)
 */
export async function buildSupplyModel(workbook: Workbook, override: PlanningSettings = {}): Promise<SupplyInputs> {
  await requireNoOpenErrors(workbook, "The supply plan (steps 3 to 5)");
  // asked for together: the step's sheets go to Excel in as few round trips as their reads allow
  const [data, consensus, forecast] = await Promise.all([
    loadMappedData(workbook),
    readStepSheet(workbook, SHEETS.consensus, "step 2 (demand forecast)"),
    readStepSheet(workbook, SHEETS.forecast, "step 2 (demand forecast)"),
  ]);
  const keys = keyColumnCount(consensus.header);
  const periods = consensus.header.slice(keys + 1);
  const [rmseColumn, measureColumn] = [forecast.header.indexOf("RMSE"), forecast.header.indexOf("Measure")];
  const squaredRmse = new Map<string, number>();
  for (const row of forecast.rows.filter((r) => r[measureColumn] === "Forecast")) {
    const id = rowKey(forecast.header, row).item;
    squaredRmse.set(id, (squaredRmse.get(id) ?? 0) + numberIn(row[rmseColumn]) ** 2);
  }
  const itemOf = new Map(data.items.map((item) => [item.id, item]));

  const demand: Record<string, number[]> = {};
  const byLocation: SupplyInputs["byLocation"] = {};
  for (const row of consensus.rows) {
    const { item: id, location } = rowKey(consensus.header, row);
    if (!itemOf.has(id)) throw new PlanningError(`Item ${id} of ${SHEETS.consensus} is not in your item master any more: run step 1 again.`);
    const quantities = row.slice(keys + 1).map((cell) => Math.max(0, numberIn(cell)));
    demand[id] = (demand[id] ?? periods.map(() => 0)).map((sum, t) => sum + quantities[t]);
    if (keys > 1) byLocation[id] = { ...byLocation[id], [location]: quantities };
  }
  const ids = Object.keys(demand);
  const lagError = await lagErrorStocks(workbook, data, ids.map((id) => ({ item: itemOf.get(id) as Item, holdoutRmse: Math.sqrt(squaredRmse.get(id) ?? 0) })));
  const items: SupplyItem[] = ids.map((id) =>
    supplyItem(itemOf.get(id) as Item, demand[id], Math.sqrt(squaredRmse.get(id) ?? 0), data.resources, periods.length, ids.length, lagError.stocks.get(id), monthsPerPeriod(data.bucket)),
  );
  const resources = data.resources.map((resource, r) => supplyResource(resource, r, data, periods));
  const model: SupplyModel = { periods: periods.length, periodLabels: periods, items, resources, demand };
  const fence = await approvedFence(workbook, periods, items, { ...(await readPlanningSettings(workbook)), ...definedOnly(override) });
  if (fence !== undefined) model.timeFence = fence;
  const itemLocations = Object.fromEntries(data.items.flatMap((item) => (item.locations === undefined ? [] : [[item.id, item.locations]])));
  const network = await readNetwork(workbook, { model, byLocation, itemLocations });
  const receipts = await readReceipts(workbook, network ?? model);
  if (receipts !== undefined && receipts.receipts.length > 0) {
    model.scheduledReceipts = receipts.itemTotals;
    if (network !== undefined) network.scheduledReceipts = receipts.receipts;
  }
  return {
    model,
    data,
    periods,
    byLocation,
    ...(lagError.note === undefined ? {} : { safetyStockNote: lagError.note }),
    ...(network === undefined ? {} : { network }),
    ...(receipts === undefined ? {} : { receiptsNote: receipts.note }),
  };
}

/**
 * Safety stock from the forecast error at the lead-time lag, measured over the past cycles' snapshots
 * (lagErrorSafetyStocks: z x RMSE of each cycle's consensus for the next L months against what was
 * sold), for the items with at least MIN_CYCLES_FOR_LAG_ERROR such cycles; the others keep the
 * forecast's RMSE. An item's locations are added up first: production is planned per item, so the
 * error that matters is that of the item's total. Items whose lead time is not a whole number of
 * months keep the forecast's RMSE.
 * @returns the measured stocks by item, and the sentence for the plan's assumptions (none before any cycle was kept)
 */
async function lagErrorStocks(workbook: Workbook, data: PlanningData, wanted: readonly { item: Item; holdoutRmse: number }[]): Promise<{ stocks: Map<string, number>; note?: string }> {
  const snapshots = await readForecastSnapshots(workbook);
  if (snapshots.length === 0) return { stocks: new Map() };
  const requests = wanted
    .map(({ item, holdoutRmse }) => ({ item: item.id, leadTime: item.leadTime || PLANNING_DEFAULTS.leadTime / monthsPerPeriod(data.bucket), serviceLevel: item.serviceLevel ?? PLANNING_DEFAULTS.serviceLevel, holdoutRmse }))
    .filter((request) => Number.isInteger(request.leadTime) && request.leadTime >= 1);
  const byItem = new Map<string, ForecastSnapshotRow>();
  for (const row of snapshots) {
    const key = `${row.cycle}\u0000${row.item}\u0000${row.period}`;
    const sum = byItem.get(key);
    byItem.set(key, sum === undefined ? { ...row, location: "", roles: {} } : { ...sum, naive: sum.naive + row.naive, statistical: sum.statistical + row.statistical, consensus: sum.consensus + row.consensus });
  }
  const actuals = actualRows(data).map((row) => ({ ...row, location: "" }));
  const measured = lagErrorSafetyStocks([...byItem.values()], actuals, requests).filter((stock) => stock.source === "lagError");
  const stocks = new Map(measured.map((stock) => [stock.item, stock.safetyStock]));
  const cycles = new Set(snapshots.map((row) => row.cycle)).size;
  const note =
    measured.length === 0
      ? `Safety stock is sized from the forecast's RMSE: ${cycles} past cycle(s) kept a forecast, and ${MIN_CYCLES_FOR_LAG_ERROR} with actuals over an item's lead time are needed before the error measured over past cycles replaces it.`
      : `Safety stock of ${measured.length} of ${wanted.length} items is sized from the forecast error over their lead time measured over ${cycleSpan(measured.map((stock) => stock.cycles))} past cycles (z x RMSE of the consensus against what was sold), replacing the forecast's RMSE` +
        (measured.length < wanted.length ? `; the other ${wanted.length - measured.length} keep the forecast's RMSE (fewer than ${MIN_CYCLES_FOR_LAG_ERROR} such cycles, or a lead time that is not a whole number of periods).` : ".");
  return { stocks, note };
}

/** The settings that are given (an override leaves the workbook's value where it gives none). */
function definedOnly(settings: PlanningSettings): PlanningSettings {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/**
 * The time fence from the last approved plan: its production of the first frozen months of this
 * horizon that it covers (Planning Settings' "Frozen months", default `PLANNING_DEFAULTS.frozenMonths`;
 * 0 = no fence), for the items it plans. A unit moved away from it costs the "Cost per unit changed"
 * setting, by default the highest price of any item (more than losing a sale), so the plan keeps it
 * unless nothing else can be planned. A fence of 0 months when the settings freeze none (so the plan
 * can say so); undefined when no plan was approved, its sheet is gone, or the approved plan does not
 * cover this horizon's first month.
 */
async function approvedFence(workbook: Workbook, periods: readonly string[], items: readonly SupplyItem[], settings: PlanningSettings): Promise<TimeFence | undefined> {
  const frozenMonths = settings.frozenMonths ?? PLANNING_DEFAULTS.frozenMonths;
  if (frozenMonths === 0) return { periods: 0, production: {} };
  const approved = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").at(-1);
  if (approved === undefined || approved.sheet === "") return undefined;
  if (!(await workbook.listSheets()).some((sheet) => sheet.name === approved.sheet)) return undefined;
  const [header = [], ...rows] = await workbook.read(approved.sheet);
  const column = periods.map((label) => header.findIndex((cell, k) => k >= 3 && String(cell ?? "") === label));
  let fenced = 0;
  while (fenced < Math.min(frozenMonths, periods.length) && column[fenced] >= 0) fenced++;
  if (fenced === 0) return undefined;
  const known = new Set(items.map((item) => item.id));
  const production: Record<string, number[]> = {};
  for (const row of rows) {
    const id = String(row[0] ?? "");
    // a network plan also has each plant's production ("Production at Plant Oslo"), kept as `id@plant`
    const plant = /^Production at (.+)$/.exec(String(row[2] ?? ""))?.[1];
    if ((row[2] !== "Production" && plant === undefined) || !known.has(id)) continue;
    production[plant === undefined ? id : `${id}@${plant}`] = column.slice(0, fenced).map((k) => Math.max(0, numberIn(row[k])));
  }
  if (Object.keys(production).length === 0) return undefined;
  return { periods: fenced, production, changeCost: settings.changeCost ?? Math.max(...items.map((item) => item.price ?? item.unitCost)) };
}

/** "6" or "6 to 9": how many past cycles were measured. */
function cycleSpan(counts: readonly number[]): string {
  const [least, most] = [Math.min(...counts), Math.max(...counts)];
  return least === most ? String(least) : `${least} to ${most}`;
}

/** An item as the supply model plans it; `months` is the months in one planning period (rates per year or month are per period). */
function supplyItem(item: Item, demand: number[], rmse: number, resources: Resource[], periods: number, itemCount: number, measuredStock: number | undefined, months: number): SupplyItem {
  if (item.unitCost === null) {
    throw new PlanningError(`Item ${item.id} has no unit cost in your item master: the supply plan needs one for every item.`);
  }
  const price = item.price ?? 2 * item.unitCost;
  const meanDemand = demand.reduce((s, v) => s + v, 0) / Math.max(1, demand.length);
  const stock =
    rmse > 0
      ? safetyStock(item.serviceLevel ?? PLANNING_DEFAULTS.serviceLevel, { demandMean: meanDemand, demandStdDev: rmse, leadTime: item.leadTime || PLANNING_DEFAULTS.leadTime / months })
      : 0;
  const planned = item.safetyStock ?? Math.round(measuredStock ?? stock);
  const subcontract = subcontractTerms(item, resources, itemCount);
  return {
    id: item.id,
    family: item.family,
    price,
    unitCost: item.unitCost,
    holdingCost: (item.unitCost * (item.holdingRate ?? PLANNING_DEFAULTS.holdingRate) * months) / 12,
    backlogAllowed: true,
    backlogCost: price * PLANNING_DEFAULTS.backlogCostShare * months,
    lostSalesCost: price * PLANNING_DEFAULTS.lostSalesCostShare,
    subcontractCost: subcontract?.cost,
    subcontractCap: new Array<number>(periods).fill(subcontract?.cap ?? 0),
    safetyStock: new Array<number>(periods).fill(planned),
    safetyStockPenalty: price * PLANNING_DEFAULTS.backlogCostShare * months,
    openingInventory: item.openingInventory ?? 0,
    openingBacklog: 0,
    endInventoryTarget: planned,
    endBacklogMax: 0,
    hoursPerUnit: item.hoursPerUnit,
    ...(countsPieces(item.unit) ? { wholeUnits: true } : {}),
  };
}

/**
 * Subcontracting of an item: possible when every resource it uses can be subcontracted; the cost is
 * the unit cost plus the subcontracted hours at their price, and each item may use an equal share of
 * each resource's subcontract hours.
 */
function subcontractTerms(item: Item, resources: Resource[], itemCount: number): { cost: number; cap: number } | undefined {
  let cost = item.unitCost ?? 0;
  let cap = Infinity;
  for (const [id, hours] of Object.entries(item.hoursPerUnit)) {
    if (hours <= 0) continue;
    const resource = resources.find((r) => r.id === id);
    if (!resource || resource.subcontractCost === null) return undefined;
    cost += hours * resource.subcontractCost;
    if (resource.subcontractHours !== null) cap = Math.min(cap, resource.subcontractHours / itemCount / hours);
  }
  return { cost, cap };
}

function supplyResource(resource: Resource, r: number, data: PlanningData, periods: string[]): SupplyResource {
  const regular = resource.regularHours ?? 0;
  const available = periods.map((label) => {
    const t = data.capacity?.periods.indexOf(label) ?? -1;
    const hours = t >= 0 ? data.capacity?.hours[r]?.[t] : null;
    return hours ?? regular;
  });
  const regularCost = resource.regularCost ?? 0;
  return {
    id: resource.id,
    availableHours: available,
    overtimeHoursCap: periods.map(() => resource.overtimeHours ?? 0),
    regularCostPerHour: regularCost,
    overtimeCostPerHour: Math.max(resource.overtimeCost ?? regularCost * PLANNING_DEFAULTS.overtimePremium, regularCost),
  };
}
