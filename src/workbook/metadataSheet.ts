/**
 * The add-in's own records inside a workbook: a very hidden sheet ("_sop_meta") with one key per row
 * in column A and its value in column B. Excel caps a cell at 32,767 characters, so a long value (a
 * mapping, a chart list) continues in columns C, D, ... Because the records live in the file itself,
 * they survive save, reload, e-mail and real Excel.
 */
import type { ChartSpec, Matrix } from "./workbook";

/** Name of the very hidden sheet that holds the metadata. */
export const METADATA_SHEET = "_sop_meta";

/** Metadata key listing the sheets the add-in created (JSON array of names). */
export const OWNED_SHEETS_KEY = "_ownedSheets";

/** Metadata key listing the charts asked for (JSON array of ChartSpec). */
export const CHARTS_KEY = "_charts";

const CHUNK = 30000;

/**
 * Read the key/value records from the metadata sheet's values.
 * @param values the sheet's cells from A1 (blank rows are skipped).
 * @returns A map of key to value (the chunks of a long value joined).
 * @example decodeMetadata([["mapping", "{}"]]).get("mapping") // "{}"
 */
export function decodeMetadata(values: Matrix): Map<string, string> {
  const entries = new Map<string, string>();
  for (const row of values) {
    const key = row[0];
    if (typeof key !== "string" || key === "") continue;
    entries.set(key, row.slice(1).map((cell) => (cell === null ? "" : String(cell))).join(""));
  }
  return entries;
}

/**
 * Lay the records out as a rectangular block of text for the metadata sheet, from A1.
 * @param entries key to value.
 * @returns Rows of [key, chunk, chunk, ...], padded with "" to the same width.
 * @example encodeMetadata(new Map([["a", "1"]])) // [["a", "1"]]
 */
export function encodeMetadata(entries: ReadonlyMap<string, string>): string[][] {
  const rows: string[][] = [];
  for (const [key, value] of entries) {
    const chunks: string[] = [];
    for (let start = 0; start < value.length; start += CHUNK) chunks.push(value.slice(start, start + CHUNK));
    rows.push([key, ...(chunks.length > 0 ? chunks : [""])]);
  }
  const width = Math.max(2, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...new Array<string>(width - row.length).fill("")]);
}

/**
 * The names of the sheets the add-in created, from the metadata.
 * @example ownedSheets(new Map([["_ownedSheets", '["Forecast"]']])) // ["Forecast"]
 */
export function ownedSheets(entries: ReadonlyMap<string, string>): string[] {
  return parseStringList(entries.get(OWNED_SHEETS_KEY));
}

/**
 * The charts recorded in the metadata (the in-memory workbook cannot draw them; Excel can).
 * @example recordedCharts(new Map()) // []
 */
export function recordedCharts(entries: ReadonlyMap<string, string>): ChartSpec[] {
  const text = entries.get(CHARTS_KEY);
  if (text === undefined || text === "") return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter(isChartSpec) : [];
}

function parseStringList(text: string | undefined): string[] {
  if (text === undefined || text === "") return [];
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((name): name is string => typeof name === "string") : [];
}

function isChartSpec(value: unknown): value is ChartSpec {
  if (typeof value !== "object" || value === null) return false;
  const spec = value as Record<string, unknown>;
  return ["sheet", "kind", "title", "dataAddress", "anchor"].every((key) => typeof spec[key] === "string");
}
