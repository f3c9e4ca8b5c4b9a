/**
 * The Web Worker that forecasts step 2's items for the task pane, so that forecasting never holds the
 * shared runtime's thread (Office warns when an add-in keeps a core busy, and the pane would freeze).
 * It receives { id, batch } (a chunk of items with their settings) and answers { id, results } or
 * { id, error } with the planner-facing message.
 */
import { forecastItems, type ForecastBatch } from "../cycle/itemForecasts";

interface ForecastRequest {
  id: number;
  batch: ForecastBatch;
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<ForecastRequest>) => void) | null; postMessage: (message: unknown) => void };

scope.onmessage = (event) => {
  const { id, batch } = event.data;
  try {
    scope.postMessage({ id, results: forecastItems(batch) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
