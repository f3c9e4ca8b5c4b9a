import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { prepareNextCycle } from "../../src/cycle/nextCycle";
import { serviceSheet } from "../../src/cycle/orderHistorySheets";
import type { ServiceReport } from "../../src/cycle/orderLineImport";
import { runCycle } from "../../src/cycle/runCycle";
import { CENTS_FORMAT, PERCENT_FORMAT, replaceSheets } from "../../src/cycle/ownedSheets";
import { SHEETS } from "../../src/cycle/sheets";
import { columnLetters } from "../../src/workbook/address";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { formatNumber } from "../../src/workbook/numberFormat";
import { shownNumbers, unreadableNumbers } from "./sheetDisplay";

/** The sample's data laid out as plain ranges (no Excel tables), so the history can grow by a column. */
async function plainSampleBook(): Promise<MemoryWorkbook> {
  const sample = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
  const book = new ExcelJS.Workbook();
  for (const name of ["Items", "Sales History", "Resources", "Capacity"]) book.addWorksheet(name).addRows(sample.sheetValues(name));
  return MemoryWorkbook.fromXlsx(new Uint8Array(await book.xlsx.writeBuffer()));
}

describe("step 6, execute and monitor", () => {
  test("before any approval it says to approve first", async () => {
    const book = await plainSampleBook();
    await expect(runMonitorStep(book)).rejects.toThrow(/approve one in step 5/);
    await expect(prepareNextCycle(book)).rejects.toThrow(/Approve this cycle's plan \(step 5\) before starting the next one/);
  });

  test("shows the on-time in-full and lead time an order-line import measured, with how they were measured", async () => {
    const book = await plainSampleBook();
    await runCycle(book, { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const titles = (await runMonitorStep(book)).report.tables?.map((table) => table.title);
    expect(titles?.filter((title) => title.startsWith("Service from order lines"))).toEqual([]); // none before the import

    const summary = (delivered: number, onTime: number, otif: number) => ({
      delivered,
      measured: delivered,
      overdue: 0,
      open: 0,
      onTime,
      inFull: 1,
      otif,
      leadTime: { mean: 5, median: 4, p90: 9 },
    });
    const report: ServiceReport = {
      asOf: "2025-12-31",
      inFullRule: "delivered quantity at least the ordered quantity",
      byItemLocation: [
        { item: "CH-101", location: "DC1", summary: summary(4, 0.75, 0.75) },
        { item: "CH-102", location: "DC1", summary: summary(2, 1, 1) },
      ],
      total: summary(6, 5 / 6, 5 / 6),
      leftOut: [],
    };
    await replaceSheets(book, { [SHEETS.serviceLevels]: serviceSheet(report) });
    const { report: shown } = await runMonitorStep(book);
    const service = shown.tables?.[1];
    expect(service?.title).toBe("Service from order lines (SOP Service Levels)");
    expect(service?.rows.map((row) => [row[0], row[1], row[2], row[7]])).toEqual([
      ["CH-101", "DC1", 4, 0.75],
      ["CH-102", "DC1", 2, 1],
      ["All items", "All locations", 6, 5 / 6],
    ]);
    expect(shown.messages?.map((m) => m.text)).toContainEqual(expect.stringMatching(/^Service from order lines: As of 2025-12-31: a line not delivered and due before then is overdue/));
  }, 120_000);

  test("compares the approved plan with the actuals added to the history and raises the exceptions", async () => {
    const book = await plainSampleBook();
    await runCycle(book, { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const waiting = await runMonitorStep(book);
    await expect(prepareNextCycle(book)).rejects.toThrow("Type the actuals of 2026-01 into your history (a new month after 2025-12), save, then start the next cycle.");
    expect(waiting.report.summary).toMatch(/No actuals yet for Plan 2026-01 v1/);

    const plan = await book.read("Plan 2026-01 v1");
    const demandOf = (item: string) => plan.find((row) => row[0] === item && row[2] === "Demand")!.slice(3) as number[];
    const history = book.sheetValues("Sales History");
    const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"];
    months.forEach((month, k) => {
      const column = columnLetters(history[0].length + k);
      book.setCell("Sales History", `${column}1`, month);
      history.slice(1).forEach((row, r) => {
        const id = String(row[0]);
        const planned = demandOf(id)[k];
        // CH-101 sells 60% above plan, CH-103 10% above; every other item sells its plan rounded to whole units
        const actual = id === "CH-101" ? planned * 1.6 : id === "CH-103" ? planned * 1.1 : planned;
        book.setCell("Sales History", `${column}${r + 2}`, Math.round(actual));
      });
    });

    const result = await runMonitorStep(book);
    expect(result.items).toHaveLength(40);
    const ch101 = result.items.find((item) => item.item === "CH-101")!;
    expect(ch101.periods).toEqual(months);
    expect(ch101.trackingSignal).toBeCloseTo(5, 6);
    expect(ch101.bias).toBeCloseTo(-37.5, 0);
    expect(result.exceptions).toEqual(expect.arrayContaining([expect.objectContaining({ item: "CH-101", kind: "bias alarm" })]));
    expect(result.exceptions.some((e) => e.item === "CH-101" && e.kind === "stock-out risk")).toBe(true);
    const underForecast = result.exceptions.find((e) => e.item === "CH-103" && e.kind === "bias alarm");
    expect(underForecast?.detail).toMatch(/^the plan is below actual demand by \d{1,3}(,\d{3})*\.\d\d units a month on average \(9\.\d% of actual\); tracking signal 5\.0 is beyond ±4$/);
    const alarmed = result.exceptions.filter((e) => e.kind === "bias alarm").map((e) => e.item);
    expect(alarmed).toEqual(["CH-101", "CH-103"]);
    const rounded = result.items.filter((item) => !alarmed.includes(item.item));
    // rounding to whole units errs one way every month for some items: a tracking signal beyond 4, yet no alarm
    expect(rounded.filter((item) => Math.abs(item.trackingSignal ?? 0) > 4).length).toBeGreaterThan(0);
    const sheet = await book.read(SHEETS.monitor);
    expect(sheet[0]).toEqual(["Item", "Months with actuals", "Planned", "Actual", "Accuracy %", "Bias %", "Tracking signal"]);
    const formats = book.sheetNumberFormats(SHEETS.monitor);
    const at = (item: string) => sheet.findIndex((row) => row[0] === item);
    expect(sheet[at("CH-101")][5]).toBeCloseTo(-0.375, 2);
    expect(sheet[at("CH-102")][4]).toBeGreaterThan(0.99);
    expect([formats[at("CH-101")][4], formats[at("CH-101")][5]]).toEqual([PERCENT_FORMAT, PERCENT_FORMAT]);
    expect(shownNumbers(book, SHEETS.monitor).length).toBeGreaterThan(40 * 5);
    expect(unreadableNumbers(book, SHEETS.monitor)).toEqual([]);
    // CH-101 sells 60% above plan every month: each month is a demand deviation, its money the units off at the item's price
    const price = Number(book.sheetValues("Items").slice(1).find((row) => row[0] === "CH-101")![book.sheetValues("Items")[0].indexOf("Price")]);
    const deviations = result.exceptions.filter((e) => e.item === "CH-101" && e.kind === "demand deviation");
    expect(deviations.map((e) => e.period).sort()).toEqual(months);
    const january = deviations.find((e) => e.period === "2026-01")!;
    expect(january.money).toBeCloseTo((Math.round(demandOf("CH-101")[0] * 1.6) - demandOf("CH-101")[0]) * price, 2);
    const [planned, sold] = [demandOf("CH-101")[0], Math.round(demandOf("CH-101")[0] * 1.6)];
    const units = (n: number) => formatNumber(n, CENTS_FORMAT);
    expect(january.detail).toBe(`actual demand ${units(sold)} is ${units(sold - planned)} units above the plan's ${units(planned)} (${formatNumber((sold - planned) / planned, PERCENT_FORMAT)}), beyond the tolerance of 20.0%`);
    // CH-103 sells 10% above plan: within the 20% tolerance, no monthly deviation
    expect(result.exceptions.filter((e) => e.item === "CH-103" && e.kind === "demand deviation")).toEqual([]);
    expect(result.exceptions.map((e) => e.money)).toEqual([...result.exceptions.map((e) => e.money)].sort((a, b) => b - a));
    const exceptionRows = sheet.slice(sheet.findIndex((row) => row[0] === "Exception")).map((row) => row.slice(0, 5));
    expect(exceptionRows[0]).toEqual(["Exception", "Item", "Period", "Money at stake", "Detail"]);
    expect(exceptionRows[1]).toEqual([result.exceptions[0].kind, result.exceptions[0].item, result.exceptions[0].period, result.exceptions[0].money, result.exceptions[0].detail]);
    expect(await prepareNextCycle(book)).toEqual({ approved: "2026-01", cycle: "2026-06", retiredOverrides: 0 });
  }, 120_000);

  test("overtime and hours beyond regular capacity the plan chose are not exceptions: they were approved", async () => {
    const book = await plainSampleBook();
    book.setCell("Capacity", "B4", 0); // Packing, 2026-01: overtime only
    await runCycle(book, { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const capacity = book.sheetValues(SHEETS.capacity);
    const row = capacity.findIndex((line) => line[0] === "Packing" && line[1] === "Utilisation %");
    await book.writeBlocks([{ sheet: SHEETS.capacity, topLeft: `D${row + 1}`, values: [[1.125]] }]);
    const packing = (measure: string) => capacity.find((line) => line[0] === "Packing" && line[1] === measure)![2];
    expect([capacity[0][2], packing("Regular hours")]).toEqual(["2026-01", 0]);
    expect(packing("Hours used")).toBeGreaterThan(0);
    const result = await runMonitorStep(book);
    expect(result.exceptions.filter((e) => e.item === "Packing")).toEqual([]);
    expect(result.report.summary).toMatch(/^No actuals yet for Plan 2026-01 v1 \(it starts in 2026-01\): add the month.s sales to your history and run this step again\. History of cycles/);
  }, 120_000);

  test("a looser tolerance lets a month's demand deviation pass", async () => {
    const book = await plainSampleBook();
    await runCycle(book, { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const plan = await book.read("Plan 2026-01 v1");
    const history = book.sheetValues("Sales History");
    const column = columnLetters(history[0].length);
    book.setCell("Sales History", `${column}1`, "2026-01");
    history.slice(1).forEach((line, r) => {
      const planned = plan.find((p) => p[0] === line[0] && p[2] === "Demand")![3] as number;
      book.setCell("Sales History", `${column}${r + 2}`, Math.round(line[0] === "CH-102" ? planned * 1.3 : planned));
    });
    const strict = (await runMonitorStep(book)).exceptions.filter((e) => e.kind === "demand deviation");
    expect(strict.map((e) => e.item)).toEqual(["CH-102"]);
    expect((await runMonitorStep(book, {}, { tolerance: 0.35 })).exceptions.filter((e) => e.kind === "demand deviation")).toEqual([]);
  }, 120_000);
});
