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
 * @returns each step's syncs and largest request and response
 */
export async function officeCycleCosts(perFamily: number, onStep?: (cost: StepCost) => void): Promise<StepCost[]> {
  const fake = fakeSampleExcel(perFamily);
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
    costs.push({ step, syncs: fake.syncs, largestRequest: fake.largestRequest, largestResponse: fake.largestResponse });
    onStep?.(costs[costs.length - 1]);
  }
  return costs;
}
