import { runMonitorStep } from "../../src/cycle/monitorStep";
import { runNextCycle } from "../../src/cycle/nextCycle";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { readForecastSnapshots } from "../../src/cycle/snapshots";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { actualsFor, smallSampleBook, yes } from "./rollingFixture";
import { unreadableNumbers } from "./sheetDisplay";

const OPTIONS = { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } };

/** Sales sets the consensus of every item and month of a cycle to the figures given. */
async function salesSays(book: MemoryWorkbook, months: string[], figures: Record<string, number>): Promise<void> {
  const rows = months.flatMap((month) => Object.entries(figures).map(([item, value]) => ["Sales", item, month, value, null, null, "Sales call"]));
  await book.writeBlocks([{ sheet: SHEETS.overrides, topLeft: "A1", values: [["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ...rows] }], { replace: true });
}

describe("step 6: what the history of cycles shows", () => {
  test("accuracy and bias by lag, value added and plan stability, from the snapshots, as worked out by hand", async () => {
    const book = await smallSampleBook(2);
    await runCycle(book, { ...OPTIONS, approver: undefined });
    await salesSays(book, ["2026-01", "2026-02", "2026-03"], { "CH-101": 100, "CH-102": 50 });
    await runCycle(book, OPTIONS);
    // January's actuals: CH-101 110, CH-102 40; February's cycle: sales says 120 and 45
    const first = await runNextCycle(book, actualsFor("2026-01", { "CH-101": 110, "CH-102": 40 }), yes, { ...OPTIONS, approver: undefined });
    expect(first.retiredOverrides).toBe(2); // January's rows: the month is past
    await salesSays(book, ["2026-02", "2026-03", "2026-04"], { "CH-101": 120, "CH-102": 45 });
    await runCycle(book, OPTIONS);
    await runNextCycle(book, actualsFor("2026-02", { "CH-101": 90, "CH-102": 50 }), yes, { ...OPTIONS, approver: undefined });

    const result = await runMonitorStep(book);
    const accuracy = result.report.tables?.find((table) => table.title.startsWith("Accuracy and bias by lag"));
    expect(accuracy?.headers.slice(0, 5)).toEqual(["Level", "Key", "Cycles", "Accuracy lag 1", "Accuracy lag 2"]);
    const row = (key: string) => accuracy?.rows.find((cells) => cells[1] === key);
    // lag 1: January's cycle for January (100 vs 110, 50 vs 40), February's for February (120 vs 90, 45 vs 50)
    //   |errors| 10 + 10 + 30 + 5 = 55 over actuals 290: accuracy 1 - 55/290; bias (-10 + 10 + 30 - 5)/290
    // lag 2: January's cycle for February (100 vs 90, 50 vs 50): |errors| 10 over 140; bias 10/140
    expect(row("Total")?.slice(0, 5)).toEqual(["Total", "Total", 2, round(1 - 55 / 290), round(1 - 10 / 140)]);
    expect(row("Total")?.slice(9, 11)).toEqual([round(25 / 290), round(10 / 140)]);
    // CH-101 alone at lag 1: |-10| + |30| over 110 + 90; bias 20/200
    expect([row("CH-101")?.[3], row("CH-101")?.[9]]).toEqual([round(1 - 40 / 200), round(20 / 200)]);
    expect(row("Chairs")?.[0]).toBe("Family");
    expect(row("Total")?.slice(5, 9)).toEqual([null, null, null, null]); // no actuals three months ahead yet

    const added = result.report.tables?.find((table) => table.title.startsWith("Forecast value added per role"));
    expect(added?.rows.map((cells) => cells[0])).toEqual(["Naive", "Statistical", "sales", "Consensus"]);
    // the consensus is what sales typed: its WMAPE over the 6 judged item-months is (55 + 10)/(290 + 140)
    expect(added?.rows[3][1]).toBe(round(65 / 430));
    expect(added?.rows[2][1]).toBe(round(65 / 430));
    expect(added?.rows[2][4]).toBe(6);

    const snapshots = await readForecastSnapshots(book);
    const production = (cycle: string, item: string, period: string) => snapshots.find((r) => r.cycle === cycle && r.item === item && r.period === period)!.production!;
    const months = ["2026-02", "2026-03"];
    const moved = ["CH-101", "CH-102"].flatMap((item) => months.map((m) => Math.abs(production("2026-02", item, m) - production("2026-01", item, m)))).reduce((a, b) => a + b, 0);
    const before = ["CH-101", "CH-102"].flatMap((item) => months.map((m) => production("2026-01", item, m))).reduce((a, b) => a + b, 0);
    const stability = result.report.tables?.find((table) => table.title.startsWith("Plan stability"));
    expect(stability?.rows[0]).toEqual(["2026-02", "2026-01", 4, round2(moved), round2(before), round(moved / before)]);

    const sheet = await book.read(SHEETS.cycleHistory);
    expect(sheet[0][0]).toBe("2 cycle(s) kept: lag-1 accuracy 81.0% over 2 cycle(s), bias 8.6%.");
    const title = sheet.findIndex((cells) => cells[0] === accuracy?.title);
    expect(sheet[title + 1].slice(0, 4)).toEqual(["Level", "Key", "Cycles", "Accuracy lag 1"]);
    expect(unreadableNumbers(book, SHEETS.cycleHistory)).toEqual([]);
    expect(result.report.summary).toMatch(/History of cycles: 2 cycle\(s\) kept: lag-1 accuracy 81\.0% over 2 cycle\(s\), bias 8\.6%\.$/);
  }, 120_000);
});

function round(share: number): number {
  return Math.round(share * 10000) / 10000;
}

function round2(units: number): number {
  return Math.round(units * 100) / 100;
}
