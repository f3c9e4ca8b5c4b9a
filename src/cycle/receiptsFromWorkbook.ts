/**
 * Scheduled receipts as a planner enters them: open purchase orders and stock in transit, units already
 * on the way that the plan must not order again. One sheet of the planner's own (the add-in reads it and
 * never writes it), one row per receipt under a header row (column order free, headers matched loosely):
 *
 * - "SOP Receipts": Item, Location (a network book only: a location of SOP Locations), Month (of
 *   arrival: "2026-03" or any month or date Excel shows, in a weekly plan the week or date), Units, Note.
 *
 * Rows of the same item, location and month add up. Without the sheet the plan is planned as before.
 */
import { PlanningError } from "../core/errors";
import { stockingPointKey, type ScheduledReceipt, type SupplyModel } from "../core/supply/model";
import { formatNumber } from "../workbook/numberFormat";
import type { Workbook } from "../workbook/workbook";
import { isoWeekLabel, monthLabelOfDay } from "./calendarDays";
import { NETWORK_SHEETS } from "./networkFromWorkbook";
import { WHOLE_FORMAT } from "./ownedSheets";
import { parsePeriodCell } from "./periodHeader";
import { periodWord } from "./planningBuckets";
import { address, amount, column, readTable, requiredColumn, text, type PlannerTable } from "./plannerTable";

/** The planner's sheet of scheduled receipts. */
export const RECEIPTS_SHEET = "SOP Receipts";

/** The receipts read from SOP Receipts, and the sentence step 3 reports about them. */
export interface ReadReceipts {
  /** Units arriving in the horizon, one entry per stocking point and period (rows of the same added up). */
  receipts: ScheduledReceipt[];
  /**
   * The same units keyed by the item alone, summed over its locations: the receipts of a network book's
   * single-site model (at a single site, the same as `receipts`).
   */
  itemTotals: ScheduledReceipt[];
  /** How many receipts and units were read, and those left out for arriving after the horizon. */
  note: string;
}

/**
 * The scheduled receipts of SOP Receipts for the model step 3 plans, or undefined when the workbook has
 * no such sheet. In a network model (one with locations) every row names its location, where the item
 * must be stocked; in a single-site model the Location column is blank or absent. The month of arrival
 * is matched to the model's period labels; a receipt after the last is left out (the note says so).
 * @param workbook the planner's workbook
 * @param model the model step 3 plans: the network model of a network book, else the single-site model
 * @throws PlanningError naming the cell of an unknown item or location, a month that is not one of the
 *   plan's or is before it (such units are opening inventory), or units that are not a number from 0
 * @example const read = await readReceipts(book, model); read?.receipts[0] // { stockingPoint: "A-1", period: 2, quantity: 50 }
 */
