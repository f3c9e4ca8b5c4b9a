/**
 * Scheduled receipts a planner enters on SOP Receipts (open purchase orders, stock in transit): step 3
 * counts them as supply, at one site and at a location of a network; errors name their cell; a book
 * without the sheet plans as before.
 */
import { checkPlan } from "../../src/core/supply/checkPlan";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import type { SupplyItem, SupplyLocation, SupplyModel } from "../../src/core/supply/model";
import { readReceipts, RECEIPTS_SHEET } from "../../src/cycle/receiptsFromWorkbook";
import { SHEETS } from "../../src/cycle/sheets";
import { buildSupplyModel } from "../../src/cycle/supplyModelFromWorkbook";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { runPresentStep } from "../../src/cycle/presentStep";
import { serialOfDate } from "../../src/workbook/excelDate";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { CellValue } from "../../src/workbook/workbook";
import { NETWORK_LANES, NETWORK_LOCATIONS, twoLocationBook } from "./locationFixture";

type Rows = (string | number | null)[][];

const LOCATIONS: Rows = NETWORK_LOCATIONS;
const LANES: Rows = NETWORK_LANES;

/** The two-location fixture (a network with `sheets`, else one site), steps 1 and 2 run over 4 months: 2026-01 to 2026-04. */
async function plannedBook(sheets: Record<string, Rows> = {}): Promise<MemoryWorkbook> {
  const book = await twoLocationBook([], sheets);
  await runGatherStep(book);
  await runDemandStep(book, { horizon: 4 });
  return book;
}

/** Put these rows (header first) on SOP Receipts, replacing what it held. */
async function setReceipts(book: MemoryWorkbook, rows: Rows): Promise<void> {
  await book.writeBlocks([{ sheet: RECEIPTS_SHEET, topLeft: "A1", values: rows }], { replace: true });
}

/** One row of SOP Supply Plan, as numbers. */
function planRow(plan: CellValue[][], item: string, measure: string): number[] {
  const row = plan.find((r) => r[0] === item && r[2] === measure);
  if (row === undefined) throw new Error(`no row ${item} ${measure}`);
  return row.slice(3) as number[];
}

