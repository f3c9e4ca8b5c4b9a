/**
 * The forecasting work of step 2, item by item, behind one injected function: by default it runs in
 * the calling thread (Node, `sop run`, tests); the task pane passes one that runs it in a Web Worker,
 * so forecasting hundreds of items never holds Excel's shared runtime. Either way step 2 awaits the
 * same function and gets the same numbers.
 */
import { forecastSeries } from "../core/forecast";
import type { FamilySeason } from "../core/forecast";
import { wmape } from "../core/metrics";
import { throwIfCancelled, yieldToUi } from "./cancellation";

/** One item to forecast: its cleaned history and its family's season (if the family has one). */
export interface ItemForecastJob {
  /** Cleaned history; null before the series' first number (a new item), forecast from that number on. */
  history: (number | null)[];
  /** The family's season over the whole history. */
  familySeason?: FamilySeason;
  /** The family's season over the history before the holdout. */
  holdoutSeason?: FamilySeason;
}

/** Items to forecast with the settings they share. */
export interface ForecastBatch {
  horizon: number;
  seasonLength: number;
  /** Prediction interval level in percent. */
  level: number;
  /** Last periods held out to measure each forecast (0: none). */
  holdout: number;
  jobs: ItemForecastJob[];
}

/** What step 2 keeps of one item's forecast. */
export interface ItemForecastResult {
  /** Planner-readable model name, e.g. "Family season (m=12): Combination (...)". */
  model: string;
  /**
   * Forecast accuracy in percent of the same method on the holdout, fitted on the periods before it:
   * 100 x (1 - WMAPE), WMAPE = sum |actual - forecast| / sum actual, the measure step 6 tracks
   * (SOP Forecast holds it as a share of 1); null without a holdout, or when the holdout sold nothing.
   */
  holdoutAccuracy: number | null;
  /** True when demand is intermittent (Croston's method). */
  intermittent: boolean;
  /** True when the item uses the season of its family (its own history does not show it clearly). */
  familySeason: boolean;
  /** In-sample one-step RMSE, used for safety stock; NaN for a new item with fewer than 2 months. */
  rmse: number;
  /**
   * One-step in-sample errors (history - fitted), one per history period, NaN where the model has no
   * fitted value (e.g. its first season): what MinT with shrinkage weighs the levels by.
   */
  errors: number[];
  /** Forecast and interval bounds, never below 0 (demand); the bounds NaN for a new item with fewer than 2 months. */
  forecast: number[];
  lower: number[];
  upper: number[];
}

/** How a batch forecaster reports: cancellation, and progress as the number of items done. */
export interface BatchRunOptions {
  signal?: AbortSignal;
  onProgress?: (done: number) => void;
}

/** Forecasts a batch of items, one result per job in order, wherever the work runs. */
export type BatchForecaster = (batch: ForecastBatch, options?: BatchRunOptions) => Promise<ItemForecastResult[]>;

/**
 * Forecast some items of a batch with automatic mode (the family's season for an item whose own history
 * shows none), each measured on its holdout.
 * @param batch settings and items
 * @param from index of the first job to forecast
 * @param to one past the last job
 * @returns one result per job in [from, to)
 * @throws PlanningError as forecastSeries (a horizon or season the history does not allow)
 * @example forecastItems({ horizon: 3, seasonLength: 1, level: 80, holdout: 0, jobs: [{ history: [5, 5, 5, 5] }] })[0].forecast // [5, 5, 5]
 */
export function forecastItems(batch: ForecastBatch, from = 0, to = batch.jobs.length): ItemForecastResult[] {
  const { horizon, seasonLength, level, holdout } = batch;
  return batch.jobs.slice(from, to).map((job) => {
    if (isNewItem(job.history)) return newItemForecast(job.history, horizon);
    const outcome = forecastSeries({ history: job.history, horizon, seasonLength, levels: [level], familySeason: job.familySeason });
    const floor = (values: readonly number[]): number[] => values.map((v) => Math.max(0, v));
    return {
      model: outcome.model,
      holdoutAccuracy: holdoutAccuracy(job.history, holdout, seasonLength, job.holdoutSeason),
      intermittent: outcome.intermittent,
      familySeason: outcome.familySeason,
      rmse: outcome.statistics.rmse,
      errors: job.history.map((y, t) => (y !== null && Number.isFinite(outcome.fitted[t]) && Number.isFinite(y) ? y - outcome.fitted[t] : Number.NaN)),
      forecast: floor(outcome.mean),
      lower: floor(outcome.intervals[0].lower),
      upper: floor(outcome.intervals[0].upper),
    };
  });
}

/**
 * A new item, in step 2's sense: fewer than the 2 months of history any model needs (one month, or none
 * for an item planned from its launch forecast alone). forecastItems gives it newItemForecast.
 * @example isNewItem([null, null, 40]) // true
 */
export function isNewItem(history: readonly (number | null)[]): boolean {
  return history.filter((y) => y !== null).length < 2;
}

/**
 * A new item's forecast, before it has the 2 months any model needs: its one month repeated, or 0 for an
 * item without history (planned because SOP Overrides gives its launch forecast, which makes the
 * consensus). One month tells nothing of the spread, so there is no interval and no error measure.
 */
function newItemForecast(history: readonly (number | null)[], horizon: number): ItemForecastResult {
  const known = history.filter((y): y is number => y !== null);
  const level = known.length === 1 ? Math.max(0, known[0]) : 0;
  return {
    model:
      known.length === 1
        ? "New item, one month of history: that month repeated (no interval until it has more)"
        : "New item without history: 0, its launch forecast comes from SOP Overrides",
    holdoutAccuracy: null,
    intermittent: false,
    familySeason: false,
    rmse: Number.NaN,
    errors: history.map(() => Number.NaN),
    forecast: new Array<number>(horizon).fill(level),
    lower: new Array<number>(horizon).fill(Number.NaN),
    upper: new Array<number>(horizon).fill(Number.NaN),
  };
}

/**
 * Accuracy (100 x (1 - WMAPE)) of automatic mode on the last `holdout` periods, fitted on the ones
 * before (family season measured on those too). Weighted by volume, so a month that sold nothing costs
 * only the units forecast for it (sMAPE counts such a month as a 200% error however small the forecast).
 */
function holdoutAccuracy(history: readonly (number | null)[], holdout: number, seasonLength: number, familySeason: FamilySeason | undefined): number | null {
  if (holdout < 1) return null;
  const actual = history.slice(-holdout);
  if (actual.some((y) => y === null) || actual.every((y) => y === 0)) return null;
  try {
    const fit = forecastSeries({ history: history.slice(0, -holdout), horizon: holdout, seasonLength, levels: [80], familySeason });
    return 100 * (1 - wmape(actual as number[], fit.mean));
  } catch {
    return null;
  }
}

/** Items forecast between two looks at the Cancel button in the calling thread. */
const IN_THREAD_CHUNK = 5;

/**
 * The batch forecaster of Node and tests: forecasts in the calling thread, letting the event loop run
 * every few items so progress shows and Cancel is seen.
 * @example const results = await inThreadForecaster(batch, { signal });
 */
export const inThreadForecaster: BatchForecaster = async (batch, options = {}) => {
  const results: ItemForecastResult[] = [];
  for (let from = 0; from < batch.jobs.length; from += IN_THREAD_CHUNK) {
    options.onProgress?.(from);
    await yieldToUi();
    throwIfCancelled(options.signal);
    results.push(...forecastItems(batch, from, from + IN_THREAD_CHUNK));
  }
  throwIfCancelled(options.signal);
  return results;
};
