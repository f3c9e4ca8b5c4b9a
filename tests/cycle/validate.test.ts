import * as fs from "fs";
import ExcelJS from "exceljs";
import { proposeMapping } from "../../src/cycle/mapping";
import { lastPeriodShortfall, validateData, type ValidationIssue } from "../../src/cycle/validate";
import { readPlanningData } from "../../src/cycle/planningData";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleData } from "../../scripts/make-sample";
import { load } from "./mappingFixtures";

async function validate(book: MemoryWorkbook) {
  return validateData(book, await proposeMapping(book));
}

const at = (issues: ValidationIssue[], kind: ValidationIssue["kind"]) =>
  issues.filter((issue) => issue.kind === kind).map((issue) => issue.address);

describe("validateData on the sample workbook", () => {
  it("finds every planted blank, outlier and negative month at its cell, and no errors", async () => {
    const report = await validate(await MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-sop.xlsx")));
    const planted = sampleData().planted;
    for (const kind of ["blank", "outlier", "negative"] as const) {
      const expected = planted.filter((problem) => problem.kind === kind).map((problem) => problem.address);
      expect(at(report.issues, kind)).toEqual(expect.arrayContaining(expected));
    }
    expect(at(report.issues, "blank")).toHaveLength(4);
    expect(at(report.issues, "negative")).toHaveLength(1);
    expect(at(report.issues, "outlier").length).toBeLessThanOrEqual(6);
    expect(report.errors).toBe(0);
    const blank = report.issues.find((issue) => issue.address === "'Sales History'!I4");
    expect(blank).toMatchObject({ severity: "warning", item: "CH-103", period: "2023-08" });
  });
});

describe("validateData on a spoiled workbook", () => {
  async function spoiled(): Promise<MemoryWorkbook> {
    const book = new ExcelJS.Workbook();
    const history = book.addWorksheet("Hist");
    history.getRow(1).values = ["Item", "2024-01", "2024-02", "2024-03", "2024-05", "2024-06", "2024-07", "2024-08"];
    history.getRow(2).values = ["A", 10, 11, "n/a", 12, 10, 11, 12];
    history.getRow(3).values = ["B", null, null, 5, "6", 5, 6, 5];
    history.getRow(4).values = ["A", 1, 1, 1, 1, 1, 1, 1];
    history.getRow(5).values = ["C", 20, 21, 19, 20, 400, 22, 20];
    const items = book.addWorksheet("Items");
    items.getRow(1).values = ["Item", "Description", "Price", "Unit cost"];
    items.getRow(2).values = ["A", "Alpha", 10, 5];
    items.getRow(3).values = ["B", "Beta", -3, "cheap"];
    items.getRow(4).values = ["D", "Delta", 8, 4];
    return load(book);
  }

  it("reports each problem with its kind, severity and cell", async () => {
    const report = await validate(await spoiled());
    const byAddress = (address: string) => report.issues.filter((issue) => issue.address === address).map((issue) => [issue.kind, issue.severity]);
    expect(byAddress("Hist!D2")).toEqual([["textInNumber", "error"]]);
    expect(byAddress("Hist!E3")).toEqual([["numberAsText", "warning"]]);
    expect(byAddress("Hist!B3")).toEqual([["leadingBlank", "info"]]);
    expect(byAddress("Hist!A4")).toEqual([["duplicate", "error"]]);
    expect(byAddress("Hist!E1")).toEqual([["missingPeriod", "warning"]]);
    expect(byAddress("Hist!F5")).toEqual([["outlier", "warning"]]);
    expect(byAddress("Hist!A5")).toEqual([["notInItemMaster", "warning"]]);
    expect(byAddress("Items!A4")).toEqual([["noHistory", "info"]]);
    expect(byAddress("Items!C3")).toEqual([["badAttribute", "error"]]);
    expect(byAddress("Items!D3")).toEqual([["textInNumber", "error"]]);
    expect(report.errors).toBe(4);
  });

  it("says how text with commas between thousands was read, since a European export means decimals by it", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Hist").addRows([
      ["Item", "2024-01", "2024-02", "2024-03", "2024-04"],
      ["K", "1,250", "1,300", "1,275.5", 1290],
    ]);
    const report = await validate(await load(book));
    const message = (address: string) => report.issues.find((issue) => issue.address === address)?.message;
    expect(message("Hist!B2")).toBe(
      'K, 2024-01: "1,250" is stored as text; it is read as 1250, the comma between thousands. If the comma is a decimal comma (a European export), enter the quantities as numbers.',
    );
    expect(message("Hist!D2")).toBe("K, 2024-03: 1275.5 is stored as text; it is read as a number.");
    expect(message("Hist!E2")).toBeUndefined();
  });

  it("says when the mapped history holds no item, only totals", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Totals").addRows([["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["Grand Total", 1, 2, 3]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const report = await validateData(book, await proposeMapping(book));
    expect(report.issues.map((issue) => [issue.severity, issue.message])).toEqual([
      ["error", "The history mapped in Totals (months across) holds no item: every row is a total, a heading or blank. Select the block that holds your items' sales."],
    ]);
  });

  it("says once where a history laid out to December ends, rather than warn of every blank month after it", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Sales").addRows([
      ["Item", "Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025", "May 2025"],
      ["A-1", 1, 2, null, null, null],
      ["A-2", 1, null, 3, null, null],
    ]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const report = await validateData(book, await proposeMapping(book));
    expect(report.issues.map((issue) => [issue.severity, issue.address, issue.message])).toEqual([
      ["info", "Sales!E1", "The history ends in 2025-03: the 2 periods after it (2025-04 .. 2025-05) are blank for every line, so they are not read."],
      ["warning", "Sales!D2", "A-1 has no quantity for 2025-03. Enter 0 if nothing was sold, or leave it for cleansing to fill."],
      ["warning", "Sales!C3", "A-2 has no quantity for 2025-02. Enter 0 if nothing was sold, or leave it for cleansing to fill."],
    ]);
    expect((await readPlanningData(book, await proposeMapping(book))).periods).toEqual(["2025-01", "2025-02", "2025-03"]);
  });

  it("checks order lines' items against the item master as a grid's are, not calling every master item unsold", async () => {
    const source = new ExcelJS.Workbook();
    const lines = source.addWorksheet("Export");
    lines.addRow(["Month", "Material", "Plant", "Qty"]);
    for (let month = 1; month <= 3; month++) for (const item of ["A-1", "A-3"]) lines.addRow([new Date(Date.UTC(2024, month - 1, 1)), item, "1000", 5]);
    source.addWorksheet("Items").addRows([["Item", "Description", "Unit cost"], ["A-1", "a", 1], ["A-2", "b", 1]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    const report = await validateData(book, mapping, data.problems, undefined, data);
    expect(report.issues.map((issue) => [issue.kind, issue.address, issue.item])).toEqual([
      ["notInItemMaster", "Export!B1", "A-3"],
      ["noHistory", "Items!A3", "A-2"],
    ]);
  });

  it("refuses formulas saved without their values, in the history and the item master, naming the first cell of each block", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Sales").addRows([
      ["Item", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["A-1", 10, 11, 12],
      ["A-2", { formula: "B2*2", result: 20 }, { formula: "C2*2" }, 24],
    ]);
    source.addWorksheet("Items").addRows([["Item", "Description", "Unit cost"], ["A-1", "a", { formula: "1+1" }], ["A-2", "b", { formula: "1+2", result: 3 }]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    const report = await validateData(book, mapping, data.problems, undefined, data);
    expect(report.issues.filter((issue) => issue.kind === "uncalculatedFormula").map((issue) => [issue.severity, issue.message])).toEqual([
      ["error", "Items!C2 holds a formula (=1+1) whose value was not saved with the file: step 1 reads such cells as blank. Open the file in Excel or LibreOffice and save it, so that the values are saved with it, then run again."],
      ["error", "Sales!C3 holds a formula (=C2*2) whose value was not saved with the file: step 1 reads such cells as blank. Open the file in Excel or LibreOffice and save it, so that the values are saved with it, then run again."],
    ]);
  });

  it("says when there is no history to validate", async () => {
    const report = await validate(MemoryWorkbook.empty());
    expect(report.issues).toEqual([expect.objectContaining({ kind: "notMapped", severity: "error", address: null })]);
  });
});