describe("SOP Receipts at a single site", () => {
  let book: MemoryWorkbook;
  let before: CellValue[][];
  let withoutSheet: Awaited<ReturnType<typeof buildSupplyModel>>;
  beforeAll(async () => {
    book = await plannedBook();
    withoutSheet = await buildSupplyModel(book);
    await runSupplyStep(book);
    before = await book.read(SHEETS.supplyPlan);
  }, 120_000);

  test("a book without SOP Receipts has no receipts and no note", () => {
    expect(withoutSheet.model).not.toHaveProperty("scheduledReceipts");
    expect(withoutSheet).not.toHaveProperty("receiptsNote");
    expect(before[0].slice(3)).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
  });

  test("a receipt of 100 lamps in 2026-02 makes 100 fewer there, and nothing else of the plan changes", async () => {
    await setReceipts(book, [
      ["Item", "Month", "Units", "Note"],
      ["B-1", "2026-02", 60, "PO 4711"],
      ["B-1", "Feb 2026", 40, "PO 4712, same month: adds up"],
    ]);
    const built = await buildSupplyModel(book);
    expect(built.model.scheduledReceipts).toEqual([{ stockingPoint: "B-1", period: 1, quantity: 100 }]);
    expect(built.receiptsNote).toBe("SOP Receipts: 2 scheduled receipt(s) of 100 units in all arrive within the horizon; the plan counts them as supply and does not order them again.");
    const supply = await runSupplyStep(book);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
    const after = await book.read(SHEETS.supplyPlan);
    // capacity is ample, so the plan makes each month's demand less what is on hand above safety stock:
    // the 100 units arriving in February replace 100 of February's production, hand-checked
    const production = planRow(before, "B-1", "Production");
    expect(planRow(after, "B-1", "Production")).toEqual([production[0], Math.round((production[1] - 100) * 100) / 100, production[2], production[3]]);
    expect(planRow(after, "B-1", "Inventory")).toEqual(planRow(before, "B-1", "Inventory"));
    // each item shows what arrives on a Receipts row after Subcontract
    expect(planRow(after, "B-1", "Receipts")).toEqual([0, 100, 0, 0]);
    expect(after.findIndex((row) => row[0] === "B-1" && row[2] === "Receipts")).toBe(after.findIndex((row) => row[0] === "B-1" && row[2] === "Subcontract") + 1);
    expect(planRow(after, "A-1", "Receipts")).toEqual([0, 0, 0, 0]);
    const unchanged = (rows: CellValue[][]): CellValue[][] => rows.filter((row) => !(row[0] === "B-1" && row[2] === "Production") && row[2] !== "Receipts");
    expect(unchanged(after)).toEqual(unchanged(before));
    // the step says what it read, on SOP Strategies and to the planner
    expect((await book.read(SHEETS.strategies)).flat()).toContain(built.receiptsNote);
    expect((supply.report.messages ?? []).map((m) => m.text)).toContain(built.receiptsNote);
    // step 4 counts the units on the way as supply: the family's February supply on SOP Reconcile is its
    // items' production, subcontracting and the 100 received
    await runReconcileStep(book, {}, {}, supply);
    const family = after.find((row) => row[0] === "B-1")?.[1];
    const members = new Set(after.filter((row) => row[1] === family).map((row) => row[0]));
    const february = [...members].reduce<number>((sum, id) => sum + ["Production", "Subcontract", "Receipts"].reduce((s, m) => s + planRow(after, String(id), m)[1], 0), 0);
    const supplyLine = (await book.read(SHEETS.reconcile)).find((row) => row[0] === family && row[1] === "Supply");
    expect(supplyLine?.[3]).toBeCloseTo(february, 2);
    expect(february).toBeGreaterThan(100);
    // step 5's summary counts them in supply too: made, bought in and on the way, summed from SOP Supply Plan
    const { kpis } = await runPresentStep(book, { decision: "preview" });
    const planned = ["Production", "Subcontract", "Receipts"].reduce((s, m) => s + after.filter((row) => row[2] === m).reduce((t, row) => t + (row.slice(3) as number[]).reduce((a, v) => a + v, 0), 0), 0);
    expect(kpis.find((k) => k.label === "Supply (units)")?.value).toBeCloseTo(planned, 1);
  }, 120_000);

  test("an Excel date cell reads as the month it falls in; a receipt after the horizon is left out with a note", async () => {
    await setReceipts(book, [
      ["Units", "Month", "Item"],
      [25, serialOfDate(new Date(Date.UTC(2026, 2, 17))), "A-1"],
      [30, "2026-09", "A-2"],
    ]);
    const built = await buildSupplyModel(book);
    expect(built.model.scheduledReceipts).toEqual([{ stockingPoint: "A-1", period: 2, quantity: 25 }]);
    expect(built.receiptsNote).toBe(
      "SOP Receipts: 1 scheduled receipt(s) of 25 units in all arrive within the horizon; the plan counts them as supply and does not order them again. 1 receipt(s) of 30 units arrive after the horizon (last 2026-09) and are left out.",
    );
  });

  test.each<[string, Rows, string]>([
    ["a month that is none", [["B-1", "2026-02", 5], ["B-1", "2026-03", 5], ["B-1", "2025-13", 5]], `'SOP Receipts'!B4 gives month "2025-13", which is not a month of the plan (first 2026-01, last 2026-04).`],
    [
      "a month before the plan",
      [["B-1", "2025-12", 5]],
      "'SOP Receipts'!B2 gives month 2025-12, before the plan's first month 2026-01: units that have already arrived are stock on hand; add them to the opening inventory and delete the row.",
    ],
    ["an unknown item", [["B-1", "2026-02", 5], ["Z-9", "2026-02", 5]], `'SOP Receipts'!A3 names item "Z-9", which the plan does not hold.`],
    ["negative units", [["B-1", "2026-02", -5]], `'SOP Receipts'!C2 (Units) must be a number from 0; it holds "-5". Correct it.`],
    ["units that are not a number", [["B-1", "2026-02", "lots"]], `'SOP Receipts'!C2 (Units) must be a number from 0; it holds "lots". Correct it.`],
    ["no units", [["B-1", "2026-02", null, "late"]], "'SOP Receipts'!C2 (Units) is empty: give a number from 0, or delete the row."],
  ])("%s is refused with its cell", async (_, rows, message) => {
    await setReceipts(book, [["Item", "Month", "Units", "Note"], ...rows]);
    await expect(buildSupplyModel(book)).rejects.toThrow(message);
  });

  test("a location at a single site is refused; a blank Location column is fine", async () => {
    await setReceipts(book, [["Item", "Location", "Month", "Units"], ["B-1", null, "2026-02", 5], ["B-1", "North", "2026-02", 5]]);
    await expect(buildSupplyModel(book)).rejects.toThrow(`'SOP Receipts'!B3 gives location "North", but this workbook plans one site (it has no SOP Locations): clear the Location column.`);
    await setReceipts(book, [["Item", "Location", "Month", "Units"], ["B-1", null, "2026-02", 5]]);
    expect((await buildSupplyModel(book)).model.scheduledReceipts).toEqual([{ stockingPoint: "B-1", period: 1, quantity: 5 }]);
  });

  test("a sheet without a Units column says which column it needs", async () => {
    await setReceipts(book, [["Item", "Month", "Amount"], ["B-1", "2026-02", 5]]);
    await expect(buildSupplyModel(book)).rejects.toThrow(`SOP Receipts needs a column headed "units" in row 1 (it has item, month, amount).`);
  });

  test("with the receipts deleted the plan is exactly the plan of the book without the sheet", async () => {
    await setReceipts(book, [["Item", "Month", "Units"]]);
    const built = await buildSupplyModel(book);
    expect(built.model).toEqual(withoutSheet.model);
    await runSupplyStep(book);
    expect(await book.read(SHEETS.supplyPlan)).toEqual(before);
  }, 60_000);
});

