import * as fs from "fs";
import ExcelJS from "exceljs";
import * as path from "path";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { proposeMapping, saveMapping } from "../../src/cycle/mapping";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { planAssumptions, runSupplyStep, withinWholeUnitLimit } from "../../src/cycle/supplyStep";
import { validateSupplyModel } from "../../src/core/supply/validateSupplyModel";
import { columnLetters } from "../../src/workbook/address";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

describe("step 3 after an approval", () => {
  test("keeps the approved plan's first month when demand changes, and says so", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx")));
    await runCycle(book, { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const approved = await book.read("Plan 2026-01 v1");
    const productionOf = (rows: typeof approved, item: string) => rows.find((row) => row[0] === item && row[2] === "Production")!.slice(3) as number[];
    const before = productionOf(approved, "CH-101");

    const consensus = book.sheetValues(SHEETS.consensus);
    const column = consensus[0].indexOf("2026-01");
    const row = consensus.findIndex((line) => line[0] === "CH-101");
    const doubled = 2 * (consensus[row][column] as number) + 100;
    await book.writeBlocks([{ sheet: SHEETS.consensus, topLeft: `${columnLetters(column)}${row + 1}`, values: [[doubled]] }]);

    const result = await runSupplyStep(book, { overwrite: async () => true });
    expect(result.model.demand["CH-101"][0]).toBeCloseTo(doubled, 6);
    expect(result.model.timeFence?.periods).toBe(1);
    expect(result.plan.items.find((item) => item.itemId === "CH-101")!.production[0]).toBeCloseTo(before[0], 2);
    const after = productionOf(await book.read(SHEETS.supplyPlan), "CH-101");
    expect(after[0]).toBeCloseTo(before[0], 2);
    expect(after.slice(1)).not.toEqual(before.slice(1));
    expect(result.report.messages?.map((m) => m.text)).toContainEqual(expect.stringMatching(/^The first 1 month\(s\) \(2026-01\) keep the last approved plan's production for 40 items/));
  }, 180_000);
});

describe("whole units within the cycle's limit", () => {
  const model = validateSupplyModel({
    periods: 6,
    items: [
      { id: "A", unitCost: 1, holdingCost: 1, hoursPerUnit: { line: 1 }, wholeUnits: true },
      { id: "B", unitCost: 1, holdingCost: 1, hoursPerUnit: { line: 1 }, wholeUnits: true },
    ],
    resources: [{ id: "line", availableHours: 100 }],
    demand: { A: 1, B: 2 },
  });

  it("keeps whole units up to the limit", () => {
    const within = withinWholeUnitLimit(model, 12);
    expect(within.relaxed).toBe(0);
    expect(within.model.items.map((item) => item.wholeUnits)).toEqual([true, true]);
  });

  it("plans in fractional units beyond it, and the assumptions say so with what to do", () => {
    const beyond = withinWholeUnitLimit(model, 11);
    expect(beyond.relaxed).toBe(2);
    expect(beyond.model.items.map((item) => item.wholeUnits)).toEqual([undefined, undefined]);
    expect(model.items[0].wholeUnits).toBe(true);
    expect(planAssumptions(beyond.model, undefined, beyond.relaxed)[1]).toBe(
      "2 items are counted in pieces but planned in fractional units: 12 item-months is more than the 18,000 planned in whole units within the cycle's time and memory. Round production up to whole pieces, or plan one family at a time for whole units.",
    );
  });

  it("in a network counts stocking points (an item at each of its locations), not items", () => {
    expect(planAssumptions({ ...model, locations: [] }, 0.0004)[1]).toBe(
      "2 of 2 stocking points (items at their locations) are counted in pieces and planned in whole units; the plan's cost is within 0.04% of the best possible (the optimiser stops within 0.5%).",
    );
  });
});

describe("a plan in ISO weeks", () => {
  test("runs into the next ISO year and takes the item's lead time, holding and backlog costs per week", async () => {
    const source = new ExcelJS.Workbook();
    const weeks = [2024, 2025].flatMap((year) => Array.from({ length: 52 }, (_, k) => `${year}-W${String(k + 1).padStart(2, "0")}`));
    source.addWorksheet("Sales").addRows([["Item", ...weeks], ["A", ...weeks.map((_, t) => 100 + ((t * 37) % 41))]]);
    source.addWorksheet("Items").addRows([["Item", "Unit cost", "Price", "Lead time (months)", "Service level", "Holding rate"], ["A", 10, 20, 2, 0.95, 0.26]]);
    const book = await MemoryWorkbook.fromXlsx(new Uint8Array(await source.xlsx.writeBuffer()));
    await saveMapping(book, { ...(await proposeMapping(book)), bucket: "week" });
    await runGatherStep(book);
    await runDemandStep(book, { horizon: 6 });
    const { model, report } = await runSupplyStep(book);
    expect(model.periodLabels).toEqual(["2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06"]);
    // backlog is counted in unit-weeks, as the plan's periods are weeks
    expect((await book.read(SHEETS.strategies))[0]).toContain("Backlog (unit-weeks)");
    expect(report.summary).toMatch(/unit-weeks.*resource-weeks/);
    const [item] = model.items;
    const week = (7 * 12) / 365.25 / 12;
    expect(item.holdingCost).toBeCloseTo(10 * 0.26 * week, 9);
    expect(item.backlogCost).toBeCloseTo(20 * 0.05 * 12 * week, 9);
    // z x RMSE x sqrt(L), L = 2 months = 8.7 weeks
    const forecast = await book.read(SHEETS.forecast);
    const rmse = forecast[1][forecast[0].indexOf("RMSE")] as number;
    expect(item.safetyStock[0]).toBe(Math.round(1.6448536 * rmse * Math.sqrt(8.7)));
  }, 120_000);
});
