/**
 * Builds assets/sample-sop.xlsx, the sample workbook the demo, the golden tests and the browser preview
 * use: a furniture maker with 40 items in 4 families, 36 months of sales history, 3 resources and their
 * capacity, laid out the way planners keep it (Excel tables on "Items", "Sales History", "Resources" and
 * "Capacity", plus a named range). The data is drawn from a seeded generator, so every run gives the same
 * cell values. A few problems are planted on purpose (blank months, outliers, a negative month) so that
 * step 1's validation has something to find; `PLANTED_PROBLEMS` lists them.
 *
 * Run: npm run sample   (writes assets/sample-sop.xlsx; pass another path as the first argument)
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { mulberry32 } from "../src/core/random";
import { mean } from "simple-statistics";
import { addMonths, monthLabel } from "../src/cycle/periodHeader";
import { columnLetters } from "../src/workbook/address";

/** Months of history and the first history month. */
export const HISTORY_MONTHS = 36;
export const FIRST_MONTH = { year: 2023, month: 1 };
/** Months of future capacity on the "Capacity" sheet. */
export const CAPACITY_MONTHS = 24;

/** A problem planted in the history, with its cell on the "Sales History" sheet. */
export interface PlantedProblem {
  kind: "blank" | "outlier" | "negative";
  item: string;
  period: string;
  address: string;
}

interface FamilyRecipe {
  name: string;
  prefix: string;
  products: string[];
  level: [number, number];
  price: [number, number];
  /** Seasonal peak month (1-12) and amplitude as a share of level. */
  peakMonth: number;
  amplitude: number;
  hours: [number, number, number];
}

const FAMILIES: FamilyRecipe[] = [
  {
    name: "Chairs",
    prefix: "CH",
    products: ["Oak dining chair", "Beech dining chair", "Office chair", "Bar stool", "Folding chair", "Armchair", "Kids chair", "Rocking chair", "Stacking chair", "Lounge chair"],
    level: [120, 420],
    price: [45, 260],
    peakMonth: 9,
    amplitude: 0.2,
    hours: [0.6, 0.35, 0.1],
  },
  {
    name: "Tables",
    prefix: "TB",
    products: ["Oak dining table", "Extendable table", "Coffee table", "Side table", "Desk", "Standing desk", "Kids table", "Bistro table", "Console table", "Garden table"],
    level: [40, 180],
    price: [120, 780],
    peakMonth: 4,
    amplitude: 0.25,
    hours: [1.4, 0.9, 0.2],
  },
  {
    name: "Storage",
    prefix: "ST",
    products: ["Bookcase", "Wardrobe", "Chest of drawers", "Shoe rack", "TV bench", "Sideboard", "Wall shelf", "Storage box", "Bedside cabinet", "Cube shelf"],
    level: [60, 260],
    price: [35, 540],
    peakMonth: 1,
    amplitude: 0.15,
    hours: [1.0, 0.5, 0.25],
  },
  {
    name: "Lighting",
    prefix: "LT",
    products: ["Floor lamp", "Table lamp", "Pendant lamp", "Wall lamp", "Desk lamp", "Reading lamp", "String lights", "Ceiling lamp", "Night light", "Spotlight"],
    level: [80, 360],
    price: [18, 190],
    peakMonth: 11,
    amplitude: 0.4,
    hours: [0.25, 0.1, 0.15],
  },
];

const RESOURCES = ["Assembly", "Finishing", "Packing"];
/** Regular cost of an hour on each resource. */
const REGULAR_COST_PER_HOUR = [38, 34, 26];
/** Prices cover material and regular labour at least this many times over, as a real product range would. */
const MARKUP = 1.3;
/** Items whose demand is intermittent (most months zero). */
const INTERMITTENT = new Set(["CH-108", "TB-110", "ST-108", "LT-109"]);

/** Cells deliberately spoiled: [item, history month index, kind]. */
const PLANTS: [string, number, PlantedProblem["kind"]][] = [
  ["CH-103", 7, "blank"],
  ["TB-105", 20, "blank"],
  ["ST-102", 29, "blank"],
  ["LT-104", 13, "blank"],
  ["CH-106", 17, "outlier"],
  ["ST-105", 24, "outlier"],
  ["LT-101", 31, "outlier"],
  ["TB-103", 11, "negative"],
];

/** Sheet names of the sample ("History" alone is a name Excel reserves, hence "Sales History"). */
export const SAMPLE_SHEETS = { items: "Items", history: "Sales History", resources: "Resources", capacity: "Capacity" };


interface SampleItem {
  id: string;
  description: string;
  family: string;
  price: number;
  unitCost: number;
  holdingRate: number;
  leadTime: number;
  serviceLevel: number;
  hours: number[];
  openingInventory: number;
  history: (number | null)[];
}

