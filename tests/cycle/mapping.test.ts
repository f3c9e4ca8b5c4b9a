import * as fs from "fs";
import ExcelJS from "exceljs";
import { PlanningError } from "../../src/core/errors";
import { describeHistory, isLines } from "../../src/cycle/historyLayout";
import { readHistory } from "../../src/cycle/historyReader";
import { itemMasterNotes, loadMapping, mapPartAt, MAPPING_KEY, proposeMapping, resourceNotes, saveMapping, type DataMapping, type SeriesMapping } from "../../src/cycle/mapping";
import { readPlanningData, readSeriesCells } from "../../src/cycle/planningData";
import { validateData } from "../../src/cycle/validate";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { headerlessBook, load, transposedBook } from "./mappingFixtures";

const grid = (mapping: DataMapping): SeriesMapping | undefined => (mapping.history && !isLines(mapping.history) ? mapping.history : undefined);

/** A workbook of one planner's sheet holding these rows from A1. */
async function sheetBook(name: string, rows: (string | number | null)[][]): Promise<MemoryWorkbook> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet(name).addRows(rows);
  return load(book);
}

const sample = (): Promise<MemoryWorkbook> => MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-sop.xlsx"));

describe("proposeMapping on the sample workbook", () => {
  it("recognises history, items, resources and capacity from the Excel tables", async () => {
    const mapping = await proposeMapping(await sample());
    expect(grid(mapping)?.source).toEqual({ kind: "table", reference: "SalesHistory", sheet: "Sales History", row: 0, col: 0 });
    expect(grid(mapping)?.orientation).toBe("periodsAcross");
    expect(grid(mapping)?.periods).toHaveLength(36);
    expect(mapping.items?.source.reference).toBe("ItemMaster");
    expect(mapping.items?.columns).toEqual({
      id: 0, description: 1, family: 2, unit: 3, price: 4, unitCost: 5, holdingRate: 6, leadTime: 7, serviceLevel: 8, openingInventory: 12,
    });
    expect(Object.keys(mapping.items?.hoursPerUnit ?? {})).toEqual(["Hours/Unit Assembly", "Hours/Unit Finishing", "Hours/Unit Packing"]);
    expect(mapping.resources?.source.reference).toBe("ResourceList");
    expect(mapping.capacity?.source.reference).toBe("CapacityPlan");
    expect(mapping.capacity?.periods[0]).toBe("2026-01");
  });

  it("reads the mapped data into PlanningData", async () => {
    const book = await sample();
    const data = await readPlanningData(book, await proposeMapping(book));
    expect(data.items).toHaveLength(40);
    expect(data.bucket).toBe("month");
    expect(data.series.map((series) => series.item)).toEqual(data.items.map((item) => item.id));
    expect(data.series.every((series) => series.location === "" && series.history.length === 36)).toBe(true);
    expect(new Set(data.items.map((item) => item.family))).toEqual(new Set(["Chairs", "Tables", "Storage", "Lighting"]));
    expect(data.items[0]).toMatchObject({ id: "CH-101", description: "Oak dining chair", unit: "pcs", holdingRate: 0.25 });
    expect(Object.keys(data.items[0].hoursPerUnit)).toEqual(["Assembly", "Finishing", "Packing"]);
    expect(data.resources.map((resource) => resource.id)).toEqual(["Assembly", "Finishing", "Packing"]);
    expect(data.capacity?.hours).toHaveLength(3);
    expect(data.capacity?.hours[0]).toHaveLength(24);
    expect(data.series.flatMap((series) => series.history).filter((value) => value === null)).toHaveLength(4);
  });
});

