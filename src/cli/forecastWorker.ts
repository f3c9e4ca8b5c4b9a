/**
 * Worker thread of `sop forecast`: forecasts the series it is given and posts progress and results.
 * Started by forecastCommand with worker_threads when a file holds many series.
 */
import { parentPort, workerData } from "worker_threads";
import { forecastBatch } from "./forecastBatch";
import type { BatchInput } from "./forecastBatch";

const input = workerData as BatchInput;
const results = forecastBatch(input, (done) => parentPort?.postMessage({ kind: "progress", done }));
parentPort?.postMessage({ kind: "done", results });
