/**
 * The planner's corrections to the history mapping (the pane's mapping editor): which block, which
 * header line, which lines are the keys (item, location; customer and channel kept for reporting),
 * which lines are the periods (grids) or the date and quantity (order lines), and the planning bucket.
 * The editor's drop-downs are built from the block's first rows only (`historySample`); a choice becomes
 * a HistoryMapping marked `corrected` (`historyFromChoice`), which the reader honours field by field
 * and which is never proposed over (`keepCorrected`).
 */
import { PlanningError } from "../core/errors";
import { columnLetters, sheetCellAddress } from "../workbook/address";
import type { CellValue, Matrix, Workbook } from "../workbook/workbook";
import { readBlock } from "./blockReading";
import { isBlank, writesDecimalComma } from "./cellValues";
import { distinctMeasures } from "./measureNames";
import { historyFieldOf } from "./headerNames";
import { gridScale, HEADER_SEARCH, historySources, isLines, isSheetPerPeriod, lineNames, linesScale, lineSpan, namesWeekNumber, SAMPLE_ROWS, scaleOf, transpose, type BlockSource, type HistoryMapping, type LineColumns, type SeriesMapping } from "./historyLayout";
import { readHistory, type HistoryReading } from "./historyReader";
import { blockSource, loadMapping, proposeMapping, saveMapping, type DataMapping } from "./mapping";
import { findPeriodRun, inTimeOrder, looksLikePeriod, parsePeriodCell, spanLabel, withoutSharedAffix, writesYearWeeks, type PeriodKind, type PeriodSpan } from "./periodHeader";
import type { PlanningBucket } from "./planningBuckets";

/** How the history runs: periods across columns, periods down rows, or one row per order line. */
export type HistoryLayoutKind = "periodsAcross" | "periodsDown" | "lines";

/**
 * Everything the mapping editor lets the planner set. Lines are 0-based within the block: columns when
 * periods run across or for order lines, rows when periods run down; the header line is the other way.
 */
export interface HistoryChoice {
  /** The block, as Workbook.read takes it: a table, a workbook name, a sheet or a sheet range. */
  reference: string;
  layout: HistoryLayoutKind;
  /** The row (periods across, order lines) or column (periods down) holding the headers; -1 for none (periods P1, P2, ...). */
  headerLine: number;
  item: number;
  location?: number;
  /** Kept for reporting: each series is summed over its customers. */
  customer?: number;
  /** Kept for reporting, like the customer. */
  channel?: number;
  /** Grids: the first period line. */
  firstPeriod?: number;
  /** Grids: the last period line; absent for "to the last period header" (the run of period headers; next cycle's months are taken too). */
  lastPeriod?: number;
  /** Order lines: the date (or period) column; the month column when `year` is set. */
  date?: number;
  /** Order lines: the calendar-year column beside a month column (an export's Year and Month), kept as proposed. */
  year?: number;
  /** Order lines: the quantity column. */
  quantity?: number;
  /** Order lines of a report printed by item: each block's item is named by the heading line above it, kept as proposed. */
  keyHeadings?: boolean;
  /** Order lines with a quantity column per location, kept as proposed while the quantity chosen is the first of them. */
  locationQuantities?: { column: number; location: string }[];
  /**
   * A planning book's measure line (a column; a row with periods down) and the measure read as demand:
   * only the lines (rows, or order lines) of that measure are read ("Actual" beside "Budget").
   */
  measure?: { line: number; name: string };
  bucket: PlanningBucket;
}

/** A block the planner can map, as the editor lists it. */
export interface MappableBlock {
  reference: string;
  /** "Table SalesHistory", "Name DemandBlock", "Sheet Sales". */
  label: string;
}

/**
 * The blocks a history can be mapped to: the workbook's tables, its names that are one plain range,
 * and its sheets that the add-in did not create (a hidden one marked so); nothing is read.
 * @example (await mappableBlocks(book)).map((block) => block.label) // ["Table SalesHistory", "Sheet Sales History", ...]
 */
