/**
 * The bundled sample workbook taken through steps 1-3 (gather, a 6-month forecast, the supply plan),
 * for tests of what comes after the plan.
 */
import * as fs from "fs";
import * as path from "path";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runSupplyStep, type SupplyResult } from "../../src/cycle/supplyStep";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

export interface PlannedSample {
  book: MemoryWorkbook;
  supply: SupplyResult;
}

/** Open assets/sample-sop.xlsx and run steps 1-3 on it with a 6-month horizon. */
export async function sampleThroughSupply(): Promise<PlannedSample> {
  const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
  await runGatherStep(book);
  await runDemandStep(book, { horizon: 6 });
  return { book, supply: await runSupplyStep(book) };
}
