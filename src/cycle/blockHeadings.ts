/**
 * Reports printed by item: each item's block of lines (a date and a quantity column under their own
 * header row) under a heading line that names the item ("Item: CH-101", "Material 100234 - Office
 * chair"), and sometimes its location ("Plant: 1000"), the header row repeated for every block.
 */
import type { CellValue } from "../workbook/workbook";
import { isBlank } from "./cellValues";
import { historyFieldOf } from "./headerNames";

/** What a heading line names for the lines under it. */
export interface HeadingKeys {
  item?: string;
  location?: string;
}

/**
 * The item and location a heading line names: a cell "Label: value" or "Label value", or a label cell
 * followed by its value (without a colon, a value with a digit: a code), where the label names an item ("Item", "Material", "SKU", "Artikel") or a
 * location ("Plant", "Warehouse"). The item is the value's first word (a description may follow); the
 * location the whole value. Undefined for a line naming neither, or holding a number that is not a
 * label's value (a line of data).
 * @param row the line's cells
 * @example headingKeys(["Item: CH-101 Office chair"]) // { item: "CH-101" }
 * @example headingKeys(["Material", 100234, null, "Plant:", "Hamburg"]) // { item: "100234", location: "Hamburg" }
 */
export function headingKeys(row: readonly CellValue[]): HeadingKeys | undefined {
  const cells = row.filter((cell) => !isBlank(cell ?? null));
  const keys: HeadingKeys = {};
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[k];
    if (typeof cell !== "string") return undefined;
    const labelled = labelledValue(cell);
    if (!labelled) continue;
    const value = labelled.value !== "" ? labelled.value : k + 1 < cells.length && labelledValue(String(cells[k + 1])) === undefined ? String(cells[++k]).trim() : "";
    if (value === "") continue;
    if (labelled.field === "item") keys.item ??= value.split(/\s+/)[0];
    else keys.location ??= value;
  }
  return keys.item === undefined && keys.location === undefined ? undefined : keys;
}

/** A cell's label naming an item or a location and the value after it ("" when the value is in the next cell). */
function labelledValue(cell: string): { field: "item" | "location"; value: string } | undefined {
  const text = cell.trim();
  const colon = /^([^:#]{1,30}?)\s*[:#]\s*(.*)$/.exec(text);
  const words = text.split(/\s+/);
  const splits = colon ? [[colon[1], colon[2]]] : [1, 2, 3].map((count) => [words.slice(0, count).join(" "), words.slice(count).join(" ")]);
  for (const [label, value] of splits) {
    const field = historyFieldOf(label);
    // without a colon the value must look like a code ("Item CH-101"), not words ("Product sales report")
    if ((field === "item" || field === "location") && (colon || value === "" || /\d/.test(value.split(/\s+/)[0]))) return { field, value: value.replace(/^\s*-\s*/, "").trim() };
  }
  return undefined;
}

/**
 * The keys of the heading lines right above a header row (blank lines between skipped), nearest last:
 * what the first block's lines take before any heading among them.
 * @param rows the block's rows
 * @param headerRow the header row's index
 * @example keysAbove([["Item: A-1"], [], ["Month", "Qty"]], 2) // { item: "A-1" }
 */
export function keysAbove(rows: readonly (readonly CellValue[])[], headerRow: number): HeadingKeys | undefined {
  let keys: HeadingKeys | undefined;
  for (let row = headerRow - 1; row >= 0 && row >= headerRow - 4; row--) {
    if (rows[row].every((cell) => isBlank(cell ?? null))) continue;
    const found = headingKeys(rows[row]);
    if (!found) break;
    keys = { ...found, ...keys };
  }
  return keys;
}

/**
 * True for a line repeating the header row at the given columns (each block's own header row).
 * @example repeatsHeader(["Month", "Qty"], ["Month", "Qty"], [0, 1]) // true
 */
export function repeatsHeader(row: readonly CellValue[], header: readonly CellValue[], columns: readonly number[]): boolean {
  const text = (cell: CellValue | undefined): string => (typeof cell === "string" ? cell.trim().toLowerCase() : "");
  return columns.every((column) => text(header[column]) !== "" && text(row[column]) === text(header[column]));
}
