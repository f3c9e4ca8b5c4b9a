import { runNextCycle } from "../../src/cycle/nextCycle";
import { futurePeriods } from "../../src/cycle/periods";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { actualsFor, smallSampleBook, yes } from "./rollingFixture";

const OPTIONS = { demand: { horizon: 3 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } };

/** Sales sets the consensus of the cycle's three months: CH-101 100, CH-102 50. */
async function salesSays(book: MemoryWorkbook, months: string[]): Promise<void> {
  const rows = months.flatMap((month) => [
    ["Sales", "CH-101", month, 100, null, null, "Plan"],
    ["Sales", "CH-102", month, 50, null, null, "Plan"],
  ]);
  await book.writeBlocks([{ sheet: SHEETS.overrides, topLeft: "A1", values: [["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ...rows] }], { replace: true });
}

function safetyStockRow(book: MemoryWorkbook, item: string): unknown[] {
  return book.sheetValues(SHEETS.supplyPlan).find((row) => row[0] === item && row[2] === "Safety stock")!.slice(3);
}

describe("step 3: safety stock from the error at the lead-time lag over past cycles", () => {
  test("after six cycles with actuals it replaces the forecast's RMSE, as worked out by hand, and says so in the plan's assumptions", async () => {
    const book = await smallSampleBook(2); // CH-101: lead time 1, service 90%; CH-102: lead time 1, service 95%
    await salesSays(book, futurePeriods("2025-12", 3));
    const first = await runCycle(book, OPTIONS);
    expect(first.reports[2].report.messages?.map((m) => m.text)).not.toContainEqual(expect.stringMatching(/^Safety stock/));
    const sold = { "CH-101": [110, 90, 120, 80, 100, 100], "CH-102": [55, 45, 55, 45, 55, 45] };
    let notes: string[] = [];
    for (const [k, month] of futurePeriods("2025-12", 6).entries()) {
      await salesSays(book, futurePeriods(month, 3));
      const { cycle } = await runNextCycle(book, actualsFor(month, { "CH-101": sold["CH-101"][k], "CH-102": sold["CH-102"][k] }), yes, OPTIONS);
      notes = (cycle.reports[2].report.messages ?? []).map((m) => m.text).filter((text) => text.startsWith("Safety stock"));
      if (k < 5) expect(notes).toEqual([`Safety stock is sized from the forecast's RMSE: ${k + 1} past cycle(s) kept a forecast, and 6 with actuals over an item's lead time are needed before the error measured over past cycles replaces it.`]);
    }
    // lag-1 errors of the six cycles: CH-101 10, -10, 20, -20, 0, 0: RMSE sqrt(1000/6) = 12.91, x z(90%) 1.2816 = 16.54 -> 17;
    // CH-102 5, -5, 5, -5, 5, -5: RMSE 5, x z(95%) 1.6449 = 8.22 -> 8
    expect(safetyStockRow(book, "CH-101")).toEqual([17, 17, 17]);
    expect(safetyStockRow(book, "CH-102")).toEqual([8, 8, 8]);
    expect(notes).toEqual(["Safety stock of 2 of 2 items is sized from the forecast error over their lead time measured over 6 past cycles (z x RMSE of the consensus against what was sold), replacing the forecast's RMSE."]);
  }, 120_000);
});