export async function mappableBlocks(book: Workbook): Promise<MappableBlock[]> {
  const [tables, names, sheets] = await Promise.all([book.listTables(), book.listNames(), book.listSheets()]);
  return [
    ...tables.map((table) => ({ reference: table.name, label: `Table ${table.name}` })),
    ...names.filter((name) => name.address !== null && name.scope === undefined).map((name) => ({ reference: name.name, label: `Name ${name.name}` })),
    // a hidden sheet is not proposed, but the planner may choose it
    ...sheets.filter((sheet) => !sheet.ownedByAddin).map((sheet) => ({ reference: sheet.name, label: `Sheet ${sheet.name}${sheet.visible ? "" : " (hidden)"}` })),
  ];
}

/**
 * The mapping the editor starts from: the one saved in the workbook, else a proposal (a damaged saved
 * mapping is proposed again, as step 1 would ask).
 * @example const start = await startingMapping(book); start.history?.corrected // undefined for a proposal
 */
export async function startingMapping(book: Workbook): Promise<DataMapping> {
  try {
    const saved = await loadMapping(book);
    if (saved) return saved;
  } catch (error) {
    if (!(error instanceof PlanningError)) throw error;
  }
  return proposeMapping(book);
}

/** Where the editor opens: the mapping it corrects, the choice shown, and what it cannot show. */
export interface EditorStart {
  /** The history mapping the choice stands for (null when the editor starts afresh). */
  start: HistoryMapping | null;
  choice: HistoryChoice;
  /** Said to the planner when the editor cannot show how step 1 reads the history. */
  note?: string;
}

/**
 * Where the editor opens on a mapping: the choice its history stands for ({@link choiceOf}), or the
 * first block afresh. A history read from a sheet per month has its periods in sheet names, which the
 * editor's drop-downs of header cells cannot show: the editor opens on the first block afresh and says
 * that step 1 keeps reading the sheets unless the planner accepts another mapping.
 * @param mapping the saved mapping or the proposal ({@link startingMapping})
 * @param blocks the blocks the editor lists ({@link mappableBlocks})
 * @returns the start, the choice and the note
 * @example editorStart(await startingMapping(book), await mappableBlocks(book)).note // undefined for one block
 */
export function editorStart(mapping: DataMapping, blocks: readonly MappableBlock[]): EditorStart {
  const fresh = defaultChoice(blocks[0]?.reference ?? "", mapping.bucket);
  const history = mapping.history;
  if (!history) return { start: null, choice: fresh };
  if (isSheetPerPeriod(history)) {
    const sheets = historySources(history).map((source) => source.sheet);
    const kind = history.periodKind ?? "month";
    return {
      start: null,
      choice: fresh,
      note: `Step 1 reads ${sheets.length} sheets, one per ${kind} ("${sheets[0]}" to "${sheets[sheets.length - 1]}"), each sheet's name giving its ${kind}. The lists below map one block of cells and cannot show that; step 1 keeps reading the sheets unless you map one block below and accept it.`,
    };
  }
  return { start: history, choice: choiceOf(history, mapping.bucket ?? "month") };
}

/**
 * A choice on a block nothing is known of yet: headers in its first row, the item in its first column,
 * periods from the second column to the last period header.
 * @example defaultChoice("Sales") // { reference: "Sales", layout: "periodsAcross", headerLine: 0, item: 0, firstPeriod: 1, bucket: "month" }
 */
export function defaultChoice(reference: string, bucket: PlanningBucket = "month"): HistoryChoice {
  return { reference, layout: "periodsAcross", headerLine: 0, item: 0, firstPeriod: 1, bucket };
}

/** A block's first rows as the editor shows them, never the whole block. */
export interface HistorySample {
  source: BlockSource;
  /** The block's first SAMPLE_ROWS rows. */
  rows: Matrix;
}

/**
 * The first rows of a block (a table, name, sheet or sheet range), for the editor's drop-downs.
 * @param book the planner's workbook.
 * @param reference the block.
 * @throws PlanningError when there is no such block.
 * @example (await historySample(book, "Sales")).rows[0] // ["Item", "Jan 2024", ...]
 */
export async function historySample(book: Workbook, reference: string): Promise<HistorySample> {
  const source = await blockSource(book, reference);
  return { source, rows: await book.read(source.reference, { offset: 0, count: SAMPLE_ROWS }) };
}

/** One entry of a drop-down: a line of the block and how the planner sees it ("Column C: Jan 2024", "Row 3: Item, Jan 2024, ..."). */
export interface LineOption {
  line: number;
  label: string;
}

