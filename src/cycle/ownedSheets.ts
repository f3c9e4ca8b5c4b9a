import { PlanningError } from "../core/errors";
import { fittedLayout } from "../workbook/fittedLayout";
import type { CellInput, CellValue, SheetLayout, Workbook, WriteBlock } from "../workbook/workbook";

/** A block to put on one of the add-in's sheets, from A1 down unless `topLeft` says otherwise. */
export interface SheetContent {
  rows: CellInput[][];
  /** Number formats: one per column (applied to every row), or one per cell. */
  numberFormats?: string[] | string[][];
  topLeft?: string;
}

/** How a sheet prints beyond the readable default (one page wide): on one page, of one range. */
export interface PrintedAs {
  onePage?: boolean;
  /** The A1 range printed, e.g. "A1:H46". */
  area?: string;
}

/**
 * Replace the content of add-in sheets in one batched write (creating the sheets that do not exist),
 * each laid out to be read (fitted column widths, frozen header and key columns, landscape printout one
 * page wide repeating them: fittedLayout). The planner's own sheets are never touched: the workbook
 * refuses, or asks through `overwrite`.
 * @param printed sheets printed otherwise than one page wide, by name
 */
export async function replaceSheets(
  workbook: Workbook,
  sheets: Readonly<Record<string, SheetContent | SheetContent[]>>,
  overwrite?: (sheet: string) => Promise<boolean>,
  printed: Readonly<Record<string, PrintedAs>> = {},
): Promise<void> {
  const blocks: WriteBlock[] = Object.entries(sheets).flatMap(([sheet, content]) =>
    (Array.isArray(content) ? content : [content]).map((block, k) => ({
      sheet,
      topLeft: block.topLeft ?? "A1",
      values: block.rows,
      numberFormats: block.numberFormats,
      headerRow: k === 0,
    })),
  );
  await workbook.writeBlocks(blocks, { replace: true, overwrite, layouts: readableLayouts(blocks, printed) });
}

/**
 * The readable layout of every sheet the blocks write (fittedLayout), by sheet name.
 * @param printed sheets printed on one page or of one range, by name
 * @example readableLayouts(blocks)["SOP Forecast"].freeze // { rows: 1, columns: 3 }
 */
export function readableLayouts(blocks: readonly WriteBlock[], printed: Readonly<Record<string, PrintedAs>> = {}): Record<string, SheetLayout> {
  const names = [...new Set(blocks.map((block) => block.sheet))];
  return Object.fromEntries(names.map((name) => [name, fittedLayout(blocks.filter((block) => block.sheet === name), printed[name]?.onePage, printed[name]?.area)]));
}

/** Whether the workbook has a sheet of this name. */
export async function sheetExists(workbook: Workbook, sheet: string): Promise<boolean> {
  return (await workbook.listSheets()).some((s) => s.name === sheet);
}

/** The values of a sheet from A1, or no rows when the workbook has no such sheet. */
export async function readIfPresent(workbook: Workbook, sheet: string): Promise<CellValue[][]> {
  return (await sheetExists(workbook, sheet)) ? workbook.read(sheet) : [];
}

/** A sheet written by an earlier step, as a header and rows. */
export interface SheetTable {
  header: string[];
  rows: CellValue[][];
}

/**
 * Read a sheet an earlier step wrote.
 * @throws PlanningError naming the step to run first when the sheet is missing or empty
 */
export async function readStepSheet(workbook: Workbook, sheet: string, producedBy: string): Promise<SheetTable> {
  const values = await readIfPresent(workbook, sheet);
  if (values.length < 2) {
    throw new PlanningError(`The sheet "${sheet}" is missing or empty: run ${producedBy} first.`);
  }
  return { header: values[0].map((cell) => (cell === null ? "" : String(cell))), rows: values.slice(1) };
}

/** The number in a cell of a step sheet (blank or text read as 0). */
export function numberIn(cell: CellValue | undefined): number {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : 0;
}

/**
 * The number format of quantities, hours and money on the planning sheets: thousands separators and
 * two decimals, the precision plans are written at ("1,234.50", "76.00"). Excel's "#,##0.##" would
 * show a whole number with a bare point ("76.").
 */
export const CENTS_FORMAT = "#,##0.00";

/**
 * The number format of money and of quantities shown in whole units on the planning sheets: thousands
 * separators and no decimals ("55,001", "1,235"). The cell keeps its cents; Excel only rounds what it shows.
 */
export const WHOLE_FORMAT = "#,##0";

/**
 * The number format of percentages on the planning sheets: the cell holds a share of 1 (0.994) and
 * Excel shows it as a percentage ("99.4%"), so a planner's formula on it multiplies correctly.
 */
export const PERCENT_FORMAT = "0.0%";

/**
 * Column formats of a sheet laid out with months across: text columns first, then one format per month.
 * @param textColumns how many leading text columns (item, family, measure, ...)
 * @param periods the months across the sheet
 * @param format the months' number format
 * @returns one format per column
 * @example periodFormats(2, ["2026-01", "2026-02"], WHOLE_FORMAT) // ["@", "@", "#,##0", "#,##0"]
 */
export function periodFormats(textColumns: number, periods: readonly string[], format: string): string[] {
  return [...Array.from({ length: textColumns }, () => "@"), ...periods.map(() => format)];
}

/** Round to cents, the precision plans are written and approved at (the engine's rounding, re-exported for the steps). */
export { roundCents } from "../core/roundCents";

/**
 * Round a share of 1 to a hundredth of a percent, the precision percentages are written at (a
 * negative zero becomes 0).
 * @example roundShare(0.994381) // 0.9944
 */
export function roundShare(share: number): number {
  return Math.round(share * 10000) / 10000 + 0;
}
