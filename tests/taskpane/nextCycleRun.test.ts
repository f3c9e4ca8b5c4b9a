import { readAuditLog } from "../../src/cycle/approval";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runPresentStep, type PresentOptions } from "../../src/cycle/presentStep";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import type { StepProgress } from "../../src/cycle/stepTypes";
import { runSupplyStep } from "../../src/cycle/supplyStep";
import { defaultOptions, startNextCycleRun } from "../../src/taskpane/nextCycleRun";
import type { StepActions, StepRunContext } from "../../src/taskpane/stepActions";
import { smallSampleBook } from "../cycle/rollingFixture";

/** The pane's step actions, run in the test's thread (the add-in runs forecasts and solves in workers). */
const run = (context: StepRunContext) => ({ onProgress: context.onProgress, signal: context.signal, overwrite: context.confirmOverwrite });
const actions: StepActions = {
  gather: async (context) => (await runGatherStep(context.workbook, run(context))).report,
  demand: async (context) => (await runDemandStep(context.workbook, { horizon: 6, level: Number(context.options.level) }, run(context))).report,
  supply: async (context) => (await runSupplyStep(context.workbook, run(context))).report,
  reconcile: async (context) => (await runReconcileStep(context.workbook, { demandChange: 0, capacityChange: 0 }, run(context))).report,
  present: async (context) => (await runPresentStep(context.workbook, { decision: context.options.decision as PresentOptions["decision"] }, run(context))).report,
};

describe("the pane's Start next cycle", () => {
  test("after the actuals are typed into the history, runs steps 1 to 4 and previews the next cycle's plan for approval in step 5", async () => {
    const book = await smallSampleBook(2);
    await runCycle(book, { demand: { horizon: 6 }, approver: "Dana", reconcile: { demandChange: 0, capacityChange: 0 } });
    const progress: StepProgress[] = [];
    const context = { workbook: book, signal: new AbortController().signal, confirmOverwrite: async () => false, onProgress: (p: StepProgress) => progress.push(p) };
    await expect(startNextCycleRun(context, actions)).rejects.toThrow("Type the actuals of 2026-01 into your history (a new month after 2025-12), save, then start the next cycle.");

    book.setCell("Sales History", "AL1", "2026-01");
    book.setCell("Sales History", "AL2", 300);
    book.setCell("Sales History", "AL3", 210);
    const done = await startNextCycleRun(context, actions);
    expect(done.start).toEqual({ approved: "2026-01", cycle: "2026-02", retiredOverrides: 0 });
    expect(done.steps.map((step) => step.title)).toEqual(["Gather & check data", "Demand forecast", "Supply & capacity", "Reconcile & scenarios", "Present & approve"]);
    expect(done.steps[4].report.summary).toMatch(/^Plan 2026-02: /);
    expect((await book.read(SHEETS.supplyPlan))[0][3]).toBe("2026-02");
    expect((await readAuditLog(book)).map((entry) => entry.sheet)).toEqual(["Plan 2026-01 v1"]); // approval stays the planner's decision
    expect(progress.map((p) => p.fraction ?? 0).every((fraction, k, all) => fraction >= 0 && fraction <= 1 && (k === 0 || fraction >= all[k - 1] - 1e-9))).toBe(true);
    expect(defaultOptions("present")).toEqual({ decision: "preview", approver: "", comment: "", scenario: "Base" });
  }, 60_000);
});
