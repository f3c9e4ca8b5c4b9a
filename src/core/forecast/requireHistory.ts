import { PlanningError } from "../errors";
import type { FitOptions } from "./model";

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

/**
 * The checks of a model that fits a season length and a history: the season length is a whole number of
 * at least 1, and {@link requireHistory}; the history comes back as a Float64Array for the numeric kernels.
 * @param history - observations
 * @param options - the fit options (season length)
 * @param minimum - fewest observations the method needs
 * @param method - planner-readable method name used in the message
 * @returns the history as a Float64Array
 * @throws PlanningError when the season length is not a whole number of at least 1, or as requireHistory
 * @example checkedHistory([1, 2, 3], { seasonLength: 1 }, 2, "Automatic ETS") // Float64Array [1, 2, 3]
 */
export function checkedHistory(history: readonly number[], options: FitOptions, minimum: number, method: string): Float64Array {
  const m = options.seasonLength;
  if (!Number.isInteger(m) || m < 1) {
    throw new PlanningError(
      `The season length must be a whole number of periods of at least 1 (12 for monthly data with a yearly season); got ${m}.`,
    );
  }
  requireHistory(history, minimum, method);
  return Float64Array.from(history);
}

/**
 * Check a forecast horizon before a fitted model forecasts.
 * @param horizon - periods ahead
 * @throws PlanningError when the horizon is not a whole number of at least 1
 * @example requireHorizon(12) // passes
 */
export function requireHorizon(horizon: number): void {
  if (!Number.isInteger(horizon) || horizon < 1) {
    throw new PlanningError(`The forecast horizon must be a whole number of periods of at least 1; got ${horizon}.`);
  }
}
