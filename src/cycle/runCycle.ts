import type { Workbook } from "../workbook/workbook";
import { DemandOptions, runDemandStep } from "./demandStep";
import { acceptErrors, readAcceptance, type ErrorAcceptance } from "./errorGate";
import type { BatchForecaster } from "./itemForecasts";
import { runGatherStep } from "./gatherStep";
import { PresentResult, runPresentStep } from "./presentStep";
import { ReconcileOptions, runReconcileStep } from "./reconcileStep";
import type { StepReport, StepRunOptions } from "./stepTypes";
import { runSupplyStep } from "./supplyStep";

export interface CycleOptions {
  demand?: Partial<DemandOptions>;
  reconcile?: ReconcileOptions;
  /** Approve the plan in this name; without it the plan is summarised but not approved. */
  approver?: string;
  comment?: string;
  /** Approve this scenario's plan ("Base", the default, or one step 4 compared). */
  scenario?: string;
  /** Accept the errors step 1 finds, for this reason (logged); without it, errors stop the cycle after step 1. */
  acceptErrors?: string;
}

/** How the cycle runs: progress, Cancel, the overwrite question, settings, and where step 2's forecasts run. */
export interface CycleRunOptions extends StepRunOptions {
  /** Runs step 2's forecasts (default: in the calling thread; `sop run` passes worker threads). */
  forecaster?: BatchForecaster;
}

export interface CycleResult {
  reports: { step: string; report: StepReport }[];
  present: PresentResult;
  /** The acceptance of step 1's errors the cycle ran under; null when there were none. */
  accepted: ErrorAcceptance | null;
}

/**
 * Steps 1 to 5 of the S&OP cycle, headless, on a workbook: the same step functions the task pane runs,
 * in order, each writing its sheets; step 4 takes step 3's plan as its base instead of solving it again.
 * Errors found by step 1 stop the cycle there unless `acceptErrors` gives the reason to go on.
 * This is `sop run` and `npm run demo`.
 * @throws BlockedByErrors listing every error of step 1, with its cell, when they are not accepted
 */
export async function runCycle(workbook: Workbook, options: CycleOptions = {}, run: CycleRunOptions = {}): Promise<CycleResult> {
  const reports: CycleResult["reports"] = [];
  const { forecaster, ...stepRun } = run;
  const stage = (step: string, share: [number, number]): StepRunOptions => ({
    ...stepRun,
    onProgress: (p) => run.onProgress?.({ fraction: share[0] + (share[1] - share[0]) * (p.fraction ?? 0), message: `${step}: ${p.message}` }),
  });
  const gather = await runGatherStep(workbook, stage("Gather", [0, 0.1]));
  reports.push({ step: "1 Gather & check data", report: gather.report });
  const accepted = (gather.report.blocking?.length ?? 0) > 0 && options.acceptErrors !== undefined ? await acceptErrors(workbook, options.acceptErrors) : await readAcceptance(workbook);
  const demand = { horizon: 18, level: 80, ...options.demand };
  reports.push({ step: "2 Demand forecast", report: (await runDemandStep(workbook, demand, stage("Demand", [0.1, 0.5]), forecaster)).report });
  const supply = await runSupplyStep(workbook, stage("Supply", [0.5, 0.7]));
  reports.push({ step: "3 Supply & capacity", report: supply.report });
  reports.push({ step: "4 Reconcile & scenarios", report: (await runReconcileStep(workbook, options.reconcile, stage("Reconcile", [0.7, 0.95]), supply)).report });
  const present = await runPresentStep(
    workbook,
    { decision: options.approver ? "approve" : "preview", approver: options.approver, comment: options.comment ?? "Approved from the command line", scenario: options.scenario },
    stage("Present", [0.95, 1]),
  );
  reports.push({ step: "5 Present & approve", report: present.report });
  return { reports, present, accepted };
}
