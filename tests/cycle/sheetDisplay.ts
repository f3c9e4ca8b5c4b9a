/**
 * What a planner sees of the numbers on a sheet the add-in wrote, for tests that check the sheets read
 * as in Excel: each number as its cell's format shows it, and the numbers that do not read well.
 */
import { CENTS_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT } from "../../src/cycle/ownedSheets";
import { cellAddress } from "../../src/workbook/address";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { formatNumber } from "../../src/workbook/numberFormat";

/** The formats the planning sheets show numbers in. */
const SHARED_FORMATS: readonly (string | undefined)[] = [CENTS_FORMAT, WHOLE_FORMAT, PERCENT_FORMAT];

/** One number of a sheet as Excel shows it. */
export interface ShownNumber {
  address: string;
  value: number;
  format: string | undefined;
  shown: string;
}

/** Every number on a sheet, with its cell, its format and the text Excel shows for it. */
export function shownNumbers(book: MemoryWorkbook, sheet: string): ShownNumber[] {
  const formats = book.sheetNumberFormats(sheet);
  return book.sheetValues(sheet).flatMap((row, r) =>
    row.flatMap((value, c) => (typeof value === "number" ? [{ address: cellAddress({ row: r, col: c }), value, format: formats[r][c], shown: formatNumber(value, formats[r][c]) }] : [])),
  );
}

/**
 * The numbers of a sheet a planner would not read as intended: shown in a format other than the
 * planning sheets' own (General, text), or with a bare decimal point or floating-point noise.
 * @returns "A1: text (format)" for each, none when the sheet reads well
 */
export function unreadableNumbers(book: MemoryWorkbook, sheet: string): string[] {
  return shownNumbers(book, sheet)
    .filter(({ format, shown }) => !SHARED_FORMATS.includes(format) || /\.$|\d{5,}\.\d|\.\d{3,}/.test(shown))
    .map(({ address, format, shown }) => `${address}: ${shown} (${format ?? "General"})`);
}