/**
 * The header lines a planner can pick: the first rows (or columns, periods down) of the sample, each
 * labelled with its address and first cells.
 * @example headerOptions(sample, "periodsAcross")[0].label // "Row 1: Item, Jan 2024, Feb 2024, ..."
 */
export function headerOptions(sample: HistorySample, layout: HistoryLayoutKind): LineOption[] {
  const lines = layout === "periodsDown" ? transpose(sample.rows) : sample.rows;
  return lines.slice(0, HEADER_SEARCH).map((cells, line) => ({ line, label: `${lineName(sample.source, layout === "periodsDown" ? "column" : "row", line)}: ${preview(cells)}` }));
}

/**
 * The lines a planner can pick as a key, the periods, the date or the quantity: every column (rows,
 * periods down) of the sample, labelled with its letter (number) and header cell.
 * @example keyOptions(sample, { layout: "periodsAcross", headerLine: 0 })[1].label // "Column B: Jan 2024"
 */
export function keyOptions(sample: HistorySample, choice: Pick<HistoryChoice, "layout" | "headerLine">): LineOption[] {
  const lines = choice.layout === "periodsDown" ? sample.rows : transpose(sample.rows);
  return lines.map((cells, line) => {
    const header = choice.headerLine < 0 ? null : (cells[choice.headerLine] ?? null);
    const example = cells.slice(choice.headerLine + 1).find((cell) => !isBlank(cell ?? null)) ?? null;
    const text = isBlank(header) ? (isBlank(example) ? "(blank)" : `(blank header; e.g. ${shown(example)})`) : shown(header);
    const name = choice.layout === "periodsDown" ? lineName(sample.source, "row", line) : columnLetters(sample.source.col + line);
    return { line, label: `${name}: ${text}` };
  });
}

/**
 * The editor's starting point: the choice a history mapping stands for.
 * @example choiceOf(mapping.history, "month").item // 0
 */
export function choiceOf(history: HistoryMapping, bucket: PlanningBucket): HistoryChoice {
  if (isLines(history)) {
    const { columns } = history;
    const year = columns.year === undefined ? {} : { year: columns.year };
    return { reference: history.sources[0].reference, layout: "lines", headerLine: history.headerRow, item: columns.item, date: columns.date, ...year, quantity: columns.quantity, ...optional(columns), ...(history.keyHeadings ? { keyHeadings: true } : {}), ...(history.locationQuantities ? { locationQuantities: history.locationQuantities } : {}), ...(columns.measure !== undefined && history.measure !== undefined ? { measure: { line: columns.measure, name: history.measure } } : {}), bucket };
  }
  return {
    reference: history.source.reference,
    layout: history.orientation,
    headerLine: history.headerLine,
    item: history.keyLine,
    ...optional({ location: history.locationLine, customer: history.customerLine, channel: history.channelLine }),
    // the first and last period lines along the sheet (a history listing its newest period first keeps them in time order)
    firstPeriod: Math.min(...history.periodLines),
    ...(history.openEnded ? {} : { lastPeriod: Math.max(...history.periodLines) }),
    ...(history.measureLine !== undefined && history.measure !== undefined ? { measure: { line: history.measureLine, name: history.measure } } : {}),
    bucket,
  };
}

/**
 * The measures a line of the sample names under the header, each once as first written ("Actual",
 * "Budget"): what the planner can read as demand when the line is a planning book's measure line.
 * @example measureOptions(sample, { layout: "periodsAcross", headerLine: 0 }, 2) // ["Actual", "Budget"]
 */
export function measureOptions(sample: HistorySample, choice: Pick<HistoryChoice, "layout" | "headerLine">, line: number): string[] {
  const values = choice.layout === "periodsDown" ? transpose(sample.rows) : sample.rows;
  return distinctMeasures(lineNames(values, choice.headerLine, line));
}

function optional(lines: Partial<Record<"location" | "customer" | "channel", number>>): Partial<Record<"location" | "customer" | "channel", number>> {
  return Object.fromEntries((["location", "customer", "channel"] as const).flatMap((key) => (lines[key] === undefined ? [] : [[key, lines[key]]])));
}

