/**
 * How a demand history is laid out, and how the layout is recognised from a sample of a block's first
 * rows (never the whole block). Two shapes cover what planners receive:
 * - a grid: one line per key (item, or item and location), one column (or row) per period; ERP exports
 *   with title rows above the headers, pivot tables with family headings and "Chairs Total" rows;
 * - order lines: one row per order line with a date, an item, a quantity and maybe a location, a
 *   customer, an order number, requested and delivered dates.
 * Either may be spread over several sheets of the same layout (a sheet per year or per region).
 */
import { sheetCellAddress } from "../workbook/address";
import type { CellValue, Matrix } from "../workbook/workbook";
import { headingKeys, keysAbove, repeatsHeader } from "./blockHeadings";
import { historyMeasure, MEASURE_HEADER, MEASURE_VALUE_HEADER, measureKind } from "./measureNames";
import { namesDeliveredQuantity } from "./orderLineColumns";
import { isBlank, sameText, toNumber, writesDecimalComma } from "./cellValues";
import { historyFieldOf, isPivotBlank, isTotalLabel, itemCodeRank, itemFieldOf, namesItemAndLocation, normalizeHeader, quantityScale, resourceFieldOf, type HistoryField } from "./headerNames";
import { affixBands, isSumOf, joinedRun, measureBands, namesMeasure, periodBands, subtotalLines, withMeasureHeaders } from "./periodGroups";
import { BARE_WEEK, findPeriodRun, inTimeOrder, writesYearWeeks, yearWeekSpan, isPlannedPeriodHeader, leftOutMeasure, looksLikePeriod, monthOfName, parseMonth, parsePeriodCell, periodLineProblem, spanLabel, textDaySpan, yearMonthSpan, yearWeekNumberSpan, type PeriodKind, type PeriodRun, type PeriodSpan } from "./periodHeader";

/** How many leading rows are searched for the header row. */
export const HEADER_SEARCH = 25;

/** Rows a proposal reads from the top of a block: the header search and enough data to judge it. */
export const SAMPLE_ROWS = 60;

/** Periods across columns (one row per key) or down rows (one column per key). */
export type Orientation = "periodsAcross" | "periodsDown";

/** Where a mapped block sits and how to read it again. */
export interface BlockSource {
  kind: "table" | "name" | "sheet" | "range";
  /** What Workbook.read takes: a table name, a workbook-level name, a sheet name (read from A1) or a sheet range. */
  reference: string;
  sheet: string;
  /** 0-based sheet row and column of the block's first cell, so block cell (r, c) is at (row + r, col + c). */
  row: number;
  col: number;
}

/** One block of a grid: where it is, its header line and its periods. */
export interface SeriesPart {
  source: BlockSource;
  /** Row (periods across) or column (periods down) of the block holding the period headers; -1 when it has none. */
  headerLine: number;
  /** Columns (periods across) or rows (periods down) of the block holding the periods, in period order. */
  periodLines: number[];
  /** Period labels: "YYYY-MM" (months), "YYYY-Www" or a week's first day "YYYY-MM-DD" (weeks), "YYYY-MM-DD" (days); "P1", "P2", ... without headers. */
  periods: string[];
  /** The location every key of this block is at, when the blocks are one per location (a sheet per region). */
  location?: string;
}

/** A grid of numbers by key and period: the demand history or the capacity. */
export interface SeriesMapping extends SeriesPart {
  orientation: Orientation;
  /** Column (periods across) or row (periods down) of the block holding the keys (the item). */
  keyLine: number;
  /** What the periods are; months when absent. */
  periodKind?: PeriodKind;
  /** Column (periods across) or row (periods down) holding the location, when keys are item and location. */
  locationLine?: number;
  /** Character splitting one key cell into item and location ("CH-101 | Paris"), when the key line holds both. */
  keySeparator?: string;
  /**
   * Column (periods across) or row (periods down) holding the customer, kept for reporting: rows of one
   * item (and location) for several customers are summed into one series, not duplicates.
   */
  customerLine?: number;
  /** Column or row holding the sales channel, kept for reporting like the customer. */
  channelLine?: number;
  /**
   * True for a grid printed by location (periods across): each row's location is the one the last
   * heading line above it names ("Plant: Paris"; blockHeadings.ts), the header row repeated under each
   * heading or not.
   */
  locationHeadings?: boolean;
  /**
   * Column (periods across) or row (periods down) naming each line's measure, when a planning book keeps
   * several on the lines of one item ("Key Figure": "Actuals Qty", "Statistical Forecast Qty"): only
   * the lines of `measure` are read; the others are left out and counted.
   */
  measureLine?: number;
  /** The measure read as demand, as written in the measure line (compared without letter case or surrounding spaces). */
  measure?: string;
  /** True when the quantities are text written with a decimal comma, as a European export opened as text ("1.234,5"; cellValues.writesDecimalComma). */
  decimalComma?: boolean;
  /** Units in one quantity as written: 1,000 for a history kept in thousands ({@link gridScale}). */
  scale?: number;
  /** True when the planner set this mapping in the mapping editor: it is kept as set, never proposed over. */
  corrected?: boolean;
  /** True when the planner's periods run to the last period header: the months added to the header line since are read too. */
  openEnded?: boolean;
  /** Further blocks of the same layout (same key lines), read after this one. */
  more?: SeriesPart[];
}

/** Columns of an order-line table. */
export interface LineColumns {
  /** The order date, or the month when `year` holds the year. */
  date: number;
  /** The calendar year, when the month is in `date` as 1-12 or a month name (an export's Year and Month columns). */
  year?: number;
  item: number;
  quantity: number;
  location?: number;
  customer?: number;
  channel?: number;
  order?: number;
  requested?: number;
  delivered?: number;
  /** The line's status (or reason for rejection): cancelled and rejected lines are left out and counted. */
  status?: number;
  /** The unit of the line's quantity: an item's lines in another unit than its first are not added up. */
  unit?: number;
  /** The line's order or billing document type: returns and credits are left out and counted. */
  orderType?: number;
  /** The measure of each line, in a planning book's long export ("Key Figure" beside "Value"): only the lines of {@link LinesMapping.measure} are read. */
  measure?: number;
}

/**
 * The period one order line names: its date (or period) cell, a text date ("13.01.2024") as its day
 * ({@link textDaySpan}), or its year and month cells when the lines keep them in two columns; with
 * `yearWeeks` (a week column written "202413", {@link writesYearWeeks}) a year and week number as its week.
 * @example lineSpan([2024, 2, "A", 5], { date: 1, year: 0 })?.kind // "month"
 */
export function lineSpan(row: readonly CellValue[], columns: Pick<LineColumns, "date" | "year">, yearWeeks = false): PeriodSpan | undefined {
  if (columns.year !== undefined) return (yearWeeks ? yearWeekNumberSpan : yearMonthSpan)(row[columns.year] ?? null, row[columns.date] ?? null);
  const cell = row[columns.date] ?? null;
  return (yearWeeks ? yearWeekSpan(cell) : undefined) ?? textDaySpan(cell) ?? parsePeriodCell(cell);
}

/**
 * The sheet address of a cell of a block, given by its row and column within the block.
 * @example blockCellAddress({ kind: "sheet", reference: "Sales", sheet: "Sales", row: 2, col: 0 }, { row: 1, col: 3 }) // "Sales!D4"
 */
export function blockCellAddress(source: BlockSource, at: { row: number; col: number }): string {
  return sheetCellAddress(source.sheet, { row: source.row + at.row, col: source.col + at.col });
}

/**
 * The sheet address of a column's header cell in order lines' first block, where notes about the column point.
 * @example lineHeaderAddress(lines, lines.columns.item) // "Orders!B1"
 */
export function lineHeaderAddress(history: Pick<LinesMapping, "sources" | "headerRow">, column: number): string {
  return blockCellAddress(history.sources[0], { row: history.headerRow, col: column });
}

