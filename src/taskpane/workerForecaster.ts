import { PlanningError } from "../core/errors";
import { throwIfCancelled } from "../cycle/cancellation";
import type { BatchForecaster, ForecastBatch, ItemForecastResult } from "../cycle/itemForecasts";

type ForecastAnswer = { id: number; results: ItemForecastResult[] } | { id: number; error: string };

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
  let next = 0;
  const waiting = new Map<number, { resolve: (results: ItemForecastResult[]) => void; reject: (error: Error) => void }>();
  worker.onmessage = (event: MessageEvent<ForecastAnswer>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if ("error" in answer) pending.reject(new PlanningError(answer.error));
    else pending.resolve(answer.results);
  };
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new PlanningError(`Forecasting stopped: ${event.message}`));
    waiting.clear();
  };
  const forecastChunk = (batch: ForecastBatch): Promise<ItemForecastResult[]> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, batch });
    });
  return async (batch, options = {}) => {
    const results: ItemForecastResult[] = [];
    for (let from = 0; from < batch.jobs.length; from += CHUNK) {
      options.onProgress?.(from);
      throwIfCancelled(options.signal);
      results.push(...(await forecastChunk({ ...batch, jobs: batch.jobs.slice(from, from + CHUNK) })));
    }
    throwIfCancelled(options.signal);
    return results;
  };
}