/**
 * The history mapping a planner's choice stands for, marked corrected. Period headers are read from the
 * header line between the first and last period lines (a grid without headers numbers its periods P1,
 * P2, ...); when the choice keeps the block of `previous`, the further sheets of the same layout it
 * held (a sheet per year or region) or bands of periods of its block (a band per location) are kept,
 * with the location of the first (unless the choice names a location line); a grid printed by location
 * keeps taking each row's location from the headings above it unless the choice names a location line.
 * Order lines keep the status column their header row names ("Status", "Reason for rejection") and
 * its order type column ("Order type", "Sales Doc. Type"), so cancelled and rejected lines, returns and
 * credits stay left out.
 * @param book the planner's workbook.
 * @param choice what the planner set.
 * @param previous the mapping the editor started from, if any.
 * @throws PlanningError naming the cell or line when the choice cannot be read: a key line among the
 *   periods, a period header that is not a month, week or date, periods of different kinds, an order
 *   line's date column without dates, a weekly bucket for monthly history.
 * @example const history = await historyFromChoice(book, { ...choiceOf(proposal, "month"), headerLine: 2 });
 */
export async function historyFromChoice(book: Workbook, choice: HistoryChoice, previous?: HistoryMapping | null): Promise<HistoryMapping> {
  const source = await blockSource(book, choice.reference);
  const sameBlock = previous && !isLines(previous) && previous.source.reference === source.reference && previous.orientation === choice.layout ? previous : undefined;
  const kept = sameBlock?.more;
  const keys = [choice.item, choice.location, choice.customer, choice.channel].filter((line): line is number => line !== undefined);
  if (new Set(keys).size !== keys.length) throw new PlanningError("The item, location, customer and channel must be different columns (or rows). Choose each one once.");
  if (choice.measure && keys.includes(choice.measure.line)) throw new PlanningError("The measure column (or row) is also a key. Choose a line of its own for the measure.");
  if (choice.layout === "lines") return linesFromChoice(book, source, choice, keys);
  const values = choice.layout === "periodsAcross" ? await book.read(source.reference, { offset: 0, count: Math.max(choice.headerLine + 1, 1) }) : transpose(await readBlock(book, source.reference));
  const header = choice.headerLine < 0 ? [] : (values[choice.headerLine] ?? []);
  const first = choice.firstPeriod ?? 0;
  const last = choice.lastPeriod ?? lastOfRun(header, first);
  if (first > last) throw new PlanningError("The first period comes after the last one. Choose the first and last period columns again.");
  const periodLines = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const clash = [...keys, ...(choice.measure ? [choice.measure.line] : [])].find((line) => periodLines.includes(line));
  if (clash !== undefined) {
    throw new PlanningError(`${lineName(source, choice.layout === "periodsAcross" ? "column" : "row", clash)} is both a key and a period. Choose periods that leave out the key columns.`);
  }
  const headed = choice.headerLine < 0 ? undefined : periodLabels(source, choice, header, periodLines);
  const periods = headed?.labels ?? periodLines.map((_, k) => `P${k + 1}`);
  const openEnded = choice.lastPeriod === undefined && choice.headerLine >= 0 && headed?.newestFirst !== true;
  if (choice.bucket === "week" && headed?.kind === "month") {
    throw new PlanningError("The history is by month; it cannot be planned in weeks. Plan in months, or map a weekly history.");
  }
  const mapping: SeriesMapping = {
    source,
    orientation: choice.layout,
    headerLine: choice.headerLine,
    keyLine: choice.item,
    periodLines: headed?.lines ?? periodLines,
    periods,
    ...(headed === undefined ? {} : { periodKind: headed.kind }),
    ...(choice.location === undefined ? {} : { locationLine: choice.location }),
    ...(choice.customer === undefined ? {} : { customerLine: choice.customer }),
    ...(choice.channel === undefined ? {} : { channelLine: choice.channel }),
    ...(kept === undefined ? {} : { more: kept }),
    ...(kept !== undefined && previous && !isLines(previous) && previous.location !== undefined && choice.location === undefined ? { location: previous.location } : {}),
    ...(sameBlock?.locationHeadings && choice.location === undefined && choice.layout === "periodsAcross" ? { locationHeadings: true } : {}),
    ...(choice.measure ? { measureLine: choice.measure.line, measure: choice.measure.name } : {}),
    ...(sameBlock?.decimalComma ? { decimalComma: true } : {}),
    ...(choice.headerLine < 0 ? {} : scaleOf(gridScale(choice.layout === "periodsAcross" ? values : transpose(values), choice.layout, choice.headerLine, choice.item))),
    ...(openEnded ? { openEnded: true } : {}),
    corrected: true,
  };
  return mapping;
}

