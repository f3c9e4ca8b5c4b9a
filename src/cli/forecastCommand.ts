import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { PlanningError } from "../core/errors";
import { validateForecastOptions } from "../core/forecast/forecastSeries";
import { forecasterById } from "../core/forecast/registry";
import { forecastBatch, isFallback } from "./forecastBatch";
import type { BatchInput, ForecastSettings } from "./forecastBatch";
import { FAILURES_NAMED, forecastStream } from "./forecastStream";
import type { StreamSummary } from "./forecastStream";
import { readCommandLine } from "./commandLine";
import { replaceWith, temporaryFileFor, writeOutputFile } from "./files";
import { readHistoryCsv, writeForecastCsv } from "./forecastCsv";
import type { HistorySeries, SeriesOutput } from "./forecastCsv";

/** Files with at least this many series are split over worker threads. */
const PARALLEL_THRESHOLD = 200;
/** Files with at least this many series report progress on stderr, every tenth of the series. */
const PROGRESS_THRESHOLD = 500;

/** Parsed command line of `sop forecast`. */
interface ForecastArguments extends ForecastSettings {
  /** A file, or "-" for standard input. */
  input: string;
  /** A file, or "-" (or undefined when reading standard input) for standard output. */
  out?: string;
}

/** Stands for standard input (as the history) or standard output (as --out). */
const STANDARD_STREAM = "-";

const USAGE = "sop forecast history.csv|- --horizon H [--season M] [--method auto|ets|theta|croston|...] [--level 80,95] --out forecasts.csv|-";

/** Read `sop forecast` arguments into typed options. */
function parseArguments(args: string[]): ForecastArguments {
  const { positionals, values } = readCommandLine(args, { horizon: "value", season: "value", method: "value", level: "value", out: "value" }, USAGE);
  if (positionals.length !== 1) throw new PlanningError(`Give exactly one history file: ${USAGE}`);
  if (!values.out && positionals[0] !== STANDARD_STREAM) throw new PlanningError("Say where to write the forecasts with --out forecasts.csv (or --out - for standard output).");
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
async function forecastInParallel(input: BatchInput, workerFile: string, report: (done: number) => void): Promise<SeriesOutput[]> {
  const workers = Math.max(1, Math.min(os.cpus().length, 4));
  const chunks: HistorySeries[][] = Array.from({ length: workers }, () => []);
  const size = Math.ceil(input.series.length / workers);
  input.series.forEach((s, i) => chunks[Math.floor(i / size)].push(s));
  const done = new Array<number>(workers).fill(0);
  const parts = await Promise.all(
    chunks.map(
      (series, w) =>
        new Promise<SeriesOutput[]>((resolve, reject) => {
          const worker = new Worker(workerFile, { workerData: { ...input, series } });
          worker.on("message", (message: { kind: "progress"; done: number } | { kind: "done"; results: SeriesOutput[] }) => {
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

/** Say on stderr which series got an error row (the first few by name) or a fallback, and how many. */
function reportOutcomes({ total, failures, firstFailures, fallbacks }: StreamSummary): void {
  for (const line of firstFailures) process.stderr.write(`sop forecast: ${line}\n`);
  if (failures > 0) process.stderr.write(`sop forecast: ${failures} of ${total} series could not be forecast; each has an error row ("error: ...") in the model column.\n`);
  if (fallbacks > 0) process.stderr.write(`sop forecast: ${fallbacks} of ${total} series were forecast in automatic mode because the method could not fit them (the model column says why).\n`);
}

/**
 * `sop forecast history.csv|- --horizon H [--season M] [--method auto|ets|theta|croston|...] [--level 80,95] --out forecasts.csv|-`
 *
 * Reads a long CSV (series_id, period, value; blank value = missing), forecasts every series with
 * forecastSeries and writes series_id, step, forecast, lo/hi per level and model. A file's series may
 * interleave; many series are spread over worker threads, with progress on stderr. With "-" as the
 * history the lines are read from standard input and forecast one series at a time as they stream by
 * (each series' lines together), written to standard output (or --out). A series the named method
 * cannot fit is forecast in automatic mode, and its model says so; a series nothing can forecast gets
 * an error row; both are counted on stderr, and the run goes on.
 * @param args - command-line arguments after "forecast"
 * @returns exit code: 0 when the run went through (error rows included), 1 for bad options or an unreadable input
 * @example await runForecastCommand(["history.csv", "--horizon", "12", "--out", "forecasts.csv"])
 */
export async function runForecastCommand(args: string[]): Promise<number> {
  try {
    const options = parseArguments(args);
    validateForecastOptions(options.horizon, options.seasonLength, options.levels);
    if (options.method.trim().toLowerCase() !== "auto") forecasterById(options.method.trim().toLowerCase());
    if (options.input === STANDARD_STREAM) return await forecastStandardInput(options);
    if (!fs.existsSync(options.input)) throw new PlanningError(`The history file ${options.input} does not exist.`);
    const series = readHistoryCsv(fs.readFileSync(options.input, "utf8"), path.basename(options.input));
    const input: BatchInput = { series, horizon: options.horizon, seasonLength: options.seasonLength, method: options.method, levels: options.levels };
    const total = series.length;
    let tenths = 0;
    const report = (done: number): void => {
      if (total < PROGRESS_THRESHOLD || Math.floor((10 * done) / total) <= tenths) return;
      tenths = Math.floor((10 * done) / total);
      process.stderr.write(`forecast: ${done}/${total} series\n`);
    };
    const workerFile = path.join(__dirname, "forecastWorker.js");
    const results =
      total >= PARALLEL_THRESHOLD && os.cpus().length > 1 && fs.existsSync(workerFile)
        ? await forecastInParallel(input, workerFile, report)
        : forecastBatch(input, report);
    const csv = writeForecastCsv(options.levels, results);
    if (options.out === STANDARD_STREAM) process.stdout.write(csv);
    else if (options.out !== undefined) writeOutputFile(options.out, csv, [options.input]);
    const failed = results.flatMap((r) => ("error" in r ? [`series ${r.id}: ${r.error}`] : []));
    reportOutcomes({ total, failures: failed.length, firstFailures: failed.slice(0, FAILURES_NAMED), fallbacks: results.filter(isFallback).length });
    if (total >= PROGRESS_THRESHOLD) process.stderr.write(`forecast: ${total} series written to ${options.out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PlanningError) {
      process.stderr.write(`sop forecast: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Stream standard input to standard output (or to --out), one series at a time. */
async function forecastStandardInput(options: ForecastArguments): Promise<number> {
  if (options.out === undefined || options.out === STANDARD_STREAM) {
    reportOutcomes(await forecastStream(process.stdin, process.stdout, options, "standard input"));
    return 0;
  }
  const temporary = temporaryFileFor(options.out);
  const output = fs.createWriteStream(temporary);
  const failed = new Promise<never>((_, reject) => output.once("error", (error) => reject(new PlanningError(`Cannot write "${options.out}": ${error.message}.`))));
  const outcomes = await Promise.race([forecastStream(process.stdin, output, options, "standard input"), failed]).catch((error: unknown) => {
    output.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  });
  await Promise.race([new Promise<void>((resolve) => output.end(resolve)), failed]);
  replaceWith(options.out, temporary);
  reportOutcomes(outcomes);
  return 0;
}
