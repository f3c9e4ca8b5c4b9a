import { approvePlan, carryApprovals, rejectPlan, type PlanForApproval } from "../../src/cycle/approval";
import { cycleHistoryBlocks, cycleHistoryView } from "../../src/cycle/cycleHistory";
import { readCycleRecords } from "../../src/cycle/cycleRecords";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { runNextCycle } from "../../src/cycle/nextCycle";
import { runCycle } from "../../src/cycle/runCycle";
import { recordComparedScenarios } from "../../src/cycle/scenarioPlan";
import { SHEETS } from "../../src/cycle/sheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { actualsFor, smallSampleBook, yes } from "./rollingFixture";
import { unreadableNumbers } from "./sheetDisplay";

const OVERRIDES_HEADER = ["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"];

function planOf(cycle: string): PlanForApproval {
  return { cycle, scenario: "Base", header: ["Item", "Family", "Measure", cycle], rows: [["A-100", "F", "Production", 10]], numberFormats: [], totals: {} };
}

/** A book with a statistical forecast and three overrides: sales with a reason, sales without, marketing with. */
async function bookWithOverrides(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.empty();
  await book.writeBlocks([
    { sheet: SHEETS.forecast, topLeft: "A1", values: [["Item", "Measure", "2026-01"], ["A-100", "Forecast", 10]] },
    {
      sheet: SHEETS.overrides,
      topLeft: "A1",
      values: [OVERRIDES_HEADER, ["Sales", "A-100", "2026-01", 12, null, null, "Trade show"], ["sales", "A-100", "2026-02", 13, null, null, null], ["Marketing", "A-100", "2026-01", null, 2, null, "Promotion"]],
    },
  ]);
  return book;
}

