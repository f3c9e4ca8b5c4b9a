/**
 * What every step of the cycle takes and gives back, so the task pane, `sop run` and the tests drive
 * the steps the same way: progress and cancellation in, a planner-readable report out.
 */
import type { OverwriteConfirmation } from "../workbook/workbook";
import type { PlanningSettings } from "./planningSettings";

/** Progress of a long run: a fraction in [0, 1] (undefined when unknown) and what is being done. */
export interface StepProgress {
  fraction?: number;
  message: string;
}

/** How a step is run: progress reports, a cancel signal and the overwrite question. */
export interface StepRunOptions {
  onProgress?: (progress: StepProgress) => void;
  /** Aborted when the planner presses Cancel; the step stops at the next item and writes nothing. */
  signal?: AbortSignal;
  /** Asks the planner before a write into a sheet the add-in did not create. */
  overwrite?: OverwriteConfirmation;
  /** Planning settings that replace the workbook's Planning Settings for this run (`sop run --frozen-months`). */
  settings?: PlanningSettings;
}

/** A table of results as the planner sees it. */
export interface ResultTable {
  title: string;
  headers: string[];
  rows: (string | number | boolean | null)[][];
  /**
   * Excel number formats (e.g. "0.0%"): one per column (applied to every row), or one per cell, row by
   * row as `rows`; without one a number shows at most 2 decimals.
   */
  numberFormats?: string[] | string[][];
}

/** A note for the planner: a check that failed, a value that was cleaned, a sheet written. */
export interface StepMessage {
  level: "info" | "warning" | "error" | "success";
  text: string;
  /** Sheet-qualified address the note is about, for a "select the cell" link. */
  address?: string;
}

/**
 * A chart with one data block per choice (e.g. one per item) for the planner to pick from. Each block
 * has the period in its first column and one series per further column, with names in the first row.
 */
export interface ResultChart {
  title: string;
  /** What the choices are, e.g. "Item". */
  choiceLabel: string;
  choices: { label: string; block: (string | number | null)[][] }[];
}

/** What a step returns for people to read. */
export interface StepReport {
  summary: string;
  /**
   * Errors, each with its cell, that block the later steps until fixed or accepted with a reason
   * (step 1's open errors); absent when nothing blocks.
   */
  blocking?: { address: string | null; message: string }[];
  messages?: StepMessage[];
  tables?: ResultTable[];
  charts?: ResultChart[];
}
