/**
 * The layout a board member can read, computed from what is written: each column as wide as its widest
 * value as Excel shows it (so no number shows as ###), the header row and the key text columns frozen,
 * and a landscape printout one page wide that repeats them on every page.
 */
import { parseCell } from "./address";
import { formatNumber } from "./numberFormat";
import type { CellInput, SheetLayout, WriteBlock } from "./workbook";
import { numberFormatAt } from "./writePolicy";

/** Narrowest column written, in characters. */
const MIN_WIDTH = 6;
/** Widest column written: longer text (notes, details) runs on into the empty cells beside it. */
const MAX_WIDTH = 60;
/** Characters added to the widest value: cell padding, and room for bold headers. */
const PADDING = 2;
/** Width given to a formula's column: its value is not known until Excel calculates it. */
const FORMULA_WIDTH = 12;
/** At most this many key columns are frozen at the left. */
const MAX_KEY_COLUMNS = 3;

/**
 * Characters a value takes as Excel shows it under its number format (a formula: a typical number's).
 * @example shownLength(1234567.891, "#,##0.00") // 12 ("1,234,567.89")
 */
export function shownLength(value: CellInput, format: string | undefined): number {
  if (value === null) return 0;
  if (typeof value === "object") return FORMULA_WIDTH;
  if (typeof value === "number") return formatNumber(value, format).length;
  return String(value).length;
}

/**
 * Column widths fitting the blocks of one sheet: per column, the longest shown value plus padding,
 * within 6 and 60 characters; columns no block writes get the narrowest width.
 * @param blocks the blocks written to one sheet
 * @returns widths of columns A, B, ... up to the last column written
 * @example fittedWidths([{ sheet: "S", topLeft: "A1", values: [["Item", "Units"], ["CH-1", 1234567]], numberFormats: ["@", "#,##0"] }]) // [6, 11]
 */
export function fittedWidths(blocks: readonly WriteBlock[]): number[] {
  const widths: number[] = [];
  for (const block of blocks) {
    const origin = parseCell(block.topLeft);
    block.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const column = origin.col + c;
        const length = shownLength(value, numberFormatAt(block, r, c)) + PADDING;
        widths[column] = Math.max(widths[column] ?? MIN_WIDTH, Math.min(MAX_WIDTH, length));
      }),
    );
  }
  return Array.from(widths, (width) => width ?? MIN_WIDTH);
}

/**
 * The key columns of a block that starts at A1: the leading columns whose rows below the header are
 * all text (item, family, measure), at most 3, and never every column.
 * @example keyColumns({ sheet: "S", topLeft: "A1", values: [["Item", "Measure", "2026-01"], ["A", "Demand", 4]] }) // 2
 */
export function keyColumns(block: WriteBlock): number {
  const body = block.values.slice(1);
  const width = Math.max(0, ...block.values.map((row) => row.length));
  let keys = 0;
  while (keys < Math.min(MAX_KEY_COLUMNS, width - 1) && body.length > 0 && body.every((row) => row[keys] === null || typeof row[keys] === "string")) keys++;
  return keys;
}

/**
 * The readable layout of one sheet from the blocks written to it: fitted widths; the first block's
 * header row and key columns frozen and repeated on every printed page; landscape, one page wide
 * (one page in all with `onePage`).
 * @param blocks the blocks written to the sheet, the first one at A1 with a header row
 * @param onePage print the whole sheet (or `area`) on one page
 * @param area the A1 range printed, when not the whole sheet
 * @example fittedLayout(blocks).print // { orientation: "landscape", pagesWide: 1, pagesTall: 0, titleRows: 1, titleColumns: 3 }
 */
export function fittedLayout(blocks: readonly WriteBlock[], onePage = false, area?: string): SheetLayout {
  const first = blocks.find((block) => block.topLeft.toUpperCase() === "A1");
  const rows = first?.headerRow && first.values.length > 1 ? 1 : 0;
  const columns = first ? keyColumns(first) : 0;
  return {
    columnWidths: fittedWidths(blocks),
    freeze: onePage ? { rows: 0, columns: 0 } : { rows, columns },
    print: {
      orientation: "landscape",
      pagesWide: 1,
      pagesTall: onePage ? 1 : 0,
      titleRows: onePage ? 0 : rows,
      titleColumns: onePage ? 0 : columns,
      ...(area === undefined ? {} : { area }),
    },
  };
}

/**
 * Pixels a column of this many characters takes (Calibri 11: 7 pixels a character and 5 of padding).
 * Reference: ECMA-376 Part 1, §18.3.1.13 (col width).
 * @example columnPixels(8.43) // 64
 */
export function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5);
}
