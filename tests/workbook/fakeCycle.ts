/**
 * The S&OP cycle, steps 1 to 6, on the sample workbook loaded into the strict fake Excel, through
 * OfficeWorkbook as the task pane runs it (the pane calls forget() as each step starts): the round
 * trips and the largest request and response of each step. Shared by tests/cycle/officeSyncs.test.ts
 * and `npm run bench:office`.
 */
import { columnLetters } from "../../src/workbook/address";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { runPresentStep } from "../../src/cycle/presentStep";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { runSupplyStep, type SupplyResult } from "../../src/cycle/supplyStep";
import { buildSampleWorkbook, sampleData } from "../../scripts/make-sample";
import { FakeExcel, type PayloadSize } from "./fakeExcel";

/** What one step cost on the fake Excel. */
export interface StepCost {
  step: string;
  syncs: number;
  largestRequest: PayloadSize;
  largestResponse: PayloadSize;
  /** Cells read in the step, all sheets together. */
  cellsRead: number;
  /** Cells read in the step from the raw-data sheet (0 without one). */
  rawCellsRead: number;
}

/** The raw-data sheet that `officeCycleCosts` may put beside the sample's tables. */
export const RAW_SHEET = "Raw Orders";

/** Header of the raw-data sheet: an ERP's order lines, as planners paste them beside their tables. */
const RAW_HEADER = ["Order Date", "Order No", "Customer", "SKU", "Ship-from", "Qty"];

/**
 * Add a raw-data sheet of `rows` order lines under a header (values computed when read, so a million
 * rows cost no memory until a step reads them).
 */
export function addRawSheet(fake: FakeExcel, rows: number): void {
  fake.addGeneratedSheet(RAW_SHEET, {
    rows: rows + 1,
    columns: RAW_HEADER.length,
    valueAt: (row, col) => {
      if (row === 0) return RAW_HEADER[col];
      return [`2025-${String(1 + (row % 12)).padStart(2, "0")}-${String(1 + (row % 28)).padStart(2, "0")}`, `SO${row}`, `C${row % 5000}`, `RAW-${row % 1000}`, `DC${row % 10}`, 1 + (row % 50)][col];
    },
  });
}

/** The sample's planner sheets and tables in the fake Excel, with `perFamily` items in each of 4 families. */
export function fakeSampleExcel(perFamily: number): FakeExcel {
  const fake = new FakeExcel();
  const book = buildSampleWorkbook(sampleData(20240101, perFamily));
  book.eachSheet((sheet) => {
    const values: (string | number)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      values[r - 1] = (row.values as unknown[]).slice(1).map((v) => (typeof v === "number" || typeof v === "string" ? v : ""));
    });
    fake.addSheet(sheet.name, values);
    // Each planner table of the sample starts at A1 and covers its whole sheet.
    for (const table of sheet.getTables() as unknown as { name: string }[]) {
      fake.addTable(table.name, sheet.name, `A1:${columnLetters(values[0].length - 1)}${values.length}`);
    }
  });
  return fake;
}

/**
 * Run steps 1 to 6 (approving in step 5) on the sample with `perFamily` items per family.
 * @param onStep called with each step's cost as soon as it is known
 * @param rawRows order lines of a raw-data sheet beside the mapped tables (none when 0)
 * @returns each step's syncs and largest request and response
 */
export async function officeCycleCosts(perFamily: number, onStep?: (cost: StepCost) => void, rawRows = 0): Promise<StepCost[]> {
  const fake = fakeSampleExcel(perFamily);
  if (rawRows > 0) addRawSheet(fake, rawRows);
  const book = new OfficeWorkbook(fake.runner);
  let supply: SupplyResult | undefined;
  const steps: [string, () => Promise<unknown>][] = [
    ["1 gather", () => runGatherStep(book)],
    ["2 demand", () => runDemandStep(book, { horizon: 12 })],
    ["3 supply", async () => (supply = await runSupplyStep(book))],
    ["4 reconcile", () => runReconcileStep(book, {}, {}, supply)],
    ["5 present", () => runPresentStep(book, { decision: "approve", approver: "Dana Planner" })],
    ["6 monitor", () => runMonitorStep(book)],
  ];
  const costs: StepCost[] = [];
  for (const [step, run] of steps) {
    book.forget();
    fake.resetStats();
    await run();
    const cellsRead = [...fake.cellsRead.values()].reduce((sum, cells) => sum + cells, 0);
    costs.push({ step, syncs: fake.syncs, largestRequest: fake.largestRequest, largestResponse: fake.largestResponse, cellsRead, rawCellsRead: fake.cellsRead.get(RAW_SHEET) ?? 0 });
    onStep?.(costs[costs.length - 1]);
  }
  return costs;
}
