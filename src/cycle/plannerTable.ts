/**
 * How step 3 reads the planner's own tables (SOP Locations, SOP Lanes, SOP Item Locations, SOP
 * Receipts): a header in row 1, columns in any order found by their (normalised) header, blank rows
 * skipped, and every error naming the cell it is about.
 */
import { PlanningError } from "../core/errors";
import { sheetCellAddress } from "../workbook/address";
import type { CellValue, Workbook } from "../workbook/workbook";
import { isBlank, toNumber } from "./cellValues";
import { normalizeHeader } from "./headerNames";
import { readIfPresent } from "./ownedSheets";

/** A planner's table: its header (normalised) and its rows that are not blank. */
export interface PlannerTable {
  sheet: string;
  header: string[];
  rows: CellValue[][];
}

/**
 * A planner's table, or undefined when the workbook has no such sheet (or it is empty).
 * @example const lanes = await readTable(book, "SOP Lanes"); lanes?.header // ["from", "to", "transit months"]
 */
export async function readTable(workbook: Workbook, sheet: string): Promise<PlannerTable | undefined> {
  const [header, ...rows] = await readIfPresent(workbook, sheet);
  if (header === undefined) return undefined;
  return { sheet, header: header.map(normalizeHeader), rows: rows.filter((row) => row.some((cell) => !isBlank(cell ?? null))) };
}

/**
 * The column whose header is, or starts with, one of the names (normalised), or -1.
 * @example column(table, ["transit months", "transit"]) // 2 for a header "Transit (months)" in column C
 */
export function column(table: PlannerTable, names: readonly string[]): number {
  return table.header.findIndex((h) => names.some((name) => h === name || h.startsWith(`${name} `)));
}

/**
 * The column of one of the names, the first of which is the one a planner is told to add.
 * @throws PlanningError naming the sheet, the header wanted and the headers it has
 */
export function requiredColumn(table: PlannerTable, names: readonly string[]): number {
  const k = column(table, names);
  if (k < 0) throw new PlanningError(`${table.sheet} needs a column headed "${names[0]}" in row 1 (it has ${table.header.filter((h) => h !== "").join(", ") || "no headers"}).`);
  return k;
}

/**
 * The address of a cell of the table's r-th row (from 0, below the header) in column k (from 0).
 * @example address(lanes, 1, 1) // "'SOP Lanes'!B3"
 */
export function address(table: PlannerTable, r: number, k: number): string {
  return sheetCellAddress(table.sheet, { row: r + 1, col: k });
}

/** The text of a cell, trimmed; "" for a blank cell or an absent column (k < 0). */
export function text(table: PlannerTable, r: number, k: number): string {
  const cell = k < 0 ? null : (table.rows[r][k] ?? null);
  return cell === null ? "" : String(cell).trim();
}

/**
 * A number from 0 in a cell.
 * @param what the column as the planner reads it, for the message
 * @param blank the value of an empty cell (or absent column); undefined when the cell must be filled
 * @param whole whether the number must be whole
 * @throws PlanningError naming the cell when it is not such a number, or is empty and must be filled
 */
export function amount(table: PlannerTable, r: number, k: number, what: string, blank: number | undefined, whole = false): number {
  const cell = k < 0 ? null : (table.rows[r][k] ?? null);
  if (isBlank(cell)) {
    if (blank !== undefined) return blank;
    throw new PlanningError(`${address(table, r, k)} (${what}) is empty: give ${whole ? "a whole number" : "a number"} from 0, or delete the row.`);
  }
  const value = toNumber(cell);
  if (value === null || value < 0 || (whole && !Number.isInteger(value))) {
    throw new PlanningError(
      `${address(table, r, k)} (${what}) must be ${whole ? "a whole number" : "a number"} from 0; it holds "${String(cell)}". ${blank === undefined ? "Correct it." : "Correct it, or clear it for the default."}`,
    );
  }
  return value;
}
