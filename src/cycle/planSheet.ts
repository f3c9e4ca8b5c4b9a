import type { ItemPlan, ServiceSummary, SupplyModel } from "../core/supply";
import { planService } from "../core/supply/evaluatePlan";
import type { CellValue, Workbook } from "../workbook/workbook";
import { CENTS_FORMAT, numberIn, periodFormats, readStepSheet } from "./ownedSheets";
import { SHEETS } from "./sheets";

/** The supply plan as SOP Supply Plan holds it: per item, each measure over the periods. */
export interface PlanTable {
  periods: string[];
  header: string[];
  rows: (string | number)[][];
  items: { id: string; family: string; measures: Record<string, number[]> }[];
}

/**
 * Number formats of the columns of SOP Supply Plan, and of the approved plan sheets copied from it:
 * Item, Family and Measure as text, every period's quantity in cents.
 * @param periods the planned months
 * @returns one format per column
 * @example planNumberFormats(["2026-01", "2026-02"]) // ["@", "@", "@", "#,##0.00", "#,##0.00"]
 */
export function planNumberFormats(periods: readonly string[]): string[] {
  return periodFormats(3, periods, CENTS_FORMAT);
}

/**
 * Read SOP Supply Plan (written by step 3; the planner may have adjusted numbers in it).
 * @throws PlanningError when step 3 has not run
 */
export async function readPlanSheet(workbook: Workbook): Promise<PlanTable> {
  const sheet = await readStepSheet(workbook, SHEETS.supplyPlan, "step 3 (supply and capacity)");
  return planTable(sheet.header, sheet.rows);
}

/**
 * A plan table from SOP Supply Plan's header and rows (Item, Family, Measure, then one column per period).
 * @example planTable(["Item", "Family", "Measure", "2026-01"], [["A", "F", "Production", 5]]).items[0].measures.Production // [5]
 */
export function planTable(header: readonly string[], cells: readonly (readonly CellValue[])[]): PlanTable {
  const periods = header.slice(3);
  const byId = new Map<string, PlanTable["items"][number]>();
  const rows = cells.map((row) => row.map((cell, k) => (k < 3 ? String(cell ?? "") : numberIn(cell))));
  for (const row of rows) {
    const id = String(row[0]);
    const entry = byId.get(id) ?? { id, family: String(row[1]), measures: {} };
    entry.measures[String(row[2])] = row.slice(3).map(numberIn);
    byId.set(id, entry);
  }
  return { periods, header: [...header], rows, items: [...byId.values()] };
}

/** Units served per period: demand plus the backlog carried in, less the backlog carried out and lost demand. */
export function servedUnits(measures: Record<string, number[]>): number[] {
  const demand = measures.Demand ?? [];
  const backlog = measures.Backlog ?? demand.map(() => 0);
  const lost = measures.Lost ?? demand.map(() => 0);
  return demand.map((d, t) => Math.max(0, d + (t > 0 ? backlog[t - 1] : 0) - backlog[t] - lost[t]));
}

/**
 * The service of the plan on SOP Supply Plan (as the planner may have adjusted it): fill rate, backlog
 * and revenue at risk as planService defines them (revenue at risk = sum (demand - on time) x price),
 * the figures step 3 reports and step 5 summarises. For a network model each stocking point is read
 * from its rows at its location ("Backlog at DC1"), so a backlog at one location is not netted against
 * stock shipped on time at another.
 * @param model the supply model the plan was made for
 * @param table the plan sheet (readPlanSheet)
 * @example planServiceOf(model, await readPlanSheet(book)).revenueAtRisk
 */
export function planServiceOf(model: SupplyModel, table: PlanTable): ServiceSummary {
  const byId = new Map(table.items.map((item) => [item.id, item.measures]));
  const zero = new Array<number>(model.periods).fill(0);
  const plans: ItemPlan[] = model.items.map((item) => {
    const m = byId.get(item.id) ?? {};
    const of = (measure: string): number[] => (item.location === undefined ? m[measure] : m[locationMeasure(measure, item.location)]) ?? zero;
    return { itemId: item.id, production: of("Production"), subcontract: of("Subcontract"), inventory: of("Inventory"), backlog: of("Backlog"), lost: of("Lost"), safetyStockShortfall: zero };
  });
  return planService(model, plans);
}

/**
 * The measure of SOP Supply Plan holding an item's measure at one location (a workbook with locations).
 * @example locationMeasure("Inventory", "DC North") // "Inventory at DC North"
 */
export function locationMeasure(measure: string, location: string): string {
  return `${measure} at ${location}`;
}
