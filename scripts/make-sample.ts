/**
 * Builds assets/sample-sop.xlsx, the sample workbook the demo, the golden tests and the browser preview
 * use: a furniture maker with 40 items in 4 families, 36 months of sales history, 3 resources and their
 * capacity, laid out the way planners keep it (Excel tables on "Items", "Sales History", "Resources" and
 * "Capacity", plus a named range). The data is drawn from a seeded generator, so every run gives the same
 * cell values. A few problems are planted on purpose (blank months, outliers, a negative month) so that
 * step 1's validation has something to find; `PLANTED_PROBLEMS` lists them.
 *
 * `networkSampleData` turns the same data into a network: the furniture maker with a second plant and
 * three distribution centres, its history by item x distribution centre, and the sheets SOP Locations and
 * SOP Lanes that tell step 3 where things are made and how they move (assets/sample-network.xlsx).
 *
 * Run: npm run sample   (writes assets/sample-sop.xlsx; pass another path as the first argument;
 *      npm run sample:network writes assets/sample-network.xlsx)
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

/** Where the network sample makes, stores and moves things (the planner's SOP Locations and SOP Lanes). */
export interface SampleNetwork {
  locations: { id: string; kind: "plant" | "warehouse"; storage: number | null; resources: string[] }[];
  lanes: { from: string; to: string; transitMonths: number; costPerUnit: number; capacity: number | null }[];
  /** Distribution centres the history is split over, and each item's share at each (items x centres). */
  centres: string[];
  shares: number[][];
}

/** Everything the sample holds, as plain data. */
export interface SampleData {
  periods: string[];
  items: SampleItem[];
  /** The network of the network sample (absent in the single-site sample). */
  network?: SampleNetwork;
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
      "Service Level", ...data.resources.map((resource) => `Hours/Unit ${resource.name}`), "Opening Inventory",
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
    columns: [
      { name: "Item ID", filterButton: true },
      ...(data.network === undefined ? [] : [{ name: "Location", filterButton: true }]),
      ...data.periods.map((name) => ({ name, filterButton: false })),
    ],
    rows: data.network === undefined ? data.items.map((item) => [item.id, ...item.history]) : historyByCentre(data.items, data.network),
  });
  const keys = data.network === undefined ? 1 : 2;
  history.views = [{ state: "frozen", xSplit: keys, ySplit: 1 }];
  const lastHistory = `$${columnLetters(data.periods.length + keys - 1)}$${data.items.length * (data.network?.centres.length ?? 1) + 1}`;
  book.definedNames.add(`'${SAMPLE_SHEETS.history}'!$${columnLetters(keys)}$2:${lastHistory}`, "HistoryQuantities");

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
  if (data.network !== undefined) addNetworkSheets(book, data.network);
  return book;
}

/** History rows of the network sample: each item's months split over the centres by its shares (the last takes the rest, so they add up). */
function historyByCentre(items: readonly SampleItem[], network: SampleNetwork): (string | number | null)[][] {
  return items.flatMap((item, i) => {
    const parts = item.history.map((value) => {
      if (value === null) return network.centres.map(() => null);
      const split = network.shares[i].slice(0, -1).map((share) => Math.round(value * share));
      return [...split, value - split.reduce((a, b) => a + b, 0)];
    });
    return network.centres.map((centre, c) => [item.id, centre, ...parts.map((part) => part[c])]);
  });
}

/** The planner's SOP Locations and SOP Lanes sheets of the network sample. */
function addNetworkSheets(book: ExcelJS.Workbook, network: SampleNetwork): void {
  const locations = book.addWorksheet("SOP Locations");
  locations.addRows([["Location", "Kind", "Storage capacity", "Resources"], ...network.locations.map((l) => [l.id, l.kind, l.storage, l.resources.join(", ")])]);
  formatColumns(locations, { A: 16, B: 12, C: 18, D: 30 }, { C: "#,##0" });
  const lanes = book.addWorksheet("SOP Lanes");
  lanes.addRows([["From", "To", "Transit months", "Cost per unit", "Capacity per month"], ...network.lanes.map((l) => [l.from, l.to, l.transitMonths, l.costPerUnit, l.capacity])]);
  formatColumns(lanes, { A: 16, B: 16, C: 16, D: 14, E: 20 }, { D: "#,##0.00", E: "#,##0" });
}

/** The network sample's plants (their resources) and distribution centres. */
export const NETWORK_PLANTS = { first: { id: "Plant Oslo", families: ["Chairs", "Tables", "Storage"] }, second: { id: "Plant Tallinn", families: ["Chairs", "Tables", "Lighting"] } } as const;
/** The second plant's resources, in the order of the first's (Assembly, Finishing, Packing). */
export const SECOND_PLANT_RESOURCES = ["Press", "Coating", "Boxing"];
/** The distribution centres the network sample sells from. */
export const CENTRES = ["DC North", "DC South", "DC West"];