describe("proposeMapping on other layouts", () => {
  it("recognises periods down the rows with real dates, and an item master in a plain range", async () => {
    const book = await transposedBook();
    const mapping = await proposeMapping(book);
    expect(grid(mapping)?.orientation).toBe("periodsDown");
    expect(grid(mapping)?.periods[0]).toBe("2024-01");
    expect(grid(mapping)?.periods).toHaveLength(24);
    expect(mapping.items?.source).toEqual({ kind: "sheet", reference: "Master data", sheet: "Master data", row: 0, col: 0 });
    expect(mapping.items?.headerRow).toBe(2);
    expect(mapping.items?.columns).toEqual({ id: 1, family: 2, price: 3, unitCost: 4, openingInventory: 5, leadTime: 6 });

    const cells = await readSeriesCells(book, grid(mapping)!);
    expect(cells.keys.map((key) => [key.value, key.address])).toEqual([
      ["P-100", "Demand!B1"],
      ["P-200", "Demand!C1"],
      ["P-300", "Demand!D1"],
    ]);
    expect(cells.cells[1][2]).toEqual({ value: 22, address: "Demand!C4" });

    const data = await readPlanningData(book, mapping);
    expect(data.items.map((item) => [item.id, item.family, item.price, item.openingInventory])).toEqual([
      ["P-100", "Pumps", 120, 15],
      ["P-200", "Pumps", 150, 8],
      ["P-300", "Valves", 40, 60],
    ]);
    expect(data.series[0].history.slice(0, 3)).toEqual([10, 11, 12]);
  });

  it("recognises a headerless named range with ids in its first column", async () => {
    const book = await headerlessBook();
    const mapping = await proposeMapping(book);
    expect(grid(mapping)?.source).toEqual({ kind: "name", reference: "DemandBlock", sheet: "Data", row: 4, col: 0 });
    expect(grid(mapping)?.headerLine).toBe(-1);
    expect(grid(mapping)?.periods).toEqual(["P1", "P2", "P3", "P4", "P5", "P6"]);
    const cells = await readSeriesCells(book, grid(mapping)!);
    expect(cells.cells[2][0]).toEqual({ value: 50, address: "Data!B7" });
    const data = await readPlanningData(book, mapping);
    expect(data.items.map((item) => item.id)).toEqual(["X1", "X2", "X3"]);
    expect(data.series[1].history).toEqual([1, 0, 0, 2, 0, 1]);
  });

  it("tells capacity (keyed by resources) from history without a resource list, and skips a total row", async () => {
    const planner = new ExcelJS.Workbook();
    planner.addWorksheet("Hist").addRows([["Item", "Jan 25", "Feb 25", "Mar 25"], ["I-1", 1, 2, 3], ["I-2", 4, 5, 6], ["Total", 5, 7, 9]]);
    planner.addWorksheet("Cap").addRows([["Work center", "Apr 25", "May 25", "Jun 25"], ["Press", 100, 90, null]]);
    const book = await load(planner);
    const mapping = await proposeMapping(book);
    expect(grid(mapping)?.source.sheet).toBe("Hist");
    expect(mapping.capacity?.source.sheet).toBe("Cap");
    const data = await readPlanningData(book, mapping);
    expect(data.items.map((item) => item.id)).toEqual(["I-1", "I-2"]);
    expect(data.resources.map((resource) => resource.id)).toEqual(["Press"]);
    expect(data.capacity).toEqual({ periods: ["2025-04", "2025-05", "2025-06"], hours: [[100, 90, null]] });
  });

  it("reads a location row over each location's months (a pivot with plant and month as column fields) as item x location, each row counted once", async () => {
    const book = await sheetBook("Pivot", [
      [null, "North", null, null, "North Total", "South", null, null],
      ["Item", "Jan 2024", "Feb 2024", "Mar 2024", null, "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", 1, 2, 3, 6, 10, "20 pcs", 30],
      ["CH-102", null, null, null, null, 7, 8, 9],
    ]);
    const mapping = await proposeMapping(book);
    const history = grid(mapping);
    expect(history?.location).toBe("North");
    expect(history?.more?.map((part) => [part.location, part.periods])).toEqual([["South", ["2024-01", "2024-02", "2024-03"]]]);
    expect(describeHistory(history!)).toBe("Pivot (months across, a band of periods per location)");
    const reading = await readHistory(book, history!);
    expect(reading.series.map((series) => [series.item, series.location, series.history])).toEqual([
      ["CH-101", "North", [1, 2, 3]],
      ["CH-101", "South", [10, null, 30]],
      ["CH-102", "South", [7, 8, 9]],
    ]);
    expect(reading.problems.map((problem) => [problem.address, problem.period])).toEqual([["Pivot!G3", "2024-02"]]);
    expect([reading.reconciliation.rowsRead, reading.reconciliation.quantityIn]).toEqual([2, 70]);
  });

  it("reads lead times in days or weeks as months, to a tenth, and says so", async () => {
    const rows = (header: string): (string | number | null)[][] => [
      ["SKU", "Unit cost", header],
      ["A-1", 10, 45],
      ["A-2", 10, 7],
      ["A-3", 10, null],
    ];
    const history = [["SKU", "Jan 2024", "Feb 2024", "Mar 2024"], ["A-1", 1, 2, 3], ["A-2", 1, 2, 3], ["A-3", 1, 2, 3]];
    const leadTimes = async (header: string): Promise<{ months: (number | null)[]; note: string | undefined }> => {
      const source = new ExcelJS.Workbook();
      source.addWorksheet("Items").addRows(rows(header));
      source.addWorksheet("Sales").addRows(history);
      const book = await load(source);
      const mapping = await proposeMapping(book);
      return { months: (await readPlanningData(book, mapping)).items.map((item) => item.leadTime), note: itemMasterNotes(mapping.items)[0] };
    };
    expect(await leadTimes("Lead time (days)")).toEqual({ months: [1.5, 0.2, null], note: "Lead times are in days in the item master: the plan takes them in months, 30.44 days to a month, to a tenth (45 days are 1.5 months)." });
    expect((await leadTimes("Lead time (weeks)")).months).toEqual([10.3, 1.6, null]);
    expect(await leadTimes("Lead time (months)")).toEqual({ months: [45, 7, null], note: undefined });
  });

  it("reads an SAP material master: standard price (with its currency) per price unit as the unit cost, planned delivery time in days, a rate as a percentage", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("MARC").addRows([
      ["Material", "Material Description", "Standard price", "Price unit", "Base Unit of Measure", "Planned Deliv. Time", "Holding rate"],
      ["A-1", "Bolt", "$1,250.00", 1000, "PC", 14, "25%"],
      ["A-2", "Frame", "87.50 EUR", 1, "PC", 61, 0.2],
      ["A-3", "Panel", 40, 0, "PC", 30, null],
    ]);
    source.addWorksheet("Sales").addRows([["Material", "Jan 2024", "Feb 2024", "Mar 2024"], ["A-1", 1, 2, 3], ["A-2", 1, 2, 3], ["A-3", 1, 2, 3]]);
    const book = await load(source);
    const mapping = await proposeMapping(book);
    const items = (await readPlanningData(book, mapping)).items;
    expect(items.map((item) => [item.id, item.description, item.unitCost, item.leadTime, item.holdingRate])).toEqual([
      ["A-1", "Bolt", 1.25, 0.5, 0.25],
      ["A-2", "Frame", 87.5, 2, 0.2],
      ["A-3", "Panel", 40, 1, null],
    ]);
    expect(itemMasterNotes(mapping.items)[1]).toMatch(/^Unit costs are per price unit/);
    const report = await validateData(book, mapping);
    expect(report.issues.filter((issue) => issue.severity === "error").map((issue) => [issue.address, issue.message])).toEqual([
      ["MARC!D4", "A-3: the price unit is 0; the unit cost is per this many units, so it must be 1 or more."],
    ]);
  });

  it("reads a sheet per month of item, plant and quantity lines, in the months' order whatever the sheets' order", async () => {
    const source = new ExcelJS.Workbook();
    for (const [name, quantity] of [["2024-03", 30], ["2024-01", 10], ["2024-02", 20]] as const) {
      source.addWorksheet(name).addRows([["SKU", "Plant", "Qty"], ["A-1", "1000", quantity], ["A-1", "2000", quantity + 1]]);
    }
    const book = await load(source);
    const history = grid(await proposeMapping(book));
    expect(describeHistory(history!)).toBe("2024-01, 2024-02, 2024-03 (a sheet per month, by item and location)");
    const reading = await readHistory(book, history!);
    expect(reading.series.map((series) => [series.item, series.location, series.history])).toEqual([
      ["A-1", "1000", [10, 20, 30]],
      ["A-1", "2000", [11, 21, 31]],
    ]);
    const measures = new ExcelJS.Workbook();
    for (const name of ["2024-01", "2024-02"]) measures.addWorksheet(name).addRows([["Item", "Actual", "Budget"], ["A-1", 10, 12]]);
    expect((await proposeMapping(await load(measures))).history).toBeNull();
  });

  it("takes the actuals of an S&OP sheet as the history and notes the forecast columns after them, or the budget of the same months beside them", async () => {
    const book = await sheetBook("S&OP", [
      ["Item", "Jan-25 Actual", "Feb-25 Actual", "Mar-25 Actual", "Apr-25 Fcst", "May-25 Fcst"],
      ["CH-101", 1, 2, 3, 40, 50],
    ]);
    const mapping = await proposeMapping(book);
    expect(grid(mapping)?.periods).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(mapping.notes).toEqual(['2 columns from \'S&OP\'!E1 ("Apr-25 Fcst") on are headed as a plan (forecast, budget), not history: step 1 leaves them out of the history.']);
    const overlapping = await sheetBook("Plan", [
      ["Item", "Jan-25 Actual", "Feb-25 Actual", "Mar-25 Actual", "Jan-25 Budget", "Feb-25 Budget", "Mar-25 Budget"],
      ["CH-101", 1, 2, 3, 4, 5, 6],
    ]);
    const beside = await proposeMapping(overlapping);
    expect(grid(beside)?.periods).toEqual(["2025-01", "2025-02", "2025-03"]);
    expect(grid(beside)?.periodLines).toEqual([1, 2, 3]);
    expect(beside.notes).toEqual(['3 columns from Plan!E1 ("Jan-25 Budget") hold another measure ("budget") beside each period\'s "actual": step 1 reads "actual" as demand and leaves those columns out.']);
    const budgetFirst = await sheetBook("Plan", [
      [null, "Budget", null, null, "Actual", null, null],
      ["Item", "Jan 2025", "Feb 2025", "Mar 2025", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["CH-101", 40, 50, 60, 1, 2, 3],
    ]);
    const budgetBands = await proposeMapping(budgetFirst);
    expect(grid(budgetBands)?.periodLines).toEqual([4, 5, 6]);
    expect(budgetBands.notes).toEqual(['3 columns from Plan!B1 ("Budget") hold another measure ("Budget") beside each period\'s "Actual": step 1 reads "Actual" as demand and leaves those columns out.']);
    const versions = await sheetBook("Plan", [
      ["Item", "Jan-25 Actual", "Feb-25 Actual", "Mar-25 Actual", "Jan-25 Version B", "Feb-25 Version B", "Mar-25 Version B"],
      ["CH-101", 1, 2, 3, 4, 5, 6],
    ]);
    expect((await proposeMapping(versions)).history).toBeNull();
  });

  it("names the item master's and resource table's columns it has no field for, so none is left aside unsaid", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sales").addRows([["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["A-1", 1, 2, 3]]);
    book.addWorksheet("Master").addRows([["Item", "Description", "Unit Cost ($)", "MRP Controller"], ["A-1", "a", "$12.50", "001"]]);
    book.addWorksheet("Resources").addRows([["Work Center", "Available Hours per Month", "Labor Rate ($/h)", "Shift pattern"], ["ASSY", 1600, 45, "2x8"]]);
    const mapping = await proposeMapping(await MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer())));
    expect(mapping.items?.columns).toMatchObject({ id: 0, description: 1, unitCost: 2 });
    expect(mapping.resources?.columns).toMatchObject({ id: 0, regularHours: 1, regularCost: 2 });
    expect(mapping.notes).toEqual([
      'The item master\'s column Master!D1 ("MRP Controller") is not read: step 1 has no field by that header. If the plan should use one, give it a header step 1 knows (such as "Unit cost", "Lead time (days)", "Regular hours/month" or "Overtime cost/h").',
      'The resource table\'s column Resources!D1 ("Shift pattern") is not read: step 1 has no field by that header. If the plan should use one, give it a header step 1 knows (such as "Unit cost", "Lead time (days)", "Regular hours/month" or "Overtime cost/h").',
    ]);
  });

  it("leaves out order lines their status marks cancelled or rejected, and counts them", async () => {
    const book = await sheetBook("Orders", [
      ["Order Date", "SKU", "Qty", "Status", "Reason for rejection"],
      ["2024-01-05", "A-1", 10, "Shipped", null],
      ["2024-01-09", "A-1", 7, "Cancelled", null],
      ["2024-02-02", "A-1", 5, "Storniert", null],
      ["2024-02-11", "A-1", 3, "Open", null],
    ]);
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    expect(reading.series.map((series) => series.history)).toEqual([[10, 3]]);
    expect(reading.reconciliation.leftOut).toEqual([{ reason: "cancelled", rows: 2, quantity: 12, cells: ["Orders!D3", "Orders!D4"] }]);
    const rejected = await sheetBook("VBAP", [
      ["Created on", "Material", "Order Quantity", "Reason for rejection"],
      ["20240105", "A-1", 10, null],
      ["20240109", "A-1", 7, "Z1 Too expensive"],
    ]);
    const rejectedReading = await readHistory(rejected, (await proposeMapping(rejected)).history!);
    expect(rejectedReading.series.map((series) => series.history)).toEqual([[10]]);
    expect(rejectedReading.reconciliation.quantityIn).toBe(17);
  });

  it("does not add up an item's order lines in different units: the other unit's lines are errors, left out and counted", async () => {
    const book = await sheetBook("Orders", [
      ["Order Date", "SKU", "Qty", "UoM"],
      ["2024-01-05", "A-1", 10, "PC"],
      ["2024-01-09", "A-1", 2, "CS"],
      ["2024-02-02", "A-1", 5, "pc"],
      ["2024-02-03", "B-1", 3, "CS"],
      ["2024-02-04", "A-1", 1, "EA"],
    ]);
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    // "PC", "pc" and "EA" are one unit, pieces
    expect(reading.series.map((series) => [series.item, series.history])).toEqual([
      ["A-1", [10, 6]],
      ["B-1", [0, 3]],
    ]);
    expect(reading.problems.map((problem) => problem.message)).toEqual([
      'Orders!D3: A-1 is ordered in "CS" here but in "PC" at Orders!D2; quantities in different units cannot be added up. Convert the line to PC, or correct its unit.',
    ]);
    expect(reading.reconciliation.leftOut).toEqual([{ reason: "otherUnit", rows: 1, quantity: 2, cells: ["Orders!D3"] }]);
  });

  it("never reads bands of measures over the same months as locations: the 'Actual' band is read and 'Budget' left out; 'Units' and 'Cases' are refused at the repeated month", async () => {
    const book = await sheetBook("Plan", [
      [null, "Actual", null, null, "Budget", null, null],
      ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", 1, 2, 3, 4, 5, 6],
    ]);
    const mapping = await proposeMapping(book);
    expect(grid(mapping)).toMatchObject({ periodLines: [1, 2, 3], periods: ["2024-01", "2024-02", "2024-03"] });
    expect(grid(mapping)?.locationLine).toBeUndefined();
    expect(mapping.notes).toEqual(['3 columns from Plan!E1 ("Budget") on are headed as a plan (forecast, budget), not history: step 1 leaves them out of the history.']);
    const units = await sheetBook("Plan", [
      [null, "Units", null, null, "Cases", null, null],
      ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", 1, 2, 3, 4, 5, 6],
    ]);
    const refused = await proposeMapping(units);
    expect(refused.history).toBeNull();
    expect(refused.notes?.[0]).toMatch(/^Plan!E2: "Jan 2024" repeats a period/);
  });

  it("carries a month's year to the bare month names right after it, and refuses one that skips a month", async () => {
    const running = await sheetBook("S", [["Item", "Nov 2024", "Dec", "Jan", "Feb"], ["A-1", 1, 2, 3, 4]]);
    expect(grid(await proposeMapping(running))?.periods).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
    const skipping = await proposeMapping(await sheetBook("S", [["Item", "Nov 2024", "Dec", "Feb", "Mar"], ["A-1", 1, 2, 3, 4]]));
    expect(skipping.history).toBeNull();
    expect(skipping.notes?.[0]).toMatch(/^S!D1: "Feb" /);
  });

  it("matches sold items to the item master whatever their letter case, as Excel's lookups do, in the master's spelling", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Items").addRows([["SKU", "Unit cost", "Price"], ["ch-101", 5, 10], ["CH-102", 6, 12]]);
    source.addWorksheet("Sales").addRows([["SKU", "Jan 2024", "Feb 2024", "Mar 2024"], ["CH-101", 1, 2, 3], ["CH-102", 4, 5, 6]]);
    const book = await load(source);
    const data = await readPlanningData(book, await proposeMapping(book));
    expect(data.items.map((item) => [item.id, item.unitCost])).toEqual([
      ["ch-101", 5],
      ["CH-102", 6],
    ]);
    expect(data.series.map((series) => [series.item, series.history])).toEqual([
      ["ch-101", [1, 2, 3]],
      ["CH-102", [4, 5, 6]],
    ]);
  });

  it("matches a material sold as 100234 to the master's 000000000000100234 (SAP's padded numbers), in the master's spelling, without warnings", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Material master").addRows([["Material", "Material Description", "Standard price", "Price unit"], ["000000000000100234", "Chair", 1250, 100]]);
    source.addWorksheet("Sales").addRows([["Material", "Jan 2024", "Feb 2024", "Mar 2024"], [100234, 1, 2, 3]]);
    const book = await load(source);
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    expect(data.series.map((series) => [series.item, series.history])).toEqual([["000000000000100234", [1, 2, 3]]]);
    expect(data.items.map((item) => [item.id, item.unitCost])).toEqual([["000000000000100234", 12.5]]);
    expect((await validateData(book, mapping)).issues.filter((issue) => issue.kind === "notInItemMaster" || issue.kind === "noHistory")).toEqual([]);
  });

  it("refuses location bands over a grid whose lines hold a location of their own, naming the band's label", async () => {
    const book = await sheetBook("Both", [
      [null, null, "North", null, null, "South", null, null],
      ["Item", "Location", "Jan 2024", "Feb 2024", "Mar 2024", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", "Paris", 1, 2, 3, 4, 5, 6],
    ]);
    const mapping = await proposeMapping(book);
    expect(mapping.history).toBeNull();
    expect(mapping.notes?.[0]).toMatch(/^Both!C1: "North" heads a band of periods as a location, but the lines hold a location of their own/);
  });

  it("reads the quantities beside a sheet of money ('Revenue' and 'Units', 'Sales EUR' and 'Sales'), never the two as locations, and notes a history named as money", async () => {
    const months = ["Jan 2024", "Feb 2024", "Mar 2024"];
    const twoSheets = async (money: string, units: string): Promise<MemoryWorkbook> => {
      const source = new ExcelJS.Workbook();
      source.addWorksheet(money).addRows([["Item", ...months], ["A-1", 1000, 1100, 1200], ["B-2", 2000, 2100, 2200], ["C-3", 3000, 3100, 3200]]);
      source.addWorksheet(units).addRows([["Item", ...months], ["A-1", 10, 11, 12], ["B-2", 20, 21, 22]]);
      return MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    };
    for (const [money, units] of [["Revenue", "Units"], ["Sales Value", "Sales Qty"], ["Sales EUR", "Sales"]]) {
      const history = grid(await proposeMapping(await twoSheets(money, units)));
      expect([history?.source.sheet, history?.more]).toEqual([units, undefined]);
    }
    const alone = await proposeMapping(await sheetBook("Umsatz", [["Item", ...months], ["A-1", 1000, 1100, 1200]]));
    expect(alone.notes).toContain("The history is read from Umsatz, whose name says it holds money, not quantities: check that it holds units sold, or map the block that does.");
  });

  it("reads sheets named by year whose months overlap (a 13-month export) one after the other, each month from its year's sheet, never as locations", async () => {
    const source = new ExcelJS.Workbook();
    const months2024 = [...["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map((m) => `${m} 2024`), "Jan 2025"];
    source.addWorksheet("Sales 2024").addRows([["Item", ...months2024], ["A-1", ...months2024.map((_, k) => k + 1)]]);
    source.addWorksheet("Sales 2025").addRows([["Item", "Jan 2025", "Feb 2025", "Mar 2025"], ["A-1", 99, 14, 15]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const mapping = await proposeMapping(book);
    expect(mapping.notes).toContain("1 column from 'Sales 2024'!N1 (2025-01) is read from the sheet named for its year instead: step 1 leaves it out of Sales 2024.");
    const reading = await readHistory(book, mapping.history!);
    expect(reading.series.map((series) => [series.item, series.location])).toEqual([["A-1", ""]]);
    expect(reading.series[0].history.slice(-4)).toEqual([12, 99, 14, 15]);
    expect(reading.problems).toEqual([]);
  });

  it("reads the ordered quantity of order lines as demand before the shipped one, whichever comes first, and says so", async () => {
    const rows: (string | number | null)[][] = [["Order Date", "Item", "Qty Shipped", "Qty Ordered"]];
    for (let k = 0; k < 6; k++) rows.push([`2024-0${1 + (k % 3)}-1${k}`, "A-1", k === 0 ? 0 : 5, 5]);
    const book = await sheetBook("Orders", rows);
    const mapping = await proposeMapping(book);
    expect(isLines(mapping.history!) && mapping.history.columns.quantity).toBe(3);
    expect(mapping.notes).toContain('Orders!D1 ("Qty Ordered") is read as demand and Orders!C1 ("Qty Shipped") left out: demand is what customers ordered; shipments fall short of it when stock runs out.');
    expect((await readHistory(book, mapping.history!)).series[0].history).toEqual([10, 10, 10]);
  });

  it("takes a key column it does not know by name ('Zone') as the location when it tells an item's lines apart and its values are shared, with a note; never an item's own text", async () => {
    const rows = (header: string, value: (item: string, place: string) => string): (string | number)[][] => [
      ["Item", header, "Jan 2024", "Feb 2024", "Mar 2024"],
      ...["A-1", "B-2"].flatMap((item) => ["North", "South"].map((place) => [item, value(item, place), 1, 2, 3])),
    ];
    const zoned = await proposeMapping(await sheetBook("Sales", rows("Zone", (_, place) => place)));
    expect(grid(zoned)?.locationLine).toBe(1);
    expect(zoned.notes).toContain('Sales!B1 ("Zone") is read as the location: each item has a line per "Zone", the same values shared by several items. Correct the mapping in step 1 if it holds something else.');
    const texts = await proposeMapping(await sheetBook("Sales", rows("Text", (item, place) => `${item} ${place}`)));
    expect(grid(texts)?.locationLine).toBeUndefined();
  });

  it("dates lines without an order date by their delivery date, saying so", async () => {
    const book = await sheetBook("Deliveries", [["Delivery Date", "Item", "Qty"], ["2024-01-05", "A-1", 3], ["2024-02-07", "A-1", 4]]);
    const mapping = await proposeMapping(book);
    expect(mapping.notes).toContain("Deliveries!A1 dates the lines: they have no order date, so demand is dated by delivery. Add the order date column to date demand when it was ordered.");
    expect((await readHistory(book, mapping.history!)).series[0].history).toEqual([3, 4]);
  });

  it("finds nothing in a workbook without planning data, and says so when reading", async () => {
    const book = MemoryWorkbook.empty();
    await book.writeBlocks([{ sheet: "Notes", topLeft: "A1", values: [["hello"]] }]);
    const mapping = await proposeMapping(book);
    expect(mapping).toEqual({ version: 1, history: null, items: null, resources: null, capacity: null });
    await expect(readPlanningData(book, mapping)).rejects.toThrow(/No sales history is mapped/);
  });
});

describe("mapPartAt: the planner points at a block", () => {
  it("maps a sheet range, a table or a sheet to the part the planner says it holds", async () => {
    const book = await sample();
    const history = (await mapPartAt(book, "history", "'Sales History'!A1:AK11")) as SeriesMapping;
    expect(history.source).toEqual({ kind: "range", reference: "'Sales History'!A1:AK11", sheet: "Sales History", row: 0, col: 0 });
    expect(history.periods).toHaveLength(36);
    const items = await mapPartAt(book, "items", "Items");
    expect(items.source.kind).toBe("sheet");
    expect(items.columns.family).toBe(2);
    expect((await mapPartAt(book, "resources", "ResourceList")).source.kind).toBe("table");
    const data = await readPlanningData(book, { version: 1, history, items, resources: null, capacity: null });
    expect(data.items).toHaveLength(40);
    expect(data.series.filter((series) => series.history.some((value) => value !== null))).toHaveLength(10);
  });

  it("says what a part needs when the block does not hold it", async () => {
    const book = await sample();
    await expect(mapPartAt(book, "history", "Read me")).rejects.toThrow(/No history was recognised in Read me/);
    await expect(mapPartAt(book, "items", "Resources")).rejects.toThrow(/No item master was recognised/);
    await expect(mapPartAt(book, "items", "Nowhere")).rejects.toBeInstanceOf(PlanningError);
  });
});

describe("mapping storage", () => {
  it("keeps the mapping in the workbook through save and reload", async () => {
    const book = await sample();
    const mapping = await proposeMapping(book);
    await saveMapping(book, mapping);
    const reloaded = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(await loadMapping(reloaded)).toEqual(mapping);
  });

  it("has no mapping in a fresh workbook and rejects a damaged one", async () => {
    const book = MemoryWorkbook.empty();
    expect(await loadMapping(book)).toBeUndefined();
    await book.setMetadata(MAPPING_KEY, '{"version":1,"history":{"source":3}}');
    await expect(loadMapping(book)).rejects.toBeInstanceOf(PlanningError);
    await book.setMetadata(MAPPING_KEY, "{not json");
    await expect(loadMapping(book)).rejects.toThrow(/damaged/);
  });
});

describe("order lines dated by a year and a period number", () => {
  const book = async (periodHeader: string) => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Export").addRows([["Year", periodHeader, "Material", "Qty"], ...Array.from({ length: 24 }, (_, k) => [2024 + Math.floor(k / 12), (k % 12) + 1, "A", 10 + k])]);
    return load(sheet);
  };

  it("reads 'Period' 1-12 as calendar months and says so, as a fiscal year would shift them", async () => {
    const mapping = await proposeMapping(await book("Period"));
    expect((await readPlanningData(await book("Period"), mapping)).periods.slice(0, 2)).toEqual(["2024-01", "2024-02"]);
    expect(mapping.notes).toContain(
      'Export!B1 ("Period") is read as the calendar month in the year of Export!A1: period 1 is January. If your periods are fiscal (a year starting in another month), add a column with each line\'s calendar month or posting date and map it as the date.',
    );
  });

  it("says nothing of a column headed 'Month'", async () => {
    const mapping = await proposeMapping(await book("Month"));
    expect((mapping.notes ?? []).filter((note) => /period 1 is January/.test(note))).toEqual([]);
  });
});

describe("a copy of the history sheet", () => {
  it("reads one sheet and names the copy laid out the same way, which is not read", async () => {
    const sheet = new ExcelJS.Workbook();
    for (const name of ["Sales", "Sales (2)", "Notes"]) {
      sheet.addWorksheet(name).addRows(name === "Notes" ? [["Checked by Dana"]] : [["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["A", 1, 2, 3], ["B", 4, 5, name === "Sales" ? 6 : 7]]);
    }
    const book = await load(sheet);
    const mapping = await proposeMapping(book);
    expect((await readPlanningData(book, mapping)).series.map((series) => series.history)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(mapping.notes).toEqual([
      '"Sales (2)" holds a block laid out as the history read from "Sales", over some of the same periods, and is not read. If the history to plan from is there, choose it in step 1\'s mapping editor.',
    ]);
  });
});

describe("a TRUE among order lines' quantities", () => {
  it("is named as Excel shows it, as in a grid", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Orders").addRows([["Date", "Item", "Qty"], ...Array.from({ length: 6 }, (_, k) => [new Date(Date.UTC(2024, k, 3)), "A", k === 2 ? true : 5])]);
    const book = await load(sheet);
    const reading = await readPlanningData(book, await proposeMapping(book));
    expect(reading.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^"TRUE" at Orders!C4 is not a quantity\./)]);
  });
});

describe("a pivot table's history: items with their names, and a (blank) row", () => {
  it("reads each item as the master's code, says so once, and leaves the (blank) row's quantities out as an error", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Pivot").addRows([
      ["Sum of Qty", "Column Labels"],
      ["Row Labels", "Jan 2024", "Feb 2024", "Mar 2024", "Grand Total"],
      ["CH-101 - Office chair", 1, 2, 3, 6],
      ["CH-102 - Desk chair", 4, 5, 6, 15],
      ["(blank)", null, 7, null, 7],
      ["Grand Total", 5, 14, 9, 28],
    ]);
    sheet.addWorksheet("Items").addRows([["Item", "Description", "Unit cost"], ["CH-101", "Office chair", 20], ["CH-102", "Desk chair", 30]]);
    const book = await load(sheet);
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    expect(data.series.map((series) => [series.item, series.history])).toEqual([
      ["CH-101", [1, 2, 3]],
      ["CH-102", [4, 5, 6]],
    ]);
    expect(data.reconciliation.leftOut.find((entry) => entry.reason === "noKey")?.quantity).toBe(7);
    const report = await validateData(book, mapping, data.problems);
    expect(report.issues.map((issue) => [issue.severity, issue.address, issue.message])).toEqual([
      [
        "error",
        "Pivot!A5",
        '"(blank)" is a pivot table\'s label for sales without an item, and its row has quantities: they are left out. Give those sales their item in the pivot table\'s source data, or filter "(blank)" out of the pivot table.',
      ],
      ["info", "Pivot!A3", '2 items of the history are written with their name beside the code ("CH-101 - Office chair"): each is read as the item master\'s code (CH-101).'],
    ]);
  });
});

