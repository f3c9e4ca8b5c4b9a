/**
 * The words the task pane shows for a failed run: a PlanningError (and so a WorkbookError) speaks to
 * the planner already; a cancellation says so; anything else is an unexpected fault, shown without a stack.
 */
import { PlanningError } from "../core/errors";

/**
 * The planner-facing message for anything a step run threw.
 * @param error what was thrown
 * @param cancelled true when the planner pressed Cancel (the abort error is then expected)
 * @example plannerMessage(new PlanningError("History has 3 months; a forecast needs 6."), false)
 */
export function plannerMessage(error: unknown, cancelled: boolean): string {
  if (cancelled) return "Cancelled before the step finished. Run it again when you are ready.";
  if (error instanceof PlanningError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Unexpected problem in the S&OP add-in: ${detail}. Try again; if it happens again, report it with what you were doing.`;
}
