/**
 * Step 2 on worker threads gives the numbers of the calling thread: the same items, the same order,
 * every field equal (the worker runs the same forecastItems); Cancel stops the threads.
 * Needs the command line build (`npm run build:cli`, part of `npm test`).
 */
import * as fs from "fs";
import * as path from "path";
import { inThreadForecaster, type ForecastBatch } from "../../src/cycle/itemForecasts";
import { THREAD_THRESHOLD, threadForecaster } from "../../src/cli/threadForecaster";

const WORKER = path.resolve("dist-cli/src/cli/itemForecastWorker.js");

/** Items of the kinds step 2 meets: trending with a wave, intermittent, a new one with one month, one without history (yearly buckets: quick to fit). */
function batch(items: number): ForecastBatch {
  const jobs = Array.from({ length: items }, (_, i) => {
    if (i === 7) return { history: [...new Array<null>(35).fill(null), 40] };
    if (i === 8) return { history: new Array<null>(36).fill(null) };
    const intermittent = i % 5 === 0;
    return {
      history: Array.from({ length: 36 }, (_, t) =>
        intermittent ? ((t * 7 + i) % 4 === 0 ? 3 + (i % 3) : 0) : Math.round(100 + i + 2 * t + 20 * Math.sin((2 * Math.PI * (t + i)) / 12) + ((t * 13 + i * 7) % 9)),
      ),
    };
  });
  return { horizon: 12, seasonLength: 1, level: 80, holdout: 6, jobs };
}

describe("threadForecaster", () => {
  test("forecasts a batch over two threads exactly as the calling thread does, with progress up to every item", async () => {
    expect(fs.existsSync(WORKER)).toBe(true);
    const work = batch(THREAD_THRESHOLD);
    const seen: number[] = [];
    const threaded = await threadForecaster(2, WORKER)(work, { onProgress: (done) => seen.push(done) });
    const inThread = await inThreadForecaster(work);
    expect(threaded).toHaveLength(work.jobs.length);
    expect(threaded).toEqual(inThread);
    expect(threaded[7].forecast).toEqual(new Array(12).fill(40));
    expect(Math.max(...seen)).toBe(work.jobs.length);
  }, 120_000);

  test("Cancel stops the threads and the step with the cancellation error", async () => {
    const controller = new AbortController();
    const running = threadForecaster(2, WORKER)(batch(THREAD_THRESHOLD * 4), { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toThrow(/cancel/i);
  }, 120_000);

  test("a batch under the threshold stays in the calling thread (no worker file needed)", async () => {
    const work = batch(20);
    expect(await threadForecaster(2, "/nonexistent/worker.js")(work)).toEqual(await inThreadForecaster(work));
  });
});