/** Order lines: one row per line, summed by item, location and planning bucket when read. */
export interface LinesMapping {
  layout: "lines";
  /** The blocks holding the lines (several sheets of the same columns are read one after the other). */
  sources: BlockSource[];
  /** Row of each block holding the headers; lines are the rows below it. */
  headerRow: number;
  columns: LineColumns;
  /** What the date column holds: days (dates), weeks or months. */
  periodKind: PeriodKind;
  /**
   * True for a report printed by item: each block's item (and location) is named by the heading line
   * above it ("Item: CH-101", "Plant: 1000"; blockHeadings.ts), not by a column. `columns.item` is then
   * the column of the first heading, where messages about a line's item point.
   */
  keyHeadings?: boolean;
  /**
   * Lines holding a quantity column per location ("Month | Item | Paris | Lyon"): each column's
   * quantity goes to its location; `columns.quantity` is then the first of them.
   */
  locationQuantities?: { column: number; location: string }[];
  /** The measure read as demand when `columns.measure` names each line's ("Actuals Qty"), compared without letter case or surrounding spaces. */
  measure?: string;
  /** True when the quantities are text written with a decimal comma, as a European export opened as text ("1.234,5"; cellValues.writesDecimalComma). */
  decimalComma?: boolean;
  /** Units in one quantity as written: 1,000 for lines kept in thousands ({@link linesScale}). */
  scale?: number;
  /** True when the planner set this mapping in the mapping editor: it is kept as set, never proposed over. */
  corrected?: boolean;
}

/** A demand history in either layout. */
export type HistoryMapping = SeriesMapping | LinesMapping;

/**
 * True when a history mapping is order lines.
 * @example isLines(mapping.history) // false for months across
 */
export function isLines(mapping: HistoryMapping): mapping is LinesMapping {
  return "layout" in mapping && mapping.layout === "lines";
}

/**
 * The lines of a grid beside its item that tell one line of an item from the next: its location,
 * customer, channel and measure lines, in that order (undefined where the grid has none).
 * @example detailLines(mapping) // [1, undefined, undefined, undefined] for item and location columns
 */
export function detailLines(mapping: Pick<SeriesMapping, "locationLine" | "customerLine" | "channelLine" | "measureLine">): (number | undefined)[] {
  return [mapping.locationLine, mapping.customerLine, mapping.channelLine, mapping.measureLine];
}

/**
 * True when a grid line is one the history reads: any line of a grid without a measure line, else a
 * line of the measure read as demand ({@link SeriesMapping.measure}).
 * @param mapping the grid's measure line and measure
 * @param cell the line's cell in the measure line
 * @example readsMeasure({ measureLine: 2, measure: "Actuals Qty" }, " actuals qty") // true
 */
export function readsMeasure(mapping: Pick<SeriesMapping, "measureLine" | "measure">, cell: CellValue): boolean {
  return mapping.measureLine === undefined || sameText(String(cell ?? ""), mapping.measure ?? "");
}

/** The key of the last key line met while a grid's lines are read in order. */
export interface KeyCarry {
  key: CellValue;
  /** True when the last line took the key from the line above it (its note is given once per item). */
  inherited: boolean;
}

/**
 * The key one line of a grid is read with, its lines taken in order: its own key when it has one and
 * some period cell; the key of the key line right above it when its item is blank but one of its
 * detail cells (detailLines: location, customer, channel) and some period cell are not, as a pivot
 * table without repeated labels, or an item merged down over its rows (Excel holds a merged value in
 * the top cell only), writes the item once; none otherwise (a heading, a total, a line without item),
 * which ends the run. Updates `carry`.
 * @param carry the key line above, updated for the next line (start with { key: null, inherited: false })
 * @param key the line's key cell
 * @param periodCells whether the line holds some period cell (and is read at all)
 * @param details the line's detail cells
 * @example lineKey({ key: "CH-101", inherited: false }, null, true, ["Lyon"]) // { key: "CH-101", inherited: true }
 */
export function lineKey(carry: KeyCarry, key: CellValue, periodCells: boolean, details: readonly CellValue[]): { key: CellValue; inherited: boolean } | undefined {
  const own = !isBlank(key) && !isTotalLabel(key) && !isPivotBlank(key) && periodCells;
  const inherited = !own && isBlank(key) && periodCells && carry.key !== null && details.some((cell) => !isBlank(cell) && !isTotalLabel(cell));
  if (!own && !inherited) {
    carry.key = null;
    carry.inherited = false;
    return undefined;
  }
  if (own) carry.key = key;
  carry.inherited = inherited;
  return { key: carry.key, inherited };
}

/** A grid's keys as found in a sample: the header of the key line and the first keys. */
export interface GridShape {
  mapping: Omit<SeriesMapping, "source">;
  keyHeader: string;
  keys: string[];
  /**
   * The further bands of periods of the same block, each under its location, when the periods start
   * again under each label of a location row ({@link periodBands}); the mapping holds the first band.
   */
  bands?: Omit<SeriesPart, "source">[];
  /** Period columns (or rows) after the history headed as a plan ("Jul-25 Fcst"), left out: the first of them and how many. */
  planned?: { row: number; col: number; count: number; header: string };
  /** Period columns (or rows) of a money measure beside the quantity ("Jan 2024 Value" beside "Jan 2024 Qty"), left out: the first, how many, and the quantity measure kept. */
  leftOutMeasure?: { row: number; col: number; count: number; header: string; kept: string; dropped: string[] };
  /** The measure line of a planning book ({@link SeriesMapping.measureLine}): its header cell, the measure read and those left out, for the planner's note. */
  measures?: { row: number; col: number; header: string; kept: string; dropped: string[] };
  /** The location line found by what it holds, its header naming no location ("Zone"): its header cell, for the planner's note. */
  inferredLocation?: { row: number; col: number; header: string };
}

/** Why a block laid out as a grid cannot be read exactly: the block cell to correct, and what to do. */
export interface GridRefusal {
  /** Block row and column of the cell (0-based). */
  row: number;
  col: number;
  /** What is wrong with the cell and what to do, to follow its address. */
  reason: string;
}

/**
 * True when gridShape refused a block rather than recognise it.
 * @example isRefusal(gridShape(sample)) // true for fiscal periods "FY24 P01"
 */
export function isRefusal(value: GridShape | GridRefusal | undefined): value is GridRefusal {
  return value !== undefined && "reason" in value;
}

/**
 * Recognise a grid in a sample of a block: a line of period headers (months, weeks or days) in the
 * first rows, across (in a row) or down (in a column), whichever holds more periods, and the key
 * lines beside it: the item (headed like an item id, else the first line holding text), a location
 * (headed like one), or one line holding both ("Item | Location", or keys like "CH-101 | Paris").
 * Without period headers: a first column of distinct text keys followed by at least three columns of
 * numbers (periods P1, P2, ...), from the first row on (a first row of text is a header, never read
 * as an item).
 * When periods are found both across and down, plain numbers that read as dates (item codes such as
 * 45001, 45002, ...) give way to headers written as periods; else the line holding more periods wins.
 * A grid that cannot be read exactly is refused, naming the cell: headers that look like periods but
 * are not all read (fiscal periods, quarters, a month name in an unknown language, a month repeated,
 * 4-4-5 period end dates, date serials stored as text), or numbers under a header among the periods
 * that names no period and no total.
 * @param sample the block's first rows (a whole block when periods run down).
 * @returns The grid, a refusal, or undefined when the sample is no grid.
 * @example gridShape([["SKU", "Jan 24", "Feb 24", "Mar 24"], ["A", 1, 2, 3]])?.mapping.periods // ["2024-01", "2024-02", "2024-03"]
 */
