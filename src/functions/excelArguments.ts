import { PlanningError } from "../core/errors";
import { excelErrorValue, type ExcelErrorValue } from "./excelError";

/** Whether a 1-D input came as a column (n x 1) or a row (1 x n); results spill the same way. */
export type Orientation = "column" | "row";

/** How blank cells inside a number range are read. */
export type BlankPolicy = "missing" | "zero" | "error";

/** A series read from one row or one column of cells. */
export interface ExcelSeries {
  values: (number | null)[];
  orientation: Orientation;
}

/** The largest number of cells one function call accepts (Excel's 5 MB payload limit per call). */
export const MAX_CELLS = 250_000;

const isBlank = (cell: unknown): boolean => cell === null || cell === undefined || cell === "";

function describeCell(cell: unknown): string {
  return typeof cell === "string" ? `"${cell}"` : String(cell);
}

/**
 * Read one row or one column of cells as numbers.
 * @param cells the range as Excel passes it (rows of cells)
 * @param name the argument's name, used in error messages
 * @param blanks "missing" keeps blanks as null, "zero" reads them as 0, "error" refuses them
 * @throws PlanningError for a 2-D range, text, error values, booleans, or blanks when refused
 */
export function readSeries(cells: unknown[][], name: string, blanks: BlankPolicy): ExcelSeries {
  const rows = cells.length;
  const columns = rows > 0 ? cells[0].length : 0;
  if (rows === 0 || columns === 0) throw new PlanningError(`${name} is empty: select the cells that hold it.`);
  if (rows > 1 && columns > 1) {
    throw new PlanningError(
      `${name} must be one row or one column, but the range has ${rows} rows and ${columns} columns.`,
    );
  }
  if (rows * columns > MAX_CELLS) {
    throw new PlanningError(
      `${name} has ${rows * columns} cells, more than the ${MAX_CELLS} one function call can take: use the S&OP task pane for data this large.`,
    );
  }
  const flat = columns === 1 ? cells.map((row) => row[0]) : cells[0];
  const values = flat.map((cell, index) => readCell(cell, name, index, blanks));
  return { values, orientation: rows === 1 && columns > 1 ? "row" : "column" };
}

function readCell(cell: unknown, name: string, index: number, blanks: BlankPolicy): number | null {
  const position = `value ${index + 1} of ${name}`;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw new PlanningError(`${position} is not a finite number.`);
    return cell;
  }
  if (isBlank(cell)) {
    if (blanks === "zero") return 0;
    if (blanks === "missing") return null;
    throw new PlanningError(`${position} is blank: fill it with a number (0 if nothing happened).`);
  }
  if (typeof cell === "string" && cell.startsWith("#")) {
    throw new PlanningError(`${position} is the error ${cell}: fix that cell first.`, "notAvailable");
  }
  if (typeof cell === "object" && cell !== null && "message" in cell) {
    throw new PlanningError(`${position} holds an Excel error: fix that cell first.`, "notAvailable");
  }
  throw new PlanningError(`${position} is ${describeCell(cell)}, not a number: enter a number there.`);
}

/**
 * Read a series in which every cell must hold a number (blanks counted as 0 only when `blanksAsZero`).
 * @throws PlanningError as readSeries
 */
export function readNumbers(cells: unknown[][], name: string, blanksAsZero = false): { values: number[]; orientation: Orientation } {
  const series = readSeries(cells, name, blanksAsZero ? "zero" : "error");
  return { values: series.values as number[], orientation: series.orientation };
}

const periodCount = (n: number): string => `${n} period${n === 1 ? "" : "s"}`;

/**
 * Check that several series cover the same periods.
 * @throws PlanningError naming each argument and its length when they differ
 */
export function assertSameLength(series: Record<string, { values: readonly unknown[] }>): void {
  const entries = Object.entries(series);
  const [firstName, first] = entries[0];
  for (const [name, other] of entries.slice(1)) {
    if (other.values.length !== first.values.length) {
      throw new PlanningError(
        `${firstName} has ${periodCount(first.values.length)} but ${name} has ${periodCount(other.values.length)}: select ranges of the same length.`,
      );
    }
  }
}

/**
 * Read an optional whole number argument within bounds.
 * @throws PlanningError (#VALUE! in Excel, with this message) when it is not a whole number in [min, max]
 */
export function readWholeNumber(value: number | null | undefined, name: string, min: number, max: number, fallback?: number): number {
  if (value === null || value === undefined) {
    if (fallback === undefined) throw new PlanningError(`${name} is required.`);
    return fallback;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PlanningError(`${name} must be a whole number from ${min} to ${max}; you gave ${value}.`);
  }
  return value;
}

/**
 * Read an optional choice among named options, case-insensitive.
 * @throws PlanningError listing the options when the value is not one of them
 */
export function readChoice<T extends string>(value: string | null | undefined, name: string, options: readonly T[], fallback: T): T {
  if (value === null || value === undefined || value === "") return fallback;
  const found = options.find((option) => option.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new PlanningError(`${name} "${value}" is not known: use one of ${options.join(", ")}.`);
  return found;
}

/** A value a function returns into one cell: a number, text, or an Excel error value. */
export type ResultCell = number | string | ExcelErrorValue;

/**
 * Lay out result series in the orientation of the input: a column input gives one column per
 * result series, a row input gives one row per result series. A NaN becomes `undefinedCell`
 * (an Excel error value saying why the number does not exist), or #NUM! when none is given.
 */
export function spill(
  series: readonly (readonly (number | string)[])[],
  orientation: Orientation,
  undefinedCell: ExcelErrorValue = excelErrorValue("invalidNumber", "This number cannot be computed from the data given."),
): ResultCell[][] {
  const cell = (value: number | string | undefined): ResultCell =>
    value === undefined ? "" : typeof value === "number" && Number.isNaN(value) ? undefinedCell : value;
  if (orientation === "row") return series.map((values) => values.map(cell));
  const length = Math.max(...series.map((values) => values.length));
  return Array.from({ length }, (_, i) => series.map((values) => cell(values[i])));
}