/** Everything the sample holds, as plain data. */
export interface SampleData {
  periods: string[];
  items: SampleItem[];
  resources: { name: string; regularHours: number; overtimeCap: number; regularCost: number; overtimeCost: number; subcontractCost: number; subcontractCap: number }[];
  capacityPeriods: string[];
  capacity: number[][];
  planted: PlantedProblem[];
}

/**
 * Draw the sample's data from a seeded generator (same seed, same data).
 * @param seed generator seed (default 20240101).
 * @param itemsPerFamily items in each of the 4 families (default 10; the benchmark uses 125 for 500 items).
 * @param seasonality multiplies every family's seasonal amplitude (default 1; 0 gives families without a
 *   season, as the family-season study uses; the other draws are the same whatever its value).
 * @example sampleData().items.length // 40
 */
export function sampleData(seed = 20240101, itemsPerFamily = 10, seasonality = 1): SampleData {
  const random = mulberry32(seed);
  const between = (low: number, high: number): number => low + (high - low) * random();
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const round2 = (value: number): number => Math.round(value * 100) / 100;
  const periods = Array.from({ length: HISTORY_MONTHS }, (_, t) => monthLabel(addMonths(FIRST_MONTH, t)));

  const items: SampleItem[] = [];
  for (const family of FAMILIES) {
    const products = Array.from({ length: itemsPerFamily }, (_, index) => {
      const series = Math.floor(index / family.products.length);
      return `${family.products[index % family.products.length]}${series > 0 ? ` ${series + 1}` : ""}`;
    });
    products.forEach((product, index) => {
      const id = `${family.prefix}-${101 + index}`;
      const level = between(...family.level);
      const trend = between(-0.006, 0.015);
      const noise = between(0.08, 0.2);
      const history = periods.map((_, t) => {
        const month = ((FIRST_MONTH.month - 1 + t) % 12) + 1;
        if (INTERMITTENT.has(id)) return random() < 0.3 ? Math.round(between(3, 25)) : 0;
        const season = 1 + seasonality * family.amplitude * Math.cos((2 * Math.PI * (month - family.peakMonth)) / 12);
        const value = level * Math.pow(1 + trend, t) * season * (1 + noise * normal());
        return Math.max(0, Math.round(value));
      });
      const listPrice = round2(between(...family.price));
      const scale = between(0.8, 1.25);
      const materialShare = between(0.35, 0.5);
      const labour = family.hours.reduce((sum, hours, r) => sum + hours * scale * REGULAR_COST_PER_HOUR[r], 0);
      const price = Math.max(listPrice, round2((MARKUP * labour) / (1 - MARKUP * materialShare)));
      items.push({
        id,
        description: product,
        family: family.name,
        price,
        unitCost: round2(price * materialShare),
        holdingRate: 0.25,
        leadTime: Math.round(between(1, 3)),
        serviceLevel: [0.9, 0.95, 0.98][Math.floor(random() * 3)],
        hours: family.hours.map((hours) => round2(hours * scale)),
        openingInventory: Math.round(level * between(0.5, 1.5)),
        history,
      });
    });
  }

  const planted = PLANTS.map(([item, t, kind]): PlantedProblem => {
    const row = items.findIndex((candidate) => candidate.id === item);
    const history = items[row].history;
    if (kind === "blank") history[t] = null;
    else if (kind === "outlier") history[t] = Math.round((history[t] ?? 0) * 4 + 200);
    else history[t] = -Math.max(3, Math.round((history[t] ?? 0) * 0.1));
    return { kind, item, period: periods[t], address: `'${SAMPLE_SHEETS.history}'!${columnLetters(t + 1)}${row + 2}` };
  });

  const load = RESOURCES.map((_, r) =>
    items.reduce((sum, item) => sum + item.hours[r] * mean(item.history.slice(-12).filter((value): value is number => value !== null)), 0),
  );
  const resources = RESOURCES.map((name, r) => ({
    name,
    regularHours: Math.round(load[r] * 0.95 / 10) * 10,
    overtimeCap: Math.round(load[r] * 0.2 / 10) * 10,
    regularCost: REGULAR_COST_PER_HOUR[r],
    overtimeCost: [57, 51, 39][r],
    subcontractCost: [75, 68, 45][r],
    subcontractCap: Math.round(load[r] * 0.15 / 10) * 10,
  }));
  const capacityPeriods = Array.from({ length: CAPACITY_MONTHS }, (_, t) => monthLabel(addMonths(FIRST_MONTH, HISTORY_MONTHS + t)));
  const capacity = resources.map((resource) =>
    capacityPeriods.map((label) => {
      const month = Number(label.slice(5));
      const factor = month === 8 ? 0.7 : month === 12 ? 0.8 : 1;
      return Math.round(resource.regularHours * factor);
    }),
  );
  return { periods, items, resources, capacityPeriods, capacity, planted };
}

