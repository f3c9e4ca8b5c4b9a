/**
 * Golden file of the whole flow: the sample workbook in, the planning sheets out, compared cell by
 * cell with tests/cycle/golden/sample-cycle.json. A change to that file is a reviewed decision: run
 * `SOP_UPDATE_GOLDEN=1 npx jest tests/cycle/golden` and read the diff before committing it.
 */
import * as fs from "fs";
import * as path from "path";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { Matrix } from "../../src/workbook/workbook";

const GOLDEN = path.join(__dirname, "golden", "sample-cycle.json");
const COMPARED = [SHEETS.cleanHistory, SHEETS.changeLog, SHEETS.forecast, SHEETS.consensus, SHEETS.supplyPlan, SHEETS.capacity, SHEETS.strategies, SHEETS.reconcile, SHEETS.scenarios, SHEETS.summary, "Plan 2026-01 v1"];

/**
 * Cells as compared: numbers to the precision they are written at, percentages (shares of 1 under a
 * percent format) to 0.01% and the rest to cents.
 */
function canonical(values: Matrix, formats: (string | undefined)[][]): (string | number | boolean | null)[][] {
  const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places + 0;
  return values.map((row, r) => row.map((cell, c) => (typeof cell === "number" ? round(cell, formats[r]?.[c]?.includes("%") ? 4 : 2) : cell)));
}

test("the cycle on the sample workbook writes exactly the golden planning sheets", async () => {
  const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
  await runCycle(book, { demand: { horizon: 12 }, approver: "Golden Planner", comment: "golden run" });
  const actual: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of COMPARED) actual[sheet] = canonical(await book.read(sheet), book.sheetNumberFormats(sheet));
  if (process.env.SOP_UPDATE_GOLDEN === "1") fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 1)}\n`);
  const expected = JSON.parse(fs.readFileSync(GOLDEN, "utf8")) as typeof actual;
  for (const sheet of COMPARED) {
    expect({ sheet, rows: actual[sheet].length }).toEqual({ sheet, rows: expected[sheet].length });
    actual[sheet].forEach((row, r) => expect({ sheet, row: r + 1, cells: row }).toEqual({ sheet, row: r + 1, cells: expected[sheet][r] }));
  }
}, 180_000);