describe("SOP Receipts in a network book", () => {
  let book: MemoryWorkbook;
  let before: CellValue[][];
  beforeAll(async () => {
    book = await plannedBook({ "SOP Locations": LOCATIONS, "SOP Lanes": LANES });
    await runSupplyStep(book);
    before = await book.read(SHEETS.supplyPlan);
  }, 120_000);

  test("500 lamps arriving at DC South in 2026-03 are stock there, and the plant ships South nothing more", async () => {
    await setReceipts(book, [
      ["Item", "Location", "Month", "Units"],
      ["B-1", "South", "2026-03", 500],
    ]);
    const built = await buildSupplyModel(book);
    expect(built.network?.scheduledReceipts).toEqual([{ stockingPoint: "B-1@South", period: 2, quantity: 500 }]);
    // the single-site model of the book holds the item's total
    expect(built.model.scheduledReceipts).toEqual([{ stockingPoint: "B-1", period: 2, quantity: 500 }]);
    const supply = await runSupplyStep(book);
    expect(checkPlan(supply.model, supply.plan)).toEqual([]);
    const plan = await book.read(SHEETS.supplyPlan);
    const transfers = await book.read(SHEETS.transfers);
    const [stock, demand, backlog] = ["Inventory at South", "Demand at South", "Backlog at South"].map((measure) => planRow(plan, "B-1", measure));
    expect(Math.max(...planRow(before, "B-1", "Inventory at South"))).toBeLessThan(10);
    expect(transfers.filter((row) => row[1] === "South" && row[2] === "B-1" && (row[4] === "2026-03" || row[4] === "2026-04"))).toEqual([]);
    // hand-checked balance at South in March and April, nothing shipped in: stock = stock before + 500 - demand - backlog served
    expect(stock[2]).toBeCloseTo(stock[1] + 500 - demand[2] - backlog[1] + backlog[2], 2);
    expect(stock[3]).toBeCloseTo(stock[2] - demand[3] - backlog[2] + backlog[3], 2);
    expect(stock[3]).toBeGreaterThan(300);
    // the item's Receipts row, and one at the location where they arrive (none at the others)
    expect(planRow(plan, "B-1", "Receipts")).toEqual([0, 0, 500, 0]);
    expect(planRow(plan, "B-1", "Receipts at South")).toEqual([0, 0, 500, 0]);
    expect(plan.some((row) => row[0] === "B-1" && row[2] === "Receipts at North")).toBe(false);
  }, 60_000);

  test.each<[string, Rows, string]>([
    ["an unknown location", [["B-1", "South", "2026-03", 5], ["B-1", "East", "2026-03", 5]], `'SOP Receipts'!B3 names location "East", which SOP Locations does not list (known: Plant, North, South).`],
    ["a receipt without its location", [["B-1", null, "2026-03", 5]], "'SOP Receipts'!B2 (Location) is empty: this workbook plans a network, so name the location where the units arrive."],
  ])("%s is refused with its cell", async (_, rows, message) => {
    await setReceipts(book, [["Item", "Location", "Month", "Units"], ...rows]);
    await expect(buildSupplyModel(book)).rejects.toThrow(message);
  });

  test("a network book's receipts need a Location column", async () => {
    await setReceipts(book, [["Item", "Month", "Units"], ["B-1", "2026-03", 5]]);
    await expect(buildSupplyModel(book)).rejects.toThrow(`SOP Receipts needs a column headed "location" in row 1 (it has item, month, units).`);
  });
});

