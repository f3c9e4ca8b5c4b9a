import { combineModels } from "./combination";
import type { CombinationRule } from "./combination";
import { classifyDemand } from "./intermittency";
import type { FittedModel, Forecaster } from "./model";
import { PlanningError } from "../errors";
import { etsModelForecaster } from "./ets";
import { lowestAiccForecaster } from "./lowestAicc";
import { FORECASTERS, forecasterById } from "./registry";
import { seasonallyAdjustedForecaster } from "./seasonalAdjustment";

/** What automatic mode chose for one series. */
export interface AutomaticFit {
  model: FittedModel;
  /** Method id(s) behind the model, e.g. "auto: ets+theta" or "sba". */
  method: string;
  intermittent: boolean;
  notes: string[];
}

/**
 * Candidate members of the automatic combination, by id: the registry's methods plus non-seasonal
 * methods wrapped by {@link seasonallyAdjustedForecaster} ("sa-..."). The bench's design studies pick
 * from these.
 */
export const AUTO_CANDIDATES: Readonly<Record<string, Forecaster>> = {
  ...FORECASTERS,
  "sa-ets": seasonallyAdjustedForecaster(forecasterById("ets"), "sa-ets"),
  "sa-ets-additive": seasonallyAdjustedForecaster(
    lowestAiccForecaster(
      "ets-additive",
      (["N", "A", "Ad"] as const).map((trend) => etsModelForecaster({ error: "A", trend, season: "N" })),
    ),
    "sa-ets-additive",
  ),
  "sa-ets-aadn": seasonallyAdjustedForecaster(forecasterById("ets-aadn"), "sa-ets-aadn"),
  "sa-ses": seasonallyAdjustedForecaster(forecasterById("ses"), "sa-ses"),
  "sa-drift": seasonallyAdjustedForecaster(forecasterById("drift"), "sa-drift"),
};

/**
 * The members of the automatic combination: automatic ETS (seasonal forms included, AICc choice),
 * Theta, and, on seasonally adjusted data, damped-trend ETS(A,Ad,N), random walk with drift and
 * simple exponential smoothing.
 *
 * Chosen, with {@link AUTO_RULE}, by rolling-origin validation on the training parts of the M3 series
 * only (each series' last h training points held out: `npm run bench:forecast -- --validation
 * --members ... --combine ...`), never on the test parts. Designs tried: Theta; automatic ETS; means of
 * ETS/Theta/damped/SES/drift; medians of 3, 4 and 5 members. This one had the lowest validation sMAPE
 * and MASE relative to Theta (13.41 and 1.532, against Theta's 13.55 and 1.561 and automatic ETS's 14.50
 * and 1.642) and stayed within 1% of the better of Theta and ETS on every subset. The runner-up
 * ("sa-ets-additive" in place of "ets": additive ETS forms on seasonally adjusted data; 13.42 and 1.534)
 * is about 6 times faster and can be chosen with --members for speed.
 */
export const AUTO_MEMBERS: readonly string[] = ["ets", "theta", "sa-ets-aadn", "sa-drift", "sa-ses"];
/** Planner-readable names of the candidates, for notes. */
const CANDIDATE_LABELS: Readonly<Record<string, string>> = {
  ets: "automatic ETS",
  theta: "Theta",
  "sa-ets": "automatic ETS on seasonally adjusted data",
  "sa-ets-additive": "additive ETS on seasonally adjusted data",
  "sa-ets-aadn": "damped trend ETS(A,Ad,N)",
  "sa-drift": "random walk with drift",
  "sa-ses": "simple exponential smoothing",
};

/** How the members are combined: the median, robust to one member going astray. */
export const AUTO_RULE: CombinationRule = "median";
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
 * 2. Otherwise the forecast is the median combination of those {@link AUTO_MEMBERS} that have enough
 *    history (combining ETS and Theta-type forecasts is the robust choice of the M3/M4 literature:
 *    Makridakis et al. 2020, Petropoulos & Svetunkov 2020; medians: Jose & Winkler 2008).
 * 3. With too little history for any member, simpler methods are tried in turn and the notes say so.
 * @param history - cleansed observations
 * @param seasonLength - season length m (1 = none)
 * @param members - ids of {@link AUTO_CANDIDATES} to combine (default {@link AUTO_MEMBERS})
 * @param rule - mean or median combination (default {@link AUTO_RULE})
 * @returns the fitted model, the method used and planner notes
 * @throws PlanningError when even the naive method cannot fit (fewer than 2 periods)
 * @example automaticFit([10, 12, 11, 13, 12, 14, 13, 15, 14, 16], 1).method // "auto: ets+theta+sa-ets-aadn+sa-drift+sa-ses"
 */
export function automaticFit(
  history: readonly number[],
  seasonLength: number,
  members: readonly string[] = AUTO_MEMBERS,
  rule: CombinationRule = AUTO_RULE,
): AutomaticFit {
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
  for (const id of members) {
    const forecaster = AUTO_CANDIDATES[id];
    const model = tryFit(forecaster, history, seasonLength);
    const label = CANDIDATE_LABELS[id] ?? id;
    if (model) fitted.push({ id, model });
    else if (history.length < forecaster.minLength(seasonLength)) {
      notes.push(`left ${label} out of the combination: needs at least ${forecaster.minLength(seasonLength)} periods`);
    } else notes.push(`left ${label} out of the combination: it could not be fitted to this history`);
  }
  if (fitted.length > 0) {
    return {
      model: combineModels(history, fitted.map((f) => f.model), rule),
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