describe("a history kept in thousands", () => {
  it("reads a grid under a title 'in thousand units' as units, and says so", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Sales").addRows([["Sales volume in thousand units"], ["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["A", 1.2, 2.5, 3.1]]);
    const book = await load(sheet);
    const mapping = await proposeMapping(book);
    expect((await readPlanningData(book, mapping)).series[0].history).toEqual([1200, 2500, 3100]);
    expect(mapping.notes).toEqual(['Sales!A1 ("Sales volume in thousand units") says the quantities are in thousands: step 1 reads them as units (1.2 is 1,200), so forecasts, costs and hours per unit are in units.']);
  });

  it("reads order lines whose quantity is headed 'Menge in Tsd.' as units; a title in thousands of money scales nothing", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Absatz").addRows([["Artikel", "Menge in Tsd.", "Datum"], ...Array.from({ length: 6 }, (_, k) => ["A", 1.5, new Date(Date.UTC(2024, k, 3))])]);
    sheet.addWorksheet("Units").addRows([["Revenue in thousands EUR and units sold"], ["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["B", 1, 2, 3]]);
    const book = await load(sheet);
    const lines = await mapPartAt(book, "history", "Absatz");
    expect((await readPlanningData(book, { version: 1, history: lines, items: null, resources: null, capacity: null })).series[0].history).toEqual([1500, 1500, 1500, 1500, 1500, 1500]);
    const grid = await mapPartAt(book, "history", "Units");
    expect((await readPlanningData(book, { version: 1, history: grid, items: null, resources: null, capacity: null })).series[0].history).toEqual([1, 2, 3]);
  });
});

