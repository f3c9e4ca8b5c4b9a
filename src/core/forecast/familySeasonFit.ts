import { automaticFit } from "./auto";
import type { AutomaticFit } from "./auto";
import type { FamilySeason } from "./familySeason";
import { fitStatisticsWithoutLikelihood } from "./fitStatistics";
import { classifyDemand } from "./intermittency";
import { reseasonalizedModel, seasonalAdjustmentBy } from "./seasonalAdjustment";
import { seasonalityTest } from "./seasonality";

/**
 * Automatic forecasting of one item with the season of its family ({@link familySeason}), for an item
 * whose own history is too short or noisy to show the season: divide the history by the family's
 * indices, forecast the result with automatic mode without a season (season length 1), and multiply
 * forecasts, interval bounds and fitted values back by the indices (Chen & Boylan 2007). Its intervals
 * are calibrated as the family's data (calibration.ts class of season length 12 for months), not as
 * annual data: the adjusted history is still monthly. Measured on the generated sample workbooks
 * (`npm run bench:family-season`), the 80% intervals of the 81 items that take their family's season
 * covered 91% of the held-out months with the annual class, 77% with the monthly one.
 *
 * Only items that need it borrow the season: an intermittent item (ADI >= 1.32) keeps Croston (SBA),
 * and an item whose own history passes the 90% seasonality test keeps its own season; for those the
 * function returns undefined and the item goes through {@link automaticFit} as any other.
 * @param history - cleansed observations over the same periods the family season was measured on
 *   (its first period is position 0 of the indices)
 * @param season - the family's season
 * @returns the fit, its model named "Family season (m=12): ..." (first, so a narrow column shows it),
 *   with fit statistics of its fitted values on the item's own scale (no likelihood: the indices were
 *   not estimated on this item); undefined when the item keeps the ordinary automatic path
 * @throws PlanningError as automaticFit (fewer than 2 periods)
 * @example familySeasonFit(noisyChairHistory, chairsSeason)?.model.forecast(12, [80]).mean
 */
export function familySeasonFit(history: readonly number[], season: FamilySeason): AutomaticFit | undefined {
  if (classifyDemand(history).intermittent || seasonalityTest(history, season.seasonLength).seasonal) return undefined;
  const adjustment = seasonalAdjustmentBy(history, season.indices, "multiplicative");
  const auto = automaticFit(adjustment.adjusted, 1, undefined, season.seasonLength);
  const model = reseasonalizedModel(auto.model, adjustment, `Family season (m=${season.seasonLength}): ${auto.model.name}`);
  return {
    model: { ...model, statistics: fitStatisticsWithoutLikelihood(history, model.fitted, auto.model.statistics.parameters) },
    method: `family season: ${auto.method}`,
    intermittent: false,
    notes: [`season of the family applied (m=${season.seasonLength}): the item's own history does not show it clearly`, ...auto.notes],
  };
}
