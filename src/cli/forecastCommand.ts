import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { PlanningError } from "../core/errors";
import { validateForecastOptions } from "../core/forecast/forecastSeries";
import { forecastBatch } from "./forecastBatch";
import type { BatchInput, BatchResult } from "./forecastBatch";
import { readCommandLine } from "./commandLine";
import { writeOutputFile } from "./files";
import { readHistoryCsv, writeForecastCsv } from "./forecastCsv";
import type { HistorySeries } from "./forecastCsv";

/** Files with at least this many series are split over worker threads. */
const PARALLEL_THRESHOLD = 200;
/** Files with at least this many series report progress on stderr. */
const PROGRESS_THRESHOLD = 500;

/** Parsed command line of `sop forecast`. */
interface ForecastArguments {
  input: string;
  out: string;
  horizon: number;
  seasonLength?: number;
  method: string;
  levels: number[];
}

const USAGE = "sop forecast history.csv --horizon H [--season M] [--method auto|ets|theta|croston|...] [--level 80,95] --out forecasts.csv";

/** Read `sop forecast` arguments into typed options. */
function parseArguments(args: string[]): ForecastArguments {
  const { positionals, values } = readCommandLine(args, { horizon: "value", season: "value", method: "value", level: "value", out: "value" }, USAGE);
  if (positionals.length !== 1) throw new PlanningError(`Give exactly one history file: ${USAGE}`);
  if (!values.out) throw new PlanningError("Say where to write the forecasts with --out forecasts.csv.");
  if (values.horizon === undefined) throw new PlanningError("Say how many periods to forecast with --horizon, e.g. --horizon 12.");
  return {
    input: positionals[0],
    out: values.out,
    horizon: Number(values.horizon),
    seasonLength: values.season === undefined ? undefined : Number(values.season),
    method: values.method ?? "auto",
    levels: (values.level ?? "80,95").split(",").map((l) => Number(l.trim())),
  };
}

/** Forecast the batch on worker threads (one per core, at most 4), reporting progress. */
async function forecastInParallel(input: BatchInput, workerFile: string, report: (done: number) => void): Promise<BatchResult[]> {
  const workers = Math.max(1, Math.min(os.cpus().length, 4));
  const chunks: HistorySeries[][] = Array.from({ length: workers }, () => []);
  const size = Math.ceil(input.series.length / workers);
  input.series.forEach((s, i) => chunks[Math.floor(i / size)].push(s));
  const done = new Array<number>(workers).fill(0);
  const parts = await Promise.all(
    chunks.map(
      (series, w) =>
        new Promise<BatchResult[]>((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { ...input, series } });
          worker.on("message", (message: { kind: "progress"; done: number } | { kind: "done"; results: BatchResult[] }) => {
            if (message.kind === "progress") {
              done[w] = message.done;
              report(done.reduce((s, v) => s + v, 0));
            } else resolve(message.results);
          });
          worker.once("error", reject);
        }),
    ),
  );
  return parts.flat();
}

/**
 * `sop forecast history.csv --horizon H [--season M] [--method auto|ets|theta|croston|...] [--level 80,95] --out forecasts.csv`
 *
 * Reads a long CSV (series_id, period, value; blank value = missing), forecasts every series with
 * forecastSeries and writes series_id, step, forecast, lo/hi per level and model. Many series are
 * spread over worker threads, with progress on stderr. A series that cannot be forecast is reported
 * on stderr and left out; the exit code is then 1.
 * @param args - command-line arguments after "forecast"
 * @returns exit code: 0 when every series was forecast, 1 otherwise
 * @example await runForecastCommand(["history.csv", "--horizon", "12", "--out", "forecasts.csv"])
 */
export async function runForecastCommand(args: string[]): Promise<number> {
  try {
    const options = parseArguments(args);
    validateForecastOptions(options.horizon, options.seasonLength, options.levels);
    if (!fs.existsSync(options.input)) throw new PlanningError(`The history file ${options.input} does not exist.`);
    const series = readHistoryCsv(fs.readFileSync(options.input, "utf8"), path.basename(options.input));
    const input: BatchInput = { series, horizon: options.horizon, seasonLength: options.seasonLength, method: options.method, levels: options.levels };
    const total = series.length;
    const report = (done: number): void => {
      if (total >= PROGRESS_THRESHOLD) process.stderr.write(`forecast: ${done}/${total} series\n`);
    };
    const workerFile = path.join(__dirname, "forecastWorker.js");
    const results =
      total >= PARALLEL_THRESHOLD && os.cpus().length > 1 && fs.existsSync(workerFile)
        ? await forecastInParallel(input, workerFile, report)
        : forecastBatch(input, report);
    const failures = results.filter((r): r is Extract<BatchResult, { ok: false }> => !r.ok);
    for (const failure of failures) process.stderr.write(`sop forecast: series ${failure.id}: ${failure.message}\n`);
    const rows = results.flatMap((r) => (r.ok ? [r.rows] : []));
    fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
    writeOutputFile(options.out, writeForecastCsv(options.levels, rows), options.input);
    if (total >= PROGRESS_THRESHOLD) process.stderr.write(`forecast: ${rows.length}/${total} series written to ${options.out}\n`);
    return failures.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof PlanningError) {
      process.stderr.write(`sop forecast: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