describe("validateData on codes shown with leading zeros", () => {
  it("matches history codes typed as numbers under the format 00000 with the item master's codes typed as text", async () => {
    const book = new ExcelJS.Workbook();
    const history = book.addWorksheet("Hist");
    history.getRow(1).values = ["Item", "2024-01", "2024-02", "2024-03", "2024-04"];
    for (const [row, code] of [[2, 123], [3, 4567]]) {
      history.getRow(row).values = [code, 10, 11, 12, 13];
      history.getCell(row, 1).numFmt = "00000";
    }
    const items = book.addWorksheet("Items");
    items.getRow(1).values = ["Item", "Description", "Price", "Unit cost"];
    items.getRow(2).values = ["00123", "Bolt", 10, 5];
    items.getRow(3).values = ["04567", "Nut", 8, 4];
    const report = await validate(await load(book));
    expect(report.issues.filter((issue) => issue.kind === "notInItemMaster" || issue.kind === "noHistory")).toEqual([]);
  });
});

describe("validateData on a negative month far from the level", () => {
  it("warns once, as negative, not again as an outlier", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Hist").addRows([
      ["Item", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08"],
      ["A", 24, 25, 23, -2, 24, 26, 25, 24],
    ]);
    const report = await validate(await load(book));
    expect(report.issues.filter((issue) => issue.address === "Hist!E2").map((issue) => issue.kind)).toEqual(["negative"]);
  });
});

