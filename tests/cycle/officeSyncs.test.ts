import { columnLetters } from "../../src/workbook/address";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { buildSampleWorkbook, sampleData } from "../../scripts/make-sample";
import { FakeExcel } from "../workbook/fakeExcel";

/** The sample's planner sheets and tables in the fake Excel, with `perFamily` items in each of 4 families. */
function fakeSampleExcel(perFamily: number): FakeExcel {
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

/** Context syncs each of steps 1 to 3 takes on the Office.js workbook. */
async function syncsPerStep(perFamily: number): Promise<number[]> {
  const fake = fakeSampleExcel(perFamily);
  const book = new OfficeWorkbook(fake.runner);
  const counts: number[] = [];
  for (const step of [() => runGatherStep(book), () => runDemandStep(book, { horizon: 12 }), () => runSupplyStep(book)]) {
    const before = fake.syncs;
    await step();
    counts.push(fake.syncs - before);
  }
  return counts;
}

describe("the cycle on Office.js batches its work", () => {
  test("steps 1-3 take the same number of context.sync() calls for 40 items as for 500", async () => {
    const small = await syncsPerStep(10);
    const large = await syncsPerStep(125);
    expect(large).toEqual(small);
    for (const count of small) expect(count).toBeLessThan(60);
  }, 300_000);
});