export function gridShape(sample: Matrix): GridShape | GridRefusal | undefined {
  const across = headedGrid(sample, "periodsAcross");
  const turned = headedGrid(transpose(sample), "periodsDown");
  const down = isRefusal(turned) ? { ...turned, row: turned.col, col: turned.row } : turned;
  const [shapeAcross, shapeDown] = [across, down].map((entry) => (isRefusal(entry) ? undefined : entry));
  if (shapeAcross && shapeDown) {
    const numbersOnly = (shape: GridShape): boolean =>
      shape.mapping.periodLines.every((line) => typeof (shape.mapping.orientation === "periodsAcross" ? sample[shape.mapping.headerLine]?.[line] : sample[line]?.[shape.mapping.headerLine]) === "number");
    if (numbersOnly(shapeDown) !== numbersOnly(shapeAcross)) return numbersOnly(shapeDown) ? shapeAcross : shapeDown;
    return shapeDown.mapping.periods.length > shapeAcross.mapping.periods.length ? shapeDown : shapeAcross;
  }
  return shapeAcross ?? shapeDown ?? across ?? down ?? headerlessGrid(sample);
}

/**
 * Recognise order lines in a sample of a block: a header row naming an item, a quantity and a date
 * (or period) column, whose rows below hold dates (or period names) in the date column; or, where they
 * do not, a year column beside a month column holding 1-12 or month names ("Year", "Month").
 * @param sample the block's first rows.
 * @returns The layout (without its sources), or undefined.
 * @example linesShape([["Date", "Item", "Qty"], [45292, "A", 3]])?.columns // { date: 0, item: 1, quantity: 2 }
 */
export function linesShape(sample: Matrix): Omit<LinesMapping, "sources"> | undefined {
  for (let headerRow = 0; headerRow < Math.min(HEADER_SEARCH, sample.length); headerRow++) {
    const columns: Partial<Record<HistoryField, number>> = {};
    const itemColumns = sample[headerRow].flatMap((header, column) => (historyFieldOf(header) === "item" ? [column] : []));
    if (itemColumns.length > 0) columns.item = codeLine(sample, headerRow, itemColumns);
    sample[headerRow].forEach((header, column) => {
      const field = historyFieldOf(header);
      // an ordered quantity is demand before a shipped one ("Qty Shipped" left of "Qty Ordered")
      const ordered = field === "quantity" && columns.quantity !== undefined && namesDeliveredQuantity(sample[headerRow][columns.quantity] ?? null) && !namesDeliveredQuantity(header);
      if (field !== undefined && (columns[field] === undefined || ordered)) columns[field] = column;
    });
    // a date column under a header step 1 does not know ("Week starting", "Billing date"), beside a named item and quantity,
    // or, without an order date, the requested or delivery date
    columns.date ??= columns.item === undefined || columns.quantity === undefined ? undefined : (datedColumn(sample, headerRow, Object.values(columns)) ?? columns.requested ?? columns.delivered);
    const keyed = columns.quantity === undefined && columns.date !== undefined && columns.item !== undefined;
    // no quantity column but a planning book's measures: one column each ("Actuals Qty" beside "Consensus Demand Qty"),
    // or a measure column beside a value column ("Key Figure", "Value")
    const measured = keyed ? measureColumns(sample, headerRow, Object.values(columns)) : undefined;
    columns.quantity ??= measured?.quantity;
    // no quantity column but one per location ("Month | Item | Paris | Lyon")
    const perLocation = columns.quantity === undefined && columns.location === undefined && keyed ? locationColumns(sample, headerRow, Object.values(columns)) : undefined;
    columns.quantity ??= perLocation?.[0].column;
    const { year, ...dated } = columns;
    const { date, quantity } = dated;
    if (date === undefined || quantity === undefined) continue;
    const headed = dated.item === undefined ? headingColumn(sample, headerRow) : undefined;
    const item = dated.item ?? headed;
    if (item === undefined) continue;
    const blockLine = (row: readonly CellValue[]): boolean => repeatsHeader(row, sample[headerRow], [date, quantity]) || headingKeys(row) !== undefined || row.some((cell) => isTotalLabel(cell ?? null));
    const rows = sample.slice(headerRow + 1).filter((row) => !isBlank(row[date] ?? null) && !(headed !== undefined && blockLine(row)));
    const weekHeaded = namesWeekNumber(sample[headerRow][date] ?? null);
    const yearWeeks = writesYearWeeks(rows.map((row) => row[date] ?? null), weekHeaded);
    const spans = rows.flatMap((row) => lineSpan(row, { date }, yearWeeks) ?? []);
    const decimalComma = writesDecimalComma((perLocation ?? [{ column: quantity }]).flatMap(({ column }) => rows.map((row) => row[column] ?? null))) ? { decimalComma: true } : {};
    const scaled = scaleOf(linesScale(sample, headerRow, quantity));
    if (mostly(spans.length, rows.length)) {
      return {
        layout: "lines",
        headerRow,
        columns: { ...dated, date, item, quantity, ...(measured?.measure === undefined ? {} : { measure: measured.measure.column }) },
        ...(measured?.measure === undefined ? {} : { measure: measured.measure.name }),
        ...decimalComma,
        ...scaled,
        periodKind: spans[0].kind,
        ...(headed === undefined ? {} : { keyHeadings: true }),
        ...(perLocation === undefined ? {} : { locationQuantities: perLocation }),
      };
    }
    const weeks = year !== undefined && weekHeaded;
    const months = year === undefined ? [] : rows.flatMap((row) => lineSpan(row, { date, year }, weeks) ?? []);
    if (year !== undefined && mostly(months.length, rows.length)) {
      return { layout: "lines", headerRow, columns: { ...columns, date, item, quantity }, periodKind: weeks ? "week" : "month", ...(perLocation === undefined ? {} : { locationQuantities: perLocation }), ...decimalComma, ...scaled };
    }
  }
  return undefined;
}

/** Where a history says its quantities are in thousands or millions: the cell (block coordinates), its text and the units in one quantity. */
export interface ScaleCell {
  row: number;
  col: number;
  text: string;
  scale: number;
}

/** The first of the cells that says its numbers are in thousands or millions, skipping money ("Revenue (000 EUR)"). */
function scaleAmong(sample: Matrix, cells: readonly { row: number; col: number }[]): ScaleCell | undefined {
  for (const { row, col } of cells) {
    const text = sample[row]?.[col];
    if (typeof text !== "string" || measureKind(text) === "money") continue;
    const scale = quantityScale(text);
    if (scale !== undefined) return { row, col, text: text.trim(), scale };
  }
  return undefined;
}

/** The text cells of a block's title rows, the rows above `rows`. */
function titleCells(sample: Matrix, rows: number): { row: number; col: number }[] {
  return sample.slice(0, rows).flatMap((cells, row) => cells.map((_, col) => ({ row, col })));
}

/**
 * A grid's scale, when a title above it or its key header says the quantities are in thousands or
 * millions ("Sales volume in thousand units" over the block, "Item / Qty (000)").
 * @example gridScale([["Volume in thousand units"], ["Item", "Jan 2024"], ["A", 1.2]], "periodsAcross", 1, 0)?.scale // 1000
 */
export function gridScale(sample: Matrix, orientation: Orientation, headerLine: number, keyLine: number): ScaleCell | undefined {
  const [headerRow, keyColumn] = orientation === "periodsAcross" ? [headerLine, keyLine] : [keyLine, headerLine];
  return scaleAmong(sample, [...titleCells(sample, headerRow), { row: headerRow, col: keyColumn }]);
}

/**
 * Order lines' scale, when a title above them or the quantity's header says they are in thousands or
 * millions ("Qty (000)", "Menge in Tsd.").
 * @example linesScale([["Date", "Item", "Qty (000)"]], 0, 2)?.scale // 1000
 */
export function linesScale(sample: Matrix, headerRow: number, quantity: number): ScaleCell | undefined {
  return scaleAmong(sample, [...titleCells(sample, headerRow), { row: headerRow, col: quantity }]);
}

/** The mapping's scale field for a scale found, none for units. */
export function scaleOf(found: ScaleCell | undefined): { scale?: number } {
  return found === undefined ? {} : { scale: found.scale };
}

