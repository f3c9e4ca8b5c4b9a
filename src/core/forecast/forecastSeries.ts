import { PlanningError } from "../errors";
import { automaticFit } from "./auto";
import type { FamilySeason } from "./familySeason";
import { familySeasonFit } from "./familySeasonFit";
import { fillMissing } from "./cleanse";
import type { CleansingChange } from "./cleanse";
import { classifyDemand } from "./intermittency";
import { validateLevels } from "./intervals";
import type { FitStatistics, FittedModel, Forecast, PredictionInterval } from "./model";
import { forecasterById } from "./registry";
import { detectSeasonality } from "./seasonality";

/** A forecast request as adapters (Excel functions, command line, task pane) receive it. */
export interface ForecastRequest {
  /**
   * Observations in period order; null = missing (filled by cleansing), except nulls before the first
   * number: the series starts there (a new item), and the forecast is made from its first number on.
   */
  history: readonly (number | null)[];
  /** Periods to forecast, integer 1..120. */
  horizon: number;
  /** Season length m (1 = none); detected from the data when omitted. */
  seasonLength?: number;
  /** "auto" (default) or a method id of the registry: naive, snaive, drift, ma, ses, ets, ets-aaa, theta, croston, sba, tsb, adida, imapa. */
  method?: string;
  /** Interval coverage levels in percent, default [80, 95]. */
  levels?: readonly number[];
  /**
   * Season of the item's family, measured over the same periods as this history (see familySeason).
   * In automatic mode an item whose own history shows no season (and is not intermittent) uses it.
   */
  familySeason?: FamilySeason;
}

/** What forecastSeries returns. */
export interface ForecastOutcome {
  mean: number[];
  intervals: PredictionInterval[];
  /** Planner-readable model name, e.g. "Theta" or "Combination (ETS(M,A,N), Theta)". */
  model: string;
  /** Method id used ("auto: ..." in automatic mode). */
  method: string;
  seasonLength: number;
  statistics: FitStatistics;
  /** Fitted parameter values by name. */
  parameters: Readonly<Record<string, number>>;
  /** True when demand is intermittent (ADI >= 1.32). */
  intermittent: boolean;
  /** True when the forecast uses the season of the item's family rather than the item's own. */
  familySeason: boolean;
  /**
   * The model's one-step in-sample fitted values, one per history period (NaN where it has none, e.g.
   * its first season): history minus fitted are the errors MinT reconciliation weighs levels by.
   */
  fitted: readonly number[];
  /** Changes made by cleansing the history. */
  changes: CleansingChange[];
  notes: string[];
}

/** Longest horizon accepted. */
export const MAX_HORIZON = 120;

/**
 * Check the options of a forecast request: horizon, season length and interval levels.
 * @param horizon - whole number of periods, 1..120
 * @param seasonLength - whole number >= 1, or undefined to detect it
 * @param levels - coverage levels in percent, each in (0, 100)
 * @throws PlanningError saying which option is wrong and what is allowed
 * @example validateForecastOptions(12, 12, [80, 95]) // passes
 */
export function validateForecastOptions(horizon: number, seasonLength: number | undefined, levels: readonly number[]): void {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw new PlanningError(`The horizon must be a whole number of periods from 1 to ${MAX_HORIZON}; got ${String(horizon)}.`);
  }
  if (seasonLength !== undefined && (!Number.isInteger(seasonLength) || seasonLength < 1)) {
    throw new PlanningError(`The season length must be a whole number of periods, 1 or more (1 = no season); got ${String(seasonLength)}.`);
  }
  validateLevels(levels);
}

/**
 * Forecast one series: validate, fill blanks, detect the season when not given, fit the requested
 * method (or automatic mode) and forecast with prediction intervals, none below 0 when the history never
 * was. The one entry point adapters call.
 * @param request - history, horizon, optional season length, method and levels
 * @returns forecasts, intervals, model name, statistics and planner notes
 * @throws PlanningError for a bad horizon, level or season length, an unknown method, or a history
 *   too short for the method (the message names the minimum)
 * @example forecastSeries({ history: [10, 12, null, 13, 14, 15], horizon: 3 }).mean.length // 3
 */
