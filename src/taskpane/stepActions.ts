/**
 * The contract between the task pane and the planning cycle: each of the six steps is an async
 * function of the workbook that reports progress, honours cancellation and returns plain data the
 * pane shows (a summary, messages, tables). The pane never calls Office.js or the engine itself.
 */
import type { Workbook } from "../workbook/workbook";

/** The six S&OP steps, in cycle order. */
export type StepId = "gather" | "demand" | "supply" | "reconcile" | "present" | "execute";

/** A table of results as the planner sees it: a title, column headers and rows of display values. */
export interface ResultTable {
  title: string;
  headers: string[];
  rows: (string | number | boolean | null)[][];
}

/** A note for the planner about the run: a check that failed, a value that was cleaned, a sheet written. */
export interface StepMessage {
  level: "info" | "warning" | "error" | "success";
  text: string;
}

/** What a step run returns for the pane to show. */
export interface StepResult {
  /** One or two sentences in planner words, e.g. "Forecast 40 items for 18 months; 3 need a review." */
  summary: string;
  messages?: StepMessage[];
  tables?: ResultTable[];
}

/** Progress of a long run: a fraction in [0, 1] (undefined when unknown) and what is being done. */
export interface StepProgress {
  fraction?: number;
  message: string;
}

/** Values the planner entered in a step's option fields, by field key. */
export type StepOptions = Readonly<Record<string, string | number>>;

/** Everything a step run receives. */
export interface StepRunContext {
  workbook: Workbook;
  options: StepOptions;
  onProgress: (progress: StepProgress) => void;
  /** Aborted when the planner presses Cancel; a run should stop and throw (any error) soon after. */
  signal: AbortSignal;
  /** Asks the planner before the add-in writes into a sheet it did not create; true only on their yes. */
  confirmOverwrite: (sheet: string) => Promise<boolean>;
}

/** One step's work. Throws a PlanningError (shown in the message bar) when the data does not allow it. */
export type StepAction = (context: StepRunContext) => Promise<StepResult>;

/** The work behind each step's Run button; a step without an action shows its panel with Run disabled. */
export type StepActions = Partial<Record<StepId, StepAction>>;
