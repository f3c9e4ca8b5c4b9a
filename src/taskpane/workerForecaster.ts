import { PlanningError } from "../core/errors";
import { throwIfCancelled } from "../cycle/cancellation";
import type { BatchForecaster, ForecastBatch, ItemForecastResult } from "../cycle/itemForecasts";
import { workerRequests } from "./workerRequests";

/** Items sent to the worker at a time: progress and Cancel are seen between chunks. */
const CHUNK = 8;

/**
 * A BatchForecaster that sends step 2's items to a Web Worker running forecastWorker.ts, a chunk at a
 * time, reporting progress after each chunk and stopping at the next chunk when the planner cancels.
 * The pane's thread only posts and receives messages, so it stays responsive however many items there are.
 * @param worker the worker running forecastWorker.ts
 * @throws PlanningError with the worker's message when an item cannot be forecast, or when the worker stops
 * @example const { items } = await runDemandStep(workbook, demand, options, workerForecaster(worker));
 */
export function workerForecaster(worker: Worker): BatchForecaster {
  const forecastChunk = workerRequests<{ batch: ForecastBatch }, { results: ItemForecastResult[] }, ItemForecastResult[]>(
    worker,
    (answer) => answer.results,
    (message) => new PlanningError(message),
    "Forecasting stopped",
  );
  return async (batch, options = {}) => {
    const results: ItemForecastResult[] = [];
    for (let from = 0; from < batch.jobs.length; from += CHUNK) {
      options.onProgress?.(from);
      throwIfCancelled(options.signal);
      results.push(...(await forecastChunk({ batch: { ...batch, jobs: batch.jobs.slice(from, from + CHUNK) } })));
    }
    throwIfCancelled(options.signal);
    return results;
  };
}
