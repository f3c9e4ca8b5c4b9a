import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildLayouts, layoutBytes, writeLayouts, type Layout } from "../../scripts/make-layouts";
import { describeHistory, isLines, type SeriesMapping } from "../../src/cycle/historyLayout";
import { choiceOf, historyFromChoice } from "../../src/cycle/mappingEdit";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { readHistory, type HistoryReading } from "../../src/cycle/historyReader";
import { reconciliationText } from "../../src/cycle/reconciliation";
import ExcelJS from "exceljs";
import { loadMapping, mapPartAt, proposeMapping, saveMapping } from "../../src/cycle/mapping";
import type { Matrix } from "../../src/workbook/workbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

async function load(layout: Layout): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(await layoutBytes(layout));
}

/** Quantity by "item|location|period", zeros and blanks left out. */
function flatten(reading: HistoryReading): Record<string, number> {
  const out: Record<string, number> = {};
  for (const series of reading.series) {
    series.history.forEach((value, t) => {
      if (value !== null && Math.abs(value) > 1e-9) out[`${series.item}|${series.location}|${reading.periods[t]}`] = value;
    });
  }
  return out;
}

function withoutZeros(expected: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(expected).filter(([, value]) => Math.abs(value) > 1e-9));
}

function expectSameQuantities(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(withoutZeros(expected)).sort());
  for (const [key, value] of Object.entries(withoutZeros(expected))) {
    if (Math.abs(actual[key] - value) > 1e-6) throw new Error(`${key}: read ${actual[key]}, expected ${value}`);
  }
}

const layouts = buildLayouts();

describe("every layout of the corpus is read exactly", () => {
  it.each(layouts.filter((layout) => !layout.refused).map((layout) => [layout.name, layout] as const))("%s, in months", async (_name, layout) => {
    const book = await load(layout);
    const mapping = await proposeMapping(book);
    expect(mapping.history).not.toBeNull();
    const reading = await readHistory(book, mapping.history!, "month");
    expect(reading.problems).toEqual([]);
    expectSameQuantities(flatten(reading), layout.months);
    const account = reading.reconciliation;
    expect(account.quantityIn).toBeCloseTo(account.quantityUsed + account.quantityLeftOut, 6);
    expect(account.rowsRead).toBe(account.rowsUsed + account.rowsLeftOut);
    const leftOut = Object.fromEntries(account.leftOut.map((group) => [group.reason, group.rows]));
    expect(leftOut).toEqual(layout.leftOut);
  });

  it.each(layouts.filter((layout) => layout.weeks).map((layout) => [layout.name, layout] as const))("%s, in ISO weeks", async (_name, layout) => {
    const book = await load(layout);
    const reading = await readHistory(book, (await proposeMapping(book)).history!, "week");
    expect(reading.bucket).toBe("week");
    expectSameQuantities(flatten(reading), layout.weeks!);
  });
});

describe("a layout step 1 cannot read exactly is refused, naming the cell", () => {
  it.each(layouts.filter((layout) => layout.refused).map((layout) => [layout.name, layout] as const))("%s", async (_name, layout) => {
    const book = await load(layout);
    const mapping = await proposeMapping(book);
    if (mapping.history === null) {
      expect(mapping.notes?.join("\n")).toContain(`${layout.refused!}:`);
      return;
    }
    const reading = await readHistory(book, mapping.history, "month");
    expect(reading.problems.map((problem) => problem.address)).toContain(layout.refused);
  });
});