describe("S&OP maturity, from the records of the cycles", () => {
  test("each approval and rejection records its cycle; four cycles with a third of overrides unexplained score stage 2", async () => {
    const book = await bookWithOverrides();
    await approvePlan(book, planOf("2026-01"), "Dana", "", new Date("2026-01-05T10:00:00Z"));
    await approvePlan(book, planOf("2026-02"), "Dana", "", new Date("2026-03-02T10:00:00Z")); // after February: late
    await recordComparedScenarios(book, [{ name: "Demand +10%", changes: [{ kind: "demand", percent: 10 }] }]);
    await rejectPlan(book, planOf("2026-03"), "Dana", "too much overtime", new Date("2026-03-10T10:00:00Z"));
    await approvePlan(book, planOf("2026-03"), "Dana", "", new Date("2026-03-31T23:00:00Z")); // last hour of March: on time
    await rejectPlan(book, planOf("2026-04"), "Dana", "not agreed", new Date("2026-04-10T10:00:00Z"));

    const records = await readCycleRecords(book);
    const overrides = [
      { role: "marketing", count: 1, withReason: 1 },
      { role: "sales", count: 2, withReason: 1 },
    ];
    expect(records).toEqual([
      { cycle: "2026-01", onTime: true, statisticalForecast: true, overrides, scenarios: 0, approved: true, planAdherence: null },
      { cycle: "2026-02", onTime: false, statisticalForecast: true, overrides, scenarios: 0, approved: true, planAdherence: null },
      { cycle: "2026-03", onTime: true, statisticalForecast: true, overrides, scenarios: 1, approved: true, planAdherence: null },
      { cycle: "2026-04", onTime: false, statisticalForecast: true, overrides, scenarios: 1, approved: false, planAdherence: null },
    ]);

    // 4 cycles, 3 approved: stage 2. Statistical 4 of 4, roles marketing and sales, but reasons on 2 of 3
    // overrides a cycle, 8 of 12 (67%) < 80%: stage 3 is not reached, and that is what lifts it.
    const view = cycleHistoryView([], [], records);
    expect(view.maturity).toMatchObject({ stage: 2, name: "Basic coordination" });
    const blocks = cycleHistoryBlocks(view);
    const title = blocks.findIndex((block) => block.rows[0][0] === "S&OP maturity: stage 2 of 5, Basic coordination (4 cycles recorded)");
    const table = blocks[title + 1].rows;
    expect(table[0]).toEqual(["Stage", "Criterion", "Met", "Evidence", "What would meet it"]);
    const row = (criterion: string) => table.find((cells) => cells[1] === criterion);
    expect(row("A plan approved in most cycles")).toEqual([2, "A plan approved in most cycles", "Yes", "Plan approved in 3 of 4 (75%) cycles.", ""]);
    expect(row("Several roles contribute")?.slice(2, 4)).toEqual(["Yes", "Overrides from 2 roles (marketing, sales)."]);
    expect(row("Overrides carry reasons")?.slice(2, 4)).toEqual(["No", "Reasons on 8 of 12 (67%) overrides."]);
    expect(row("Scenarios used")?.slice(2, 4)).toEqual(["Yes", "Scenarios compared in 2 of 4 (50%) of the last cycles."]);
    expect(row("Cycles on time")?.[3]).toBe("Approved on time in 2 of 4 (50%) of the last cycles.");
    expect(row("Plan followed")?.[3]).toBe("No record of production made against the plan.");
    expect(blocks[title + 2].rows[0][0]).toBe("To reach stage 3");
    expect(blocks[title + 3].rows).toEqual([["What would lift the score"], ["Give a reason with every override (at least 80% of them), so that later cycles can learn which ones helped."]]);
  });

  test("a later version approved after the month keeps the cycle on time; records travel with carried approvals", async () => {
    const book = await bookWithOverrides();
    await approvePlan(book, planOf("2026-01"), "Dana", "", new Date("2026-01-05T10:00:00Z"));
    await approvePlan(book, planOf("2026-01"), "Dana", "v2", new Date("2026-02-05T10:00:00Z"));
    expect((await readCycleRecords(book)).map((r) => [r.cycle, r.onTime, r.approved])).toEqual([["2026-01", true, true]]);
    const next = MemoryWorkbook.empty();
    await carryApprovals(next, book, "old.xlsx");
    expect(await readCycleRecords(next)).toEqual(await readCycleRecords(book));
  });

  test("three cycles with reasons from sales and marketing and scenarios compared: step 6 shows stage 3 on SOP Cycle History and in the pane", async () => {
    const book = await smallSampleBook(2);
    const options = { demand: { horizon: 3 }, approver: "Dana" };
    const bothRoles = async (months: string[]): Promise<void> => {
      const rows = months.flatMap((month) =>
        ["CH-101", "CH-102"].flatMap((item) => [
          ["Sales", item, month, null, 5, null, "Customer order"],
          ["Marketing", item, month, null, null, "2%", "Campaign"],
        ]),
      );
      await book.writeBlocks([{ sheet: SHEETS.overrides, topLeft: "A1", values: [OVERRIDES_HEADER, ...rows] }], { replace: true });
    };
    await runCycle(book, { ...options, approver: undefined });
    await bothRoles(["2026-01", "2026-02", "2026-03"]);
    await runCycle(book, options);
    await runNextCycle(book, actualsFor("2026-01", { "CH-101": 110, "CH-102": 40 }), yes, { ...options, approver: undefined });
    await bothRoles(["2026-02", "2026-03", "2026-04"]);
    await runCycle(book, options);
    await runNextCycle(book, actualsFor("2026-02", { "CH-101": 90, "CH-102": 50 }), yes, { ...options, approver: undefined });
    await bothRoles(["2026-03", "2026-04", "2026-05"]);
    await runCycle(book, options);

    const result = await runMonitorStep(book);
    // 3 cycles approved; statistical forecast 3 of 3; 12 overrides a cycle from 2 roles, all with a
    // reason (36 of 36); lag-1 accuracy judged for January's and February's cycles only (2 < 6): stage 3.
    const sheet = await book.read(SHEETS.cycleHistory);
    const title = sheet.findIndex((cells) => cells[0] === "S&OP maturity: stage 3 of 5, Integrated with forecasting and collaboration (3 cycles recorded)");
    expect(title).toBeGreaterThan(0);
    const evidence = (criterion: string) => sheet.slice(title + 2).find((cells) => cells[1] === criterion)?.slice(2, 4);
    expect(evidence("Cycles run month after month")).toEqual(["Yes", "3 cycles run."]);
    expect(evidence("Statistical forecast every cycle")).toEqual(["Yes", "Statistical forecast in 3 of 3 (100%) cycles."]);
    expect(evidence("Overrides carry reasons")).toEqual(["Yes", "Reasons on 36 of 36 (100%) overrides."]);
    expect(evidence("Accuracy tracked")).toEqual(["No", "Lag-1 accuracy judged for 2 cycles."]);
    expect(evidence("Scenarios used")).toEqual(["Yes", "Scenarios compared in 3 of 3 (100%) of the last cycles."]);
    expect(sheet.some((cells) => cells[0] === "Keep entering actuals each month: 4 more judged cycles are needed.")).toBe(true);
    expect(unreadableNumbers(book, SHEETS.cycleHistory)).toEqual([]);
    expect(result.report.tables?.some((table) => table.title.startsWith("S&OP maturity: stage 3 of 5"))).toBe(true);
    expect(result.report.messages?.find((m) => m.text.startsWith("S&OP maturity"))?.text).toMatch(/^S&OP maturity: stage 3 of 5 \(Integrated with forecasting and collaboration\)\. To reach stage 4: Keep entering actuals each month: 4 more judged cycles are needed\./);
  }, 180_000);
});
