/**
 * The work behind each step's Run button: the six steps of src/cycle, adapted to the pane's run
 * context (options typed from the step's fields, progress, cancel, the overwrite question). Shared by
 * the add-in (index.tsx) and the browser preview.
 */
import { useLpSolver } from "../core/optimize/lpSolver";
import { runDemandStep } from "../cycle/demandStep";
import { acceptErrors } from "../cycle/errorGate";
import { runGatherStep } from "../cycle/gatherStep";
import { runMonitorStep } from "../cycle/monitorStep";
import { runPresentStep, type PresentOptions } from "../cycle/presentStep";
import { runReconcileStep, type PlannedSupply } from "../cycle/reconcileStep";
import type { StepRunOptions } from "../cycle/stepTypes";
import { runSupplyStep } from "../cycle/supplyStep";
import type { BatchForecaster } from "../cycle/itemForecasts";
import { ACCEPT_ERRORS_OPTION, type StepActions, type StepOptions, type StepRunContext } from "./stepActions";
import { signedInName } from "./officeHost";
import { workerForecaster } from "./workerForecaster";
import { workerSolver } from "./workerSolver";

const DECISIONS: readonly PresentOptions["decision"][] = ["approve", "reject", "preview"];

/**
 * Step 3's last plan in this pane, for step 4: it becomes step 4's base only when step 4 reads exactly
 * the model it planned from the workbook (runReconcileStep checks), so edits since step 3 are re-planned.
 */
let lastSupply: PlannedSupply | undefined;

const actions: StepActions = {
  gather: async (context) => (await runGatherStep(context.workbook, runOptions(context))).report,
  demand: async (context) =>
    (
      await runDemandStep(
        context.workbook,
        {
          horizon: numberOption(context.options, "horizon"),
          level: numberOption(context.options, "level"),
          liveFormulas: context.options.write === "formulas",
          ...(context.options.levels === "items" ? { coherent: false } : {}),
        },
        runOptions(context),
        forecaster(),
      )
    ).report,
  supply: async (context) => {
    installSolver();
    const { model, plan, report } = await runSupplyStep(context.workbook, runOptions(context));
    lastSupply = { model, plan };
    return report;
  },
  reconcile: async (context) => {
    installSolver();
    const { options } = context;
    const scenarios = {
      demandChange: numberOption(options, "demandChange"),
      capacityChange: numberOption(options, "capacityChange"),
      shiftHours: numberOption(options, "shiftHours"),
    };
    return (await runReconcileStep(context.workbook, scenarios, runOptions(context), lastSupply)).report;
  },
  present: async (context) => {
    installSolver();
    const { options } = context;
    const decision = DECISIONS.find((choice) => choice === options.decision) ?? "preview";
    const signedIn = decision === "preview" ? undefined : await signedInName();
    const present: PresentOptions = {
      decision,
      approver: signedIn ?? String(options.approver ?? ""),
      identity: signedIn === undefined ? "self-declared" : "signed-in",
      comment: String(options.comment ?? ""),
      scenario: String(options.scenario ?? "Base"),
    };
    return (await runPresentStep(context.workbook, present, runOptions(context))).report;
  },
  execute: async (context) => (await runMonitorStep(context.workbook, runOptions(context))).report,
};

/** Every step's action, recording the acceptance of step 1's errors first when the run carries a reason for it. */
export const stepActions: StepActions = Object.fromEntries(
  Object.entries(actions).map(([id, action]) => [
    id,
    async (context: StepRunContext) => {
      const reason = context.options[ACCEPT_ERRORS_OPTION];
      if (typeof reason === "string" && reason.trim() !== "") await acceptErrors(context.workbook, reason);
      return action(context);
    },
  ]),
);

function runOptions(context: StepRunContext): StepRunOptions {
  return { onProgress: context.onProgress, signal: context.signal, overwrite: context.confirmOverwrite };
}

function numberOption(options: StepOptions, key: string): number {
  return Number(options[key]);
}

let solverInstalled = false;

/**
 * Run HiGHS in a Web Worker from the first step that plans on, so solves never freeze the pane; the
 * worker loads highs.wasm from beside the page (dist/).
 */
function installSolver(): void {
  if (solverInstalled) return;
  const worker = workerSolver(new Worker(new URL("./solverWorker.ts", import.meta.url)));
  useLpSolver(worker.solve, worker.openSession);
  solverInstalled = true;
}

let workerForecasts: BatchForecaster | undefined;

/**
 * Step 2's forecasts in a Web Worker, started on the first forecast, so forecasting many items never
 * holds the pane's (and the shared runtime's) thread.
 */
function forecaster(): BatchForecaster {
  workerForecasts ??= workerForecaster(new Worker(new URL("./forecastWorker.ts", import.meta.url), { name: "sop-forecasts" }));
  return workerForecasts;
}
