import { PlanningError } from "../core/errors";
import { MAX_MAGNITUDE } from "../core/magnitude";
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

/**
 * The largest number of cells one range argument may have (a forecasting or planning call takes fewer):
 * within Excel's 5 MB payload per call, and answered within 2 s (tests/functions/fuzz.test.ts calls every
 * function at this size).
 */
export const MAX_CELLS = 100_000;

const isBlank = (cell: unknown): boolean => cell === null || cell === undefined || cell === "";

function describeCell(cell: unknown): string {
  return typeof cell === "string" ? `"${cell}"` : String(cell);
}

/** Whether a value is an Excel error value as a function receives it (an object with a message, or "#N/A" text). */
const isErrorValue = (cell: unknown): boolean =>
  (typeof cell === "string" && cell.startsWith("#")) || (typeof cell === "object" && cell !== null && !Array.isArray(cell) && "message" in cell);

/**
 * Read a range argument as Excel passes it: rows of cells, all rows as long as the first. A single
 * value (Excel passes one cell as a 1 x 1 range) is taken as a 1 x 1 range.
 * @param cells the argument as received
 * @param name the argument's name, used in error messages
 * @param maxCells the most cells this argument may have in one call
 * @throws PlanningError for an empty range, rows of unequal length, or more than `maxCells` cells
 * @example readRange(5, "price") // [[5]]
 */
export function readRange(cells: unknown, name: string, maxCells = MAX_CELLS): unknown[][] {
  const rows = Array.isArray(cells) ? cells : [[cells]];
  if (!rows.every((row) => Array.isArray(row))) throw new PlanningError(`${name} is not a range of cells: select the cells that hold it.`);
  const grid = rows as unknown[][];
  const columns = grid.length > 0 ? grid[0].length : 0;
  if (grid.length === 0 || columns === 0) throw new PlanningError(`${name} is empty: select the cells that hold it.`);
  if (grid.some((row) => row.length !== columns)) throw new PlanningError(`${name} has rows of different lengths: select a rectangular range.`);
  if (grid.length * columns > maxCells) {
    throw new PlanningError(
      `${name} has ${grid.length * columns} cells, more than the ${maxCells} one call of this function takes: use the S&OP task pane for data this large.`,
    );
  }
  return grid;
}

/**
 * Read a cell that names something (an item, a family, a location): text trimmed, a number as its
 * digits (item codes are often numbers), a blank as "".
 * @param where the cell in the planner's words, used in error messages ("row 3 of hierarchy")
 * @throws PlanningError for TRUE/FALSE or an error value (as #N/A)
 * @example readLabel(1001, "row 2 of forecasts") // "1001"
 */
export function readLabel(cell: unknown, where: string): string {
  if (isBlank(cell)) return "";
  if (typeof cell === "number") return String(checkMagnitude(cell, `the name in ${where}`));
  if (typeof cell === "string" && !isErrorValue(cell)) return cell.trim();
  if (isErrorValue(cell)) throw new PlanningError(`The name in ${where} is an Excel error: fix that cell first.`, "notAvailable");
  throw new PlanningError(`The name in ${where} is ${describeCell(cell)}: type the name of the item, group or location there.`);
}

/**
 * Read one row or one column of cells as numbers.
 * @param cells the range as Excel passes it (rows of cells)
 * @param name the argument's name, used in error messages
 * @param blanks "missing" keeps blanks as null, "zero" reads them as 0, "error" refuses them
 * @param maxCells the most cells this argument may have in one call (the function's limit)
 * @throws PlanningError for a 2-D range, text, error values, booleans, numbers beyond ±1e15, more than
 *   `maxCells` cells, or blanks when refused
 * @example readSeries([[1], [""], [3]], "history", "missing").values // [1, null, 3]
 */
export function readSeries(cells: unknown, name: string, blanks: BlankPolicy, maxCells = MAX_CELLS): ExcelSeries {
  const grid = readRange(cells, name, maxCells);
  const rows = grid.length;
  const columns = grid[0].length;
  if (rows > 1 && columns > 1) {
    throw new PlanningError(
      `${name} must be one row or one column, but the range has ${rows} rows and ${columns} columns.`,
    );
  }
  const flat = columns === 1 ? grid.map((row) => row[0]) : grid[0];
  const values = flat.map((cell, index) => readCell(cell, name, index, blanks));
  return { values, orientation: rows === 1 && columns > 1 ? "row" : "column" };
}

/**
 * A history read from a range, without the blank cells after its last number: periods not recorded
 * yet, or a range drawn longer than the history, so that a forecast starts right after the last number.
 * @example recordedHistory(readSeries([[3], [4], [null]], "history", "missing")).values // [3, 4]
 */
export function recordedHistory(series: ExcelSeries): ExcelSeries {
  let end = series.values.length;
  while (end > 0 && series.values[end - 1] === null) end--;
  return end === series.values.length ? series : { ...series, values: series.values.slice(0, end) };
}

function checkMagnitude(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new PlanningError(`${what} is not a finite number.`);
  if (Math.abs(value) > MAX_MAGNITUDE) {
    throw new PlanningError(`${what} is ${value}, beyond the ±1e15 the S&OP functions take: check the cell for a unit or scale mistake.`);
  }
  return value;
}