/**
 * The sample as a network: Plant Oslo (Assembly, Finishing, Packing: Chairs, Tables, Storage) and Plant
 * Tallinn (Press, Coating, Boxing: Chairs, Tables, Lighting; 10% more hours a unit, labour a third
 * cheaper), each with about 60% of the hours its families need, so the two plants share Chairs and
 * Tables; three distribution centres sell everything (each item's history split over them by seeded
 * shares); lanes from both plants to every centre (0-2 months, 1.2-4.0 a unit, the busiest with a
 * monthly limit) and one between centres. Storage at each centre: about two months of its sales.
 * @param data the single-site sample data (default: sampleData())
 * @example networkSampleData().network?.locations.length // 5
 */
export function networkSampleData(data: SampleData = sampleData()): SampleData {
  const random = mulberry32(7_2026);
  const shares = data.items.map(() => {
    const raw = CENTRES.map(() => 0.5 + random());
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((v) => Math.round((v / sum) * 100) / 100);
  });
  const makes = (families: readonly string[], item: SampleItem): boolean => families.includes(item.family);
  const items = data.items.map((item) => ({
    ...item,
    hours: [
      ...item.hours.map((h) => (makes(NETWORK_PLANTS.first.families, item) ? h : 0)),
      ...item.hours.map((h) => (makes(NETWORK_PLANTS.second.families, item) ? Math.round(h * 1.1 * 100) / 100 : 0)),
    ],
  }));
  const load = (r: number): number => items.reduce((sum, item) => sum + item.hours[r] * mean(item.history.slice(-12).filter((v): v is number => v !== null && v >= 0)), 0);
  const resources = [
    ...data.resources.map((resource, r) => ({ ...resource, regularHours: Math.round((load(r) * 0.6) / 10) * 10 })),
    ...data.resources.map((resource, r) => ({
      ...resource,
      name: SECOND_PLANT_RESOURCES[r],
      regularHours: Math.round((load(r + 3) * 0.6) / 10) * 10,
      overtimeCap: Math.round((load(r + 3) * 0.15) / 10) * 10,
      regularCost: Math.round(resource.regularCost * 0.67),
      overtimeCost: Math.round(resource.overtimeCost * 0.67),
    })),
  ];
  const capacity = resources.map((resource) => data.capacityPeriods.map((label) => Math.round(resource.regularHours * (Number(label.slice(5)) === 8 ? 0.7 : 1))));
  const monthly = CENTRES.map((_, c) => items.reduce((sum, item, i) => sum + shares[i][c] * mean(item.history.slice(-12).filter((v): v is number => v !== null && v >= 0)), 0));
  const network: SampleNetwork = {
    centres: CENTRES,
    shares,
    locations: [
      { id: NETWORK_PLANTS.first.id, kind: "plant", storage: null, resources: data.resources.map((r) => r.name) },
      { id: NETWORK_PLANTS.second.id, kind: "plant", storage: null, resources: SECOND_PLANT_RESOURCES },
      ...CENTRES.map((id, c) => ({ id, kind: "warehouse" as const, storage: Math.round((monthly[c] * 2) / 100) * 100, resources: [] })),
    ],
    lanes: [
      { from: NETWORK_PLANTS.first.id, to: "DC North", transitMonths: 0, costPerUnit: 1.2, capacity: Math.round((monthly[0] * 0.8) / 100) * 100 },
      { from: NETWORK_PLANTS.first.id, to: "DC South", transitMonths: 1, costPerUnit: 2.5, capacity: null },
      { from: NETWORK_PLANTS.first.id, to: "DC West", transitMonths: 1, costPerUnit: 3, capacity: null },
      { from: NETWORK_PLANTS.second.id, to: "DC North", transitMonths: 1, costPerUnit: 2.8, capacity: null },
      { from: NETWORK_PLANTS.second.id, to: "DC South", transitMonths: 0, costPerUnit: 1.5, capacity: Math.round((monthly[1] * 0.8) / 100) * 100 },
      { from: NETWORK_PLANTS.second.id, to: "DC West", transitMonths: 2, costPerUnit: 4, capacity: null },
      { from: "DC North", to: "DC West", transitMonths: 1, costPerUnit: 1.5, capacity: null },
    ],
  };
  return { ...data, items, resources, capacity, network };
}

function formatColumns(sheet: ExcelJS.Worksheet, widths: Record<string, number>, formats: Record<string, string>): void {
  for (const [column, width] of Object.entries(widths)) sheet.getColumn(column).width = width;
  for (const [column, format] of Object.entries(formats)) sheet.getColumn(column).numFmt = format;
}

async function main(): Promise<void> {
  const network = process.argv.includes("--network");
  const given = process.argv.slice(2).find((arg) => arg !== "--network");
  const target = path.resolve(given ?? path.join("assets", network ? "sample-network.xlsx" : "sample-sop.xlsx"));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const bytes = await buildSampleWorkbook(network ? networkSampleData() : sampleData()).xlsx.writeBuffer();
  fs.writeFileSync(target, new Uint8Array(bytes as ArrayBuffer));
  process.stdout.write(`Wrote ${target}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
