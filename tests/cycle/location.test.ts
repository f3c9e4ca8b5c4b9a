/**
 * Location is a key, not a duplicate: a workbook keyed by item and location is read, forecast, planned
 * and monitored by item x location, and no demand is lost on the way.
 */
import ExcelJS from "exceljs";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { itemMasterNotes, proposeMapping, type SeriesMapping } from "../../src/cycle/mapping";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { readPlanningData } from "../../src/cycle/planningData";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { validateData } from "../../src/cycle/validate";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { columnLetters } from "../../src/workbook/address";
import type { CellValue } from "../../src/workbook/workbook";
import { FIXTURE_MONTHS, fixtureTotal, PER_PLANT, twoLocationBook } from "./locationFixture";
import { load } from "./mappingFixtures";

const sum = (values: readonly CellValue[]): number => values.reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);

describe("a workbook keyed by item and location", () => {
  test("step 1 reads one series per item x location, and their sum is the sheet's total", async () => {
    const book = await twoLocationBook();
    const mapping = await proposeMapping(book);
    expect((mapping.history as SeriesMapping | null)?.locationLine).toBe(1);
    const data = await readPlanningData(book, mapping);
    expect(data.series.map((s) => `${s.item}/${s.location}`)).toEqual(["A-1/North", "A-1/South", "A-2/North", "A-2/South", "B-1/North", "B-1/South"]);
    expect(data.items.map((item) => item.id)).toEqual(["A-1", "A-2", "B-1"]);
    expect(sum(data.series.flatMap((s) => s.history))).toBe(fixtureTotal());
  });

  test.each(["Site", "Warehouse", "DC", "Plant", "Locations"])("a second key column headed %s is the location; a Channel column is not", async (header) => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Hist").addRows([
      ["SKU", "Channel", header, "Jan 25", "Feb 25", "Mar 25"],
      ["I-1", "web", "P1", 1, 2, 3],
      ["I-1", "web", "P2", 4, 5, 6],
    ]);
    const book = await load(sheet);
    const data = await readPlanningData(book, await proposeMapping(book));
    expect(data.series).toEqual([
      { item: "I-1", location: "P1", history: [1, 2, 3] },
      { item: "I-1", location: "P2", history: [4, 5, 6] },
    ]);
  });

  test("steps 1 to 3: sheets by item x location, totals by item and by location, no demand lost, supply on each item's total", async () => {
    const book = await twoLocationBook();
    const gather = await runGatherStep(book);
    expect(gather.validation.errors).toBe(0);
    expect(gather.changes).toEqual([]);
    expect(gather.report.summary).toMatch(/Found 3 items at 2 locations \(6 item x location series\)/);
    const byLocation = gather.report.tables?.find((table) => table.title === "History by location");
    expect(byLocation?.rows.at(-1)).toEqual(["Total", 6, fixtureTotal()]);

    const clean = await book.read(SHEETS.cleanHistory);
    expect(clean[0].slice(0, 4)).toEqual(["Item", "Location", "Family", FIXTURE_MONTHS[0]]);
    expect(clean.slice(1).map((row) => row[1])).toEqual(["North", "South", "North", "South", "North", "South"]);
    expect(sum(clean.slice(1).flatMap((row) => row.slice(3)))).toBe(fixtureTotal());
    expect((await book.read(SHEETS.overrides))[0]).toEqual(["Role", "Item", "Location", "Period", "Value", "Delta", "Percent", "Reason"]);

    const demand = await runDemandStep(book, { horizon: 6 });
    expect(demand.items.map((item) => `${item.item}/${item.location}`)).toEqual(["A-1/North", "A-1/South", "A-2/North", "A-2/South", "B-1/North", "B-1/South"]);
    expect(demand.report.summary).toMatch(/^Forecast 6 item x location series for 6 months/);
    const consensus = await book.read(SHEETS.consensus);
    expect(consensus[0].slice(0, 3)).toEqual(["Item", "Location", "Family"]);
    expect(new Set(consensus.slice(1).map((row) => row[1]))).toEqual(new Set(["North", "South"]));
    const forecast = await book.read(SHEETS.forecast);
    expect(forecast[0].slice(0, 3)).toEqual(["Item", "Location", "Family"]);
    expect(forecast.filter((row) => row[0] === "B-1" && row[8] === "Forecast").map((row) => row[1])).toEqual(["North", "South"]);
    const byItem = demand.report.tables?.find((table) => table.title === "Consensus by item (all locations)");
    const a1 = demand.items.filter((item) => item.item === "A-1");
    expect(byItem?.rows[0]).toEqual(["A-1", ...a1[0].consensus.map((v, t) => Math.round((v + a1[1].consensus[t]) * 100) / 100)]);
    const byPlace = demand.report.tables?.find((table) => table.title === "Consensus by location (all items)");
    expect(byPlace?.rows.map((row) => row[0])).toEqual(["North", "South"]);
    expect(sum(byPlace?.rows.flatMap((row) => row.slice(1)) ?? [])).toBeCloseTo(sum(consensus.slice(1).flatMap((row) => row.slice(3))), 6);

    const supply = await runSupplyStep(book);
    expect(supply.report.messages?.some((m) => /summed over its locations on the shared resources/.test(m.text))).toBe(true);
    const plan = await book.read(SHEETS.supplyPlan);
    const rowOf = (item: string, measure: string) => plan.find((row) => row[0] === item && row[2] === measure)!.slice(3) as number[];
    rowOf("A-1", "Demand").forEach((total, t) => expect(total).toBeCloseTo(rowOf("A-1", "Demand at North")[t] + rowOf("A-1", "Demand at South")[t], 6));
    expect(supply.model.items.map((item) => item.id)).toEqual(["A-1", "A-2", "B-1"]);
  }, 120_000);

  test("an override names a location, or applies to every location of its item (value shared by forecast)", async () => {
    const book = await twoLocationBook();
    await runGatherStep(book);
    const base = await runDemandStep(book, { horizon: 3 });
    const [north, south] = base.items.filter((item) => item.item === "A-1");
    const month = base.periods[0];
    book.setCell(SHEETS.overrides, "A2", "sales");
    book.setCell(SHEETS.overrides, "B2", "A-2");
    book.setCell(SHEETS.overrides, "C2", "South");
    book.setCell(SHEETS.overrides, "D2", month);
    book.setCell(SHEETS.overrides, "E2", 500);
    book.setCell(SHEETS.overrides, "H2", "new shop");
    book.setCell(SHEETS.overrides, "A3", "marketing");
    book.setCell(SHEETS.overrides, "B3", "A-1");
    book.setCell(SHEETS.overrides, "D3", month);
    book.setCell(SHEETS.overrides, "F3", 100);
    book.setCell(SHEETS.overrides, "H3", "campaign");
    const after = await runDemandStep(book, { horizon: 3 });
    const of = (item: string, location: string) => after.items.find((entry) => entry.item === item && entry.location === location)!;
    expect(of("A-2", "South").consensus[0]).toBe(500);
    expect(of("A-2", "North").consensus[0]).toBe(base.items.find((entry) => entry.item === "A-2" && entry.location === "North")!.consensus[0]);
    const share = north.forecast[0] / (north.forecast[0] + south.forecast[0]);
    expect(of("A-1", "North").consensus[0]).toBeCloseTo(north.forecast[0] + 100 * share, 1);
    expect(of("A-1", "North").consensus[0] + of("A-1", "South").consensus[0]).toBeCloseTo(north.forecast[0] + south.forecast[0] + 100, 1);
    book.setCell(SHEETS.overrides, "C2", "West");
    await expect(runDemandStep(book, { horizon: 3 })).rejects.toThrow(/SOP Overrides has a problem[\s\S]*Row 2 \(A-2 at West, 2026-01\): item "A-2" at location "West" is not in the plan/);
  }, 60_000);

  test("a new product's launch forecast at a location plans it there; named without a location it is left out, saying so", async () => {
    const book = await twoLocationBook();
    book.setCell("Items", "A5", "C-1");
    book.setCell("Items", "B5", "Desk");
    book.setCell("Items", "C5", "Seating");
    book.setCell("Items", "D5", 40);
    await runGatherStep(book);
    const month = (await runDemandStep(book, { horizon: 3 })).periods[1];
    const row = (r: number, location: string | null) =>
      [["A", "marketing"], ["B", "C-1"], ["C", location], ["D", month], ["E", 90], ["H", "launch"]].forEach(([column, value]) => book.setCell(SHEETS.overrides, `${column}${r}`, value));
    row(2, null);
    const unlocated = await runGatherStep(book);
    expect(unlocated.report.messages).toContainEqual({
      level: "warning",
      text: "New item C-1 has a launch forecast in SOP Overrides but no location there: give each of its rows the location it will be stocked at, then run step 1 again.",
    });
    expect(unlocated.cleaned.some((series) => series.item === "C-1")).toBe(false);
    row(2, "South");
    const gather = await runGatherStep(book);
    expect(gather.cleaned.filter((series) => series.item === "C-1")).toEqual([{ item: "C-1", location: "South", values: FIXTURE_MONTHS.map(() => null) }]);
    const demand = await runDemandStep(book, { horizon: 3 });
    const launched = demand.items.filter((item) => item.item === "C-1");
    expect(launched.map((item) => [item.location, item.forecast, item.consensus])).toEqual([["South", [0, 0, 0], [0, 90, 0]]]);
  }, 60_000);

  test("step 6 compares the approved plan with actuals by item x location, with totals by item and by location", async () => {
    const book = await twoLocationBook();
    await runCycle(book, { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const plan = await book.read("Plan 2026-01 v1");
    expect(plan.some((row) => row[0] === "B-1" && row[2] === "Demand at South")).toBe(true);
    const planned = (item: string, location: string) => plan.find((row) => row[0] === item && row[2] === `Demand at ${location}`)![3] as number;
    const sales = book.sheetValues("Sales");
    const column = columnLetters(sales[0].length);
    book.setCell("Sales", `${column}1`, "2026-01");
    sales.slice(1).forEach((row, r) => {
      const [item, location] = [String(row[0]), String(row[1])];
      // B-1 sells twice its plan in the North; everything else sells its plan
      book.setCell("Sales", `${column}${r + 2}`, Math.round(planned(item, location) * (item === "B-1" && location === "North" ? 2 : 1)));
    });
    const result = await runMonitorStep(book);
    const row = (item: string, location: string) => result.items.find((entry) => entry.item === item && entry.location === location)!;
    expect(row("B-1", "North").actual[0]).toBe(Math.round(planned("B-1", "North") * 2));
    expect(row("B-1", "South").actual[0]).toBe(Math.round(planned("B-1", "South")));
    expect(row("B-1", "All locations").actual[0]).toBe(row("B-1", "North").actual[0] + row("B-1", "South").actual[0]);
    expect(row("All items", "North").planned[0]).toBeCloseTo(planned("A-1", "North") + planned("A-2", "North") + planned("B-1", "North"), 6);
    const monitor = await book.read(SHEETS.monitor);
    expect(monitor[0].slice(0, 3)).toEqual(["Item", "Location", "Months with actuals"]);
    expect(monitor.filter((r) => r[0] === "B-1").map((r) => r[1])).toEqual(["North", "South", "All locations"]);
  }, 120_000);
});

