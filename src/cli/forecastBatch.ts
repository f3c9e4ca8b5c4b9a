import { PlanningError } from "../core/errors";
import { forecastSeries } from "../core/forecast/forecastSeries";
import type { ForecastOutcome } from "../core/forecast/forecastSeries";
import { calendarSeasonLength } from "../cycle/periods";
import type { HistorySeries, SeriesOutput } from "./forecastCsv";

/** The options of one `sop forecast` run, the same for every series. */
export interface ForecastSettings {
  horizon: number;
  seasonLength?: number;
  method: string;
  levels: number[];
}

/** A batch of series with the options of one `sop forecast` run. */
export interface BatchInput extends ForecastSettings {
  series: HistorySeries[];
}

/** How a model column says the series was forecast in automatic mode instead of the named method. */
const FALLBACK_MARK = "(fallback: ";

/**
 * True when a series' forecast comes from the automatic fallback, not the method named.
 * @example isFallback({ id: "P", mean: [], intervals: [], model: "Theta (fallback: sba could not fit: ...)" }) // true
 */
export function isFallback(output: SeriesOutput): boolean {
  return !("error" in output) && output.model.includes(FALLBACK_MARK);
}

/**
 * Forecast one series with the method asked for, at the season length asked for, else the one its
 * period labels give (12 for months, 4 for quarters, 52 for weeks, 7 for days, 1 for years:
 * calendarSeasonLength), else the one detected from its values. A series the method cannot fit (Croston with fewer
 * than two non-zero periods, a seasonal method on less than two seasons, ...) is forecast in automatic
 * mode instead, and its model says so; a series automatic mode cannot forecast either (no numbers at
 * all, a value that is not a number) gets an error row. So one bad series never stops the others.
 * @param series - the series as read
 * @param settings - horizon, season length, method (checked before the batch) and levels
 * @returns its forecast rows, or its error
 * @throws only what is not a PlanningError (a defect, not bad data)
 * @example forecastOne({ id: "P", values: [0, 0, 3, 0] }, { horizon: 2, method: "sba", levels: [80] }).model // "... (fallback: sba ...)"
 */
export function forecastOne(series: HistorySeries, settings: ForecastSettings): SeriesOutput {
  if (series.problem !== undefined) return { id: series.id, error: series.problem };
  const seasonLength = settings.seasonLength ?? calendarSeasonLength(series.periods ?? []);
  const attempt = (method: string): ForecastOutcome =>
    forecastSeries({ history: series.values, horizon: settings.horizon, seasonLength, method, levels: settings.levels });
  const rows = (outcome: ForecastOutcome, model: string): SeriesOutput => ({ id: series.id, mean: outcome.mean, intervals: outcome.intervals, model });
  const named = settings.method.trim().toLowerCase();
  const automatic = named === "auto" || named === "";
  try {
    const outcome = attempt(settings.method);
    return rows(outcome, outcome.model);
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
    if (automatic) return { id: series.id, error: error.message };
    try {
      const outcome = attempt("auto");
      return rows(outcome, `${outcome.model} ${FALLBACK_MARK}${named} could not fit: ${error.message})`);
    } catch (fallbackError) {
      if (!(fallbackError instanceof PlanningError)) throw fallbackError;
      return { id: series.id, error: `${named} could not fit (${error.message}), nor could automatic mode (${fallbackError.message})` };
    }
  }
}

/**
 * Forecast every series of a batch with {@link forecastOne}.
 * @param input - series and options
 * @param progress - called every 100 series with the count done so far
 * @returns one output per series, in order
 * @example forecastBatch({ series: [{ id: "A", values: [1, 2, 3] }], horizon: 2, method: "naive", levels: [80] }, () => {})
 */
export function forecastBatch(input: BatchInput, progress: (done: number) => void): SeriesOutput[] {
  return input.series.map((s, i) => {
    if ((i + 1) % 100 === 0) progress(i + 1);
    return forecastOne(s, input);
  });
}
