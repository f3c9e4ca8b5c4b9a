import { PlanningError } from "../errors";
import { arimaForecaster } from "./arima";
import { crostonMethodForecaster, sbaForecaster, tsbForecaster } from "./croston";
import { driftForecaster } from "./drift";
import { etsForecaster, etsModelForecaster } from "./ets";
import type { Forecaster } from "./model";
import { movingAverageForecaster } from "./movingAverage";
import { naiveForecaster } from "./naive";
import { seasonalNaiveForecaster } from "./seasonalNaive";
import { sesForecaster } from "./ses";
import { adidaForecaster, imapaForecaster } from "./temporalAggregation";
import { thetaForecaster } from "./theta";

/** Every named forecasting method, by the id planners type (=SOP.FORECAST method argument, `sop forecast --method`). */
export const FORECASTERS: Readonly<Record<string, Forecaster>> = Object.fromEntries(
  [
    naiveForecaster,
    seasonalNaiveForecaster,
    driftForecaster,
    movingAverageForecaster,
    sesForecaster,
    etsForecaster,
    etsModelForecaster({ error: "A", trend: "A", season: "A" }),
    etsModelForecaster({ error: "A", trend: "Ad", season: "N" }),
    thetaForecaster,
    arimaForecaster,
    crostonMethodForecaster,
    sbaForecaster,
    tsbForecaster,
    adidaForecaster,
    imapaForecaster,
  ].map((f) => [f.id, f]),
);

/**
 * Look up a forecasting method by id (case-insensitive).
 * @param id - method id, e.g. "theta", "snaive", "croston"
 * @returns the forecaster
 * @throws PlanningError listing the known ids when the id is unknown
 * @example forecasterById("theta").id // "theta"
 */
export function forecasterById(id: string): Forecaster {
  const forecaster = FORECASTERS[id.trim().toLowerCase()];
  if (!forecaster) {
    throw new PlanningError(`Unknown forecast method "${id}". Use auto or one of: ${Object.keys(FORECASTERS).join(", ")}.`);
  }
  return forecaster;
}