async function linesFromChoice(book: Workbook, source: BlockSource, choice: HistoryChoice, keys: number[]): Promise<HistoryMapping> {
  if (choice.date === undefined || choice.quantity === undefined) throw new PlanningError("Order lines need a date column and a quantity column. Choose both.");
  const { date, quantity } = choice;
  const keyColumns = choice.keyHeadings ? keys.filter((key) => key !== choice.item) : keys;
  if (keyColumns.includes(date) || keyColumns.includes(quantity) || date === quantity) throw new PlanningError("The date, quantity and key columns must all be different. Choose each one once.");
  const headerRow = Math.max(choice.headerLine, 0);
  // the title rows above the header too: one may say the quantities are in thousands
  const rows = await book.read(source.reference, { offset: 0, count: headerRow + SAMPLE_ROWS + 1 });
  const [header = [], ...sample] = rows.slice(headerRow);
  const { year } = choice;
  const kept = (field: "status" | "orderType"): number => header.findIndex((cell, column) => historyFieldOf(cell) === field && ![date, quantity, year, ...keys].includes(column));
  const [status, orderType] = [kept("status"), kept("orderType")];
  // week numbers beside a year ("Year", "Week"), or a year and week run together ("202413")
  const weekHeaded = namesWeekNumber(header[date] ?? null);
  const weeks = year !== undefined ? weekHeaded : writesYearWeeks(sample.map((row) => row[date] ?? null), weekHeaded);
  const span = sample
    .filter((row) => !isBlank(row[date] ?? null))
    .map((row) => lineSpan(row, { date, year }, weeks))
    .find((found): found is PeriodSpan => found !== undefined);
  if (!span) {
    throw new PlanningError(`${lineName(source, "column", date)} holds no dates or periods in its first rows. Choose the column with the order date.`);
  }
  const columns: LineColumns = { date, ...(year === undefined ? {} : { year }), item: choice.item, quantity, ...optional(choice), ...(status < 0 ? {} : { status }), ...(orderType < 0 ? {} : { orderType }) };
  const perLocation = choice.locationQuantities?.[0]?.column === quantity && choice.location === undefined ? { locationQuantities: choice.locationQuantities } : {};
  const { measure } = choice;
  if (measure && [date, quantity, year, ...keys].includes(measure.line)) throw new PlanningError("The measure column is also the date, the quantity or a key column. Choose a column of its own.");
  return {
    layout: "lines",
    sources: [source],
    headerRow,
    columns: { ...columns, ...(measure ? { measure: measure.line } : {}) },
    ...(measure ? { measure: measure.name } : {}),
    // every quantity column settles it, as the proposal does: a block writes its numbers one way
    ...(writesDecimalComma((perLocation.locationQuantities ?? [{ column: quantity }]).flatMap(({ column }) => sample.map((row) => row[column] ?? null))) ? { decimalComma: true } : {}),
    ...scaleOf(linesScale(rows, headerRow, quantity)),
    periodKind: span.kind,
    ...(choice.keyHeadings ? { keyHeadings: true } : {}),
    ...perLocation,
    corrected: true,
  };
}

/** The last line of the run of period headers from `first` on (the line before the first header that names no period, such as "FY total"). */
function lastOfRun(header: readonly CellValue[], first: number): number {
  const cells = withoutSharedAffix(header);
  let last = first;
  while (last + 1 < cells.length && parsePeriodCell(cells[last + 1] ?? null) !== undefined) last++;
  return last;
}

/**
 * The labels and kind of the period headers on the chosen lines, read as a run (dates by their spacing:
 * firsts of months, weeks, days) with the words of the header line around them ("Week ending"), and
 * the lines in time order (reversed when the header lists its newest period first).
 */