/** A header naming a fiscal year ("Fiscal Year", SAP's "GJahr", "Exercice"), after normalizeHeader. */
const FISCAL_YEAR_HEADER = /^(?:fiscal year|fy|fiscal yr|gjahr|geschäftsjahr|geschaftsjahr|exercice|ejercicio|anno fiscale|boekjaar)$/;
/** A header naming a period of a year ("Posting period", "Period", "Periode"), after normalizeHeader. */
export const PERIOD_HEADER = /^(?:(?:posting |fiscal |accounting )?period|periode|buchungsperiode|période|periodo|poper)$/;

/**
 * The header cells of order lines dated by a fiscal year and a period ("Fiscal Year", "Posting period",
 * as SAP's CO-PA exports write them) beside an item: periods step 1 cannot place on the calendar, as a
 * fiscal year may start in any month. Undefined for any other block.
 * @param sample the block's first rows
 * @example fiscalPeriodColumns([["Fiscal Year", "Posting period", "Material", "Qty"]]) // { row: 0, year: 0, period: 1 }
 */
export function fiscalPeriodColumns(sample: Matrix): { row: number; year: number; period: number } | undefined {
  for (let row = 0; row < Math.min(HEADER_SEARCH, sample.length); row++) {
    const header = sample[row].map((cell) => normalizeHeader(cell ?? null));
    const year = header.findIndex((text) => FISCAL_YEAR_HEADER.test(text));
    const period = header.findIndex((text) => PERIOD_HEADER.test(text));
    if (year >= 0 && period >= 0 && sample[row].some((cell) => historyFieldOf(cell ?? null) === "item")) return { row, year, period };
  }
  return undefined;
}

/** The column of the heading naming the item right above a header row without an item column ({@link keysAbove}), if any. */
function headingColumn(sample: Matrix, headerRow: number): number | undefined {
  if (keysAbove(sample, headerRow)?.item === undefined) return undefined;
  const heading = sample.slice(0, headerRow).reverse().find((row) => headingKeys(row)?.item !== undefined);
  return heading?.findIndex((cell) => !isBlank(cell ?? null));
}

/** A date column's header naming a week number beside a year column ("Week", "Cal. week", "KW", "Woche"). */
const WEEK_HEADER = /^(?:(?:cal(?:endar)? ?)?week|wk|cw|kw|kalenderwoche|woche|semaine|semana|settimana)(?: no| number| nr)?$/;

/**
 * True for a header naming week numbers ("Week", "KW"): beside a year column, the lines' periods are
 * ISO weeks, not months.
 * @example namesWeekNumber("Cal. week") // true
 */
export function namesWeekNumber(header: CellValue): boolean {
  return WEEK_HEADER.test(normalizeHeader(header));
}

/** True when a column's cells below the header row, those not blank (at least one), are mostly numbers. */
function numbersBelow(sample: Matrix, headerRow: number, column: number): boolean {
  const cells = sample.slice(headerRow + 1).filter((row) => !isBlank(row[column] ?? null));
  return mostly(cells.filter((row) => toNumber(row[column] ?? null) !== null).length, cells.length);
}

/**
 * Two or more columns, other than `taken`, headed by a name that is no field, no measure, no period and
 * no total, whose cells below the header row are mostly numbers: a quantity column per location.
 */
function locationColumns(sample: Matrix, headerRow: number, taken: readonly number[]): { column: number; location: string }[] | undefined {
  const found = sample[headerRow].flatMap((header, column) => {
    if (taken.includes(column) || typeof header !== "string" || header.trim() === "" || isTotalLabel(header) || historyFieldOf(header) !== undefined || itemFieldOf(header) !== undefined || looksLikePeriod(header)) return [];
    if (measureKind(header) !== "unknown") return [];
    return numbersBelow(sample, headerRow, column) ? [{ column, location: header.trim() }] : [];
  });
  return found.length >= 2 ? found : undefined;
}

/**
 * The quantity of order lines without a quantity header, kept as a planning book exports its measures
 * ({@link historyMeasure} picks the demand history among them): a column per measure ("Actuals Qty"
 * beside "Consensus Demand Qty", each mostly numbers), or a measure column ("Key Figure", its lines
 * "Actuals Qty", "Consensus Demand Qty") beside one value column ("Value"), whose history lines are read.
 * Undefined when the lines keep no measures, or when which one is demand cannot be told.
 */
function measureColumns(sample: Matrix, headerRow: number, taken: readonly number[]): { quantity: number; measure?: { column: number; name: string } } | undefined {
  const header = sample[headerRow];
  const free = header.flatMap((_, column) => (taken.includes(column) ? [] : [column]));
  const numeric = free.filter((column) => typeof header[column] === "string" && measureKind(String(header[column])) !== "unknown" && numbersBelow(sample, headerRow, column));
  const kept = numeric.length >= 2 ? historyMeasure(numeric.map((column) => String(header[column]).trim())) : undefined;
  if (kept !== undefined) return { quantity: numeric.find((column) => String(header[column]).trim() === kept) ?? numeric[0] };
  const value = free.find((column) => MEASURE_VALUE_HEADER.test(normalizeHeader(header[column] ?? null)) && numbersBelow(sample, headerRow, column));
  const column = free.find((line) => line !== value && namesMeasures(sample, headerRow, line));
  const name = column === undefined ? undefined : historyMeasure(lineNames(sample, headerRow, column));
  return value === undefined || column === undefined || name === undefined ? undefined : { quantity: value, measure: { column, name } };
}

/** The first column, other than `taken`, whose cells below the header row mostly read as dates (a share {@link READABLE_SHARE}). */
function datedColumn(sample: Matrix, headerRow: number, taken: readonly number[]): number | undefined {
  const rows = sample.slice(headerRow + 1);
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    if (taken.includes(column)) continue;
    const cells = rows.filter((row) => !isBlank(row[column] ?? null));
    const dates = cells.filter((row) => lineSpan(row, { date: column })?.kind === "day");
    if (mostly(dates.length, cells.length)) return column;
  }
  return undefined;
}

/** Share of an order-line sample's dates that must read as dates or periods. */
const READABLE_SHARE = 0.8;

/** True when `count` of `total` cells (at least one) make the share {@link READABLE_SHARE}. */
function mostly(count: number, total: number): boolean {
  return total > 0 && count >= READABLE_SHARE * total;
}

/** A group header naming a fiscal year ("FY2025", "Fiscal 2025"), whose months may fall in the year before. */
const FISCAL = /\bfy|fiscal|\bgj\b|exercice|\bejercicio/i;

/**
 * A header line with the year of its month names and week numbers taken from group headers above
 * ("Q1 2024" merged over "Jan", "Feb", "Mar"; "2024" over "W01", "W02"): each bare month name or week
 * number gets the last year written in the line above, left of it; so do the numbers of a line headed
 * "Month" (1-12) or "Week" (1-53) beside a "Year" line, as an extract's Year and Month columns write them.
 * @example withGroupYears(["Q1 2024", null], ["Jan", "Feb"]) // ["Jan 2024", "Feb 2024"]
 */
function withGroupYears(above: readonly CellValue[] | undefined, line: readonly CellValue[]): CellValue[] {
  let year: string | undefined;
  // numbers under a "Month" or "Week" header beside a "Year" line (an extract's Year and Month columns)
  const numbered = line.some((cell) => MONTH_NUMBER_HEADER.test(normalizeHeader(cell))) ? "month" : line.some((cell) => namesWeekNumber(cell)) ? "week" : undefined;
  return line.map((cell, column) => {
    const text = String(above?.[column] ?? "");
    const group = /\b((?:19|20)\d{2})\b/.exec(text);
    if (group) year = FISCAL.test(text) ? undefined : group[1];
    if (numbered && typeof cell === "number" && Number.isInteger(cell) && cell >= 1 && cell <= (numbered === "month" ? 12 : 53) && year !== undefined) {
      return numbered === "month" ? `${year}-${String(cell).padStart(2, "0")}` : `${year}-W${String(cell).padStart(2, "0")}`;
    }
    if (typeof cell !== "string" || year === undefined) return cell;
    if (monthOfName(cell) !== undefined) return `${cell.trim()} ${year}`;
    const week = BARE_WEEK.exec(cell.trim());
    return week ? `${year}-W${week[1].padStart(2, "0")}` : cell;
  });
}