describe("readReceipts on a model of its own", () => {
  /** A book holding only SOP Receipts with these rows. */
  async function receiptsBook(rows: Rows): Promise<MemoryWorkbook> {
    const book = MemoryWorkbook.empty();
    await setReceipts(book, rows);
    return book;
  }
  const location = (id: string, kind: SupplyLocation["kind"]): SupplyLocation => ({ id, kind, storageCap: [Infinity, Infinity, Infinity] });
  /** Item A made at Plant and sold at North; West stocks nothing. Three weeks from 2026-W10. */
  const weekly: SupplyModel = {
    periods: 3,
    periodLabels: ["2026-W10", "2026-W11", "2026-W12"],
    items: [{ id: "A", location: "Plant" }, { id: "A", location: "North" }] as SupplyItem[],
    resources: [],
    demand: {},
    locations: [location("Plant", "plant"), location("North", "warehouse"), location("West", "warehouse")],
  };

  test("a weekly plan reads the week, or the ISO week of a date; the item totals add up its locations", async () => {
    const book = await receiptsBook([
      ["Item", "Location", "Week", "Units"],
      ["A", "North", "2026-W11", 10],
      ["A", "Plant", serialOfDate(new Date(Date.UTC(2026, 2, 12))), 4],
      ["A", "North", "2026-W20", 7],
    ]);
    expect(await readReceipts(book, weekly)).toEqual({
      receipts: [
        { stockingPoint: "A@North", period: 1, quantity: 10 },
        { stockingPoint: "A@Plant", period: 1, quantity: 4 },
      ],
      itemTotals: [{ stockingPoint: "A", period: 1, quantity: 14 }],
      note: "SOP Receipts: 2 scheduled receipt(s) of 14 units in all arrive within the horizon; the plan counts them as supply and does not order them again. 1 receipt(s) of 7 units arrive after the horizon (last 2026-W20) and are left out.",
    });
  });

  test("a month in a weekly plan, and a location where the item is not stocked, are refused with their cell", async () => {
    await expect(readReceipts(await receiptsBook([["Item", "Location", "Week", "Units"], ["A", "North", "2026-03", 1]]), weekly)).rejects.toThrow(
      `'SOP Receipts'!C2 gives week "2026-03", which is not a week of the plan (first 2026-W10, last 2026-W12).`,
    );
    await expect(readReceipts(await receiptsBook([["Item", "Location", "Week", "Units"], ["A", "West", "2026-W11", 1]]), weekly)).rejects.toThrow(
      "'SOP Receipts'!B2: item A is not stocked at West (it neither sells nor is made there), so nothing can arrive there for it.",
    );
  });

  test("a workbook without SOP Receipts gives none", async () => {
    expect(await readReceipts(MemoryWorkbook.empty(), weekly)).toBeUndefined();
  });
});
