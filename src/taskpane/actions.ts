/**
 * The work behind each step's Run button: the six steps of src/cycle, adapted to the pane's run
 * context (options typed from the step's fields, progress, cancel, the overwrite question). Shared by
 * the add-in (index.tsx) and the browser preview.
 */
import { loadHighs } from "../core/optimize/highsSolve";
import { runDemandStep } from "../cycle/demandStep";
import { runGatherStep } from "../cycle/gatherStep";
import { runMonitorStep } from "../cycle/monitorStep";
import { runPresentStep, type PresentOptions } from "../cycle/presentStep";
import { runReconcileStep } from "../cycle/reconcileStep";
import type { StepRunOptions } from "../cycle/stepTypes";
import { runSupplyStep } from "../cycle/supplyStep";
import type { StepActions, StepOptions, StepRunContext } from "./stepActions";

const DECISIONS: readonly PresentOptions["decision"][] = ["approve", "reject", "preview"];

export const stepActions: StepActions = {
  gather: async (context) => (await runGatherStep(context.workbook, runOptions(context))).report,
  demand: async (context) =>
    (
      await runDemandStep(
        context.workbook,
        { horizon: numberOption(context.options, "horizon"), level: numberOption(context.options, "level") },
        runOptions(context),
      )
    ).report,
  supply: async (context) => {
    await loadSolver();
    return (await runSupplyStep(context.workbook, runOptions(context))).report;
  },
  reconcile: async (context) => {
    await loadSolver();
    const { options } = context;
    const scenarios = {
      demandChange: numberOption(options, "demandChange"),
      capacityChange: numberOption(options, "capacityChange"),
      shiftHours: numberOption(options, "shiftHours"),
    };
    return (await runReconcileStep(context.workbook, scenarios, runOptions(context))).report;
  },
  present: async (context) => {
    const { options } = context;
    const decision = DECISIONS.find((choice) => choice === options.decision) ?? "preview";
    const present = { decision, approver: String(options.approver ?? ""), comment: String(options.comment ?? ""), scenario: String(options.scenario ?? "Base") };
    return (await runPresentStep(context.workbook, present, runOptions(context))).report;
  },
  execute: async (context) => (await runMonitorStep(context.workbook, runOptions(context))).report,
};

function runOptions(context: StepRunContext): StepRunOptions {
  return { onProgress: context.onProgress, signal: context.signal, overwrite: context.confirmOverwrite };
}

function numberOption(options: StepOptions, key: string): number {
  return Number(options[key]);
}

/**
 * Load HiGHS from highs.wasm next to the page (dist/), before a step solves: the first load decides
 * where the runtime comes from, and the steps' own `loadHighs()` calls then share it.
 */
function loadSolver(): Promise<unknown> {
  return loadHighs({ locateFile: (file: string) => new URL(file, document.baseURI).href });
}