/**
 * A header line of a compact pivot table, a year and then its bare month names in one line ("2024",
 * "Jan", ..., "Dec", "2025", "Jan", ...), as Excel writes dates grouped by years and months in one
 * field: each month takes the year before it, and the years (group labels) are blanked, their
 * positions returned.
 * @example withInlineYears(["Item", "2024", "Nov", "Dec", "2025", "Jan"]).line // ["Item", null, "Nov 2024", "Dec 2024", null, "Jan 2025"]
 */
function withInlineYears(line: readonly CellValue[]): { line: CellValue[]; years: number[] } {
  let year: string | undefined;
  const years: number[] = [];
  const read = line.map((cell, position) => {
    const text = typeof cell === "number" || typeof cell === "string" ? String(cell).trim() : "";
    const next = line[position + 1];
    if (/^(?:19|20)\d{2}$/.test(text) && typeof next === "string" && monthOfName(next) !== undefined) {
      year = text;
      years.push(position);
      return null;
    }
    return typeof cell === "string" && year !== undefined && monthOfName(cell) !== undefined ? `${cell.trim()} ${year}` : cell;
  });
  return years.length > 0 ? { line: read, years } : { line: [...line], years };
}

/**
 * The year lines of a compact pivot table ({@link withInlineYears}) whose every number is the sum of
 * that year's months after it (the group's subtotal), or blank: left out as subtotals are.
 */
function yearSubtotals(values: Matrix, headerLine: number, years: readonly number[], run: PeriodRun): number[] {
  const data = values.slice(headerLine + 1);
  return years.filter((position, k) => {
    const months = run.positions.filter((line) => line > position && line < (years[k + 1] ?? Infinity));
    return data.every((row) => {
      const total = toNumber(row[position] ?? null);
      return total === null ? isBlank(row[position] ?? null) : isSumOf(total, row, months);
    });
  });
}

/**
 * A header line whose bare month names follow a month written with its year ("Jan 2024", "Feb", "Mar",
 * ..., "Dec", "Jan 2025"): each bare name that is the month right after the one left of it takes that
 * month's year (December to January the next), so the run reads on; any other bare name is left as it
 * is (and step 1 refuses it, naming the cell).
 * @example withRunningYears(["Item", "Nov 2024", "Dec", "Jan"]) // ["Item", "Nov 2024", "Dec 2024", "Jan 2025"]
 */
function withRunningYears(line: readonly CellValue[]): CellValue[] {
  let last: { year: number; month: number } | undefined;
  return line.map((cell) => {
    const bare = typeof cell === "string" ? monthOfName(cell) : undefined;
    if (bare === undefined) {
      last = parseMonth(cell);
      return cell;
    }
    const next = last && (bare === last.month + 1 || (bare === 1 && last.month === 12)) ? { year: bare === 1 ? last.year + 1 : last.year, month: bare } : undefined;
    last = next;
    return next ? `${String(cell).trim()} ${next.year}` : cell;
  });
}

/** A header naming month numbers 1-12 ("Month", "Calendar month", "Monat", "Mois"). */
export const MONTH_NUMBER_HEADER = /^(?:(?:calendar |cal )?month|monat|mois|mes|mese|maand)(?: no| number| nr)?$/;

/**
 * The first grid of period headers in the first rows, its keys beside it; a refusal naming the cell
 * when the header line found cannot be read exactly, or when no line holds a run but one holds
 * headers that look like periods.
 */
function headedGrid(rows: Matrix, orientation: Orientation): GridShape | GridRefusal | undefined {
  let firstProblem: GridRefusal | undefined;
  for (let headerLine = 0; headerLine < Math.min(HEADER_SEARCH, rows.length); headerLine++) {
    // months merged over a second header row of measures: a pivot table's column fields, periods across
    const across = orientation === "periodsAcross";
    if (across && withMeasureHeaders(rows[headerLine], rows[headerLine + 1])) continue;
    const measured = across ? withMeasureHeaders(rows[headerLine - 1], rows[headerLine]) : undefined;
    const values = measured ? rows.map((row, r) => (r === headerLine ? measured : row)) : rows;
    const above = measured ? undefined : values[headerLine - 1];
    const inline = withInlineYears(values[headerLine]);
    const line = withRunningYears(withGroupYears(above, inline.line)).map((cell) => (isTotalLabel(cell) ? null : cell));
    const bands = periodBands(above, line) ?? affixBands(line);
    // "Actual" over some months and "Forecast" over the others in the line above: the actuals' months
    const labelled = bands ? undefined : measureBands(above, line);
    const planBands = new Set(labelled?.dropped.flatMap((band) => band.positions) ?? []);
    const unplanned = line.map((cell, position) => (planBands.has(position) ? null : cell));
    const run = bands ? joinedRun(bands) : labelled ? findPeriodRun(unplanned) : (findPeriodRun(values[headerLine]) ?? findPeriodRun(line));
    const money = run && !bands ? leftOutMeasure(line) : undefined;
    // lines left out on purpose: quarter and year subtotals among the months, another measure beside the history, a plan's band
    const subtotals = new Set([...(run ? [...subtotalLines(values, headerLine, run), ...yearSubtotals(values, headerLine, inline.years, run)] : []), ...(money?.positions ?? []), ...planBands]);
    // period columns after the history headed as a plan ("Jul 2025 Fcst"), left out with a note
    const planned = run ? values[headerLine].flatMap((cell, position) => (position > run.positions[run.positions.length - 1] && isPlannedPeriodHeader(cell) && !subtotals.has(position) ? [position] : [])) : [];
    const problem = bands ? undefined : periodLineProblem(line.map((cell, position) => (subtotals.has(position) || planned.includes(position) ? null : cell)), run);
    if (problem) {
      const refusal = { row: headerLine, col: problem.position, reason: `${problem.reason}. Write each period as a calendar month, week or date (such as "Jan 2024", "2024-W05" or 2024-01-01) once, or correct the mapping to leave it out.` };
      if (run) return refusal;
      firstProblem ??= refusal;
    }
    if (!run) continue;
    const unheaded = unheadedNumbers(values, headerLine, run, subtotals);
    if (unheaded !== undefined) {
      const header = values[headerLine][unheaded] ?? null;
      const what = isBlank(header) ? "This blank header" : `"${String(header)}"`;
      return { row: headerLine, col: unheaded, reason: `${what} heads numbers among the periods but names no period and no total, so they would not be read. Write the period in the header, or move the column out of the periods.` };
    }
    const keys = keyLines(values, headerLine, run);
    if (!keys) return undefined;
    if ("unkeyed" in keys) {
      const reason = `names the ${historyFieldOf(values[headerLine][keys.unkeyed] ?? null) ?? "key"} of each line, but no line holds the item. Add a line of item codes beside it (headed "Item"), or put the item into each key ("CH-101 | Paris").`;
      return { row: headerLine, col: keys.unkeyed, reason: `"${String(values[headerLine][keys.unkeyed])}" ${reason}` };
    }
    const header = values[headerLine];
    const coded = orientation === "periodsDown" ? itemCodeSeries(values, headerLine, keys.item, run) : undefined;
    if (coded !== undefined) {
      const reason = `heads item codes down the rows beside the dates: the sheet holds order lines, not a column per item. Head its date column "Date" and its quantity column "Qty", or choose them in step 1's mapping editor.`;
      return { row: coded, col: keys.item, reason: `"${String(values[coded][keys.item] ?? "")}" ${reason}` };
    }
    const measure = measureLine(values, headerLine, run, [keys.item, keys.location, keys.customer, keys.channel]);
    if (measure !== undefined && measure.kept === undefined) {
      const reason = `holds ${measure.names.slice(0, 4).map((name) => `"${name}"`).join(", ")} on the lines of one item: which of them is demand is not guessed. Choose it in step 1's mapping editor (Measure read as demand), or keep the lines of one measure on a sheet of their own.`;
      return { row: headerLine, col: measure.line, reason: `"${String(header[measure.line])}" ${reason}` };
    }
    const byMeasure = measure?.kept === undefined ? undefined : { measureLine: measure.line, measure: measure.kept };
    if (bands && (keys.location !== undefined || keys.separator !== undefined)) {
      const reason = `heads a band of periods as a location, but the lines hold a location of their own: which of the two is the location is not guessed. Keep one of them, or correct the mapping.`;
      return { row: headerLine - 1, col: bands[0].labelAt, reason: `"${bands[0].location}" ${reason}` };
    }
    const keyCells = values.slice(headerLine + 1).flatMap((row) => (readsMeasure(byMeasure ?? {}, row[byMeasure?.measureLine ?? 0] ?? null) ? [row[keys.item] ?? null] : []));
    const [firstBand, ...otherBands] = bands ?? [];
    // a plan's band after the actuals' months is the plan ahead; one among them, another measure beside them
    const [firstPlan] = labelled?.dropped ?? [];
    const ahead = [...planBands].every((position) => position > run.positions[run.positions.length - 1]);
    const band = firstPlan ? { row: headerLine - 1, col: firstPlan.labelAt, count: planBands.size, header: firstPlan.label } : undefined;
    const plan = band && ahead ? band : planned.length > 0 ? { row: headerLine, col: planned[0], count: planned.length, header: String(values[headerLine][planned[0]]) } : undefined;
    const beside =
      money && money.positions.length > 0
        ? { row: headerLine, col: money.positions[0], count: money.positions.length, header: String(values[headerLine][money.positions[0]]), kept: money.kept, dropped: money.dropped }
        : band && !ahead && labelled
          ? { ...band, kept: labelled.kept, dropped: labelled.dropped.map((entry) => entry.label) }
          : undefined;
    return {
      ...(plan ? { planned: plan } : {}),
      ...(keys.inferredLocation && keys.location !== undefined ? { inferredLocation: { row: headerLine, col: keys.location, header: String(header[keys.location] ?? "") } } : {}),
      ...(beside ? { leftOutMeasure: beside } : {}),
      ...(measure?.kept === undefined ? {} : { measures: { row: headerLine, col: measure.line, header: String(header[measure.line] ?? ""), kept: measure.kept, dropped: measure.names.filter((name) => !readsMeasure({ measureLine: measure.line, measure: measure.kept }, name)) } }),
      ...(bands ? { bands: otherBands.map((band) => ({ headerLine, periodLines: inTimeOrder(band.run).lines, periods: inTimeOrder(band.run).spans.map(spanLabel), location: band.location })) } : {}),
      mapping: {
        orientation,
        headerLine,
        keyLine: keys.item,
        ...(keys.location === undefined ? {} : { locationLine: keys.location }),
        ...(keys.separator === undefined ? {} : { keySeparator: keys.separator }),
        ...(keys.customer === undefined ? {} : { customerLine: keys.customer }),
        ...(keys.channel === undefined ? {} : { channelLine: keys.channel }),
        ...byMeasure,
        ...(writesDecimalComma(values.slice(headerLine + 1).flatMap((row) => run.positions.map((position) => row[position] ?? null))) ? { decimalComma: true } : {}),
        ...scaleOf(gridScale(values, orientation, headerLine, keys.item)),
        ...(orientation === "periodsAcross" && !bands && keys.location === undefined && keys.separator === undefined && underLocationHeadings(values, headerLine, run) ? { locationHeadings: true } : {}),
        periodLines: inTimeOrder(firstBand?.run ?? run).lines,
        periods: inTimeOrder(firstBand?.run ?? run).spans.map(spanLabel),
        periodKind: run.kind,
        ...(firstBand ? { location: firstBand.location } : {}),
      },
      keyHeader: String(header[keys.item] ?? ""),
      keys: keyCells.filter((key) => !isBlank(key)).map((key) => String(key).trim()),
    };
  }
  return firstProblem;
}

