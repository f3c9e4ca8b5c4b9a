/**
 * Which items step 1 plans: history of two months or more, one month (a new item, planned as it is), none
 * (planned only when SOP Overrides gives a launch forecast).
 */
import ExcelJS from "exceljs";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { load } from "./mappingFixtures";

async function book(overrides?: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Hist").addRows([
    ["Item", "2024-01", "2024-02", "2024-03", "2024-04"],
    ["A", 10, 12, 11, 13],
    ["B", null, null, null, null],
    ["C", null, null, null, 40],
  ]);
  workbook.addWorksheet("Items").addRows([["Item", "Description", "Price", "Unit cost"], ["A", "Alpha", 10, 5], ["B", "Beta", 8, 4], ["C", "Gamma", 9, 4], ["D", "Delta", 7, 3]]);
  if (overrides) workbook.addWorksheet("SOP Overrides").addRows([["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"], ...overrides]);
  return load(workbook);
}

describe("the items step 1 plans", () => {
  test("a line of blanks is an item without history: left out with D, listed once; one month is planned as it is", async () => {
    const result = await runGatherStep(await book());
    expect(result.cleaned.map((series) => [series.item, series.values])).toEqual([
      ["A", [10, 12, 11, 13]],
      ["C", [null, null, null, 40]],
    ]);
    expect(result.skipped).toEqual(["B", "D"]);
    expect(result.report.messages).toContainEqual({
      level: "info",
      text: "2 item(s) of the item master have no history and are left out of the plan (B, D); to plan a new one, type its launch forecast in SOP Overrides and run step 1 again.",
    });
  });

  test("an item without history that SOP Overrides gives a launch forecast gets a blank row", async () => {
    const result = await runGatherStep(await book([["marketing", "B", "2024-06", 50, null, null, "launch"]]));
    expect(result.cleaned.map((series) => [series.item, series.values])).toEqual([
      ["A", [10, 12, 11, 13]],
      ["C", [null, null, null, 40]],
      ["B", [null, null, null, null]],
    ]);
    expect(result.skipped).toEqual(["D"]);
  });
});

describe("what step 1 says about how it read the workbook", () => {
  test("the proposal's notes (plan columns left out) and the item master's units are shown with the result", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("S&OP").addRows([
      ["Item", "Jan-25 Actual", "Feb-25 Actual", "Mar-25 Actual", "Apr-25 Fcst"],
      ["A", 10, 12, 11, 13],
    ]);
    workbook.addWorksheet("Items").addRows([["Item", "Unit cost", "Lead time (days)"], ["A", 5, 45]]);
    const texts = (await runGatherStep(await load(workbook))).report.messages?.map((message) => message.text);
    expect(texts).toContain('1 column from \'S&OP\'!E1 ("Apr-25 Fcst") on is headed as a plan (forecast, budget), not history: step 1 leaves it out of the history.');
    expect(texts).toContain("Lead times are in days in the item master: the plan takes them in months, 30.44 days to a month, to a tenth (45 days are 1.5 months).");
  });
});

describe("what steps 1 and 2 say about a workbook of one item", () => {
  test("counts it as one item, in the singular", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Hist").addRows([
      ["Item", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"],
      ["A", 5, 6, 7, 6, 5, 6],
    ]);
    const memory = await load(workbook);
    expect((await runGatherStep(memory)).report.summary).toMatch(/^Found 1 item with 6 periods/);
    expect((await runDemandStep(memory, { horizon: 1 })).report.summary).toMatch(/^Forecast 1 item for 1 month \(2024-07 to 2024-07\)/);
  });
});
