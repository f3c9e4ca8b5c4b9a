import ExcelJS from "exceljs";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { appendActuals, runNextCycle } from "../../src/cycle/nextCycle";
import { futurePeriods } from "../../src/cycle/periods";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { readForecastSnapshots, snapshotCycles } from "../../src/cycle/snapshots";
import { verifyApprovals } from "../../src/cycle/verifyApprovals";
import { cellAddress, parseRange, rangeAddress } from "../../src/workbook/address";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import type { Workbook } from "../../src/workbook/workbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { twoLocationBook } from "./locationFixture";
import { actualsFor, smallSampleBook, yes } from "./rollingFixture";

const OPTIONS = { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } };

/** Each month's actuals in the test: made up, different every month. */
const quantitiesOf = (k: number): Record<string, number> => ({ "CH-101": 200 + 10 * k, "CH-102": 150 - k, "CH-103": 300 + 7 * k });

/** A product just launched: the item master (table ItemMaster on Items) gains `id` as text, its other fields copied from its last item. */
async function launch(book: Workbook, id: string): Promise<void> {
  const table = (await book.listTables()).find((info) => info.name === "ItemMaster");
  if (table === undefined) throw new Error("no ItemMaster table");
  const range = parseRange(table.address);
  const rows = await book.read("ItemMaster");
  await book.writeBlocks([{ sheet: table.sheet, topLeft: cellAddress({ row: range.bottom + 1, col: range.left }), values: [[id, ...rows[rows.length - 1].slice(1)]], numberFormats: [["@"]] }], {
    overwrite: yes,
    resizeTables: { ItemMaster: rangeAddress({ ...range, bottom: range.bottom + 1 }) },
  });
  book.forget();
}