/**
 * True when a grid's rows stand under heading lines naming their location ("Plant: Paris" above the
 * header row, or a line holding no quantity among the rows): a grid printed by location.
 */
function underLocationHeadings(values: Matrix, headerLine: number, run: PeriodRun): boolean {
  if (keysAbove(values, headerLine)?.location !== undefined) return true;
  return values.slice(headerLine + 1).some((row) => locationHeading(row, run.positions) !== undefined);
}

/**
 * The location a heading line names when it names no item ("Plant: Lyon"), its period cells blank;
 * undefined for any other line.
 * @param row the line's cells
 * @param periodLines the positions of the grid's periods
 * @example locationHeading(["Plant: Lyon", null, null], [1, 2]) // "Lyon"
 */
export function locationHeading(row: readonly CellValue[], periodLines: readonly number[]): string | undefined {
  const keys = headingKeys(row);
  return keys?.item === undefined && periodLines.every((line) => isBlank(row[line] ?? null)) ? keys?.location : undefined;
}

/**
 * In a grid with periods down (here turned, a line per sheet column), a column headed as the item
 * ("Item", "SKU") whose cells under the periods are mostly text: item codes, so the block is order
 * lines whose date or quantity header step 1 did not recognise, never a series named "Item".
 */
function itemCodeSeries(values: Matrix, headerLine: number, keyLine: number, run: PeriodRun): number | undefined {
  for (let line = headerLine + 1; line < values.length; line++) {
    if (historyFieldOf(values[line][keyLine] ?? null) !== "item") continue;
    const cells = run.positions.map((position) => values[line][position] ?? null).filter((cell) => !isBlank(cell));
    if (mostly(cells.filter((cell) => typeof cell === "string" && toNumber(cell) === null).length, cells.length)) return line;
  }
  return undefined;
}

/**
 * True when a line outside the periods names measures: headed as a measure ({@link MEASURE_HEADER}),
 * or holding two or more distinct texts that each name a measure step 1 knows ({@link measureKind}:
 * "Sales history", "Statistical forecast"), whatever its header.
 */
function namesMeasures(values: Matrix, headerLine: number, line: number): boolean {
  if (MEASURE_HEADER.test(normalizeHeader(values[headerLine][line] ?? null))) return true;
  const names = lineNames(values, headerLine, line);
  return names.length >= 2 && names.every((name) => measureKind(name) !== "unknown");
}

/** The distinct texts of a line under the header, as written (trimmed), in order. */
export function lineNames(values: Matrix, headerLine: number, line: number): string[] {
  const texts = values.slice(headerLine + 1).map((row) => row[line]);
  return [...new Set(texts.filter((cell): cell is string => typeof cell === "string" && cell.trim() !== "" && toNumber(cell) === null).map((cell) => cell.trim()))];
}

/**
 * A line outside the periods and keys that names measures ({@link namesMeasures}), whose lines carry
 * two or more names while a key (item, and location, customer or channel where the grid has them)
 * repeats, or an item is written once over several lines ("Actuals Qty" and "Statistical Forecast Qty"
 * rows of each item): a planning book's measure line, with the measure read as demand when one names
 * the history and the others a plan, a derived figure or money ({@link historyMeasure}); `kept`
 * undefined when which is demand cannot be told.
 */