describe("resource hours per week or per month", () => {
  const book = async (header: string, periods: string[]) => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Sales").addRows([["Item", ...periods], ["A", ...periods.map((_, k) => k + 1)]]);
    sheet.addWorksheet("Resources").addRows([["Resource", header, "Overtime Cost/h"], ["Assembly", 40, 45]]);
    return load(sheet);
  };

  it("reads 'Capacity (hrs/week)' in a monthly plan as 4.35 weeks a month, and says so", async () => {
    const planner = await book("Capacity (hrs/week)", ["Jan 2024", "Feb 2024", "Mar 2024"]);
    const mapping = await proposeMapping(planner);
    const [assembly] = (await readPlanningData(planner, mapping)).resources;
    expect(assembly.regularHours).toBeCloseTo((40 * 365.25) / 12 / 7, 9);
    expect(assembly.overtimeCost).toBe(45);
    expect(resourceNotes(mapping.resources, mapping.bucket)).toEqual([
      "Resource hours are per week in the resource table (regular hours): the plan takes them per month, 4.35 weeks to a month (40 hours a week are 173.9 a month).",
    ]);
  });

  it("reads 'Regular Hours/Month' in a weekly plan per week; hours without a period stay per the plan's period", async () => {
    const weeks = ["2024-W01", "2024-W02", "2024-W03"];
    const monthly = await book("Regular Hours/Month", weeks);
    const mapping = { ...(await proposeMapping(monthly)), bucket: "week" as const };
    expect((await readPlanningData(monthly, mapping)).resources[0].regularHours).toBeCloseTo((40 * 7 * 12) / 365.25, 9);
    expect(resourceNotes(mapping.resources, "week")).toEqual([
      "Resource hours are per month in the resource table (regular hours): the plan takes them per week, 4.35 weeks to a month (400 hours a month are 92.0 a week).",
    ]);
    const plain = await book("Available Hours", weeks);
    expect((await readPlanningData(plain, { ...(await proposeMapping(plain)), bucket: "week" })).resources[0].regularHours).toBe(40);
  });
});

