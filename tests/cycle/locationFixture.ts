import ExcelJS from "exceljs";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { load } from "./mappingFixtures";

/** The months of the two-location fixture's history, oldest first. */
export const FIXTURE_MONTHS = Array.from({ length: 24 }, (_, t) => `${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, "0")}`);

/** The fixture's item master: one row per item. */
const FIXTURE_ITEMS: (string | number | null)[][] = [
  ["Item", "Description", "Family", "Unit Cost", "Price", "Hours/Unit Assembly", "Opening Inventory", "Lead Time"],
  ["A-1", "Chair", "Seating", 20, 50, 0.5, 100, 1],
  ["A-2", "Stool", "Seating", 10, 25, 0.25, 50, 1],
  ["B-1", "Lamp", "Lighting", 8, 30, 0.1, 150, 1],
];

/** Items x locations of the fixture, with each series' base level. */
const SERIES: [string, string, number][] = [
  ["A-1", "North", 120],
  ["A-1", "South", 80],
  ["A-2", "North", 40],
  ["A-2", "South", 60],
  ["B-1", "North", 200],
  ["B-1", "South", 30],
];

/** Quantity of a fixture series in month t: its level with a mild season, whole units. */
export function fixtureQuantity(level: number, t: number): number {
  return Math.round(level * (1 + 0.15 * Math.sin((2 * Math.PI * t) / 12)) + (t % 3));
}

/**
 * A planner's workbook keyed by item and location: Sales with two key columns (Item, Location) and 24
 * months across, an item master, and resources. `extraRows` are appended to Sales (e.g. a duplicate key);
 * `extraSheets` are added as the planner's own sheets (e.g. SOP Locations), rows from A1; `itemRows`
 * replace the item master's (header first).
 */
export async function twoLocationBook(
  extraRows: (string | number | null)[][] = [],
  extraSheets: Record<string, (string | number | null)[][]> = {},
  itemRows: (string | number | null)[][] = FIXTURE_ITEMS,
): Promise<MemoryWorkbook> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Items").addRows(itemRows);
  const sales = book.addWorksheet("Sales");
  sales.addRows([
    ["Item", "Location", ...FIXTURE_MONTHS],
    ...SERIES.map(([item, location, level]) => [item, location, ...FIXTURE_MONTHS.map((_, t) => fixtureQuantity(level, t))]),
    ...extraRows,
  ]);
  book.addWorksheet("Resources").addRows([
    ["Resource", "Regular Hours/Month", "Overtime Hours Cap", "Regular Cost/h", "Overtime Cost/h"],
    ["Assembly", 400, 80, 30, 45],
  ]);
  for (const [name, rows] of Object.entries(extraSheets)) book.addWorksheet(name).addRows(rows);
  return load(book);
}

/** The total quantity on the fixture's Sales sheet (without extra rows). */
export function fixtureTotal(): number {
  return SERIES.reduce((sum, [, , level]) => sum + FIXTURE_MONTHS.reduce((s, _, t) => s + fixtureQuantity(level, t), 0), 0);
}

/** SOP Locations of the fixture's network: one plant making everything, warehouses North (400 units of storage) and South. */
export const NETWORK_LOCATIONS: (string | number | null)[][] = [
  ["Location", "Kind", "Storage capacity", "Resources"],
  ["Plant", "plant", null, "Assembly"],
  ["North", "warehouse", 400, null],
  ["South", "DC", null, null],
];

/** SOP Lanes of the fixture's network: Plant to North (1 month, 300 a month), Plant to South, North to South. */
export const NETWORK_LANES: (string | number | null)[][] = [
  ["From", "To", "Transit months", "Cost per unit", "Capacity per month"],
  ["Plant", "North", 1, 1, 300],
  ["Plant", "South", 0, 2, null],
  ["North", "South", 1, 0.5, null],
];

/** An item master kept per location, as SAP's plant data: A-1 at its plant and both warehouses, the others at the plant alone. */
export const PER_PLANT: (string | number | null)[][] = [
  ["Item", "Plant", "Description", "Family", "Unit Cost", "Price", "Hours/Unit Assembly", "Opening Inventory", "Safety Stock", "Lead Time"],
  ["A-1", "Plant", "Chair", "Seating", 20, 50, 0.5, 60, 10, 1],
  ["A-1", "North", "Chair", "Seating", 23, 50, 0.5, 30, 15, 2],
  ["A-1", "South", "Chair", "Seating", 23, 50, 0.5, 20, 5, 1],
  ["A-2", "Plant", "Stool", "Seating", 10, 25, 0.25, 50, null, 1],
  ["B-1", "Plant", "Lamp", "Lighting", 8, 30, 0.1, 150, null, 1],
];