describe("what the reader says about a layout", () => {
  const byName = (name: string): Layout => layouts.find((layout) => layout.name === name)!;

  it("weekly history is planned in months unless the planner chooses weeks, a week spanning two months split by its days", async () => {
    const book = await load(byName("weekly-dates"));
    const history = (await proposeMapping(book)).history!;
    expect((history as SeriesMapping).periodKind).toBe("week");
    expect((await readHistory(book, history, "week")).bucket).toBe("week");
    const months = await readHistory(book, history);
    expect(months.bucket).toBe("month");
    // Week of Mon 29 Jan 2024: 3 days in January, 4 in February.
    const sheet = (await book.read("Weekly")) as Matrix;
    const week5 = sheet[1][5] as number;
    const january = months.series[0].history[months.periods.indexOf("2024-01")]!;
    const firstFour = (sheet[1].slice(1, 5) as number[]).reduce((a, b) => a + b, 0);
    expect(january).toBeCloseTo(firstFour + (3 / 7) * week5, 9);
  });

  it("days from 15 January leave January out in months, saying which month and its quantity, and keep it in weeks", async () => {
    const book = await load(byName("daily-down"));
    const history = (await proposeMapping(book)).history!;
    const reading = await readHistory(book, history);
    expect(reading.periods).toEqual(["2024-02", "2024-03"]);
    const sheet = (await book.read("Daily")) as Matrix;
    const january = sheet.slice(1, 18).reduce((sum, row) => sum + (row.slice(1) as number[]).reduce((a, b) => a + b, 0), 0);
    const partial = reading.reconciliation.leftOut.find((group) => group.reason === "partialPeriod")!;
    expect(partial).toMatchObject({ rows: 0, buckets: ["in 2024-01, a month the history's periods cover only from 2024-01-15"] });
    expect(partial.quantity).toBe(january);
    expect(partial.cells[0]).toBe("Daily!B2");
    expect(reconciliationText(reading.reconciliation)).toContain(`left out cells in 2024-01, a month the history's periods cover only from 2024-01-15 (quantity ${january})`);
    expect((await readHistory(book, history, "week")).periods[0]).toBe("2024-W03");
  });

  it("each month's value beside its quantity is left out with a note naming the first value column", async () => {
    const book = await load(byName("quantity-and-value"));
    const mapping = await proposeMapping(book);
    expect((mapping.history as SeriesMapping).periodLines).toEqual(Array.from({ length: 12 }, (_, k) => 1 + 2 * k));
    expect(mapping.notes).toContain('12 columns from Report!C1 ("Jan 2024 Value") hold a value beside each period\'s quantity ("qty"): step 1 reads the quantity as demand and leaves the value columns out.');
  });

  it("a pivot table's months merged over a quantity and a value read the quantity, noting the value columns left out", async () => {
    const book = await load(byName("months-over-measures"));
    const mapping = await proposeMapping(book);
    const history = mapping.history as SeriesMapping;
    expect(history).toMatchObject({ headerLine: 1, keyLine: 0, locationLine: 1, periods: expect.arrayContaining(["2024-01", "2025-02"]) });
    expect(history.periodLines).toEqual(Array.from({ length: 14 }, (_, k) => 2 + 2 * k));
    expect(mapping.notes).toContain('14 columns from Pivot!D2 ("2024-01-01 Sum of Value") hold a value beside each period\'s quantity ("sum of qty"): step 1 reads the quantity as demand and leaves the value columns out.');
  });

  it("a planning book's key figures: the actuals rows are read to their last month, the forecasts left out and counted, with a note; validation says where the history ends", async () => {
    const book = await load(byName("ibp-planning-view"));
    const proposal = await proposeMapping(book);
    const history = proposal.history as SeriesMapping;
    expect(describeHistory(history)).toBe('Planning View (months across, by item and location, the "Actuals Qty" rows)');
    expect(proposal.notes).toContain(
      '\'Planning View\'!C1 ("Key Figure") names each row\'s measure: step 1 reads the "Actuals Qty" rows as demand and leaves out the rows of "Statistical Forecast Qty", "Consensus Demand Qty" (a plan, a figure derived from the history, or money). If another measure is demand, choose it in step 1\'s mapping editor (Measure read as demand).',
    );
    const reading = await readHistory(book, history);
    expect(reading.periods[reading.periods.length - 1]).toBe("2025-06");
    const forecasts = (await book.read("Planning View")).filter((row) => String(row[2]).includes("Forecast") || String(row[2]).includes("Consensus"));
    const forecastTotal = forecasts.reduce((sum, row) => sum + row.slice(3).reduce<number>((a, cell) => a + (typeof cell === "number" ? cell : 0), 0), 0);
    expect(reconciliationText(reading.reconciliation)).toContain(`left out 12 rows of measures other than the one read as demand (quantity ${forecastTotal.toLocaleString("en-US")})`);
    const { validation } = await runGatherStep(book);
    expect(validation.issues.map((issue) => [issue.severity, issue.address, issue.message])).toEqual([
      ["info", "'Planning View'!AH1", "The history ends in 2025-06: the 6 periods after it (2025-07 .. 2025-12) are blank for every line, so they are not read."],
    ]);
    const edited = await historyFromChoice(book, choiceOf(history, "month"), history);
    expect(edited).toMatchObject({ measureLine: 2, measure: "Actuals Qty" });
    expectSameQuantities(flatten(await readHistory(book, edited, "month")), byName("ibp-planning-view").months);
  });

  it("key figures exported as lines read the actuals lines, also through the mapping editor; as columns, the actuals column", async () => {
    const book = await load(byName("key-figure-lines"));
    const proposal = await proposeMapping(book);
    const history = proposal.history!;
    expect(proposal.notes).toContain(
      'Export!D1 ("Key Figure") names each row\'s measure: step 1 reads the "Actuals Qty" rows as demand and leaves out the rows of "Consensus Demand Qty" (a plan, a figure derived from the history, or money). If another measure is demand, choose it in step 1\'s mapping editor (Measure read as demand).',
    );
    const edited = await historyFromChoice(book, choiceOf(history, "month"));
    expect(isLines(edited) && [edited.columns.measure, edited.measure]).toEqual([3, "Actuals Qty"]);
    expectSameQuantities(flatten(await readHistory(book, edited, "month")), byName("key-figure-lines").months);
    const columns = await proposeMapping(await load(byName("key-figure-columns")));
    expect(columns.notes).toContain('Export!D1 ("Actuals Qty") is read as demand and Export!C1 ("Statistical Forecast Qty") left out: it names a plan, a figure derived from the history, or money.');
  });

  it("key figures whose item is written once over its lines are read with that item, saying so", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Export").addRows([
      ["Products", "Line Items", "Jan 24", "Feb 24", "Mar 24"],
      ["CH-101", "Forecast Units", 9, 9, 9],
      [null, "Actual Sales Units", 10, 11, 12],
      ["CH-102", "Actual Sales Units", 1, 2, 3],
      [null, "Forecast Units", 4, 4, 4],
    ]);
    const memory = await load({ name: "once", description: "", book, months: {}, leftOut: {} });
    const reading = await readHistory(memory, (await proposeMapping(memory)).history!);
    expect(flatten(reading)).toEqual({ "CH-101||2024-01": 10, "CH-101||2024-02": 11, "CH-101||2024-03": 12, "CH-102||2024-01": 1, "CH-102||2024-02": 2, "CH-102||2024-03": 3 });
    expect(reading.problems.map((problem) => problem.message)).toEqual([
      "Export!A3 is blank: its row is read as CH-101 for Actual Sales Units, the item of the row above (a pivot table without repeated labels, or an item merged down over its rows, writes it once).",
    ]);
    expect(reading.reconciliation.leftOut).toEqual([expect.objectContaining({ reason: "otherMeasure", rows: 2, quantity: 39 })]);
  });

  it("measures that could each be demand, or one step 1 does not know, are refused with their names", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Versions").addRows([
      ["Item", "Version", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", "Actual", 10, 11, 12],
      ["CH-101", "Version B", 9, 9, 9],
    ]);
    const proposal = await proposeMapping(await load({ name: "versions", description: "", book, months: {}, leftOut: {} }));
    expect(proposal.history).toBeNull();
    expect(proposal.notes?.join("\n")).toContain('Versions!B1: "Version" holds "Actual", "Version B" on the lines of one item: which of them is demand is not guessed.');
  });

  it("an S&OP sheet's months headed Actual then Forecast, above them or below, read the actual months and note the plan left out", async () => {
    const bands = await proposeMapping(await load(byName("actual-forecast-bands")));
    expect((bands.history as SeriesMapping).periods).toEqual(["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]);
    expect(bands.notes).toEqual(['6 columns from \'S&OP\'!H1 ("Forecast") on are headed as a plan (forecast, budget), not history: step 1 leaves them out of the history.']);
    const below = await proposeMapping(await load(byName("months-over-act-fcst")));
    expect((below.history as SeriesMapping).periods).toHaveLength(8);
    expect(below.notes).toEqual(['4 columns from \'S&OP\'!J2 ("Sep 2025 Fcst") on are headed as a plan (forecast, budget), not history: step 1 leaves them out of the history.']);
  });

  it("an SAP export opened as text is read with its decimal comma, said once, and its check warns of no cell", async () => {
    const book = await load(byName("sap-text-decimal-comma"));
    const proposal = await proposeMapping(book);
    expect(proposal.history).toMatchObject({ decimalComma: true });
    expect(proposal.notes).toContain('The history\'s quantities in Absatz are text written with a decimal comma and points between thousands ("1.234,5"), as a European export opened as text: step 1 reads them so ("12,000" is twelve).');
    const { validation } = await runGatherStep(book);
    expect(validation.issues.filter((issue) => issue.kind === "numberAsText" || issue.kind === "textInNumber")).toEqual([]);
  });

  it("a forecast-accuracy sheet's months merged over Actual and Forecast read the actuals, noting the forecast columns left out", async () => {
    const book = await load(byName("months-over-actual-forecast"));
    const mapping = await proposeMapping(book);
    expect((mapping.history as SeriesMapping).periodLines).toEqual(Array.from({ length: 12 }, (_, k) => 1 + 2 * k));
    expect(mapping.notes).toEqual(['12 columns from Accuracy!C2 ("2024-01-01 Forecast") hold another measure ("forecast") beside each period\'s "actual": step 1 reads "actual" as demand and leaves those columns out.']);
  });

  it("a report printed by item takes each block's item and plant from its headings, also through the mapping editor", async () => {
    const book = await load(byName("item-blocks"));
    const history = (await proposeMapping(book)).history!;
    expect(describeHistory(history)).toBe("Report (lines by day under a heading per item)");
    const edited = await historyFromChoice(book, choiceOf(history, "month"));
    expectSameQuantities(flatten(await readHistory(book, edited, "month")), byName("item-blocks").months);
  });

  it("a sheet printed by location takes each row's location from the heading above it, also through the mapping editor, and validates clean", async () => {
    const book = await load(byName("location-headings"));
    const proposal = await proposeMapping(book);
    const history = proposal.history as SeriesMapping;
    expect(describeHistory(history)).toBe("Sales (months across, a heading per location)");
    const edited = await historyFromChoice(book, choiceOf(history, "month"), history);
    expectSameQuantities(flatten(await readHistory(book, edited, "month")), byName("location-headings").months);
    const { validation } = await runGatherStep(book);
    expect(validation.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("a quantity column per warehouse in a long table reads each warehouse's quantities as its series, also through the mapping editor", async () => {
    const book = await load(byName("month-item-location-columns"));
    const history = (await proposeMapping(book)).history!;
    expect(describeHistory(history)).toBe("Stock moves (order lines by month, a quantity column per location)");
    const edited = await historyFromChoice(book, choiceOf(history, "month"));
    expectSameQuantities(flatten(await readHistory(book, edited, "month")), byName("month-item-location-columns").months);
  });

  it.each([["sap-calendar-weeks"], ["year-week-columns"]])("%s: weeks written as numbers stay weeks through the mapping editor", async (name) => {
    const book = await load(byName(name));
    const history = (await proposeMapping(book)).history!;
    const edited = await historyFromChoice(book, choiceOf(history, "week"));
    expect(isLines(edited) && edited.periodKind).toBe("week");
    expectSameQuantities(flatten(await readHistory(book, edited, "week")), byName(name).weeks!);
  });

  it("a line of a report printed by item above its first item heading is an error naming the cell, its quantity left out", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows([["Plant: 1000"], ["Month", "Qty"], [new Date(Date.UTC(2024, 0, 1)), 7], ["Item: CH-101"], ["Month", "Qty"], [new Date(Date.UTC(2024, 0, 1)), 5], [new Date(Date.UTC(2024, 1, 1)), 6], [new Date(Date.UTC(2024, 2, 1)), 4]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const history = { layout: "lines" as const, sources: [{ kind: "sheet" as const, reference: "Report", sheet: "Report", row: 0, col: 0 }], headerRow: 1, columns: { date: 0, item: 0, quantity: 1 }, periodKind: "day" as const, keyHeadings: true };
    const reading = await readHistory(book, history, "month");
    expect(reading.problems.map((problem) => problem.message)).toEqual(['Report!A3: no heading above this line names its item, but the line has a quantity. Add a heading line such as "Item: CH-101" above it.']);
    expect(flatten(reading)).toEqual({ "CH-101|1000|2024-01": 5, "CH-101|1000|2024-02": 6, "CH-101|1000|2024-03": 4 });
  });

  it("the ERP export's totals, headings and blank rows are left out and counted, with their quantity", async () => {
    const book = await load(byName("erp-export"));
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    const total = reading.reconciliation.leftOut.find((group) => group.reason === "total")!;
    expect(total.cells).toEqual(["Export!A13"]);
    expect(total.quantity).toBeCloseTo(reading.reconciliation.quantityUsed, 6);
    expect(reading.series.map((series) => series.item)).toEqual(["CH-101", "CH-102", "TB-201", "TB-202", "ST-301"]);
  });

  it("the sheets of one region each name the location; the sheets of one year follow each other", async () => {
    const regions = await readHistory(await load(byName("sheet-per-region")), (await proposeMapping(await load(byName("sheet-per-region")))).history!);
    expect(new Set(regions.series.map((series) => series.location))).toEqual(new Set(["North", "South", "West"]));
    const years = await readHistory(await load(byName("sheet-per-year")), (await proposeMapping(await load(byName("sheet-per-year")))).history!);
    expect(years.periods).toHaveLength(36);
    expect(years.series.every((series) => series.location === "")).toBe(true);
  });

  it("a forecast sheet beside the history, laid out alike, is taken neither for the history nor for more of it", async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, year] of [["Sales Forecast", 2025], ["Sales History", 2024]] as const) {
      const sheet = workbook.addWorksheet(name);
      const scale = year - 2023;
      sheet.addRow(["Item", `Jan ${year}`, `Feb ${year}`, `Mar ${year}`, `Apr ${year}`]);
      sheet.addRow(["A", 1 * scale, 2 * scale, 3 * scale, 4 * scale]);
      sheet.addRow(["B", 5 * scale, 6 * scale, 7 * scale, 8 * scale]);
    }
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    const history = (await proposeMapping(book)).history as SeriesMapping;
    expect(history.more).toBeUndefined();
    expect(history.source.sheet).toBe("Sales History");
  });

  it("order lines are read as lines, by ship-from location, with zero for a month without lines", async () => {
    const book = await load(byName("order-lines"));
    const mapping = await proposeMapping(book);
    expect(isLines(mapping.history!)).toBe(true);
    const reading = await readHistory(book, mapping.history!);
    expect(reading.reconciliation.rowsRead).toBe(400);
    expect(reading.series.every((series) => series.history.every((value) => value !== null))).toBe(true);
  });

  it("lists every name Excel allows, mapping the plain range and leaving the others aside with a note", async () => {
    const book = await load(byName("named-ranges"));
    const mapping = await proposeMapping(book);
    expect((mapping.history as SeriesMapping).source).toMatchObject({ kind: "name", reference: "DemandBlock" });
    // Every other name the workbook lists is left aside with a note (ExcelJS itself drops whole-column,
    // whole-row, constant and #REF! names when it loads a file, so MemoryWorkbook never lists them).
    const others = (await book.listNames()).filter((name) => name.name !== "DemandBlock");
    expect(others.map((name) => name.name)).toEqual(expect.arrayContaining(["TwoAreas", "Moving"]));
    for (const name of others) expect(mapping.notes?.join("\n")).toContain(`The name ${name.name} was left aside`);
  });

  it.each([["order-lines"], ["sheet-per-region"], ["weekly-iso"]])("the mapping of %s is saved in the workbook and read back as it was", async (name) => {
    const book = await load(byName(name));
    const mapping = { ...(await proposeMapping(book)), bucket: "month" as const };
    await saveMapping(book, mapping);
    expect(await loadMapping(book)).toEqual(mapping);
  });

  it("the corpus writes as .xlsx files", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "layouts-"));
    const files = await writeLayouts(folder);
    expect(files).toHaveLength(layouts.length);
    expect(fs.statSync(files[0]).size).toBeGreaterThan(0);
  });
});

