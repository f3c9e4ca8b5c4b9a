/**
 * `sop forecast -`: forecasts a history read from standard input and written to standard output as it
 * goes, one series at a time, so that memory holds one series whatever the stream's length. A stream
 * can then be spread by series_id over GNU parallel on one machine, or Spark's RDD.pipe / Hadoop
 * streaming across many.
 */
import * as readline from "readline";
import type { Readable, Writable } from "stream";
import { once } from "events";
import { PlanningError } from "../core/errors";
import { forecastOne, isFallback } from "./forecastBatch";
import type { ForecastSettings } from "./forecastBatch";
import { addRow, csvSeparator, forecastCsvHeader, forecastCsvLines, historyColumns, readHistoryRow, splitCsvLine } from "./forecastCsv";
import type { HistoryColumns, HistorySeries, SeriesOutput } from "./forecastCsv";

/** What a run did: its series, error rows and fallbacks. */
export interface StreamSummary {
  total: number;
  /** Series written as an error row. */
  failures: number;
  /** The first few error rows' series and reasons, for messages. */
  firstFailures: string[];
  /** Series forecast in automatic mode because the named method could not fit them. */
  fallbacks: number;
}

/** How many error rows a summary names one by one. */
export const FAILURES_NAMED = 10;

/** Columns of a stream without a header line: series_id, period, value. */
const HEADERLESS: HistoryColumns = { id: 0, period: 1, value: 2, separator: "," };

/**
 * Forecast a long history stream (series_id, period, value) series by series. Each series' lines must
 * stand together (as after a sort by series_id, or GNU parallel's --group-by); a series that appears
 * again after another gets an error row for its later lines. A first line without a "series_id" field
 * is data, read as series_id, period, value (Spark and Hadoop pipe lines without a header). The output
 * is the forecast CSV of `sop forecast`, header first.
 * @param input - the history lines
 * @param output - where the forecast CSV goes
 * @param settings - horizon, season length, method, levels (checked before)
 * @param name - what the stream is called in messages, e.g. "standard input"
 * @returns counts of series, error rows (the first few named) and fallbacks
 * @throws PlanningError when the stream holds no history line
 * @example await forecastStream(process.stdin, process.stdout, { horizon: 6, method: "auto", levels: [80, 95] }, "standard input")
 */
export async function forecastStream(input: Readable, output: Writable, settings: ForecastSettings, name: string): Promise<StreamSummary> {
  const summary: StreamSummary = { total: 0, failures: 0, firstFailures: [], fallbacks: 0 };
  const finished = new Set<string>();
  let columns: HistoryColumns | undefined;
  let current: HistorySeries | undefined;
  let line = 0;

  const write = async (text: string): Promise<void> => {
    if (!output.write(text)) await once(output, "drain");
  };
  const emit = async (series: HistorySeries): Promise<void> => {
    const result: SeriesOutput = forecastOne(series, settings);
    summary.total++;
    if ("error" in result) {
      summary.failures++;
      if (summary.firstFailures.length < FAILURES_NAMED) summary.firstFailures.push(`series ${result.id}: ${result.error}`);
    } else if (isFallback(result)) summary.fallbacks++;
    finished.add(series.id);
    await write(forecastCsvLines(settings.levels, result).join("\n") + "\n");
  };

  await write(forecastCsvHeader(settings.levels) + "\n");
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const raw = line === 1 ? text.replace(/^\uFEFF/, "") : text;
    if (raw.trim() === "") continue;
    const separator = columns?.separator ?? csvSeparator(raw);
    const fields = splitCsvLine(raw, separator);
    if (columns === undefined) {
      const headed = fields.some((field) => field.toLowerCase() === "series_id");
      columns = headed ? historyColumns(fields, name, separator) : HEADERLESS;
      if (headed) continue;
    }
    const row = readHistoryRow(fields, columns, `${name}, line ${line}`);
    if (current && current.id !== row.id) {
      await emit(current);
      current = undefined;
    }
    if (!current) {
      current = { id: row.id, values: [] };
      if (finished.has(row.id)) {
        current.problem = `series ${row.id} appears again at ${name}, line ${line}, after other series: a stream must hold each series' lines together (sort it by series_id); these lines were not forecast.`;
      }
    }
    addRow(current, row);
  }
  if (current) await emit(current);
  if (summary.total === 0) throw new PlanningError(`${name} holds no history rows.`);
  return summary;
}
