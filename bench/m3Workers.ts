/**
 * Plumbing the M3 benches share: flags, means, and scoring series on worker threads that run the
 * bench's own file.
 */
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";

/** What a bench's worker receives: its share of the series and the bench's options. */
interface WorkerJob<S, O> {
  series: S[];
  options: O;
}

/**
 * Parse a `--name value` flag.
 * @param args - command-line arguments
 * @param name - flag name without dashes
 * @returns its value, or undefined when absent
 */
export function flag(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

/**
 * Mean of the finite values (NaN ones, e.g. an undefined MASE, left out).
 * @param values - numbers
 * @returns their mean
 */
export function meanOf(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.reduce((s, v) => s + v, 0) / finite.length;
}

/**
 * Score series on `workers` threads, each running `file` (the bench itself, which calls
 * {@link runBench} with the same `score`), series dealt out in turn; on one worker, in this thread.
 * @param file - the bench's compiled file (its __filename)
 * @param series - what to score
 * @param options - passed to every score call
 * @param workers - threads
 * @param score - scores one series
 * @returns the scores, worker by worker
 */
export async function scoreOnWorkers<S, O, R>(file: string, series: S[], options: O, workers: number, score: (s: S, options: O) => R): Promise<R[]> {
  if (workers <= 1) return series.map((s) => score(s, options));
  const chunks: S[][] = Array.from({ length: workers }, () => []);
  series.forEach((s, i) => chunks[i % workers].push(s));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<R[]>((resolve, reject) => {
          const worker = new Worker(file, { workerData: { series: chunk, options } satisfies WorkerJob<S, O> });
          worker.once("message", (scores: R[]) => resolve(scores));
          worker.once("error", reject);
        }),
    ),
  );
  return results.flat();
}

/**
 * A bench's entry point: on the main thread run `main` (printing its error and exiting 1 on failure),
 * on a worker thread score the series it was given.
 * @param main - the bench
 * @param score - scores one series, as given to {@link scoreOnWorkers}
 */
export function runBench<S, O, R>(main: () => Promise<void>, score: (s: S, options: O) => R): void {
  if (isMainThread) {
    main().catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  } else {
    const job = workerData as WorkerJob<S, O>;
    parentPort?.postMessage(job.series.map((s) => score(s, job.options)));
  }
}
