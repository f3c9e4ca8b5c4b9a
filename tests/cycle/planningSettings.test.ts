/**
 * The time fence is a planner's setting: "Frozen months" (and "Cost per unit changed") on the
 * workbook's Planning Settings sheet, overridden for one run by `sop run --frozen-months`.
 */
import * as fs from "fs";
import * as path from "path";
import { PlanningError } from "../../src/core/errors";
import { SETTINGS_SHEET } from "../../src/cycle/planningSettings";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { columnLetters } from "../../src/workbook/address";
import type { CellValue } from "../../src/workbook/workbook";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const overwrite = { overwrite: async () => true };

/** Each item's production in the first two months of a plan sheet (Item, Family, Measure, months...). */
function firstTwoMonths(rows: CellValue[][]): Map<string, number[]> {
  return new Map(rows.filter((row) => row[2] === "Production").map((row) => [String(row[0]), [row[3], row[4]].map(Number)]));
}

/** The largest difference between two plans' production in the first two months. */
function largestMove(approved: Map<string, number[]>, planned: Map<string, number[]>): number {
  let largest = 0;
  for (const [id, months] of approved) months.forEach((units, t) => (largest = Math.max(largest, Math.abs(units - (planned.get(id)?.[t] ?? Number.NaN)))));
  return largest;
}

describe("frozen months from Planning Settings", () => {
  let book: MemoryWorkbook;
  let approved: Map<string, number[]>;

  beforeAll(async () => {
    book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
    await runCycle(book, { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    approved = firstTwoMonths(await book.read("Plan 2026-01 v1"));
    // demand doubles in the first two months for every item
    const consensus = book.sheetValues(SHEETS.consensus);
    const first = consensus[0].indexOf("2026-01");
    const doubled = consensus.slice(1).map((row) => [2 * Number(row[first]) + 50, 2 * Number(row[first + 1]) + 50]);
    await book.writeBlocks([{ sheet: SHEETS.consensus, topLeft: `${columnLetters(first)}2`, values: doubled }]);
  }, 180_000);

  test("frozen months 2 keeps both months of the approved plan after demand changes, and says so", async () => {
    await book.writeBlocks([{ sheet: SETTINGS_SHEET, topLeft: "A1", values: [["Setting", "Value"], ["Frozen months", 2], ["Cost per unit changed", null]] }]);
    const result = await runSupplyStep(book, overwrite);
    expect(result.model.timeFence?.periods).toBe(2);
    expect(largestMove(approved, firstTwoMonths(await book.read(SHEETS.supplyPlan)))).toBeLessThan(0.01);
    expect(result.report.messages?.map((m) => m.text)).toContainEqual(expect.stringMatching(/^The first 2 month\(s\) \(2026-01 to 2026-02\) keep the last approved plan's production/));
    expect(book.sheetValues(SHEETS.strategies).flat()).toContainEqual(expect.stringMatching(/^The first 2 month\(s\)/));
  }, 120_000);

  test("frozen months 0 lets both months move, and the assumptions say no month is frozen", async () => {
    await book.writeBlocks([{ sheet: SETTINGS_SHEET, topLeft: "B2", values: [[0]] }]);
    const result = await runSupplyStep(book, overwrite);
    expect(result.model.timeFence?.periods).toBe(0);
    expect(largestMove(approved, firstTwoMonths(await book.read(SHEETS.supplyPlan)))).toBeGreaterThan(1);
    expect(result.report.messages?.map((m) => m.text)).toContainEqual(expect.stringMatching(/^No month is frozen \(Planning Settings: Frozen months 0\)/));
  }, 120_000);

  test("a run's override (sop run --frozen-months 2) replaces the workbook's 0", async () => {
    const result = await runSupplyStep(book, { ...overwrite, settings: { frozenMonths: 2 } });
    expect(result.model.timeFence?.periods).toBe(2);
    expect(largestMove(approved, firstTwoMonths(await book.read(SHEETS.supplyPlan)))).toBeLessThan(0.01);
  }, 120_000);

  test("a cost per unit changed is the fence's cost and is stated", async () => {
    await book.writeBlocks([{ sheet: SETTINGS_SHEET, topLeft: "B2", values: [[1], [0.5]] }]);
    const result = await runSupplyStep(book, overwrite);
    expect(result.model.timeFence?.changeCost).toBe(0.5);
    expect(result.report.messages?.map((m) => m.text)).toContainEqual(expect.stringMatching(/moving a unit there costs 0\.50 \(Planning Settings: Cost per unit changed\)/));
  }, 120_000);

  test("a frozen months value that is not a whole number from 0 is refused, naming its cell", async () => {
    await book.writeBlocks([{ sheet: SETTINGS_SHEET, topLeft: "B2", values: [[1.5]] }]);
    await expect(runSupplyStep(book, overwrite)).rejects.toThrow(PlanningError);
    await expect(runSupplyStep(book, overwrite)).rejects.toThrow(/^Planning Settings!B2 \(Frozen months\) must be a whole number of months from 0/);
  });
});
