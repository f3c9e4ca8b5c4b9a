import { PlanningError } from "../core/errors";

/**
 * Stop a step when the planner pressed Cancel. Steps call it between items, before they write, so a
 * cancelled step leaves the workbook as it was.
 * @throws PlanningError "cancelled" when the signal is aborted
 */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PlanningError("Cancelled: nothing was written to the workbook.");
}

/** Let the UI thread breathe (repaint the progress bar, see the Cancel click) during a long loop. */
export function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
