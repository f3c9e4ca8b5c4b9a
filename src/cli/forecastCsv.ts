import { csvField } from "./csv";
import { PlanningError } from "../core/errors";
import { MAX_MAGNITUDE } from "../core/magnitude";
import { decimalCommaNumber } from "../cycle/cellValues";
import { CALENDAR_LABELS } from "../cycle/periods";

/** One series read from a long history CSV. */
export interface HistorySeries {
  id: string;
  /** Values in row order; null for a blank value. */
  values: (number | null)[];
  /** The first few period labels (up to CALENDAR_LABELS), from which the calendar's season length is read. */
  periods?: string[];
  /** Why this series cannot be forecast as read (a value that is not a number, named by its line); it gets an error row. */
  problem?: string;
}

/** Where the history columns are in each line, and how the file writes its fields. */
export interface HistoryColumns {
  id: number;
  period: number;
  value: number;
  /** "," as CSV is written in English; ";" as European exports write it, with a decimal comma in the values; a tab (tab-separated values). */
  separator: CsvSeparator;
}

/** The field separator of a history file. */
export type CsvSeparator = "," | ";" | "\t";

/**
 * The separator a history file's header line uses: a tab when it holds tabs (tab-separated values, as
 * R's write.table and database tools write them); ";" when it holds semicolons and no comma (a
 * European export, whose values then write decimals with a comma); else ",".
 * @example csvSeparator("series_id;period;value") // ";"
 */
export function csvSeparator(header: string): CsvSeparator {
  if (header.includes("\t")) return "\t";
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

/** Values that mark a missing number as R, pandas, databases and Excel write it: read as blank. */
const MISSING_MARKERS = new Set(["na", "n/a", "nan", "-nan", "#n/a", "#na", "<na>", "null", "none"]);

/** One history line, read: its series, period label and value, or why the value cannot be used. */
export type HistoryRow = { id: string; period: string } & ({ value: number | null; problem?: undefined } | { value?: undefined; problem: string });

/**
 * Split one CSV line into fields (RFC 4180 quotes, "" inside quotes is a quote), trimmed.
 * @param separator - the field separator, "," unless the file uses ";"
 * @example splitCsvLine('"B, north",3,6') // ["B, north", "3", "6"]
 */
export function splitCsvLine(line: string, separator: CsvSeparator = ","): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Find the series_id, period and value columns in a header line (names case-insensitive, other columns ignored).
 * @param header - the header line's fields
 * @param fileName - name used in messages
 * @param separator - the file's field separator (csvSeparator of its header line)
 * @throws PlanningError naming a missing column
 * @example historyColumns(["series_id", "period", "value"], "h.csv") // { id: 0, period: 1, value: 2, separator: "," }
 */
export function historyColumns(header: readonly string[], fileName: string, separator: CsvSeparator = ","): HistoryColumns {
  const names = header.map((h) => h.toLowerCase());
  const column = (name: string): number => {
    const at = names.indexOf(name);
    if (at < 0) {
      throw new PlanningError(`${fileName} has no "${name}" column. The history needs the columns series_id, period and value.`);
    }
    return at;
  };
  return { id: column("series_id"), period: column("period"), value: column("value"), separator };
}

/**
 * Read one history line: its series id, period label and value (blank, or a missing-value marker such
 * as NA, NaN, #N/A or NULL = missing), or the problem with its value.
 * @param fields - the line's fields
 * @param columns - where series_id, period and value are
 * @param where - the line, for messages, e.g. "h.csv, line 3"
 * @example readHistoryRow(["A", "2", "abc"], { id: 0, period: 1, value: 2, separator: "," }, "h.csv, line 3").problem // 'h.csv, line 3: the value "abc" ...'
 */
export function readHistoryRow(fields: readonly string[], columns: HistoryColumns, where: string): HistoryRow {
  const id = fields[columns.id] ?? "";
  const period = fields[columns.period] ?? "";
  const raw = fields[columns.value] ?? "";
  const value = raw === "" || MISSING_MARKERS.has(raw.toLowerCase()) ? null : columns.separator === ";" ? (decimalCommaNumber(raw) ?? NaN) : Number(raw);
  if (value !== null && !Number.isFinite(value)) {
    return { id, period, problem: `${where}: the value "${raw}" of series ${id} is not a number. Leave it blank if it is missing.` };
  }
  if (value !== null && Math.abs(value) > MAX_MAGNITUDE) {
    return { id, period, problem: `${where}: the value ${raw} of series ${id} is beyond the ±1e15 a forecast takes: check it for a unit or scale mistake.` };
  }
  return { id, period, value };
}

/**
 * Add one read line to its series: the value, or the series' first problem; its period label while
 * the series has fewer than CALENDAR_LABELS.
 * @example addRow({ id: "A", values: [] }, { id: "A", period: "2024-01", value: 3 }) // values [3], periods ["2024-01"]
 */
export function addRow(series: HistorySeries, row: HistoryRow): void {
  series.periods ??= [];
  if (series.periods.length < CALENDAR_LABELS) series.periods.push(row.period);
  if (row.problem !== undefined) series.problem ??= row.problem;
  else series.values.push(row.value);
}

/**
 * Read a long history CSV: columns series_id, period, value (others ignored; header names are
 * case-insensitive; fields separated by commas, or by semicolons with decimal commas in the values as
 * European exports write them), rows in period order within each series (the series may interleave), a blank
 * value = missing. A value that is not a number marks only its own series, which then gets an error
 * row: one bad line never stops the other series.
 * @param text - the file's content
 * @param fileName - name used in messages
 * @returns the series in order of first appearance
 * @throws PlanningError when a column is missing or the file holds no rows
 * @example readHistoryCsv("series_id,period,value\nA,1,10\nA,2,\n", "h.csv") // [{ id: "A", values: [10, null], periods: ["1", "2"] }]
 */
export function readHistoryCsv(text: string, fileName: string): HistorySeries[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const separator = csvSeparator(lines[0] ?? "");
  const columns = historyColumns(splitCsvLine(lines[0] ?? "", separator), fileName, separator);
  const series = new Map<string, HistorySeries>();
  for (let row = 1; row < lines.length; row++) {
    if (lines[row].trim() === "") continue;
    const read = readHistoryRow(splitCsvLine(lines[row], separator), columns, `${fileName}, line ${row + 1}`);
    let entry = series.get(read.id);
    if (!entry) {
      entry = { id: read.id, values: [] };
      series.set(read.id, entry);
    }
    addRow(entry, read);
  }
  if (series.size === 0) throw new PlanningError(`${fileName} holds no history rows.`);
  return [...series.values()];
}

/** Write a number compactly with up to 10 significant digits. */
function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(10))) : "";
}

