/**
 * Worker thread of step 2 under `sop run` and `sop cycle`: forecasts its share of the items with the
 * function the calling thread would use (forecastItems), posting progress every few items and the
 * results at the end. Started by threadForecaster.
 */
import { parentPort, workerData } from "worker_threads";
import { forecastItems, type ForecastBatch, type ItemForecastResult } from "../cycle/itemForecasts";

/** Items forecast between two progress messages. */
const CHUNK = 10;

const batch = workerData as ForecastBatch;
const results: ItemForecastResult[] = [];
for (let from = 0; from < batch.jobs.length; from += CHUNK) {
  results.push(...forecastItems(batch, from, from + CHUNK));
  parentPort?.postMessage({ kind: "progress", done: results.length });
}
parentPort?.postMessage({ kind: "done", results });