/**
 * The sample as an ExcelJS workbook with real Excel tables and a named range.
 * @param data what to lay out (default: sampleData()).
 * @example const book = buildSampleWorkbook(); await book.xlsx.writeFile("sample.xlsx");
 */
export function buildSampleWorkbook(data: SampleData = sampleData()): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2026, 0, 1));
  book.creator = "SOP add-in sample generator";
  book.created = fixed;
  book.modified = fixed;

  const notes = book.addWorksheet("Read me");
  [
    "Sample S&OP workbook: Nordwood Furniture (invented data from a seeded generator).",
    "Items: item master with prices, costs, lead times, service levels and hours per unit on each resource.",
    "Sales History: monthly units sold per item, 2023-01 to 2025-12 (a few blanks, outliers and one negative month planted for step 1).",
    "Resources: regular and overtime hours per month and their costs; Capacity: available regular hours per future month.",
  ].forEach((line, r) => (notes.getCell(r + 1, 1).value = line));
  notes.getColumn(1).width = 120;

  const items = book.addWorksheet(SAMPLE_SHEETS.items);
  items.addTable({
    name: "ItemMaster",
    ref: "A1",
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      "Item ID", "Description", "Family", "Unit", "Price", "Unit Cost", "Holding Rate", "Lead Time (months)",
      "Service Level", ...RESOURCES.map((name) => `Hours/Unit ${name}`), "Opening Inventory",
    ].map((name) => ({ name, filterButton: true })),
    rows: data.items.map((item) => [
      item.id, item.description, item.family, "pcs", item.price, item.unitCost, item.holdingRate, item.leadTime,
      item.serviceLevel, ...item.hours, item.openingInventory,
    ]),
  });
  formatColumns(items, { B: 22, C: 12, H: 18, M: 18 }, { E: "#,##0.00", F: "#,##0.00", G: "0%", I: "0%" });

  const history = book.addWorksheet(SAMPLE_SHEETS.history);
  history.addTable({
    name: "SalesHistory",
    ref: "A1",
    style: { theme: "TableStyleMedium9", showRowStripes: true },
    columns: [{ name: "Item ID", filterButton: true }, ...data.periods.map((name) => ({ name, filterButton: false }))],
    rows: data.items.map((item) => [item.id, ...item.history]),
  });
  history.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  const lastHistory = `$${columnLetters(data.periods.length)}$${data.items.length + 1}`;
  book.definedNames.add(`'${SAMPLE_SHEETS.history}'!$B$2:${lastHistory}`, "HistoryQuantities");

  const resources = book.addWorksheet(SAMPLE_SHEETS.resources);
  resources.addTable({
    name: "ResourceList",
    ref: "A1",
    style: { theme: "TableStyleMedium4", showRowStripes: true },
    columns: [
      "Resource", "Regular Hours/Month", "Overtime Hours Cap", "Regular Cost/h", "Overtime Cost/h", "Subcontract Cost/h",
      "Subcontract Hours Cap",
    ].map((name) => ({ name, filterButton: true })),
    rows: data.resources.map((resource) => [
      resource.name, resource.regularHours, resource.overtimeCap, resource.regularCost, resource.overtimeCost,
      resource.subcontractCost, resource.subcontractCap,
    ]),
  });
  formatColumns(resources, { A: 14, B: 20, C: 20, D: 16, E: 16, F: 18, G: 22 }, {});

  const capacity = book.addWorksheet(SAMPLE_SHEETS.capacity);
  capacity.addTable({
    name: "CapacityPlan",
    ref: "A1",
    style: { theme: "TableStyleMedium4", showRowStripes: true },
    columns: [{ name: "Resource", filterButton: false }, ...data.capacityPeriods.map((name) => ({ name, filterButton: false }))],
    rows: data.resources.map((resource, r) => [resource.name, ...data.capacity[r]]),
  });
  return book;
}

function formatColumns(sheet: ExcelJS.Worksheet, widths: Record<string, number>, formats: Record<string, string>): void {
  for (const [column, width] of Object.entries(widths)) sheet.getColumn(column).width = width;
  for (const [column, format] of Object.entries(formats)) sheet.getColumn(column).numFmt = format;
}

async function main(): Promise<void> {
  const target = path.resolve(process.argv[2] ?? path.join("assets", "sample-sop.xlsx"));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const bytes = await buildSampleWorkbook().xlsx.writeBuffer();
  fs.writeFileSync(target, new Uint8Array(bytes as ArrayBuffer));
  process.stdout.write(`Wrote ${target}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
