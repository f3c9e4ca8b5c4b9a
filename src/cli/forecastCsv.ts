import { csvField } from "./csv";
import { PlanningError } from "../core/errors";

/** One series read from a long history CSV. */
export interface HistorySeries {
  id: string;
  /** Values in row order; null for a blank value. */
  values: (number | null)[];
}

/** Split one CSV line into fields (RFC 4180 quotes, "" inside quotes is a quote). */
function splitCsvLine(line: string): string[] {
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
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/**
 * Read a long history CSV: columns series_id, period, value (others ignored; header names are
 * case-insensitive), rows in period order within each series, a blank value = missing.
 * @param text - the file's content
 * @param fileName - name used in messages
 * @returns the series in order of first appearance
 * @throws PlanningError when a column is missing or a value is not a number
 * @example readHistoryCsv("series_id,period,value\nA,1,10\nA,2,\n", "h.csv") // [{ id: "A", values: [10, null] }]
 */
export function readHistoryCsv(text: string, fileName: string): HistorySeries[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) {
      throw new PlanningError(`${fileName} has no "${name}" column. The history needs the columns series_id, period and value.`);
    }
    return at;
  };
  const idColumn = column("series_id");
  column("period");
  const valueColumn = column("value");
  const series = new Map<string, HistorySeries>();
  for (let row = 1; row < lines.length; row++) {
    if (lines[row].trim() === "") continue;
    const fields = splitCsvLine(lines[row]);
    const id = fields[idColumn] ?? "";
    const raw = fields[valueColumn] ?? "";
    const value = raw === "" ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) {
      throw new PlanningError(`${fileName}, line ${row + 1}: the value "${raw}" of series ${id} is not a number. Leave it blank if it is missing.`);
    }
    let entry = series.get(id);
    if (!entry) {
      entry = { id, values: [] };
      series.set(id, entry);
    }
    entry.values.push(value);
  }
  if (series.size === 0) throw new PlanningError(`${fileName} holds no history rows.`);
  return [...series.values()];
}

/** Write a number compactly with up to 10 significant digits. */
function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(10))) : "";
}

/** Quote a CSV field when it needs it. */

/** Forecast rows of one series, ready to write. */
export interface SeriesForecastRows {
  id: string;
  mean: number[];
  intervals: { level: number; lower: number[]; upper: number[] }[];
  model: string;
}

/**
 * Write forecasts as CSV: series_id, step, forecast, lo<L>, hi<L> per level, model.
 * @param levels - interval levels, in column order
 * @param forecasts - one entry per series
 * @returns the CSV text
 * @example writeForecastCsv([80], [{ id: "A", mean: [1], intervals: [{ level: 80, lower: [0], upper: [2] }], model: "Naive" }])
 */
export function writeForecastCsv(levels: readonly number[], forecasts: readonly SeriesForecastRows[]): string {
  const header = ["series_id", "step", "forecast", ...levels.flatMap((l) => [`lo${l}`, `hi${l}`]), "model"];
  const lines = [header.join(",")];
  for (const f of forecasts) {
    f.mean.forEach((m, i) => {
      const bounds = f.intervals.flatMap((interval) => [formatNumber(interval.lower[i]), formatNumber(interval.upper[i])]);
      lines.push([csvField(f.id), String(i + 1), formatNumber(m), ...bounds, csvField(f.model)].join(","));
    });
  }
  return lines.join("\n") + "\n";
}
