import { PlanningError } from "../core/errors";
import { forecastSeries } from "../core/forecast/forecastSeries";
import type { HistorySeries, SeriesForecastRows } from "./forecastCsv";

/** A batch of series with the options of one `sop forecast` run. */
export interface BatchInput {
  series: HistorySeries[];
  horizon: number;
  seasonLength?: number;
  method: string;
  levels: number[];
}

/** The outcome for one series: its forecast rows, or the planner-facing reason it failed. */
export type BatchResult = { ok: true; rows: SeriesForecastRows } | { ok: false; id: string; message: string };

/**
 * Forecast every series of a batch with forecastSeries; a PlanningError fails only its own series.
 * @param input - series and options
 * @param progress - called every 100 series with the count done so far
 * @returns one result per series, in order
 * @example forecastBatch({ series: [{ id: "A", values: [1, 2, 3] }], horizon: 2, method: "naive", levels: [80] }, () => {})
 */
export function forecastBatch(input: BatchInput, progress: (done: number) => void): BatchResult[] {
  return input.series.map((s, i) => {
    if ((i + 1) % 100 === 0) progress(i + 1);
    try {
      const outcome = forecastSeries({ history: s.values, horizon: input.horizon, seasonLength: input.seasonLength, method: input.method, levels: input.levels });
      return { ok: true, rows: { id: s.id, mean: outcome.mean, intervals: outcome.intervals, model: outcome.model } };
    } catch (error) {
      if (error instanceof PlanningError) return { ok: false, id: s.id, message: error.message };
      throw error;
    }
  });
}