function periodLabels(source: BlockSource, choice: HistoryChoice, header: readonly CellValue[], lines: number[]): { labels: string[]; kind: PeriodKind; lines: number[]; newestFirst?: true } {
  const chosen = new Set(lines);
  const headerWords = header.map((cell, k) => (chosen.has(k) || !looksLikePeriod(cell ?? null) ? (cell ?? null) : null));
  const run = findPeriodRun(headerWords, 1);
  const bad = run === undefined ? 0 : lines.findIndex((position) => !run.positions.includes(position));
  if (run === undefined || bad >= 0) {
    const line = lines[Math.max(bad, 0)];
    const at = sheetCellAddress(source.sheet, choice.layout === "periodsAcross" ? { row: source.row + choice.headerLine, col: source.col + line } : { row: source.row + line, col: source.col + choice.headerLine });
    throw new PlanningError(`${at} ("${String(header[line] ?? "")}") is not a period of the run from the first to the last period (months, weeks or dates one period apart). Choose the periods again, or correct the header.`);
  }
  const inOrder = inTimeOrder(run);
  return { labels: inOrder.spans.map(spanLabel), kind: run.kind, lines: inOrder.lines, ...(run.newestFirst ? { newestFirst: true as const } : {}) };
}

/**
 * What step 1 would read with a choice, before the planner accepts it: the mapping and the reading
 * (series, reconciliation, the cells it could not read).
 * @throws PlanningError as historyFromChoice does.
 * @example (await previewChoice(book, choice)).reading.reconciliation.rowsUsed // 40
 */
export async function previewChoice(book: Workbook, choice: HistoryChoice, previous?: HistoryMapping | null): Promise<{ history: HistoryMapping; reading: HistoryReading }> {
  const history = await historyFromChoice(book, choice, previous);
  return { history, reading: await readHistory(book, history, choice.bucket) };
}

/**
 * Keep the planner's history mapping and bucket in the workbook (where step 1 keeps its mapping),
 * beside the saved (or proposed) items, resources and capacity; step 1 and the next cycles read it.
 * @example await acceptHistory(book, history, "month");
 */
export async function acceptHistory(book: Workbook, history: HistoryMapping, bucket: PlanningBucket): Promise<DataMapping> {
  const base = (await loadMapping(book)) ?? (await proposeMapping(book));
  const mapping: DataMapping = { ...base, history: { ...history, corrected: true }, bucket };
  await saveMapping(book, mapping);
  return mapping;
}

/**
 * A corrected history mapping as the next cycle reads it: kept as the planner set it, except that a
 * grid across whose periods run to the last period header (no last period chosen) takes the period
 * headers added since (next cycle's months); the proposal is never put in its place.
 * @example const history = await keepCorrected(book, saved.history);
 */
export async function keepCorrected(book: Workbook, history: SeriesMapping): Promise<SeriesMapping> {
  if (!history.openEnded || history.orientation !== "periodsAcross" || history.headerLine < 0 || history.more !== undefined) return history;
  const [header = []] = await book.read(history.source.reference, { offset: history.headerLine, count: 1 });
  const lines = [...history.periodLines];
  const periods = [...history.periods];
  const cells = withoutSharedAffix(header);
  for (let line = lines[lines.length - 1] + 1; line < cells.length; line++) {
    const span = parsePeriodCell(cells[line] ?? null);
    if (!span || span.kind !== (history.periodKind ?? "month")) break;
    lines.push(line);
    periods.push(spanLabel(span));
  }
  return lines.length === history.periodLines.length ? history : { ...history, periodLines: lines, periods };
}

/** "Column C" or "Row 3" of a block, as the sheet names it. */
function lineName(source: BlockSource, kind: "row" | "column", line: number): string {
  return kind === "column" ? `Column ${columnLetters(source.col + line)}` : `Row ${source.row + line + 1}`;
}

function preview(cells: readonly CellValue[]): string {
  const filled = cells.filter((cell) => !isBlank(cell ?? null)).map(shown);
  return filled.length === 0 ? "(blank)" : filled.slice(0, 4).join(", ") + (filled.length > 4 ? ", ..." : "");
}

function shown(cell: CellValue): string {
  const text = String(cell).trim();
  return text.length > 20 ? `${text.slice(0, 19)}…` : text;
}