export async function readReceipts(workbook: Workbook, model: SupplyModel): Promise<ReadReceipts | undefined> {
  const table = await readTable(workbook, RECEIPTS_SHEET);
  if (table === undefined) return undefined;
  const network = model.locations !== undefined;
  const [itemCol, locationCol, monthCol, unitsCol] = [
    requiredColumn(table, ["item", "item id", "sku"]),
    network ? requiredColumn(table, ["location", "site"]) : column(table, ["location", "site"]),
    requiredColumn(table, ["month", "arrival month", "arrival", "period", "week", "date"]),
    requiredColumn(table, ["units", "quantity", "qty"]),
  ];
  const labels = model.periodLabels ?? [];
  const items = new Set(model.items.map((item) => item.id));
  const points = new Set(model.items.map(stockingPointKey));
  const [sums, totals] = [new Map<string, ScheduledReceipt>(), new Map<string, ScheduledReceipt>()];
  const later = { rows: 0, units: 0, last: "" };
  table.rows.forEach((_, r) => {
    const id = text(table, r, itemCol);
    if (!items.has(id)) throw new PlanningError(`${address(table, r, itemCol)} names item "${id}", which the plan does not hold.`);
    const key = stockingPointKey({ id, location: receiptLocation(table, r, locationCol, model) });
    if (!points.has(key)) {
      throw new PlanningError(`${address(table, r, locationCol)}: item ${id} is not stocked at ${text(table, r, locationCol)} (it neither sells nor is made there), so nothing can arrive there for it.`);
    }
    const units = amount(table, r, unitsCol, "Units", undefined);
    const label = arrivalLabel(table, r, monthCol, labels);
    const period = labels.indexOf(label);
    if (period < 0) {
      later.rows++;
      later.units += units;
      if (label > later.last) later.last = label;
      return;
    }
    addUp(sums, key, period, units);
    addUp(totals, id, period, units);
  });
  const receipts = [...sums.values()];
  const read = table.rows.length - later.rows;
  const units = receipts.reduce((s, receipt) => s + receipt.quantity, 0);
  const note =
    `${RECEIPTS_SHEET}: ${read} scheduled receipt(s) of ${formatNumber(units, WHOLE_FORMAT)} units in all arrive within the horizon; the plan counts them as supply and does not order them again.` +
    (later.rows === 0 ? "" : ` ${later.rows} receipt(s) of ${formatNumber(later.units, WHOLE_FORMAT)} units arrive after the horizon (last ${later.last}) and are left out.`);
  return { receipts, itemTotals: [...totals.values()], note };
}

/** Add units arriving at a stocking point in a period to the receipts by stocking point and period. */
function addUp(sums: Map<string, ScheduledReceipt>, stockingPoint: string, period: number, units: number): void {
  const sum = sums.get(`${stockingPoint}\u0000${period}`);
  if (sum === undefined) sums.set(`${stockingPoint}\u0000${period}`, { stockingPoint, period, quantity: units });
  else sum.quantity += units;
}

/** The location a row names: one of SOP Locations in a network model, none at a single site. */
function receiptLocation(table: PlannerTable, r: number, k: number, model: SupplyModel): string | undefined {
  const location = text(table, r, k);
  if (model.locations === undefined) {
    if (location === "") return undefined;
    throw new PlanningError(`${address(table, r, k)} gives location "${location}", but this workbook plans one site (it has no ${NETWORK_SHEETS.locations}): clear the Location column.`);
  }
  if (location === "") throw new PlanningError(`${address(table, r, k)} (Location) is empty: this workbook plans a network, so name the location where the units arrive.`);
  if (!model.locations.some((l) => l.id === location)) {
    throw new PlanningError(`${address(table, r, k)} names location "${location}", which ${NETWORK_SHEETS.locations} does not list (known: ${model.locations.map((l) => l.id).join(", ")}).`);
  }
  return location;
}

/**
 * The label of the plan's period a row's units arrive in ("2026-03", or "2026-W10" in a weekly plan),
 * or a later label when they arrive after the horizon.
 * @throws PlanningError naming the cell when it names no period, or one before the plan
 */
function arrivalLabel(table: PlannerTable, r: number, k: number, labels: readonly string[]): string {
  const cell = table.rows[r][k] ?? null;
  const span = parsePeriodCell(cell);
  const what = periodWord(labels);
  const weekly = what === "week";
  const label = span === undefined || (weekly && span.kind === "month") ? undefined : weekly ? isoWeekLabel(span.first) : monthLabelOfDay(span.first);
  const [first, last] = [labels[0] ?? "", labels[labels.length - 1] ?? ""];
  if (label === undefined || (!labels.includes(label) && label >= first && label <= last)) throw new PlanningError(`${address(table, r, k)} gives ${what} "${text(table, r, k)}", which is not a ${what} of the plan (first ${first}, last ${last}).`);
  if (label < first) {
    throw new PlanningError(
      `${address(table, r, k)} gives ${what} ${label}, before the plan's first ${what} ${first}: units that have already arrived are stock on hand; add them to the opening inventory and delete the row.`,
    );
  }
  return label;
}
