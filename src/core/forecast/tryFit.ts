import { PlanningError } from "../errors";
import type { FittedModel, Forecaster } from "./model";

/**
 * Fit a method where it can: undefined when the history is shorter than the method needs or the method
 * refuses it (a PlanningError), so automatic mode can go on with the methods that fit.
 * @param forecaster the method
 * @param history the observations, oldest first
 * @param seasonLength periods in a season (1 = none)
 * @returns the fitted model, or undefined
 * @throws anything that is not a PlanningError (a defect, not a property of the data)
 * @example tryFit(forecasterById("croston"), [0, 0, 0, 0], 1) // undefined: no demand to smooth
 */
export function tryFit(forecaster: Forecaster, history: readonly number[], seasonLength: number): FittedModel | undefined {
  if (history.length < forecaster.minLength(seasonLength)) return undefined;
  try {
    return forecaster.fit(history, { seasonLength });
  } catch (error) {
    if (error instanceof PlanningError) return undefined;
    throw error;
  }
}
