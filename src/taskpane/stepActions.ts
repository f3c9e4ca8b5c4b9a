/**
 * The contract between the task pane and the planning cycle: each of the six steps is an async
 * function of the workbook that reports progress, honours cancellation and returns a report the pane
 * shows (summary, messages, tables; the types of src/cycle/stepTypes.ts). The pane never calls
 * Office.js or the engine itself.
 */
import type { StepProgress, StepReport } from "../cycle/stepTypes";
import type { OverwriteConfirmation, Workbook } from "../workbook/workbook";

/** The six S&OP steps, in cycle order. */
export type StepId = "gather" | "demand" | "supply" | "reconcile" | "present" | "execute";

/** Values the planner entered in a step's option fields, by field key. */
export type StepOptions = Readonly<Record<string, string | number>>;

/**
 * The option that carries the planner's reason for accepting step 1's errors: a run given it records
 * the acceptance (logged in the workbook) before the step runs.
 */
export const ACCEPT_ERRORS_OPTION = "acceptErrorsReason";

/** Everything a step run receives. */
export interface StepRunContext {
  workbook: Workbook;
  options: StepOptions;
  onProgress: (progress: StepProgress) => void;
  /** Aborted when the planner presses Cancel; a run should stop and throw soon after. */
  signal: AbortSignal;
  /** Asks the planner before the add-in writes into a sheet it did not create; true only on their yes. */
  confirmOverwrite: OverwriteConfirmation;
}

/** One step's work. Throws a PlanningError (shown in the message bar) when the data does not allow it. */
export type StepAction = (context: StepRunContext) => Promise<StepReport>;

/** The work behind each step's Run button; a step without an action shows its panel with Run disabled. */
export type StepActions = Partial<Record<StepId, StepAction>>;
