import { combineModels } from "./combination";
import { classifyDemand } from "./intermittency";
import type { FittedModel, Forecaster } from "./model";
import { PlanningError } from "../errors";
import { forecasterById } from "./registry";

/** What automatic mode chose for one series. */
export interface AutomaticFit {
  model: FittedModel;
  /** Method id(s) behind the model, e.g. "auto: ets+theta" or "sba". */
  method: string;
  intermittent: boolean;
  notes: string[];
}

/** The members of the automatic combination, in order of preference. */
export const AUTO_MEMBERS: readonly string[] = ["theta", "ses"];
/** Simpler methods tried, in order, when no member has enough history. */
const FALLBACKS: readonly string[] = ["theta", "drift", "naive"];

/** Fit a method, or undefined when the history is too short for it or unusable by it. */
function tryFit(forecaster: Forecaster, history: readonly number[], seasonLength: number): FittedModel | undefined {
  if (history.length < forecaster.minLength(seasonLength)) return undefined;
  try {
    return forecaster.fit(history, { seasonLength });
  } catch (error) {
    if (error instanceof PlanningError) return undefined;
    throw error;
  }
}

/**
 * Automatic forecasting: choose or combine methods for one series.
 *
 * 1. Intermittent demand (non-negative, ADI >= 1.32 by Syntetos-Boylan-Croston) goes to SBA.
 * 2. Otherwise the forecast is the equal-weight combination of {@link AUTO_MEMBERS} that have enough
 *    history (combining ETS and Theta-type forecasts is the robust choice of the M3/M4 literature:
 *    Makridakis et al. 2020, Petropoulos & Svetunkov 2020).
 * 3. With too little history for any member, simpler methods are tried in turn and the notes say so.
 * @param history - cleansed observations
 * @param seasonLength - season length m (1 = none)
 * @returns the fitted model, the method used and planner notes
 * @throws PlanningError when even the naive method cannot fit (fewer than 2 periods)
 * @example automaticFit([10, 12, 11, 13, 12, 14], 1).method // "auto: theta+ses"
 */
export function automaticFit(history: readonly number[], seasonLength: number): AutomaticFit {
  const notes: string[] = [];
  const demand = classifyDemand(history);
  if (demand.intermittent && demand.demands >= 2 && history.every((v) => v >= 0)) {
    const model = tryFit(forecasterById("sba"), history, seasonLength);
    if (model) {
      notes.push(`intermittent demand (ADI ${demand.adi.toFixed(2)}, CV² ${demand.cv2.toFixed(2)}, ${demand.demandClass}): Croston (SBA)`);
      return { model, method: "sba", intermittent: true, notes };
    }
  }
  const fitted: { id: string; model: FittedModel }[] = [];
  for (const id of AUTO_MEMBERS) {
    const forecaster = forecasterById(id);
    const model = tryFit(forecaster, history, seasonLength);
    if (model) fitted.push({ id, model });
    else notes.push(`left ${id} out of the combination: needs at least ${forecaster.minLength(seasonLength)} periods`);
  }
  if (fitted.length > 0) {
    return {
      model: combineModels(history, fitted.map((f) => f.model)),
      method: `auto: ${fitted.map((f) => f.id).join("+")}`,
      intermittent: demand.intermittent,
      notes,
    };
  }
  for (const id of FALLBACKS) {
    const forecaster = forecasterById(id);
    const model = tryFit(forecaster, history, seasonLength);
    if (model) {
      notes.push(`fell back to ${model.name}: too few points (${history.length}) for the automatic combination`);
      return { model, method: id, intermittent: demand.intermittent, notes };
    }
  }
  throw new PlanningError(`Automatic forecasting needs at least 2 periods of history, but the series has ${history.length}.`);
}

/** Automatic mode as a Forecaster (id "auto"), so it runs through the same contract as every method. */
export const autoForecaster: Forecaster = {
  id: "auto",
  minLength: () => 2,
  fit: (history, options) => automaticFit(history, options.seasonLength).model,
};
