import { PlanningError } from "../errors";

/**
 * Check that a history is long enough and holds only finite numbers before a model fits it.
 * @param history - observations (missing values must already be filled)
 * @param minimum - fewest observations the method needs
 * @param method - planner-readable method name used in the message
 * @throws PlanningError naming the minimum when the history is too short, or when a value is not a finite number
 * @example requireHistory([1, 2, 3], 2, "Naive") // passes
 */
export function requireHistory(history: readonly number[], minimum: number, method: string): void {
  if (history.length < minimum) {
    throw new PlanningError(
      `${method} needs at least ${minimum} periods of history, but the series has ${history.length}. ` +
        `Give a longer history or choose a simpler method (e.g. naive).`,
    );
  }
  for (let i = 0; i < history.length; i++) {
    if (typeof history[i] !== "number" || !Number.isFinite(history[i])) {
      throw new PlanningError(`${method} cannot use period ${i + 1} of the history: it is not a number.`);
    }
  }
}