describe("an item master's lead times in a weekly plan", () => {
  it("are taken in weeks: months times 4.35, days over 7, and the note says so", async () => {
    const weeks = Array.from({ length: 6 }, (_, k) => `2024-W0${k + 1}`);
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Sales").addRows([["Item", ...weeks], ["A", 1, 2, 3, 4, 5, 6], ["B", 1, 2, 3, 4, 5, 6]]);
    sheet.addWorksheet("Items").addRows([["Item", "Unit cost", "Lead time"], ["A", 10, 2], ["B", 10, 0.5]]);
    const book = await load(sheet);
    const mapping = { ...(await proposeMapping(book)), bucket: "week" as const };
    expect((await readPlanningData(book, mapping)).items.map((item) => item.leadTime)).toEqual([8.7, 2.2]);
    expect(itemMasterNotes(mapping.items, "week")).toEqual(["Lead times are in months in the item master: the plan takes them in weeks, 4.35 weeks to a month, to a tenth (2 months are 8.7 weeks)."]);
    expect(itemMasterNotes(mapping.items, "month")).toEqual([]);
    expect((await readPlanningData(book, { ...mapping, bucket: "month" })).items.map((item) => item.leadTime)).toEqual([2, 0.5]);
  });
});

describe("order lines with an order or billing document type", () => {
  it("leaves out returns and credits (Returns, RE, Gutschrift) and counts them; standard orders are demand", async () => {
    const sheet = new ExcelJS.Workbook();
    sheet.addWorksheet("Orders").addRows([
      ["Order Date", "Material", "Sales Doc. Type", "Qty"],
      ...Array.from({ length: 3 }, (_, k) => [
        [new Date(Date.UTC(2024, k, 5)), "A", "Standard Order", 10],
        [new Date(Date.UTC(2024, k, 9)), "A", ["Returns", "RE", "Gutschrift"][k], 3],
      ]).flat(),
    ]);
    const book = await load(sheet);
    const mapping = await proposeMapping(book);
    const reading = await readPlanningData(book, mapping);
    expect(reading.series[0].history).toEqual([10, 10, 10]);
    expect(reading.reconciliation.leftOut).toEqual([{ reason: "returned", rows: 3, quantity: 9, cells: ["Orders!C3", "Orders!C5", "Orders!C7"] }]);
  });
});
