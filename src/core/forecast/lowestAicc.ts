import { PlanningError } from "../errors";
import type { FittedModel, Forecaster } from "./model";

/**
 * A forecaster that fits several candidate methods and keeps the one with the lowest AICc
 * (Hurvich & Tsai 1989; the selection rule of R forecast::ets). Candidates that cannot fit the history
 * (too short, or a multiplicative form on data with zeros) are skipped.
 * @param id - id of the selecting forecaster
 * @param candidates - methods whose fit statistics carry a comparable likelihood (e.g. ETS forms)
 * @returns the forecaster; its minimum length is the smallest of the candidates'
 * @example lowestAiccForecaster("ets-small", [annForecaster, aanForecaster]).fit(y, { seasonLength: 1 }).name
 */
export function lowestAiccForecaster(id: string, candidates: readonly Forecaster[]): Forecaster {
  return {
    id,
    minLength: (seasonLength) => Math.min(...candidates.map((c) => c.minLength(seasonLength))),
    fit(history, options) {
      let best: FittedModel | undefined;
      let firstError: PlanningError | undefined;
      for (const candidate of candidates) {
        try {
          const model = candidate.fit(history, options);
          if (!best || model.statistics.aicc < best.statistics.aicc) best = model;
        } catch (error) {
          if (!(error instanceof PlanningError)) throw error;
          firstError ??= error;
        }
      }
      if (!best) throw firstError ?? new PlanningError(`No candidate method could be fitted to this history.`);
      return best;
    },
  };
}