function measureLine(values: Matrix, headerLine: number, run: PeriodRun, keyLines: readonly (number | undefined)[]): { line: number; names: string[]; kept?: string } | undefined {
  // an item written once over its measures' lines (a pivot table without repeated labels) keys the lines below it
  let item: CellValue = null;
  const data = values.slice(headerLine + 1).flatMap((row) => {
    if (!isBlank(row[keyLines[0] ?? 0] ?? null)) item = row[keyLines[0] ?? 0] ?? null;
    return item === null || row.every((cell) => isBlank(cell ?? null)) ? [] : [Object.assign([...row], { [keyLines[0] ?? 0]: item })];
  });
  const keys = data.map((row) => keyLines.map((line) => (line === undefined ? "" : String(row[line] ?? "").trim())).join("\u0000"));
  if (new Set(keys).size === keys.length) return undefined;
  const periods = new Set(run.positions);
  for (let line = 0; line < values[headerLine].length; line++) {
    if (periods.has(line) || keyLines.includes(line) || !namesMeasures(values, headerLine, line)) continue;
    const names = lineNames(values, headerLine, line);
    if (names.length >= 2) return { line, names, kept: historyMeasure(names) };
  }
  return undefined;
}

/**
 * A line between the first and last period of a run, not a period nor headed as a total (in the header
 * line, or in the line above it as a pivot table heads a band's "North Total"), that holds numbers
 * below the header.
 */
function unheadedNumbers(values: Matrix, headerLine: number, run: PeriodRun, subtotals: ReadonlySet<number>): number | undefined {
  const periods = new Set([...run.positions, ...subtotals]);
  const data = values.slice(headerLine + 1);
  for (let line = run.positions[0] + 1; line < run.positions[run.positions.length - 1]; line++) {
    if (periods.has(line) || isTotalLabel(values[headerLine][line] ?? null) || isTotalLabel(values[headerLine - 1]?.[line] ?? null)) continue;
    if (data.some((row) => typeof row[line] === "number")) return line;
  }
  return undefined;
}

/** Fields of a key line that is not the item: a grid keyed by one of these alone is not read as if it were keyed by items. */
const NOT_ITEM = new Set<HistoryField | undefined>(["location", "customer", "channel", "year"]);

/**
 * Key lines of a grid: the lines outside the periods named like an item (or resource) and a location,
 * else the first holding text; `unkeyed` (the line) when the only keys are named as locations,
 * customers or channels, so no line holds the item.
 */
function keyLines(
  values: Matrix,
  headerLine: number,
  run: PeriodRun,
): { item: number; location?: number; inferredLocation?: boolean; separator?: string; customer?: number; channel?: number } | { unkeyed: number } | undefined {
  const header = values[headerLine];
  const periods = new Set(run.positions);
  const width = Math.max(header.length, ...values.map((row) => row.length));
  const others = Array.from({ length: width }, (_, line) => line).filter((line) => !periods.has(line));
  const data = values.slice(headerLine + 1);
  const holdsText = (line: number): boolean => data.some((row) => typeof row[line] === "string" && !isBlank(row[line] ?? null) && toNumber(row[line] ?? null) === null);
  const holdsKeys = (line: number): boolean => data.some((row) => !isBlank(row[line] ?? null));
  const named = (field: HistoryField): number | undefined => others.find((line) => historyFieldOf(header[line] ?? null) === field);
  const reporting = { customer: named("customer"), channel: named("channel") };
  const combined = others.find((line) => namesItemAndLocation(header[line] ?? null));
  if (combined !== undefined) return { item: combined, separator: separatorOf(header[combined]), ...reporting };
  // of unnamed lines of text, the one keying most lines (a pivot table's caption line above the item codes names one)
  const distinctTexts = (line: number): number => new Set(data.map((row) => row[line]).filter((cell) => typeof cell === "string" && cell.trim() !== "" && toNumber(cell) === null)).size;
  // a line headed by the periods' own label ("Month" over the dates down, on the row of the item codes across) is unnamed too
  const unnamed = others.filter((line) => holdsText(line) && itemFieldOf(header[line] ?? null) === undefined && [undefined, "date"].includes(historyFieldOf(header[line] ?? null)) && !namesMeasures(values, headerLine, line));
  const item =
    codeLine(values, headerLine, others.filter((line) => historyFieldOf(header[line] ?? null) === "item" || resourceFieldOf(header[line] ?? null) === "id")) ??
    unnamed.reduce<number | undefined>((best, line) => (best === undefined || distinctTexts(line) > distinctTexts(best) ? line : best), undefined) ??
    others.find((line) => holdsKeys(line) && !NOT_ITEM.has(historyFieldOf(header[line] ?? null)));
  if (item === undefined) {
    const unkeyed = others.find((line) => holdsKeys(line) && NOT_ITEM.has(historyFieldOf(header[line] ?? null)));
    return unkeyed === undefined ? undefined : { unkeyed };
  }
  const headed = others.find((line) => line !== item && historyFieldOf(header[line] ?? null) === "location");
  const keys = data.map((row) => row[item] ?? null).filter((key): key is string => typeof key === "string" && key.trim() !== "");
  const separated = keys.filter((key) => /\S\s*\|\s*\S/.test(key)).length;
  const separator = headed === undefined && keys.length > 0 && separated >= 0.8 * keys.length ? "|" : undefined;
  const inferred = headed === undefined && separator === undefined ? splittingLine(data, item, unnamed.filter((line) => line !== item)) : undefined;
  return { item, location: headed ?? inferred, separator, ...reporting, ...(inferred === undefined ? {} : { inferredLocation: true }) };
}

/**
 * Of the lines headed as the item (or resource), the one holding its codes: a code header ("SKU", "Item
 * code") before a bare word that also heads names ("Product"), then the line whose keys hold fewer
 * spaces (names do: "Office chair"), then the first.
 * @example codeLine([["Product", "SKU"], ["Office chair", "CH-101"]], 0, [0, 1]) // 1
 */
export function codeLine(values: Matrix, headerLine: number, lines: readonly number[]): number | undefined {
  const spaced = (line: number): number => values.slice(headerLine + 1).filter((row) => typeof row[line] === "string" && /\S\s+\S/.test(String(row[line]).trim())).length;
  return [...lines].sort((a, b) => itemCodeRank(values[headerLine][b] ?? null) - itemCodeRank(values[headerLine][a] ?? null) || spaced(a) - spaced(b) || a - b)[0];
}

/**
 * Of unnamed lines of text, the one that tells apart the lines of an item that repeats, its values
 * shared among items (a location under a header step 1 does not know: "Zone", "Ship-to city"): the
 * location, when exactly one line does so. Undefined when no item repeats.
 */
function splittingLine(data: Matrix, item: number, candidates: readonly number[]): number | undefined {
  const keyed = data.filter((row) => !isBlank(row[item] ?? null) && !row.some((cell) => isTotalLabel(cell ?? null)));
  const itemOf = (row: readonly CellValue[]): string => String(row[item]).trim().toLowerCase();
  if (new Set(keyed.map(itemOf)).size === keyed.length) return undefined;
  const splitting = candidates.filter((line) => {
    const valueOf = (row: readonly CellValue[]): string => String(row[line] ?? "").trim().toLowerCase();
    const shared = new Map<string, Set<string>>();
    for (const row of keyed) shared.set(valueOf(row), (shared.get(valueOf(row)) ?? new Set<string>()).add(itemOf(row)));
    return new Set(keyed.map((row) => `${itemOf(row)}\u0000${valueOf(row)}`)).size === keyed.length && [...shared.values()].some((items) => items.size >= 2);
  });
  return splitting.length === 1 ? splitting[0] : undefined;
}

function separatorOf(header: Matrix[number][number]): string {
  return /[|/@]/.exec(String(header))?.[0] ?? "|";
}

/**
 * A grid without period headers: a first column of distinct text keys followed by at least three
 * columns of numbers, read as periods P1, P2, ... . A first row keyed like a header ("Item", "SKU") or
 * holding consecutive years is a header of periods step 1 cannot place, refused at its first period,
 * never read as one more item whose quantities are the years or period numbers.
 */