export function forecastSeries(request: ForecastRequest): ForecastOutcome {
  const levels = request.levels ?? [80, 95];
  validateForecastOptions(request.horizon, request.seasonLength, levels);
  if (!Array.isArray(request.history) || request.history.length === 0) {
    throw new PlanningError("The history is empty: give at least 2 periods of past values.");
  }
  const family = request.familySeason;
  if (family && request.seasonLength !== undefined && request.seasonLength !== family.seasonLength) {
    throw new PlanningError(`The season length (${request.seasonLength}) differs from the family season's (${family.seasonLength}).`);
  }
  const notes: string[] = [];
  // a series that starts later (a new item) is forecast from its first number: the blanks before it are
  // periods before the item existed, not demand to fill in
  const start = Math.max(0, request.history.findIndex((v) => typeof v === "number"));
  const recorded = start > 0 ? request.history.slice(start) : request.history;
  if (start > 0) notes.push(`history starts in period ${start + 1}: the ${start} blank period${start === 1 ? "" : "s"} before its first number left out, not filled`);
  let seasonLength = request.seasonLength ?? family?.seasonLength;
  if (seasonLength === undefined) {
    seasonLength = recorded.filter((v) => typeof v === "number").length >= 4 ? detectSeasonality(recorded).seasonLength : 1;
    notes.push(seasonLength > 1 ? `season length ${seasonLength} detected from the data` : "no season detected in the data");
  }
  const cleansed = fillMissing(recorded, seasonLength);
  if (cleansed.changes.length > 0) {
    const how = cleansed.changes[0].reason.replace("blank period filled by ", "");
    notes.push(`${cleansed.changes.length} blank${cleansed.changes.length === 1 ? "" : "s"} filled by ${how}`);
  }
  const history = cleansed.values;
  const methodId = (request.method ?? "auto").trim().toLowerCase();
  let model: FittedModel;
  let method: string;
  let intermittent: boolean;
  let usesFamilySeason = false;
  if (methodId === "auto" || methodId === "") {
    const familyFit = family && familySeasonFit(history, start > 0 ? seasonFrom(family, start) : family);
    usesFamilySeason = familyFit !== undefined;
    const auto = familyFit ?? automaticFit(history, seasonLength);
    model = auto.model;
    method = auto.method;
    intermittent = auto.intermittent;
    notes.push(...auto.notes);
  } else {
    const forecaster = forecasterById(methodId);
    model = forecaster.fit(history, { seasonLength });
    method = forecaster.id;
    intermittent = classifyDemand(history).intermittent;
  }
  const modelForecast = model.forecast(request.horizon, levels);
  const forecast = history.every((v) => v >= 0) ? flooredAtZero(modelForecast, notes) : modelForecast;
  return {
    mean: forecast.mean,
    intervals: forecast.intervals,
    model: model.name,
    method,
    seasonLength,
    statistics: model.statistics,
    parameters: model.parameters,
    intermittent,
    familySeason: usesFamilySeason,
    fitted: start > 0 ? [...new Array<number>(start).fill(Number.NaN), ...model.fitted] : model.fitted,
    changes: start > 0 ? cleansed.changes.map((change) => ({ ...change, index: change.index + start })) : cleansed.changes,
    notes,
  };
}

/**
 * A forecast of a history that was never negative, with every mean and bound below 0 raised to 0:
 * demand that has never been negative is not forecast below 0 (models with a trend, or smoothing a
 * run of zeros, can go under). Says so in the notes when it changes a value.
 * @param forecast - the model's forecast
 * @param notes - the planner notes, added to when a value is raised
 * @returns the forecast with mean and bounds at or above 0
 */
export function flooredAtZero(forecast: Forecast, notes: string[]): Forecast {
  const raised = forecast.mean.filter((v) => v < 0).length;
  if (raised > 0) notes.push(`forecast below 0 in ${raised} period${raised === 1 ? "" : "s"} raised to 0 (the history is never negative)`);
  const floor = (values: readonly number[]): number[] => values.map((v) => (v < 0 ? 0 : v));
  return {
    mean: floor(forecast.mean),
    intervals: forecast.intervals.map((interval) => ({ level: interval.level, lower: floor(interval.lower), upper: floor(interval.upper) })),
  };
}

/** A family season whose position 0 is period `start` of the histories it was measured on. */
function seasonFrom(season: FamilySeason, start: number): FamilySeason {
  const m = season.indices.length;
  return { ...season, indices: season.indices.map((_, k) => season.indices[(k + start) % m]) };
}

/**
 * Describe the model forecastSeries fits to a history, as label/value rows (for =SOP.FORECAST.MODEL):
 * model, method, season length, intermittent, each fit statistic, each parameter, then the notes.
 * @param request - as for {@link forecastSeries} (horizon 1 is enough)
 * @returns rows of [label, value]
 * @throws PlanningError as forecastSeries
 * @example describeModel({ history: [1, 2, 3, 4, 5, 6], horizon: 1, method: "theta" })[0] // ["Model", "Theta"]
 */
export function describeModel(request: ForecastRequest): [string, string | number][] {
  const outcome = forecastSeries(request);
  const s = outcome.statistics;
  const rows: [string, string | number][] = [
    ["Model", outcome.model],
    ["Method", outcome.method],
    ["Season length", outcome.seasonLength],
    ["Intermittent", outcome.intermittent ? "yes" : "no"],
    ["Observations", s.n],
    ["Parameters", s.parameters],
    ["Log-likelihood", s.logLik],
    ["AIC", s.aic],
    ["AICc", s.aicc],
    ["BIC", s.bic],
    ["Sigma²", s.sigma2],
    ["RMSE", s.rmse],
    ["MAE", s.mae],
  ];
  for (const [name, value] of Object.entries(outcome.parameters)) rows.push([name, value]);
  outcome.notes.forEach((note) => rows.push(["Note", note]));
  return rows;
}