describe("rolling cycles: the month's actuals in, the next cycle out", () => {
  test("six monthly cycles on the sample (an Excel table grows by a month each time): actuals kept exactly, every version verifies, one snapshot per cycle", async () => {
    let book = await smallSampleBook(3, true);
    await runCycle(book, OPTIONS);
    const months = futurePeriods("2025-12", 5);
    for (const [k, month] of months.entries()) {
      const sheetsBefore = (await book.listSheets()).map((sheet) => sheet.name);
      const { appended, cycle } = await runNextCycle(book, actualsFor(month, quantitiesOf(k)), yes, OPTIONS);
      expect(appended).toEqual({ added: [month], cells: 3, unchanged: 0, zeroFilled: [], newSeries: [] });
      expect(cycle.present.audit?.sheet).toBe(`Plan ${futurePeriods(month, 1)[0]} v1`);
      // what the workbook gains each cycle: the approved plan sheet alone (snapshots go to the hidden store)
      expect((await book.listSheets()).map((sheet) => sheet.name).filter((name) => !sheetsBefore.includes(name))).toEqual([cycle.present.audit?.sheet]);
      book = await MemoryWorkbook.fromXlsx(await book.toXlsx()); // saved and opened again between months, as a planner does
      const verified = await verifyApprovals(book);
      expect(verified.findings.filter((finding) => finding.kind !== "note")).toEqual([]);
      expect(verified.versions).toBe(k + 2);
    }
    const table = (await book.listTables()).find((info) => info.name === "SalesHistory");
    expect(table?.address).toBe("A1:AP4"); // 36 months (B:AK) and 5 more
    const history = await book.read("SalesHistory");
    expect(history[0].slice(-5)).toEqual(months);
    for (const row of history.slice(1)) {
      expect(row.slice(-5)).toEqual(months.map((_, k) => quantitiesOf(k)[String(row[0])]));
    }

    const cycles = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
    expect(await snapshotCycles(book)).toEqual(cycles);
    const rows = await readForecastSnapshots(book);
    expect(rows).toHaveLength(6 * 3 * 6);
    // compact: a cycle's record is under a third of its rows written out (the 40-item sample: about 23 characters an item-month)
    const record = (await book.getMetadata("snapshot 2026-06")) ?? "";
    expect(record.length).toBeLessThan(JSON.stringify(rows.filter((row) => row.cycle === "2026-06")).length / 3);
    for (const row of rows) expect(row.period).toBe([row.cycle, ...futurePeriods(row.cycle, 5)][row.lag - 1]);
    // the naive forecast of a cycle is the month before it, as typed
    expect(rows.filter((row) => row.cycle === "2026-04" && row.item === "CH-102").map((row) => row.naive)).toEqual(new Array(6).fill(quantitiesOf(2)["CH-102"]));
    // the last cycle's rows are what its sheets and its approved plan say
    const last = rows.filter((row) => row.cycle === "2026-06" && row.item === "CH-103");
    const forecast = await book.read(SHEETS.forecast);
    const measure = forecast[0].indexOf("Measure");
    const statistical = forecast.find((row) => row[0] === "CH-103" && row[measure] === "Forecast")!.slice(measure + 1);
    expect(last.map((row) => row.statistical)).toEqual(statistical);
    const consensus = (await book.read(SHEETS.consensus)).find((row) => row[0] === "CH-103")!.slice(2);
    expect(last.map((row) => row.consensus)).toEqual(consensus);
    const plan = await book.read("Plan 2026-06 v1");
    const production = plan.find((row) => row[0] === "CH-103" && row[2] === "Production")!.slice(3);
    const planned = plan[0].slice(3).map(String);
    expect(last.map((row) => row.production)).toEqual(last.map((row) => production[planned.indexOf(row.period)] ?? null));
    expect(last.every((row) => row.family === "Chairs" && Object.keys(row.roles).length === 0)).toBe(true);
  }, 120_000);

  test("keeps what each role's override alone makes of the statistical forecast", async () => {
    const book = await smallSampleBook(2);
    await runCycle(book, { ...OPTIONS, approver: undefined });
    await book.writeBlocks([
      {
        sheet: SHEETS.overrides,
        topLeft: "A2",
        values: [
          ["Sales", "CH-101", "2026-02", 500, null, null, "Trade fair"],
          ["Marketing", "CH-101", "2026-02", null, null, 10, "Campaign"],
          ["Marketing", "CH-102", "2026-03", null, 40, null, "Launch"],
        ],
      },
    ]);
    await runCycle(book, OPTIONS);
    const rows = await readForecastSnapshots(book);
    const at = (item: string, period: string) => rows.find((row) => row.item === item && row.period === period)!;
    const feb = at("CH-101", "2026-02");
    expect(feb.roles).toEqual({ sales: 500, marketing: Math.round(feb.statistical * 110) / 100 });
    expect(feb.consensus).toBe(550); // marketing's +10% applied to the value sales typed
    const mar = at("CH-102", "2026-03");
    expect(mar.roles).toEqual({ marketing: Math.round((mar.statistical + 40) * 100) / 100 });
    expect(at("CH-101", "2026-01").roles).toEqual({});
  }, 60_000);

  test("an item merged down over its locations: the month's actuals go into each location's own row, no row is added", async () => {
    const source = new ExcelJS.Workbook();
    const sheet = source.addWorksheet("Pivot");
    sheet.addRow(["Item", "Location", ...futurePeriods("2024-12", 12)]);
    sheet.addRow(["A-1", "Paris", ...Array.from({ length: 12 }, (_, t) => 10 + t)]);
    sheet.addRow([null, "Lyon", ...Array.from({ length: 12 }, (_, t) => 20 + t)]);
    sheet.mergeCells("A2:A3");
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    await runGatherStep(book);
    const lines = [
      { item: "A-1", location: "Paris", period: "2026-01", quantity: 40, source: "row 2 of jan.csv" },
      { item: "A-1", location: "Lyon", period: "2026-01", quantity: 50, source: "row 3 of jan.csv" },
    ];
    expect(await appendActuals(book, lines, yes)).toEqual({ added: ["2026-01"], cells: 2, unchanged: 0, zeroFilled: [], newSeries: [] });
    expect((await book.read("Pivot!A1:O4")).map((row) => [row[0], row[1], row[14]])).toEqual([
      ["Item", "Location", "2026-01"],
      ["A-1", "Paris", 40],
      [null, "Lyon", 50],
      [null, null, null],
    ]);
  });

  test("items written with their names ('CH-101 - Office chair', 'ch-102'): the actuals, in the master's codes, go into their rows, no row is added", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows([
      ["Material", ...futurePeriods("2024-12", 12)],
      ["CH-101 - Office chair", ...Array.from({ length: 12 }, (_, t) => 10 + t)],
      ["ch-102", ...Array.from({ length: 12 }, (_, t) => 20 + t)],
    ]);
    source.addWorksheet("Items").addRows([["Item", "Description", "Unit cost"], ["CH-101", "Office chair", 20], ["CH-102", "Desk chair", 30]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    await runGatherStep(book);
    expect(await appendActuals(book, actualsFor("2026-01", { "CH-101": 40, "CH-102": 50 }), yes)).toEqual({ added: ["2026-01"], cells: 2, unchanged: 0, zeroFilled: [], newSeries: [] });
    expect((await book.read("Report!A1:N4")).map((row) => [row[0], row[13]])).toEqual([
      ["Material", "2026-01"],
      ["CH-101 - Office chair", 40],
      ["ch-102", 50],
      [null, null],
    ]);
  });

  test("a history kept in thousands takes the month's actuals in thousands, and reads them back as units", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Volumes").addRows([["Units (000)", ...futurePeriods("2024-12", 12)], ["CH-101", ...Array.from({ length: 12 }, (_, t) => 1 + t / 10)]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer));
    await runGatherStep(book);
    expect(await appendActuals(book, actualsFor("2026-01", { "CH-101": 2345 }), yes)).toEqual({ added: ["2026-01"], cells: 1, unchanged: 0, zeroFilled: [], newSeries: [] });
    expect((await book.read("Volumes!M1:N2")).map((row) => row[1])).toEqual(["2026-01", 2.345]);
  });

  test("a history listing its newest month first is refused with nothing written: the new month would belong at its left", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows([
      ["Material", "Mar 2025", "Feb 2025", "Jan 2025"],
      ["CH-101", 3, 2, 1],
    ]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    await runGatherStep(book);
    await expect(appendActuals(book, actualsFor("2025-04", { "CH-101": 4 }), yes)).rejects.toThrow("The history lists its newest month first: add the month's actuals by hand");
    expect(book.sheetValues("Report")).toEqual([
      ["Material", "Mar 2025", "Feb 2025", "Jan 2025"],
      ["CH-101", 3, 2, 1],
    ]);
  });

  test("a history with each month's value between its quantities is refused with nothing written: a new month's column would split them", async () => {
    const rows = [
      [null, "Jan 2025", null, "Feb 2025", null, "Mar 2025", null],
      ["Material", "Qty", "Value", "Qty", "Value", "Qty", "Value"],
      ["CH-101", 1, 10, 2, 20, 3, 30],
    ];
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows(rows);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    await runGatherStep(book);
    await expect(appendActuals(book, actualsFor("2025-04", { "CH-101": 4 }), yes)).rejects.toThrow("The history's months are not side by side (another measure, such as each month's value, stands between them)");
    expect(book.sheetValues("Report")).toEqual(rows);
  });

  test("a planning book's key figures are refused with nothing written: the month's actuals go into the actuals rows, not a new column", async () => {
    const rows = [
      ["Material", "Key figure", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["CH-101", "Sales history", 1, 2, 3],
      ["CH-101", "Statistical forecast", 4, 5, 6],
    ];
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows(rows);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    await runGatherStep(book);
    await expect(appendActuals(book, actualsFor("2025-04", { "CH-101": 4 }), yes)).rejects.toThrow('The history is a planning book whose rows hold several measures ("Sales history" is read as demand)');
    expect(book.sheetValues("Report")).toEqual(rows);
  });

  test("a history printed by location under headings is refused with nothing written: a new item's row would fall under the last heading", async () => {
    const rows = [
      ["Plant: Paris", null, null, null],
      ["Material", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["CH-101", 1, 2, 3],
      ["Plant: Lyon", null, null, null],
      ["CH-101", 4, 5, 6],
    ];
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows(rows);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    await runGatherStep(book);
    await expect(appendActuals(book, actualsFor("2025-04", { "CH-101": 4 }), yes)).rejects.toThrow("The history is printed by location, each location's rows under its heading: add the month's actuals by hand");
    expect(book.sheetValues("Report")).toEqual(rows);
  });

  test("a month already in the history must hold the same numbers: a blank is filled, an equal value kept, a different one refused with its cell", async () => {
    const book = await smallSampleBook(3);
    await runCycle(book, OPTIONS);
    book.setCell("Sales History", "AK3", null); // CH-102, 2025-12: not known yet
    const filled = await appendActuals(book, [...actualsFor("2025-12", { "CH-101": 280 }), { item: "CH-102", location: "", period: "Dec-25", quantity: 271, source: "row 3 of late.csv" }], yes);
    expect(filled).toEqual({ added: [], cells: 1, unchanged: 1, zeroFilled: [], newSeries: [] });
    expect(book.sheetValues("Sales History")[2][36]).toBe(271);
    const before = book.sheetValues("Sales History");
    await expect(appendActuals(book, actualsFor("2025-12", { "CH-101": 281 }, "dec.csv"), yes)).rejects.toThrow(
      "The actuals cannot be added (nothing was written):\nrow 2 of dec.csv: 'Sales History'!AK2 already holds 280 for CH-101 in 2025-12, not 281; correct the cell or the line (the add-in never overwrites your history).",
    );
    const wrong = [
      { item: "CH-999", location: "", period: "2026-01", quantity: 5, source: "row 2 of jan.csv" },
      { item: "CH-101", location: "North", period: "2026-01", quantity: 5, source: "row 3 of jan.csv" },
      { item: "CH-102", location: "", period: "2026-03", quantity: 5, source: "row 4 of jan.csv" },
      { item: "CH-103", location: "", period: "Jan", quantity: 5, source: "row 5 of jan.csv" },
    ];
    const refused = appendActuals(book, wrong, yes);
    await expect(refused).rejects.toThrow("row 2 of jan.csv: CH-999 is not in the history (Sales History) nor in the item master (Items); add the item to the item master first (supply needs its unit cost), or correct the line.");
    await expect(appendActuals(book, wrong, yes)).rejects.toThrow(/row 3 of jan.csv: the history has no locations, but the line names location "North"/);
    await expect(appendActuals(book, wrong, yes)).rejects.toThrow(/row 5 of jan.csv: period "Jan" is not a month/);
    await expect(appendActuals(book, wrong, yes)).rejects.toThrow(/The actuals jump from the history's last month 2025-12 to 2026-03: give 2026-01 first/);
    await expect(appendActuals(book, actualsFor("2026-01", { "CH-101": 5 }), async () => false)).rejects.toThrow(/holds your own data/);
    expect(book.sheetValues("Sales History")).toEqual(before);
    book.setCell("Sales History", "AL3", "note");
    await expect(appendActuals(book, actualsFor("2026-01", { "CH-101": 5 }), yes)).rejects.toThrow(/'Sales History'!AL3 beside the history is not empty/);
    expect(book.sheetValues("Sales History").map((row) => row.slice(0, 37))).toEqual(before.map((row) => row.slice(0, 37)));
  }, 60_000);
});

describe("rolling cycles with locations", () => {
  test("the month's actuals go to each item's location; the snapshot keeps each location, production shared by its share of the item's demand", async () => {
    const book = await twoLocationBook();
    await runCycle(book, { ...OPTIONS, demand: { horizon: 3 } });
    const rows = await readForecastSnapshots(book);
    expect(rows.filter((row) => row.lag === 1).map((row) => `${row.item}@${row.location}`)).toEqual(["A-1@North", "A-1@South", "A-2@North", "A-2@South", "B-1@North", "B-1@South"]);
    const plan = await book.read("Plan 2026-01 v1");
    const measure = (item: string, name: string) => plan.find((row) => row[0] === item && row[2] === name)!.slice(3) as number[];
    const north = rows.find((row) => row.item === "A-1" && row.location === "North" && row.lag === 2)!;
    const south = rows.find((row) => row.item === "A-1" && row.location === "South" && row.lag === 2)!;
    const [production, demand, atNorth] = [measure("A-1", "Production")[1], measure("A-1", "Demand")[1], measure("A-1", "Demand at North")[1]];
    expect(north.production).toBeCloseTo((production * atNorth) / demand, 2);
    expect((north.production ?? 0) + (south.production ?? 0)).toBeCloseTo(production, 1);
    expect(north.family).toBe("Seating");

    const lines = [
      { item: "A-1", location: "North", period: "2026-01", quantity: 131, source: "row 2 of jan.csv" },
      { item: "A-1", location: "South", period: "2026-01", quantity: 77, source: "row 3 of jan.csv" },
      { item: "B-1", location: "", period: "2026-01", quantity: 5, source: "row 4 of jan.csv" },
    ];
    await expect(appendActuals(book, lines, yes)).rejects.toThrow(/row 4 of jan.csv: the history is by item and location; give the location of B-1/);
    const added = await appendActuals(book, lines.slice(0, 2), yes);
    expect(added.added).toEqual(["2026-01"]);
    expect(added.zeroFilled).toEqual(["A-2 @ North", "A-2 @ South", "B-1 @ North", "B-1 @ South"]);
    const sales = book.sheetValues("Sales");
    expect(sales.map((row) => row[26])).toEqual(["2026-01", 131, 77, 0, 0, 0, 0]);

    // an item at a location the history does not have yet: a new row of the sheet, item and location as text, 2024-01 to 2026-01 blank
    const east = await appendActuals(book, [{ item: "A-2", location: "East", period: "2026-02", quantity: 12, source: "row 2 of feb.csv" }], yes);
    expect(east.newSeries).toEqual(["A-2 @ East"]);
    expect(east.cells).toBe(7);
    expect(book.sheetValues("Sales")[7]).toEqual(["A-2", "East", ...new Array(25).fill(null), 12]);
  }, 60_000);
});

describe("rolling cycles with new items", () => {
  test("a new item's actuals become a new row of the history table (its code as text, earlier months blank); steps 1-5 run; its month is repeated, then it is forecast once it has 2 months", async () => {
    let book = await smallSampleBook(3, true);
    await launch(book, "00123");
    await runCycle(book, OPTIONS);
    expect((await book.listTables()).find((info) => info.name === "SalesHistory")?.address).toBe("A1:AK4");
    const { appended, cycle } = await runNextCycle(book, actualsFor("2026-01", { ...quantitiesOf(0), "00123": 40 }, "jan.csv"), yes, OPTIONS);
    expect(appended).toEqual({ added: ["2026-01"], cells: 4, unchanged: 0, zeroFilled: [], newSeries: ["00123"] });
    expect(cycle.present.audit?.sheet).toBe("Plan 2026-02 v1");
    // a month (column AL) and an item (row 5)
    expect((await book.listTables()).find((info) => info.name === "SalesHistory")?.address).toBe("A1:AL5");
    book = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    const history = await book.read("SalesHistory");
    expect(history[4]).toEqual(["00123", ...new Array(36).fill(null), 40]);
    expect(history.map((row) => row[37])).toEqual(["2026-01", 200, 150, 300, 40]);
    // step 1 reads the months before the launch as before its first month (one note), not as missing demand;
    // with its one month the item is planned at that month repeated, without an interval
    const gather = cycle.reports[0].report.messages ?? [];
    expect(gather).toContainEqual({ level: "info", text: "00123 starts in 2026-01: its 36 earlier months are blank, so it is forecast from its first month on (they are not filled).", address: "'Sales History'!B5" });
    expect(gather.filter((message) => message.text.startsWith("00123 starts in"))).toHaveLength(1);
    expect(gather.filter((message) => message.level !== "info" && message.text.includes("00123"))).toEqual([]);
    const first = await book.read(SHEETS.forecast);
    const firstMeasure = first[0].indexOf("Measure");
    const rowsOf = (measure: string) => first.find((row) => row[0] === "00123" && row[firstMeasure] === measure)?.slice(firstMeasure + 1);
    expect(rowsOf("Forecast")).toEqual(new Array(6).fill(40));
    expect(rowsOf("Lower 80%")).toEqual(new Array(6).fill(null));
    expect(first.find((row) => row[0] === "00123")?.[first[0].indexOf("Model")]).toMatch(/one month of history: that month repeated/);
    expect(first.find((row) => row[0] === "00123")?.[first[0].indexOf("RMSE")]).toBeNull();
    // the pane's chart: no history before the launch (a gap, not zeros), no interval
    const chart = cycle.reports[1].report.charts?.[0].choices.find((choice) => choice.label === "00123")?.block ?? [];
    const shownHistory = chart.slice(1).filter((row) => row[2] === null).map((row) => row[1]);
    expect(shownHistory[shownHistory.length - 1]).toBe(40);
    expect(shownHistory.slice(0, -1).every((value) => value === null)).toBe(true);
    expect(chart.slice(1).filter((row) => row[2] !== null).map((row) => [row[2], row[3], row[4]])).toEqual(new Array(6).fill([40, null, null]));

    const february = await runNextCycle(book, actualsFor("2026-02", { ...quantitiesOf(1), "00123": 55 }, "feb.csv"), yes, OPTIONS);
    expect(february.appended.newSeries).toEqual([]);
    const forecast = await book.read(SHEETS.forecast);
    const measure = forecast[0].indexOf("Measure");
    const launched = forecast.find((row) => row[0] === "00123" && row[measure] === "Forecast");
    expect(launched?.slice(measure + 1)).toHaveLength(6);
    expect(launched?.slice(measure + 1).every((value) => typeof value === "number" && value >= 0)).toBe(true);
    // the months before the launch stay blank on SOP Clean History: the item is forecast from its two months
    expect((await book.read(SHEETS.cleanHistory)).find((row) => row[0] === "00123")?.slice(2)).toEqual([...new Array(36).fill(null), 40, 55]);
    expect(forecast.find((row) => row[0] === "00123")?.[forecast[0].indexOf("Model")]).not.toMatch(/Combination/);
    const verified = await verifyApprovals(book);
    expect(verified.findings.filter((finding) => finding.kind !== "note")).toEqual([]);
  }, 120_000);

  test("a new product without history is planned from its launch forecast in SOP Overrides: a blank row of SOP Clean History, forecast 0, the override its consensus, supply for it", async () => {
    const book = await smallSampleBook(3, true);
    await launch(book, "NEW-1");
    const before = await runCycle(book, OPTIONS);
    expect(before.reports[0].report.messages).toContainEqual({
      level: "info",
      text: "1 item(s) of the item master have no history and are left out of the plan (NEW-1); to plan a new one, type its launch forecast in SOP Overrides and run step 1 again.",
    });
    expect((await book.read(SHEETS.cleanHistory)).some((row) => row[0] === "NEW-1")).toBe(false);
    await book.writeBlocks(
      [{ sheet: SHEETS.overrides, topLeft: "A2", values: [["marketing", "NEW-1", "2026-03", 120, null, null, "launch"], ["marketing", "NEW-1", "2026-04", 150, null, null, "launch"]] }],
      { overwrite: yes },
    );
    book.forget();
    const after = await runCycle(book, OPTIONS);
    expect(after.reports[0].report.messages?.filter((message) => message.text.includes("NEW-1"))).toEqual([
      { level: "info", text: "NEW-1 is in the item master without sales history: it is planned from its launch forecast in SOP Overrides.", address: expect.stringMatching(/^Items!A\d+$/) },
    ]);
    expect((await book.read(SHEETS.cleanHistory)).find((row) => row[0] === "NEW-1")?.slice(2)).toEqual(new Array(36).fill(null));
    const forecast = await book.read(SHEETS.forecast);
    const measure = forecast[0].indexOf("Measure");
    expect(forecast.find((row) => row[0] === "NEW-1" && row[measure] === "Forecast")?.slice(measure + 1)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(forecast.find((row) => row[0] === "NEW-1")?.[forecast[0].indexOf("Model")]).toMatch(/New item without history/);
    expect(forecast.find((row) => row[0] === "NEW-1")?.[forecast[0].indexOf("Segment")]).toBe("new");
    const consensus = await book.read(SHEETS.consensus);
    expect(consensus.find((row) => row[0] === "NEW-1")?.slice(2)).toEqual([0, 0, 120, 150, 0, 0]);
    const plan = await book.read(SHEETS.supplyPlan);
    expect(plan.find((row) => row[0] === "NEW-1" && row[2] === "Demand")?.slice(3)).toEqual([0, 0, 120, 150, 0, 0]);
    const measureOf = (name: string) => plan.find((row) => row[0] === "NEW-1" && row[2] === name)?.slice(3) as number[];
    // the launch is served (from the opening stock the item master gives it, or made): nothing owed or lost,
    // and every month balances
    expect(measureOf("Lost")).toEqual([0, 0, 0, 0, 0, 0]);
    expect(measureOf("Backlog")).toEqual([0, 0, 0, 0, 0, 0]);
    const inventory = measureOf("Inventory");
    measureOf("Demand").forEach((demand, t) => {
      const opening = t === 0 ? inventory[0] + demand - measureOf("Production")[0] - measureOf("Subcontract")[0] : inventory[t - 1];
      expect(inventory[t]).toBeCloseTo(opening + measureOf("Production")[t] + measureOf("Subcontract")[t] - demand, 6);
    });
  }, 120_000);

  test("refused, with nothing written: an item not in the item master, and a cell below the history table that holds something", async () => {
    const book = await smallSampleBook(3, true);
    await launch(book, "CH-200");
    await runGatherStep(book);
    const before = book.sheetValues("Sales History");
    const lines = [...actualsFor("2026-01", { "CH-101": 5, "CH-999": 7 }, "jan.csv"), { item: "CH-200", location: "North", period: "2026-01", quantity: 3, source: "row 4 of jan.csv" }];
    await expect(appendActuals(book, lines, yes)).rejects.toThrow(
      "The actuals cannot be added (nothing was written):\n" +
        "row 3 of jan.csv: CH-999 is not in the history (SalesHistory) nor in the item master (ItemMaster); add the item to the item master first (supply needs its unit cost), or correct the line.\n" +
        'row 4 of jan.csv: the history has no locations, but the line names location "North"; leave it empty.',
    );
    book.setCell("Sales History", "Z5", "note");
    await expect(appendActuals(book, actualsFor("2026-01", { "CH-101": 5, "CH-200": 7 }, "jan.csv"), yes)).rejects.toThrow(
      "'Sales History'!Z5 after the history's last row is not empty: move what is there, then add the new items again (nothing was written).",
    );
    expect(book.sheetValues("Sales History").slice(0, 4)).toEqual(before);
    expect((await book.listTables()).find((info) => info.name === "SalesHistory")?.address).toBe("A1:AK4");
  }, 60_000);

  test("keys written as the history writes them ('P-3 | North' in one cell); a history table with a totals row is refused for a new item", async () => {
    const months = futurePeriods("2023-12", 24);
    /** Items P-1 to P-3 and a history of P-1 and P-2 made by `history`. */
    const plannerBook = async (history: (book: ExcelJS.Workbook) => void): Promise<MemoryWorkbook> => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet("Items").addRows([
        ["Item", "Description", "Family", "Unit Cost", "Price", "Hours/Unit Assembly", "Opening Inventory", "Lead Time"],
        ["P-1", "Chair", "Seating", 20, 50, 0.5, 100, 1],
        ["P-2", "Stool", "Seating", 10, 25, 0.25, 50, 1],
        ["P-3", "Bench", "Seating", 30, 80, 0.75, 0, 1],
      ]);
      history(book);
      const memory = await MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
      await runGatherStep(memory);
      return memory;
    };
    const joined = await plannerBook((book) =>
      book.addWorksheet("Sales").addRows([["Item | Location", ...months], ...["P-1 | North", "P-2 | North"].map((key, k) => [key, ...months.map((_, t) => 10 * (k + 1) + t)])]),
    );
    const added = await appendActuals(joined, [{ item: "P-3", location: "North", period: "2025-12", quantity: 9, source: "row 2 of dec.csv" }], yes);
    expect(added.newSeries).toEqual(["P-3 @ North"]);
    expect(joined.sheetValues("Sales")[3]).toEqual(["P-3 | North", ...new Array(23).fill(null), 9]);

    const totals = await plannerBook((book) =>
      book.addWorksheet("Sales").addTable({
        name: "SalesTable",
        ref: "A1",
        totalsRow: true,
        columns: [{ name: "Item", totalsRowLabel: "Total" }, ...months.map((name) => ({ name, totalsRowFunction: "sum" as const }))],
        rows: ["P-1", "P-2"].map((item, k) => [item, ...months.map((_, t) => 10 * (k + 1) + t)]),
      }),
    );
    await expect(appendActuals(totals, [{ item: "P-3", location: "", period: "2025-12", quantity: 9, source: "row 2 of dec.csv" }], yes)).rejects.toThrow(
      'The history\'s table "SalesTable" has a totals row: turn it off (Table Design > Total Row) or add the new items\' rows above it by hand, then run again (nothing was written).',
    );
    expect(totals.sheetValues("Sales")).toHaveLength(4);
  }, 60_000);

  test("periods down in Excel (Office.js): the new item is a new column of the table, its code as text, the table grows right and down, in few round trips", async () => {
    const fake = new FakeExcel();
    const months = futurePeriods("2023-12", 24);
    fake.addSheet("Items", [
      ["Item", "Description", "Family", "Unit Cost", "Price", "Hours/Unit Assembly", "Opening Inventory", "Lead Time"],
      ["P-1", "Chair", "Seating", 20, 50, 0.5, 100, 1],
      ["P-2", "Stool", "Seating", 10, 25, 0.25, 50, 1],
      ["0042", "Bench", "Seating", 30, 80, 0.75, 0, 1],
    ]);
    fake.addTable("ItemTable", "Items", "A1:H4");
    fake.addSheet("Demand", [["Month", "P-1", "P-2"], ...months.map((month, t) => [month, 100 + (t % 5), 40 + (t % 3)])]);
    fake.addTable("DemandTable", "Demand", "A1:C25");
    fake.addSheet("Resources", [
      ["Resource", "Regular Hours/Month", "Overtime Hours Cap", "Regular Cost/h", "Overtime Cost/h"],
      ["Assembly", 400, 80, 30, 45],
    ]);
    const book = new OfficeWorkbook(fake.runner);
    await runGatherStep(book);
    book.forget();
    fake.resetStats();
    const added = await appendActuals(book, [...actualsFor("2026-01", { "P-1": 104 }, "jan.csv"), { item: "0042", location: "", period: "2025-12", quantity: 7, source: "row 3 of jan.csv" }], yes);
    expect(added).toEqual({ added: ["2026-01"], cells: 4, unchanged: 0, zeroFilled: ["P-2", "0042"], newSeries: ["0042"] });
    expect(fake.syncs).toBeLessThanOrEqual(9); // the month alone takes 8: the new column costs one read (checking it is empty)
    expect((await book.listTables()).find((info) => info.name === "DemandTable")?.address).toBe("A1:D26");
    expect(fake.value("Demand", "D1")).toBe("0042");
    expect(fake.cellModel("Demand", "D1")?.numberFormat).toBe("@");
    const column = await book.read("Demand!D1:D26");
    expect(column.flat()).toEqual(["0042", ...new Array(23).fill(null), 7, 0]);
    expect((await book.read("Demand!A26:D26"))[0]).toEqual(["2026-01", 104, 0, 0]);
  }, 60_000);
});