describe("read exactly or refuse", () => {
  it("refuses periods it cannot place on the calendar (fiscal 'FY24 P01') rather than read the header as an item", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Fiscal");
    sheet.addRow(["Item", ...Array.from({ length: 12 }, (_, k) => `FY24 P${String(k + 1).padStart(2, "0")}`)]);
    for (const item of ["A", "B", "C"]) sheet.addRow([item, ...Array.from({ length: 12 }, (_, k) => k)]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect((await proposeMapping(book)).history).toBeNull();
    await expect(mapPartAt(book, "history", "Fiscal")).rejects.toThrow(/^Fiscal!B1: "FY24 P01" names a period step 1 cannot place on the calendar/);
  });

  it("a phantom item (the header row repeated) and text in a quantity are errors naming the cell", async () => {
    const layout = layouts.find((entry) => entry.name === "months-across")!;
    const sheet = layout.book.getWorksheet("Sales")!;
    sheet.addRow(["Item", "Description", ...Array.from({ length: 18 }, () => "Jan-24")]);
    sheet.getCell("C2").value = "n/a";
    const book = await load(layout);
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    expect(reading.problems.map((problem) => [problem.kind, problem.address])).toEqual([
      ["textInNumber", "Sales!C2"],
      ["phantomItem", "Sales!A8"],
    ]);
    expect(reading.reconciliation.leftOut.find((group) => group.reason === "phantom")?.cells).toEqual(["Sales!A8"]);
  });

  it("an order line whose quantity is text is an error naming the cell and counted as such (one row, singular), not as a heading", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Orders").addRows([["Order date", "Item", "Qty"], ["2024-01-05", "CH-101", 4], ["2024-01-09", "CH-101", "3 PC"], ["2024-02-07", "CH-101", "12-"]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    expect(reading.problems.map((problem) => problem.message)).toEqual(['"3 PC" at Orders!C3 is not a quantity. It holds a unit: enter the number alone.']);
    expect(reading.reconciliation.leftOut.map((group) => [group.reason, group.cells])).toEqual([["unreadableQuantity", ["Orders!B3"]]]);
    expect(reconciliationText(reading.reconciliation)).toContain("Read 3 rows holding a quantity of -8: used 2 rows (-8); left out 1 row whose quantities are text, not numbers.");
    expect(reading.series[0].history).toEqual([4, -12]);
  });

  it("an order line's text date that reads two ways is read as its column settles it, else says both days and is left out with its quantity", async () => {
    const lines = (dates: string[]): ExcelJS.Workbook => {
      const source = new ExcelJS.Workbook();
      source.addWorksheet("Orders").addRows([["Order date", "Item", "Qty"], ...dates.map((date, k) => [date, "CH-101", k + 1])]);
      return source;
    };
    const unsettled = await MemoryWorkbook.fromXlsx(new Uint8Array(await lines(["01/02/2024", "03/02/2024", "05/06/2024"]).xlsx.writeBuffer()));
    const reading = await readHistory(unsettled, (await proposeMapping(unsettled)).history!);
    expect(reading.problems[0].message).toBe('Orders!A2: "01/02/2024" could be 2024-02-01 (day first) or 2024-01-02 (month first). Enter the order date as a date, or as year-month-day.');
    const account = reading.reconciliation;
    expect(account.leftOut.find((group) => group.reason === "unreadablePeriod")!.rows).toBe(3);
    expect(account.quantityIn).toBeCloseTo(account.quantityUsed + account.quantityLeftOut, 6);
    // one day above 12 settles the export's order: "13.03.2024" is day first, so "01.02.2024" is 1 February
    const european = await MemoryWorkbook.fromXlsx(new Uint8Array(await lines(["01.02.2024", "15.02.2024", "13.03.2024", "02.03.2024"]).xlsx.writeBuffer()));
    const settled = await readHistory(european, (await proposeMapping(european)).history!);
    expect(settled.problems).toEqual([]);
    expect(settled.periods).toEqual(["2024-02", "2024-03"]);
    expect(settled.series[0].history).toEqual([3, 7]);
  });

  it("a line of year and month columns whose month is not 1 to 12 names both cells and is left out with its quantity", async () => {
    const layout = layouts.find((entry) => entry.name === "year-month-columns")!;
    layout.book.getWorksheet("Extract")!.addRow([2024, 13, "CH-101", "Paris", 5]);
    const book = await load(layout);
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    const row = layout.book.getWorksheet("Extract")!.rowCount;
    expect(reading.problems.map((problem) => problem.message)).toEqual([
      `Extract!A${row} and Extract!B${row}: "2024" and "13" are not a year and a month. Enter the year as 2024 and the month as 1 to 12 or its name.`,
    ]);
    expectSameQuantities(flatten(reading), layout.months);
    expect(reading.reconciliation.quantityLeftOut).toBe(5);
  });

  it("an item merged down over its locations is read for each location, saying so once per item", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Pivot");
    sheet.addRows([
      ["Item", "Location", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", "Paris", 10, 11, 12],
      [null, "Lyon", 20, 21, 22],
      [null, "Nice", 30, 31, 32],
      ["CH-102", "Paris", 1, 2, 3],
      [null, null, 5, 5, 5],
    ]);
    sheet.mergeCells("A2:A4");
    const memory = await load({ name: "merged", description: "", book, months: {}, leftOut: {} });
    const reading = await readHistory(memory, (await proposeMapping(memory)).history!);
    expect(reading.problems.map((problem) => [problem.kind, problem.message])).toEqual([
      ["inheritedKey", "Pivot!A3 is blank: its row is read as CH-101 at Lyon, the item of the row above (a pivot table without repeated labels, or an item merged down over its rows, writes it once)."],
      ["noKey", "Pivot!A6 has no item, but its row holds quantities. Enter the item, or delete the row."],
    ]);
    expect(flatten(reading)).toEqual(
      expect.objectContaining({ "CH-101|Lyon|2024-02": 21, "CH-101|Nice|2024-03": 32, "CH-101|Paris|2024-01": 10, "CH-102|Paris|2024-03": 3 }),
    );
    expect(reading.reconciliation.quantityLeftOut).toBe(15);
  });

  it("a pivot table by item and customer without repeated labels sums each item over its customers", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("ByCustomer").addRows([
      ["Item", "Customer", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["CH-101", "Acme", 10, 11, 12],
      [null, "Bolt", 20, 21, 22],
      ["CH-102", "Acme", 1, 2, 3],
    ]);
    const memory = await load({ name: "customers", description: "", book, months: {}, leftOut: {} });
    const reading = await readHistory(memory, (await proposeMapping(memory)).history!);
    expect(reading.problems.map((problem) => problem.message)).toEqual([
      "ByCustomer!A3 is blank: its row is read as CH-101 for customer Bolt, the item of the row above (a pivot table without repeated labels, or an item merged down over its rows, writes it once).",
    ]);
    expect(flatten(reading)).toEqual({
      "CH-101||2024-01": 30,
      "CH-101||2024-02": 32,
      "CH-101||2024-03": 34,
      "CH-102||2024-01": 1,
      "CH-102||2024-02": 2,
      "CH-102||2024-03": 3,
    });
  });

  it("a repeated key is an error and its row is left out (the first is used)", async () => {
    const layout = layouts.find((entry) => entry.name === "item-location-columns")!;
    layout.book.getWorksheet("Sales by site")!.addRow(["CH-101", "Paris", 1, 2, 3]);
    const book = await load(layout);
    const reading = await readHistory(book, (await proposeMapping(book)).history!);
    expect(reading.problems).toEqual([expect.objectContaining({ kind: "duplicate", address: "'Sales by site'!A12" })]);
    expectSameQuantities(flatten(reading), layout.months);
  });
});