function headerlessGrid(values: Matrix): GridShape | GridRefusal | undefined {
  const width = Math.max(0, ...values.map((row) => row.length));
  if (values.length === 0 || width < 4) return undefined;
  if (values[0].slice(1).some((cell) => typeof cell === "string" && toNumber(cell) === null)) return undefined;
  const firstRow = values[0].slice(1).map((cell) => toNumber(cell));
  const years = firstRow.every((value, k) => value !== null && Number.isInteger(value) && value >= 1900 && value <= 2100 && (k === 0 || value === (firstRow[k - 1] ?? 0) + 1));
  if (years || historyFieldOf(values[0][0] ?? null) === "item") {
    const what = years ? "names a year: step 1 plans months or weeks, so yearly totals are not read" : "heads a period by its number alone, which step 1 cannot place on the calendar";
    return { row: 0, col: 1, reason: `"${String(values[0][1])}" ${what}. Write each period as a calendar month, week or date (such as "Jan 2024", "2024-W05" or 2024-01-01), or correct the mapping.` };
  }
  const keys = values.map((row) => row[0] ?? null);
  const textKeys = keys.filter((key): key is string => typeof key === "string" && Number.isNaN(Number(key)));
  if (textKeys.length < values.length * 0.9 || new Set(textKeys).size !== textKeys.length) return undefined;
  const numericShare = values.flatMap((row) => row.slice(1)).filter((cell) => typeof cell === "number" || cell === null).length;
  if (numericShare < values.length * (width - 1) * 0.9) return undefined;
  const periodLines = Array.from({ length: width - 1 }, (_, k) => k + 1);
  return {
    mapping: { orientation: "periodsAcross", headerLine: -1, keyLine: 0, periodLines, periods: periodLines.map((line) => `P${line}`) },
    keyHeader: "",
    keys: textKeys,
  };
}

/** The columns of a sheet holding one period's quantities (a sheet per month): its key columns and value columns. */
export interface PeriodSheetShape {
  headerRow: number;
  item: number;
  /** The location column, when the quantities are in one column beside item and location. */
  location?: number;
  /** The columns holding quantities: one quantity column, or one column per location (headed by it). */
  values: { column: number; location?: string }[];
}

/**
 * Recognise a sheet that holds one period's quantities (the period in its name: a sheet per month):
 * a header row naming the item, then either a quantity column ("Qty", "Sales", with a location column
 * or without) or one column per location ("North", "South": text headers over numbers that name no
 * total and no item attribute such as "Price"; none may name a measure, "Actual" beside "Budget",
 * which is not guessed between).
 * @param sample the sheet's first rows
 * @returns the shape, or undefined when the sheet holds no such table
 * @example periodSheetShape([["Item", "North", "South"], ["A-1", 3, 4]])?.values // [{ column: 1, location: "North" }, { column: 2, location: "South" }]
 */
export function periodSheetShape(sample: Matrix): PeriodSheetShape | undefined {
  for (let headerRow = 0; headerRow < Math.min(HEADER_SEARCH, sample.length); headerRow++) {
    const header = sample[headerRow];
    const item = header.findIndex((cell) => historyFieldOf(cell) === "item");
    if (item < 0) continue;
    const data = sample.slice(headerRow + 1).filter((row) => !isBlank(row[item] ?? null) && !isTotalLabel(row[item] ?? null));
    const numeric = (column: number): boolean => data.some((row) => toNumber(row[column] ?? null) !== null) && data.every((row) => isBlank(row[column] ?? null) || toNumber(row[column] ?? null) !== null);
    if (data.length === 0) return undefined;
    const quantity = header.findIndex((cell, column) => column !== item && historyFieldOf(cell) === "quantity" && numeric(column));
    if (quantity >= 0) {
      const location = header.findIndex((cell, column) => column !== item && historyFieldOf(cell) === "location");
      return { headerRow, item, ...(location < 0 ? {} : { location }), values: [{ column: quantity }] };
    }
    const numbers = header.flatMap((cell, column) =>
      column !== item && typeof cell === "string" && cell.trim() !== "" && !isTotalLabel(cell) && itemFieldOf(cell) === undefined && historyFieldOf(cell) === undefined && !looksLikePeriod(cell) && numeric(column)
        ? [{ column, location: cell.trim() }]
        : [],
    );
    const measures = numbers.filter((entry) => namesMeasure(entry.location));
    return numbers.length > 0 && measures.length === 0 ? { headerRow, item, values: numbers } : undefined;
  }
  return undefined;
}

/**
 * Rows and columns swapped.
 * @example transpose([[1, 2], [3, 4]]) // [[1, 3], [2, 4]]
 */
export function transpose(values: Matrix): Matrix {
  const width = Math.max(0, ...values.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => values.map((row) => row[column] ?? null));
}

/**
 * The blocks a history mapping reads, in reading order.
 * @example historySources(mapping).map((source) => source.reference) // ["Sales 2023", "Sales 2024"]
 */
export function historySources(mapping: HistoryMapping): BlockSource[] {
  if (isLines(mapping)) return mapping.sources;
  const sources = [mapping.source, ...(mapping.more ?? []).map((part) => part.source)];
  return sources.filter((source, k) => sources.findIndex((other) => other.reference === source.reference) === k);
}

/**
 * True when a grid is a sheet per period: every part holds one period (the one its sheet is named by).
 * @example isSheetPerPeriod(mapping) // true for sheets "Jan 2024", "Feb 2024", ... of items by location
 */
export function isSheetPerPeriod(mapping: HistoryMapping): boolean {
  return !isLines(mapping) && mapping.more !== undefined && seriesParts(mapping).every((part) => part.periods.length === 1);
}

/**
 * True when a grid's block holds a band of periods per location (a location row over repeated months).
 * @example isBanded(mapping) // true for "North" over Jan..Dec, "South" over Jan..Dec
 */
export function isBanded(mapping: HistoryMapping): boolean {
  return !isLines(mapping) && !isSheetPerPeriod(mapping) && (mapping.more ?? []).some((part) => part.location !== undefined && part.source.reference === mapping.source.reference);
}

/**
 * The blocks of a grid, each with its own header line and periods.
 * @example seriesParts(mapping).length // 2 for a sheet per year
 */
export function seriesParts(mapping: SeriesMapping): SeriesMapping[] {
  return [mapping, ...(mapping.more ?? []).map((part) => ({ ...mapping, ...part, more: undefined }))];
}

/**
 * Where the history is and how it is laid out, in a planner's words.
 * @example describeHistory(mapping) // "SalesHistory (months across)"
 * @example describeHistory(lines) // "Orders (order lines by day, by location)"
 */
export function describeHistory(mapping: HistoryMapping): string {
  const where = historySources(mapping)
    .map((source) => source.reference)
    .join(", ");
  const corrected = mapping.corrected ? ", as you corrected it" : "";
  if (isLines(mapping)) {
    const lines = mapping.keyHeadings ? `lines by ${mapping.periodKind} under a heading per item` : `order lines by ${mapping.periodKind}`;
    const located = mapping.locationQuantities ? ", a quantity column per location" : mapping.columns.location === undefined ? "" : ", by location";
    return `${where} (${lines}${located}${corrected})`;
  }
  const located = mapping.locationLine !== undefined || mapping.keySeparator !== undefined || (mapping.more ?? []).some((part) => part.location !== undefined);
  if (isSheetPerPeriod(mapping)) return `${where} (a sheet per ${mapping.periodKind ?? "month"}${located ? ", by item and location" : ""}${corrected})`;
  const periods = mapping.headerLine < 0 ? "periods" : `${mapping.periodKind ?? "month"}s`;
  const keys =
    mapping.locationLine !== undefined || mapping.keySeparator !== undefined
      ? ", by item and location"
      : isBanded(mapping)
        ? ", a band of periods per location"
        : mapping.more?.some((part) => part.location)
          ? ", a sheet per location"
          : mapping.locationHeadings
            ? ", a heading per location"
            : "";
  const measure = mapping.measureLine === undefined ? "" : `, the "${mapping.measure ?? ""}" ${mapping.orientation === "periodsAcross" ? "rows" : "columns"}`;
  return `${where} (${periods} ${mapping.orientation === "periodsAcross" ? "across" : "down"}${keys}${measure}${corrected})`;
}