describe("a last month that looks exported mid-month", () => {
  const months = Array.from({ length: 13 }, (_, k) => `${2025 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`);

  it("is a warning naming the month, its share of a usual month and of the year before, when both are under 75%", () => {
    // two items of 100 a month, then January 2026 to the 13th: 42 + 42
    const series = [{ history: [...new Array<number>(12).fill(100), 42] }, { history: [...new Array<number>(12).fill(100), 42] }];
    const issue = lastPeriodShortfall(months, series)!;
    expect(issue).toMatchObject({ kind: "incompleteLastPeriod", severity: "warning", period: "2026-01", address: null });
    expect(issue.message).toContain("The last month, 2026-01, holds 84 over all items: 42% of a usual month (median of the 12 before: 200) and 42% of 2025-01.");
  });

  it("is silent when the month is low only against the year (a seasonal low month) or only against last year's", () => {
    // a January that is always half of the other months: 50 in 2025-01, 50 in 2026-01
    const seasonal = [{ history: [50, ...new Array<number>(11).fill(100), 50] }];
    expect(lastPeriodShortfall(months, seasonal)).toBeUndefined();
    // a business that doubled: 2026-01 is 70% of last year's typical month but 140% of 2025-01
    expect(lastPeriodShortfall(months, [{ history: [50, ...new Array<number>(11).fill(100), 70] }])).toBeUndefined();
    expect(lastPeriodShortfall(months.slice(1), [{ history: [...new Array<number>(11).fill(100), 42] }])).toBeUndefined();
  });

  it("is found by step 1's check on the sample with its last month cut to 40%, and not on the sample as it is", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-sop.xlsx"));
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    const last = data.periods.length - 1;
    const cut = { periods: data.periods, series: data.series.map((s) => ({ item: s.item, history: s.history.map((v, t) => (t === last && v !== null ? v * 0.4 : v)) })) };
    const report = await validateData(book, mapping, data.problems, undefined, cut);
    expect(report.issues.filter((issue) => issue.kind === "incompleteLastPeriod").map((issue) => issue.period)).toEqual([data.periods[last]]);
    // first, before the items' own warnings on that month, which it explains
    expect(report.issues[0].kind).toBe("incompleteLastPeriod");
    expect((await validateData(book, mapping, data.problems, undefined, data)).issues.some((issue) => issue.kind === "incompleteLastPeriod")).toBe(false);
  });
});

describe("validateData on order lines in another unit than the item master's", () => {
  it("warns where an item is ordered in cases and the master counts eaches; two spellings of pieces are one unit", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Orders").addRows([
      ["Order Date", "Material", "Qty", "UoM"],
      ...Array.from({ length: 12 }, (_, k) => [
        [new Date(Date.UTC(2024, k, 5)), "CH-101", 10 + k, "CS"],
        [new Date(Date.UTC(2024, k, 7)), "CH-102", 5 + k, "ST"],
      ]).flat(),
    ]);
    source.addWorksheet("Items").addRows([["Material", "Description", "Base Unit", "Unit cost"], ["CH-101", "Chair", "EA", 20], ["CH-102", "Desk", "PC", 30]]);
    const book = await load(source);
    const mapping = await proposeMapping(book);
    const data = await readPlanningData(book, mapping);
    const report = await validateData(book, mapping, data.problems, undefined, data);
    expect(report.issues.map((issue) => [issue.kind, issue.severity, issue.address, issue.message])).toEqual([
      [
        "unitMismatch",
        "warning",
        "Orders!D2",
        'CH-101 is ordered in "CS" here, but the item master gives its unit as "EA" (Items!C2): its price, costs and hours are per EA, so each CS would be planned as one EA. Convert the quantities to EA, or correct the unit.',
      ],
    ]);
  });
});
