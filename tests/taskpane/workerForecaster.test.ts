import { PlanningError } from "../../src/core/errors";
import { mulberry32 } from "../../src/core/random";
import { forecastItems, inThreadForecaster, type ForecastBatch } from "../../src/cycle/itemForecasts";
import { workerForecaster } from "../../src/taskpane/workerForecaster";

/** A stand-in for the Web Worker running forecastWorker.ts: answers each chunk on a later turn, as a worker does. */
class FakeForecastWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly chunks: number[] = [];

  constructor(private readonly failWith?: string) {}

  postMessage(message: { id: number; batch: ForecastBatch }): void {
    this.chunks.push(message.batch.jobs.length);
    setTimeout(() => {
      const data = this.failWith ? { id: message.id, error: this.failWith } : { id: message.id, results: forecastItems(message.batch) };
      this.onmessage?.({ data } as MessageEvent);
    }, 0);
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}

const random = mulberry32(11);
const batch: ForecastBatch = {
  horizon: 6,
  seasonLength: 12,
  level: 80,
  holdout: 6,
  jobs: Array.from({ length: 10 }, (_, i) => ({ history: Array.from({ length: 36 }, (_, t) => Math.round(50 + i + 10 * Math.sin(t / 2) + 8 * random())) })),
};

describe("workerForecaster", () => {
  test("gives the in-thread forecasts, sent in chunks of at most 8 items, with progress after each chunk", async () => {
    const worker = new FakeForecastWorker();
    const progress: number[] = [];
    const results = await workerForecaster(worker.asWorker())(batch, { onProgress: (done) => progress.push(done) });
    expect(results).toEqual(await inThreadForecaster(batch));
    expect(worker.chunks).toEqual([8, 2]);
    expect(progress).toEqual([0, 8]);
  });

  test("Cancel stops at the next chunk with the step's message", async () => {
    const worker = new FakeForecastWorker();
    const controller = new AbortController();
    const run = workerForecaster(worker.asWorker())(batch, { signal: controller.signal, onProgress: (done) => done === 8 && controller.abort() });
    await expect(run).rejects.toThrow(/^Cancelled: nothing was written/);
    expect(worker.chunks).toEqual([8]);
  });

  test("an item the worker cannot forecast fails the run with the worker's planner-facing message", async () => {
    const worker = new FakeForecastWorker("The horizon must be a whole number of periods from 1 to 120; got 0.");
    const run = workerForecaster(worker.asWorker())(batch);
    await expect(run).rejects.toThrow(PlanningError);
    await expect(workerForecaster(new FakeForecastWorker("x").asWorker())(batch)).rejects.toThrow(/^x$/);
  });
});
