/**
 * A1 cell addresses: parsing and formatting of "C5", "B2:AK41", "'Sales History'!B2:AK41" and
 * absolute forms with $ signs. Rows and columns are 0-based inside the program and 1-based in A1 text.
 */
import { WorkbookError } from "./workbookError";

/** A cell position, 0-based: row 0 column 0 is A1. */
export interface CellPosition {
  row: number;
  col: number;
}

/** A rectangle of cells, 0-based and inclusive at both ends. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A range on a named sheet (sheet is undefined when the text named none). */
export interface SheetRange extends CellRange {
  sheet: string | undefined;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/**
 * Column letters of a 0-based column index (bijective base 26).
 * @param col 0-based column index, 0 <= col < 16384.
 * @returns The letters, e.g. 0 -> "A", 25 -> "Z", 26 -> "AA".
 * @throws WorkbookError for a negative or non-integer index.
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new WorkbookError(`Column index ${col} is not a valid column.`);
  let rest = col + 1;
  let letters = "";
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * 0-based column index of column letters.
 * @param letters e.g. "A", "ak" (case-insensitive).
 * @example columnIndex("AK") // 36
 */
export function columnIndex(letters: string): number {
  let value = 0;
  for (const ch of letters.toUpperCase()) value = value * 26 + (ch.charCodeAt(0) - 64);
  return value - 1;
}

/**
 * A1 text of a 0-based cell position.
 * @example cellAddress({ row: 4, col: 2 }) // "C5"
 */
export function cellAddress(position: CellPosition): string {
  return `${columnLetters(position.col)}${position.row + 1}`;
}

/**
 * Parse one cell address such as "C5" or "$C$5".
 * @throws WorkbookError when the text is not a cell address.
 * @example parseCell("C5") // { row: 4, col: 2 }
 */
export function parseCell(text: string): CellPosition {
  const match = CELL.exec(text.trim());
  if (!match) throw new WorkbookError(`"${text}" is not a cell address like C5.`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/**
 * Quote a sheet name for use in a reference when Excel needs it ('Sales History'!A1).
 * @example quoteSheetName("Sales History") // "'Sales History'"
 */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A1 text of a range, sheet-qualified when a sheet is given.
 * @example rangeAddress({ top: 1, left: 1, bottom: 40, right: 36 }, "Sales History") // "'Sales History'!B2:AK41"
 */
export function rangeAddress(range: CellRange, sheet?: string): string {
  const start = cellAddress({ row: range.top, col: range.left });
  const end = cellAddress({ row: range.bottom, col: range.right });
  const body = start === end ? start : `${start}:${end}`;
  return sheet === undefined ? body : `${quoteSheetName(sheet)}!${body}`;
}

/**
 * Sheet-qualified A1 text of one cell.
 * @example sheetCellAddress("Items", { row: 0, col: 0 }) // "Items!A1"
 */
export function sheetCellAddress(sheet: string, position: CellPosition): string {
  return `${quoteSheetName(sheet)}!${cellAddress(position)}`;
}

/**
 * Split "Sheet!A1:B2" (sheet optional, quoted or not) into its sheet and range.
 * @throws WorkbookError when the range part is not A1 notation.
 * @example parseRange("'Sales History'!$B$2:$AK$41") // { sheet: "Sales History", top: 1, left: 1, bottom: 40, right: 36 }
 */
export function parseRange(text: string): SheetRange {
  const { sheet, body } = splitSheet(text.trim());
  const parts = body.split(":");
  if (parts.length > 2) throw new WorkbookError(`"${text}" is not a range like B2:AK41.`);
  const first = parseCell(parts[0]);
  const last = parts.length === 2 ? parseCell(parts[1]) : first;
  return {
    sheet,
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

/**
 * The rows [offset, offset + count) of a range (clipped at its bottom), or the whole range without a window.
 * @returns undefined when the window starts past the range's last row or is empty.
 * @example windowRows({ top: 1, left: 0, bottom: 9, right: 3 }, { offset: 8, count: 5 }) // { top: 9, left: 0, bottom: 9, right: 3 }
 */
export function windowRows(range: CellRange, window?: { offset: number; count: number }): CellRange | undefined {
  if (window === undefined) return range;
  const top = range.top + Math.max(0, Math.floor(window.offset));
  const bottom = Math.min(range.bottom, top + Math.floor(window.count) - 1);
  return top > bottom ? undefined : { ...range, top, bottom };
}

/**
 * True when the text looks like an A1 range with or without a sheet ("B2:C9", "Items!A1").
 * @example isRangeText("B2:C9") // true
 */
export function isRangeText(text: string): boolean {
  try {
    parseRange(text);
    return true;
  } catch {
    return false;
  }
}

function splitSheet(text: string): { sheet: string | undefined; body: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, body: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, body: text.slice(bang + 1) };
}