/** Forecast rows of one series, ready to write. */
export interface SeriesForecastRows {
  id: string;
  mean: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  model: string;
}

/** A series that could not be forecast: one error row. */
export interface SeriesFailure {
  id: string;
  error: string;
}

/** What is written for one series. */
export type SeriesOutput = SeriesForecastRows | SeriesFailure;

/**
 * The header line of a forecast CSV: series_id, step, forecast, lo<L>, hi<L> per level, model.
 * @example forecastCsvHeader([80]) // "series_id,step,forecast,lo80,hi80,model"
 */
export function forecastCsvHeader(levels: readonly number[]): string {
  return ["series_id", "step", "forecast", ...levels.flatMap((l) => [`lo${l}`, `hi${l}`]), "model"].join(",");
}

/**
 * The lines of one series in a forecast CSV: one per step, or for a failure one line with blank
 * numbers and "error: <reason>" in the model column.
 * @example forecastCsvLines([80], { id: "A", error: "no values" }) // ['A,,,,,"error: no values"'] (quoted only when needed)
 */
export function forecastCsvLines(levels: readonly number[], output: SeriesOutput): string[] {
  if ("error" in output) return [[csvField(output.id), "", "", ...levels.flatMap(() => ["", ""]), csvField(`error: ${output.error}`)].join(",")];
  return output.mean.map((m, i) => {
    const bounds = output.intervals.flatMap((interval) => [formatNumber(interval.lower[i]), formatNumber(interval.upper[i])]);
    return [csvField(output.id), String(i + 1), formatNumber(m), ...bounds, csvField(output.model)].join(",");
  });
}

/**
 * Write forecasts as CSV: series_id, step, forecast, lo<L>, hi<L> per level, model.
 * @param levels - interval levels, in column order
 * @param outputs - one entry per series
 * @returns the CSV text
 * @example writeForecastCsv([80], [{ id: "A", mean: [1], intervals: [{ level: 80, lower: [0], upper: [2] }], model: "Naive" }])
 */
export function writeForecastCsv(levels: readonly number[], outputs: readonly SeriesOutput[]): string {
  return [forecastCsvHeader(levels), ...outputs.flatMap((output) => forecastCsvLines(levels, output))].join("\n") + "\n";
}