function readCell(cell: unknown, name: string, index: number, blanks: BlankPolicy): number | null {
  const position = `value ${index + 1} of ${name}`;
  if (typeof cell === "number") return checkMagnitude(cell, position);
  if (isBlank(cell)) {
    if (blanks === "zero") return 0;
    if (blanks === "missing") return null;
    throw new PlanningError(`${position} is blank: fill it with a number (0 if nothing happened).`);
  }
  if (isErrorValue(cell)) {
    const shown = typeof cell === "string" ? `the error ${cell}` : "an Excel error";
    throw new PlanningError(`${position} is ${shown}: fix that cell first.`, "notAvailable");
  }
  throw new PlanningError(`${position} is ${describeCell(cell)}, not a number: enter a number there.`);
}

/** The value of a one-cell argument: a value, or a range of exactly one cell. */
function oneCell(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return value;
  const grid = readRange(value, name);
  const cells = grid.length * grid[0].length;
  if (cells > 1) throw new PlanningError(`${name} must be one cell, but the range has ${cells} cells.`);
  return grid[0][0];
}

/**
 * Read a one-cell number argument; an omitted one (null) takes `fallback`.
 * @param value the argument as received
 * @param name the argument's name, used in error messages
 * @param range the smallest and largest value allowed, and the fallback when omitted (required when none)
 * @throws PlanningError when it is missing without a fallback, not a number, beyond ±1e15 or out of range
 * @example readNumber(null, "holdingRate", { min: 0, max: 1, fallback: 0 }) // 0
 */
export function readNumber(value: unknown, name: string, range: { min?: number; max?: number; fallback?: number } = {}): number {
  const cell = oneCell(value, name);
  if (cell === null || cell === undefined || cell === "") {
    if (range.fallback === undefined) throw new PlanningError(`${name} is required: give a number.`);
    return range.fallback;
  }
  if (isErrorValue(cell)) throw new PlanningError(`${name} is an Excel error: fix that cell first.`, "notAvailable");
  if (typeof cell !== "number") throw new PlanningError(`${name} is ${describeCell(cell)}, not a number: enter a number there.`);
  checkMagnitude(cell, name);
  const { min = -MAX_MAGNITUDE, max = MAX_MAGNITUDE } = range;
  if (cell < min || cell > max) throw new PlanningError(`${name} must be from ${min} to ${max}; you gave ${cell}.`);
  return cell;
}

/**
 * Read an optional text argument (a method or mode word); an omitted one (null) is undefined.
 * @throws PlanningError when it is a number or a TRUE/FALSE rather than text, or an error value (as #N/A)
 * @example readText(" ets ", "method") // " ets "
 */
export function readText(value: unknown, name: string): string | undefined {
  const cell = oneCell(value, name);
  if (cell === null || cell === undefined) return undefined;
  if (isErrorValue(cell)) throw new PlanningError(`${name} is an Excel error: fix that cell first.`, "notAvailable");
  if (typeof cell !== "string") throw new PlanningError(`${name} is ${describeCell(cell)}, not a word: type the option's name, e.g. in quotes.`);
  return cell;
}

/**
 * Read an optional TRUE/FALSE argument; an omitted one (null) is FALSE, a number is TRUE when not 0 (as Excel reads it).
 * @throws PlanningError for text or an error value
 * @example readFlag(null, "blanksAsZero") // false
 */
export function readFlag(value: unknown, name: string): boolean {
  const cell = oneCell(value, name);
  if (cell === null || cell === undefined || cell === "") return false;
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell !== 0;
  if (isErrorValue(cell)) throw new PlanningError(`${name} is an Excel error: fix that cell first.`, "notAvailable");
  throw new PlanningError(`${name} is ${describeCell(cell)}: give TRUE or FALSE.`);
}

/**
 * Read a series in which every cell must hold a number (blanks counted as 0 only when `blanksAsZero`).
 * @throws PlanningError as readSeries
 */
export function readNumbers(cells: unknown, name: string, blanksAsZero = false, maxCells = MAX_CELLS): { values: number[]; orientation: Orientation } {
  const series = readSeries(cells, name, blanksAsZero ? "zero" : "error", maxCells);
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
export function readWholeNumber(value: unknown, name: string, min: number, max: number, fallback?: number): number {
  const number = readNumber(value, name, { fallback });
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new PlanningError(`${name} must be a whole number from ${min} to ${max}; you gave ${number}.`);
  }
  return number;
}

/**
 * Read an optional whole number argument; an omitted one (null) is undefined.
 * @throws PlanningError as readWholeNumber
 * @example readOptionalWholeNumber(null, "seasonLength", 1, 366) // undefined
 */
export function readOptionalWholeNumber(value: unknown, name: string, min: number, max: number): number | undefined {
  return value === null || value === undefined || value === "" ? undefined : readWholeNumber(value, name, min, max);
}

/**
 * Read an optional choice among named options, case-insensitive.
 * @throws PlanningError listing the options when the value is not one of them
 */
export function readChoice<T extends string>(value: unknown, name: string, options: readonly T[], fallback: T): T {
  const known = `use one of ${options.join(", ")}`;
  if (value !== null && value !== undefined && typeof value !== "string" && !Array.isArray(value) && !isErrorValue(value)) {
    throw new PlanningError(`${name} ${describeCell(value)} is not known: ${known}.`);
  }
  const word = readText(value, name);
  if (word === undefined || word.trim() === "") return fallback;
  const found = options.find((option) => option.toLowerCase() === word.trim().toLowerCase());
  if (!found) throw new PlanningError(`${name} "${word}" is not known: ${known}.`);
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