describe("an item master kept per location (a row per item and plant)", () => {
  test("step 1 reads one item per id, its locations' stock and safety stock added up, the longest lead time and the average cost, and says so", async () => {
    const book = await twoLocationBook([], {}, PER_PLANT);
    const mapping = await proposeMapping(book);
    expect(mapping.items?.columns.location).toBe(1);
    expect(itemMasterNotes(mapping.items).some((note) => /lists items by location/.test(note))).toBe(true);
    const data = await readPlanningData(book, mapping);
    expect(data.items.map((item) => item.id)).toEqual(["A-1", "A-2", "B-1"]);
    const chair = data.items[0];
    expect([chair.openingInventory, chair.safetyStock, chair.leadTime, chair.unitCost]).toEqual([110, 30, 2, 22]);
    expect(chair.locations?.map((entry) => [entry.location, entry.openingInventory, entry.safetyStock, entry.unitCost, entry.address])).toEqual([
      ["Plant", 60, 10, 20, "Items!B2"],
      ["North", 30, 15, 23, "Items!B3"],
      ["South", 20, 5, 23, "Items!B4"],
    ]);
    expect([data.items[1].openingInventory, data.items[1].safetyStock]).toEqual([50, null]);
    const report = await validateData(book, mapping);
    expect(report.errors).toBe(0);
    expect(report.issues.filter((issue) => issue.kind === "noHistory")).toEqual([]);
  });

  test("an item twice at one location is an error, and a price that differs by location a warning naming the cell", async () => {
    const rows = [...PER_PLANT, ["A-2", "Plant", "Stool", "Seating", 10, 25, 0.25, 5, null, 1], ["B-1", "North", "Lamp", "Lighting", 8, 32, 0.1, 0, null, 1]];
    const book = await twoLocationBook([], {}, rows);
    const report = await validateData(book, await proposeMapping(book));
    expect(report.issues.filter((issue) => issue.kind === "duplicate").map((issue) => [issue.address, issue.message])).toEqual([
      ["Items!A7", "The item A-2 at location Plant appears twice (first at Items!A5). Keep one row per item and location."],
    ]);
    expect(report.issues.filter((issue) => issue.kind === "locationValue").map((issue) => [issue.address, issue.severity, issue.message])).toEqual([
      ["Items!F8", "warning", "The price of B-1 at North (32) differs from its first row's (30 at Items!F6): the plan uses one price per item, the first row's."],
    ]);
  });

  test("a plant code that reads like a year ('2000' as text) is the location, and no note says the master is not read", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Sales").addRows([
      ["Material", "Plant", ...FIXTURE_MONTHS],
      ...["1000", "2000"].flatMap((plant) => ["M-1", "M-2"].map((item) => [item, plant, ...FIXTURE_MONTHS.map((_, t) => 10 + t)])),
    ]);
    sheet.addWorksheet("Material Master").addRows([
      ["Material", "Plant", "Unit cost", "Safety stock"],
      ["M-1", "1000", 5, 4],
      ["M-1", "2000", 5, 6],
      ["M-2", "1000", 7, 1],
      ["M-2", "2000", 7, 2],
      ["M-3", "2000", 9, 3],
    ]);
    const book = await load(sheet);
    const mapping = await proposeMapping(book);
    expect((mapping.notes ?? []).filter((note) => /Material Master/.test(note))).toEqual([]);
    const data = await readPlanningData(book, mapping);
    expect(data.items.map((item) => [item.id, item.safetyStock, item.locations?.map((entry) => entry.location)])).toEqual([
      ["M-1", 10, ["1000", "2000"]],
      ["M-2", 3, ["1000", "2000"]],
      ["M-3", 3, ["2000"]],
    ]);
  });
});
