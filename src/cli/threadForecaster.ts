/**
 * Step 2's forecasts spread over worker threads for the command line: the items of a batch are cut
 * into one contiguous share per thread (one per core, at most 4), each forecast by itemForecastWorker
 * with the same function as in the calling thread, so the numbers are the same and only the time
 * changes. Small batches, one-core machines and a build without the worker file stay in the calling
 * thread.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { throwIfCancelled } from "../cycle/cancellation";
import { inThreadForecaster, type BatchForecaster, type ForecastBatch, type ItemForecastResult } from "../cycle/itemForecasts";

/** Batches with fewer items are forecast in the calling thread (starting threads costs about 0.3 s). */
export const THREAD_THRESHOLD = 200;

/** Where the compiled worker is, beside this module. */
const WORKER_FILE = path.join(__dirname, "itemForecastWorker.js");

type WorkerMessage = { kind: "progress"; done: number } | { kind: "done"; results: ItemForecastResult[] };

/**
 * A batch forecaster on worker threads.
 * @param threads threads to use (default: one per core, at most 4)
 * @param workerFile the compiled itemForecastWorker (default: beside this module)
 * @returns a BatchForecaster giving the results of inThreadForecaster, in the same order
 * @example await runCycle(book, options, { forecaster: threadForecaster() })
 */
export function threadForecaster(threads = Math.min(os.cpus().length, 4), workerFile = WORKER_FILE): BatchForecaster {
  return async (batch, options = {}) => {
    if (threads < 2 || batch.jobs.length < THREAD_THRESHOLD || !fs.existsSync(workerFile)) return inThreadForecaster(batch, options);
    throwIfCancelled(options.signal);
    const size = Math.ceil(batch.jobs.length / threads);
    const shares: ForecastBatch[] = [];
    for (let from = 0; from < batch.jobs.length; from += size) shares.push({ ...batch, jobs: batch.jobs.slice(from, from + size) });
    const done = shares.map(() => 0);
    const workers: Worker[] = [];
    const stopAll = (): void => workers.forEach((worker) => void worker.terminate());
    options.signal?.addEventListener("abort", stopAll, { once: true });
    try {
      const results = await Promise.all(
        shares.map(
          (share, k) =>
            new Promise<ItemForecastResult[]>((resolve, reject) => {
              const worker = new Worker(workerFile, { workerData: share });
              workers.push(worker);
              worker.on("message", (message: WorkerMessage) => {
                if (message.kind === "progress") {
                  done[k] = message.done;
                  options.onProgress?.(done.reduce((sum, n) => sum + n, 0));
                } else resolve(message.results);
              });
              worker.once("error", reject);
              worker.once("exit", (code) => reject(new Error(options.signal?.aborted ? "cancelled" : `A forecasting thread stopped (exit code ${code}).`)));
            }),
        ),
      );
      return results.flat();
    } catch (error) {
      stopAll();
      throwIfCancelled(options.signal);
      throw error;
    } finally {
      options.signal?.removeEventListener("abort", stopAll);
    }
  };
}
