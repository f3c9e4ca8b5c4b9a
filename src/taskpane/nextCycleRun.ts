/**
 * The pane's "Start next cycle" (step 6): once the planner has typed the month's actuals into the
 * history, get the workbook ready for the next cycle (prepareNextCycle: the approved plan's first month
 * has its actuals, overrides of months now past retired) and run steps 1 to 4 and step 5's preview
 * through the pane's own step actions (forecasts and solves in their workers), with each step's default
 * options. The plan is then waiting in step 5 for approval, as `sop cycle` approves it with --approve.
 */
import { prepareNextCycle, type NextCycleStart } from "../cycle/nextCycle";
import type { StepReport } from "../cycle/stepTypes";
import type { StepActions, StepId, StepOptions, StepRunContext } from "./stepActions";
import { STEPS } from "./steps";

/** The steps the next cycle runs, in order; step 5 only previews (approval is the planner's decision there). */
const RUN: readonly StepId[] = ["gather", "demand", "supply", "reconcile", "present"];

/** What starting the next cycle did. */
export interface NextCycleRun {
  start: NextCycleStart;
  /** Each step run, with its title and report. */
  steps: { id: StepId; title: string; report: StepReport }[];
}

/** A step's options as its panel shows them before the planner changes anything (step 5: preview). */
export function defaultOptions(id: StepId): StepOptions {
  const step = STEPS.find((candidate) => candidate.id === id);
  const options: Record<string, string | number> = Object.fromEntries((step?.fields ?? []).map((field) => [field.key, field.defaultValue]));
  if (id === "present") options.decision = "preview";
  return options;
}

/**
 * Start the next cycle from the pane.
 * @param context the workbook, progress, Cancel and the overwrite question (options are each step's defaults)
 * @param actions the pane's step actions
 * @throws PlanningError as prepareNextCycle (no approved plan, actuals not typed yet) and as each step
 */
export async function startNextCycleRun(context: Omit<StepRunContext, "options">, actions: StepActions): Promise<NextCycleRun> {
  context.workbook.forget();
  const start = await prepareNextCycle(context.workbook);
  const steps: NextCycleRun["steps"] = [];
  for (const [k, id] of RUN.entries()) {
    const action = actions[id];
    const title = STEPS.find((step) => step.id === id)?.title ?? id;
    if (action === undefined) continue;
    context.workbook.forget();
    const report = await action({
      ...context,
      options: defaultOptions(id),
      onProgress: (progress) => context.onProgress({ fraction: (k + (progress.fraction ?? 0)) / RUN.length, message: `${title}: ${progress.message}` }),
    });
    steps.push({ id, title, report });
  }
  return { start, steps };
}
