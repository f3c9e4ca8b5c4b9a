/**
 * The six steps of the monthly S&OP cycle as the task pane presents them: number, title, what the
 * planner does there and the options the step asks for before it runs.
 */
import type { StepId } from "./stepActions";

/** An option the planner sets before running a step. */
export interface StepField {
  key: string;
  label: string;
  /** "scenario": one of the scenarios step 4 compared, read from the workbook. */
  kind: "number" | "text" | "choice" | "scenario";
  defaultValue: string | number;
  /** The values a choice field offers, with their labels. */
  choices?: { value: string; label: string }[];
  /** Shown under the field. */
  hint?: string;
  min?: number;
  max?: number;
}

export interface StepDefinition {
  id: StepId;
  number: number;
  title: string;
  /** What the planner does at this step, one sentence. */
  purpose: string;
  /** Label of the Run button. */
  runLabel: string;
  fields: StepField[];
}

export const STEPS: readonly StepDefinition[] = [
  {
    id: "gather",
    number: 1,
    title: "Gather & check data",
    purpose: "Find your sales history, items and capacities in this workbook, check them and prepare the planning sheets.",
    runLabel: "Check the workbook",
    fields: [],
  },
  {
    id: "demand",
    number: 2,
    title: "Demand forecast",
    purpose: "Forecast every item automatically (smoothing, Theta and ARIMA models combined; for intermittent items, Croston, SBA, TSB, ADIDA, IMAPA, ETS and Theta weighted by their recent errors), with prediction intervals.",
    runLabel: "Forecast demand",
    fields: [
      { key: "horizon", label: "Months to forecast", kind: "number", defaultValue: 18, min: 1, max: 36 },
      { key: "level", label: "Prediction interval (%)", kind: "number", defaultValue: 80, min: 50, max: 99 },
      {
        key: "write",
        label: "Write the statistical forecast as",
        kind: "choice",
        defaultValue: "values",
        choices: [
          { value: "values", label: "Values" },
          { value: "formulas", label: "Live =SOP.FORECAST formulas" },
        ],
        hint: "Formulas recalculate when the cleaned history changes; overrides still go in SOP Overrides.",
      },
      {
        key: "levels",
        label: "Family and location totals",
        kind: "choice",
        defaultValue: "coherent",
        choices: [
          { value: "coherent", label: "Forecast them too and reconcile (MinT)" },
          { value: "items", label: "Add up the item forecasts only" },
        ],
        hint: "Reconcile (when items have families, and values are written): the total, each family and each location are forecast from their own history too and every level made to add up; the items gain from what the totals show.",
      },
    ],
  },
  {
    id: "supply",
    number: 3,
    title: "Supply & capacity",
    purpose: "Project inventory, size safety stock and plan production within the capacity of each resource.",
    runLabel: "Plan supply",
    fields: [],
  },
  {
    id: "reconcile",
    number: 4,
    title: "Reconcile & scenarios",
    purpose: "See where supply and demand disagree, in units and money, and compare what-if scenarios.",
    runLabel: "Compare scenarios",
    fields: [
      { key: "demandChange", label: "Demand change in scenario (%)", kind: "number", defaultValue: 10, min: -90, max: 300 },
      { key: "capacityChange", label: "Capacity change in scenario (%)", kind: "number", defaultValue: -10, min: -90, max: 300 },
      {
        key: "shiftHours",
        label: "Extra shift (hours per month)",
        kind: "number",
        defaultValue: 0,
        min: 0,
        max: 10000,
        hint: "Added to the most loaded resource in a third scenario; 0 leaves it out.",
      },
    ],
  },
  {
    id: "present",
    number: 5,
    title: "Present & approve",
    purpose: "Write the executive summary, choose the scenario and record the approval of the plan.",
    runLabel: "Record the decision",
    fields: [
      {
        key: "decision",
        label: "Decision",
        kind: "choice",
        defaultValue: "preview",
        choices: [
          { value: "preview", label: "Preview the summary only" },
          { value: "approve", label: "Approve the plan" },
          { value: "reject", label: "Reject the plan" },
        ],
      },
      {
        key: "approver",
        label: "Your name",
        kind: "text",
        defaultValue: "",
        hint: "Needed to approve or reject. Recorded as self-declared, unless Office sign-in gives your name.",
      },
      { key: "comment", label: "Comment", kind: "text", defaultValue: "" },
      { key: "scenario", label: "Scenario to approve", kind: "scenario", defaultValue: "Base", hint: "The plan approved is this scenario's, as step 4 compared it." },
    ],
  },
  {
    id: "execute",
    number: 6,
    title: "Execute & monitor",
    purpose: "Compare the approved plan with actuals: accuracy, bias and the exceptions that need attention.",
    runLabel: "Check plan vs actual",
    fields: [],
  },
];
