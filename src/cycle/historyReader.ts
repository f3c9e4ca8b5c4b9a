/**
 * Reading a mapped demand history exactly, or saying why not. Keys (item, and location where the
 * layout has one), periods and quantities are read from the mapped blocks only, in row chunks; totals
 * and subtotals, headings, blank and repeated rows are left out and counted; a cell that cannot be
 * read (a phantom item, text where a quantity belongs) is a ReadProblem naming the cell. Periods are
 * put into the planning bucket by their days (planningBuckets.ts).
 *
 * A blank cell of a grid is an unknown quantity (null, for cleansing to fill); a bucket without any
 * order line is 0 (nothing was ordered).
 */
import { PlanningError } from "../core/errors";
import type { CellValue, Workbook } from "../workbook/workbook";
import { eachChunk, readBlock } from "./blockReading";
import { headingKeys, repeatsHeader, type HeadingKeys } from "./blockHeadings";
import { dayLabel } from "./calendarDays";
import { isBlank, notNumberAdvice, numberIn, shownValue } from "./cellValues";
import { isPivotBlank, isTotalLabel, lineCancelled, lineReturned, sameUnit } from "./headerNames";
import {
  blockCellAddress,
  detailLines,
  historySources,
  isLines,
  locationHeading,
  lineKey,
  readsMeasure,
  lineSpan,
  transpose,
  type HistoryMapping,
  type KeyCarry,
  type LinesMapping,
  type SeriesMapping,
  type SeriesPart,
} from "./historyLayout";
import { ambiguousDayMonth, dayMonthOrder, parsePeriodCell, parseSpanLabel, type PeriodKind, type PeriodSpan } from "./periodHeader";
import { partialBuckets, type PartialBucket } from "./partialBuckets";
import { bucketRange, bucketShares, type BucketShare, type PlanningBucket } from "./planningBuckets";
import { uncalculatedFormulaProblems } from "./uncalculated";
import { CELLS_KEPT, ReconciliationTally, type ReadProblem, type Reconciliation } from "./reconciliation";

/** One demand series as read: an item at a location ("" when the history has none). */
export interface SeriesReading {
  item: string;
  location: string;
  /** Quantity per period of HistoryReading.periods; null for a grid's blank cell. */
  history: (number | null)[];
}

/** The quantity a customer (and channel) took over the history read: kept for reporting, never a key of the plan. */
export interface CustomerTotal {
  /** "" when the history has no customer column. */
  customer: string;
  /** "" when the history has no channel column. */
  channel: string;
  quantity: number;
}

/** A demand history as read. */
export interface HistoryReading {
  /** Planning periods, oldest first, none missing: "YYYY-MM" or "YYYY-Www" (or the "P1", "P2", ... of a grid without headers). */
  periods: string[];
  bucket: PlanningBucket;
  /** What the history's own periods are (days and weeks are put into the bucket). */
  periodKind: PeriodKind;
  /** One per item x location, in reading order. */
  series: SeriesReading[];
  reconciliation: Reconciliation;
  problems: ReadProblem[];
  /**
   * Totals by customer and channel, largest first, when the history has a customer or channel column
   * (each series is summed over its customers); absent otherwise.
   */
  byCustomer?: CustomerTotal[];
  /** The unit each item is ordered in, from order lines with a unit column (its first line's), with that cell. */
  units?: SoldUnit[];
}

/** The unit an item's order lines give, and the first cell giving it. */
export interface SoldUnit {
  item: string;
  unit: string;
  address: string;
}

/** A key (item and location) of a row, before its quantities are read, with the customer and channel it is for (reporting only). */
interface RowKey {
  item: string;
  location: string;
  customer: string;
  channel: string;
  /** The cell of the item key, for messages. */
  address: string;
}

/**
 * Read the mapped demand history into series by item x location and planning bucket, with a
 * reconciliation of rows and quantities and every cell that could not be read.
 * @param book the planner's workbook.
 * @param mapping the history's mapping (a grid or order lines).
 * @param bucket the planning bucket: months unless the planner chose weeks (for weekly or daily history).
 * @returns The reading.
 * @throws PlanningError when monthly history is to be planned in weeks.
 * @throws WorkbookError when a mapped block no longer exists.
 * @example const reading = await readHistory(book, mapping.history); reading.reconciliation.quantityIn // 12,345
 */
export async function readHistory(book: Workbook, mapping: HistoryMapping, bucket: PlanningBucket = "month"): Promise<HistoryReading> {
  const kind = isLines(mapping) ? mapping.periodKind : (mapping.periodKind ?? "month");
  const reporting = isLines(mapping)
    ? mapping.columns.customer !== undefined || mapping.columns.channel !== undefined
    : mapping.customerLine !== undefined || mapping.channelLine !== undefined;
  const collector = new SeriesCollector(bucket, isLines(mapping) ? undefined : "grid", reporting);
  let units: SoldUnit[] = [];
  if (isLines(mapping)) units = await readLines(book, mapping, collector);
  else await readGrid(book, mapping, collector);
  for (const problem of await uncalculatedFormulaProblems(book, historySources(mapping).map((source) => source.reference))) collector.problem(problem);
  return { ...collector.result(isLines(mapping) ? 0 : null), periodKind: kind, ...(units.length > 0 ? { units } : {}) };
}

/**
 * The parts of a grid as they are read: one block after the other, and the bands of periods of one
 * block (a band per location) together, so that each line of the block is read and counted once.
 */
function readingGroups(mapping: SeriesMapping): SeriesPart[][] {
  const groups: SeriesPart[][] = [];
  for (const part of [mapping as SeriesPart, ...(mapping.more ?? [])]) {
    const group = groups[groups.length - 1];
    if (group && group[0].source.reference === part.source.reference && group[0].headerLine === part.headerLine) group.push(part);
    else groups.push([part]);
  }
  return groups;
}

async function readGrid(book: Workbook, mapping: SeriesMapping, collector: SeriesCollector): Promise<void> {
  const groups = readingGroups(mapping).map((parts) => ({
    parts,
    spans: parts.map((part) => (part.headerLine < 0 ? undefined : part.periods.map((label) => parseSpanLabel(label, mapping.periodKind ?? "month")))),
  }));
  collector.cover(groups.flatMap(({ spans }) => spans.flatMap((band) => band ?? [])));
  for (const { parts, spans } of groups) {
    const [{ source, headerLine }] = parts;
    const carry: KeyCarry = { key: null, inherited: false };
    if (mapping.orientation === "periodsAcross") {
      let keyHeader: CellValue = null;
      // a grid printed by location: the location of the last heading line ("Plant: Paris")
      let located = parts;
      const heading = (row: readonly CellValue[]): boolean => {
        const location = mapping.locationHeadings ? locationHeading(row, parts[0].periodLines) : undefined;
        if (location !== undefined) located = parts.map((part) => ({ ...part, location }));
        return location !== undefined;
      };
      await eachChunk(book, source.reference, 0, (rows, firstRow) =>
        rows.forEach((row, r) => {
          const at = (line: number): string => blockCellAddress(source, { row: firstRow + r, col: line });
          if (firstRow + r === headerLine) keyHeader = row[mapping.keyLine] ?? null;
          if (firstRow + r < headerLine) heading(row);
          if (firstRow + r <= headerLine) return;
          if (mapping.locationHeadings && (heading(row) || repeatsKeyHeader(row[mapping.keyLine] ?? null, keyHeader))) {
            return collector.tally.leftOut("heading", 0, at(mapping.keyLine));
          }
          readGridLine(mapping, located, spans, row, at, collector, keyHeader, carry);
        }),
      );
    } else {
      const columns = transpose(await readBlock(book, source.reference));
      const keyHeader = columns[mapping.keyLine]?.[headerLine] ?? null;
      for (let position = headerLine + 1; position < columns.length; position++) {
        readGridLine(mapping, parts, spans, columns[position], (line) => blockCellAddress(source, { row: line, col: position }), collector, keyHeader, carry);
      }
    }
  }
  collector.leavePartialEdges();
}

/** How the note on a line read with the item above names the line's detail cell, by detailLines' order. */
const DETAIL_WORDS = ["at", "for customer", "in channel", "for"];

/** One key line of a grid (a row for periods across, a column for periods down), as `line` cells, read in each of the block's parts (its bands of periods). */
function readGridLine(
  mapping: SeriesMapping,
  parts: readonly SeriesPart[],
  spans: readonly (PeriodSpan[] | undefined)[],
  cells: CellValue[],
  at: (line: number) => string,
  collector: SeriesCollector,
  keyHeader: CellValue,
  carry: KeyCarry,
): void {
  const keyCell = cells[mapping.keyLine] ?? null;
  const quantities: { value: number; t: number; band: number }[] = [];
  const notNumbers: ReadProblem[] = [];
  for (const [band, part] of parts.entries()) {
    for (const [t, line] of part.periodLines.entries()) {
      const cell = cells[line] ?? null;
      if (isBlank(cell)) continue;
      const value = scaled(numberIn(cell, mapping.decimalComma === true), mapping.scale);
      if (value === null) {
        const message = `"${shownValue(cell)}" at ${at(line)} is not a quantity. ${notNumberAdvice(cell)} (Leave it blank if unknown.)`;
        notNumbers.push({ kind: "textInNumber", address: at(line), message, period: part.periods[t] });
      } else {
        quantities.push({ value, t, band });
      }
    }
  }
  const total = quantities.reduce((sum, entry) => sum + entry.value, 0);
  const keyTexts = [cells[mapping.keyLine], mapping.locationLine === undefined ? null : cells[mapping.locationLine], cells[0]];
  const totalLine = keyTexts.some((cell) => isTotalLabel(cell ?? null));
  const wasInherited = carry.inherited;
  const details = detailLines(mapping).map((line) => (line === undefined ? null : (cells[line] ?? null)));
  const read = lineKey(carry, keyCell, quantities.length + notNumbers.length > 0 && !totalLine, details);
  if (cells.every((cell) => isBlank(cell ?? null))) return collector.tally.leftOut("blank", 0, at(mapping.keyLine));
  if (totalLine) return collector.tally.leftOut("total", total, at(mapping.keyLine));
  if (!readsMeasure(mapping, mapping.measureLine === undefined ? null : (cells[mapping.measureLine] ?? null))) return collector.tally.leftOut("otherMeasure", total, at(mapping.keyLine));
  if ((isBlank(keyCell) || isPivotBlank(keyCell)) && read === undefined) {
    notNumbers.forEach((problem) => collector.problem(problem));
    if (quantities.length === 0) return collector.tally.leftOut("heading", 0, at(mapping.keyLine));
    const message = isPivotBlank(keyCell) ? pivotBlankMessage(keyCell) : `${at(mapping.keyLine)} has no item, but its row holds quantities. Enter the item, or delete the row.`;
    collector.problem({ kind: "noKey", address: at(mapping.keyLine), message });
    return collector.tally.leftOut("noKey", total, at(mapping.keyLine));
  }
  const inherits = read?.inherited === true;
  const item = read?.key ?? keyCell;
  if (inherits && !wasInherited) {
    const shown = details.findIndex((cell) => !isBlank(cell) && !isTotalLabel(cell));
    const message = `${at(mapping.keyLine)} is blank: its row is read as ${String(item).trim()} ${DETAIL_WORDS[shown]} ${String(details[shown]).trim()}, the item of the row above (a pivot table without repeated labels, or an item merged down over its rows, writes it once).`;
    collector.problem({ kind: "inheritedKey", address: at(mapping.keyLine), message, item: String(item).trim() });
  }
  const line = inherits ? Object.assign([...cells], { [mapping.keyLine]: item }) : cells;
  const keys = parts.map((part) => gridKey(mapping, part, line, at));
  const [key] = keys;
  const phantom = phantomReason(item, keyHeader);
  if (phantom) {
    collector.problem({ kind: "phantomItem", address: key.address, message: `${key.address}: "${String(item)}" ${phantom}; it is not an item. Correct the mapping's header row, or delete the row.` });
    return collector.tally.leftOut("phantom", total, key.address);
  }
  for (const problem of notNumbers) collector.problem({ ...problem, item: key.item });
  if (quantities.length === 0) return collector.tally.leftOut(notNumbers.length > 0 ? "unreadableQuantity" : "heading", 0, key.address);
  if (!parts.every((part, band) => collector.claim(keys[band], part.periods))) return collector.tally.leftOut("duplicate", total, key.address);
  collector.tally.used(total);
  for (const { value, t, band } of quantities) {
    for (const { label, share } of collector.add(keys[band], spans[band]?.[t], parts[band].periods[t], value)) {
      collector.hold(label, value * share, keys[band], at(parts[band].periodLines[t]), 0);
    }
  }
}

/**
 * The series a grid line belongs to: its item and location (from the key cell split at the key separator,
 * the location line, or the block's location), with its customer and channel kept for reporting.
 * @param at the address of the line's cell on a given line
 */
export function gridKey(mapping: SeriesMapping, part: SeriesPart, cells: CellValue[], at: (line: number) => string): RowKey {
  const keyText = String(cells[mapping.keyLine]).trim();
  const reporting = { customer: textAt(cells, mapping.customerLine), channel: textAt(cells, mapping.channelLine), address: at(mapping.keyLine) };
  if (mapping.keySeparator !== undefined) {
    const split = keyText.indexOf(mapping.keySeparator);
    if (split >= 0) return { item: keyText.slice(0, split).trim(), location: keyText.slice(split + 1).trim(), ...reporting };
  }
  const location = mapping.locationLine === undefined ? (part.location ?? "") : textAt(cells, mapping.locationLine);
  return { item: keyText, location, ...reporting };
}

/** A key cell's text, trimmed; "" for a blank cell or a line the mapping does not have. */
function textAt(cells: readonly CellValue[], line: number | undefined): string {
  return line === undefined ? "" : String(cells[line] ?? "").trim();
}

/** Why a key cell is no item, if it is not: the header repeated, a period or a date. */
function phantomReason(key: CellValue, keyHeader: CellValue): string | undefined {
  if (repeatsKeyHeader(key, keyHeader)) return "repeats the header";
  if (typeof key === "string" && parsePeriodCell(key) !== undefined) return "is a period";
  return typeof key === "boolean" ? "is TRUE or FALSE" : undefined;
}

/**
 * True when a key cell repeats its line's header ("Item" under "Item", whatever its letter case): the
 * header row again, no item.
 * @example repeatsKeyHeader("ITEM", "Item") // true
 */
export function repeatsKeyHeader(key: CellValue, keyHeader: CellValue): boolean {
  return !isBlank(keyHeader) && String(key).trim().toLowerCase() === String(keyHeader).trim().toLowerCase();
}

/** What an order line's date (or year and month) cells say: one period, two days a text date could be ("01/02/2024"), or nothing readable. */
function lineDate(row: readonly CellValue[], columns: LinesMapping["columns"], yearWeeks: boolean): { span: PeriodSpan } | { twoDays: { dayFirst: number; monthFirst: number } } | undefined {
  const twoDays = columns.year === undefined ? ambiguousDayMonth(row[columns.date] ?? null) : undefined;
  if (twoDays !== undefined) return { twoDays };
  const span = lineSpan(row, columns, yearWeeks);
  return span && { span };
}

/** An order line whose text date reads as two days ("01/02/2024"), kept until its column settles the order. */
interface UndatedLine {
  /** Its quantity by series: one, or one per location column. */
  located: { key: RowKey; amount: number }[];
  amount: number;
  days: { dayFirst: number; monthFirst: number };
  address: string;
  text: string;
}

/** Read order lines into the collector; the unit each item is ordered in, where the lines have a unit column. */
async function readLines(book: Workbook, mapping: LinesMapping, collector: SeriesCollector): Promise<SoldUnit[]> {
  const { columns } = mapping;
  const units = new Map<string, { unit: string; address: string }>();
  // text dates that read as two days wait for a date of the same column that settles the order ("13/01/2024")
  const orders = new Set<"dayFirst" | "monthFirst">();
  const undated: UndatedLine[] = [];
  for (const source of mapping.sources) {
    let header: CellValue[] = [];
    // a report printed by item: the keys of the last heading line (the first block's stand above the header row)
    let headed: HeadingKeys = {};
    const heading = (row: readonly CellValue[]): HeadingKeys | undefined => {
      const keys = mapping.keyHeadings ? headingKeys(row) : undefined;
      if (keys) headed = keys.item === undefined ? { ...headed, ...keys } : { location: headed.location, ...keys };
      return keys;
    };
    await eachChunk(book, source.reference, 0, (rows, firstRow) =>
      rows.forEach((row, r) => {
        if (firstRow + r === mapping.headerRow) header = row;
        if (firstRow + r < mapping.headerRow) heading(row);
        if (firstRow + r <= mapping.headerRow) return;
        const at = (col: number): string => blockCellAddress(source, { row: firstRow + r, col });
        const cell = (col: number | undefined): CellValue => (col === undefined ? null : (row[col] ?? null));
        if (row.every((value) => isBlank(value ?? null))) return collector.tally.leftOut("blank", 0, at(columns.item));
        if (mapping.keyHeadings && (repeatsHeader(row, header, [columns.date, columns.quantity]) || (lineSpan(row, columns, mapping.periodKind === "week") === undefined && heading(row)))) return collector.tally.leftOut("heading", 0, at(columns.item));
        if (columns.measure !== undefined && !readsMeasure({ measureLine: columns.measure, measure: mapping.measure }, cell(columns.measure))) {
          return collector.tally.leftOut("otherMeasure", scaled(numberIn(cell(columns.quantity), mapping.decimalComma === true), mapping.scale) ?? 0, at(columns.measure));
        }
        // the line's quantity, or one per location column ("Paris", "Lyon")
        const parts = (mapping.locationQuantities ?? [{ column: columns.quantity, location: undefined }]).map(({ column, location }) => ({ column, location, cell: cell(column), quantity: scaled(numberIn(cell(column), mapping.decimalComma === true), mapping.scale) }));
        for (const part of parts.filter((entry) => entry.quantity === null && !isBlank(entry.cell))) {
          collector.problem({ kind: "textInNumber", address: at(part.column), message: `"${shownValue(part.cell)}" at ${at(part.column)} is not a quantity. ${notNumberAdvice(part.cell)}` });
        }
        const quantity = parts.every((part) => part.quantity === null) ? null : parts.reduce((sum, part) => sum + (part.quantity ?? 0), 0);
        const amount = quantity ?? 0;
        if (row.some((value) => isTotalLabel(value ?? null))) return collector.tally.leftOut("total", amount, at(columns.item));
        if (columns.status !== undefined && lineCancelled(header[columns.status] ?? null, cell(columns.status))) return collector.tally.leftOut("cancelled", amount, at(columns.status));
        if (columns.orderType !== undefined && lineReturned(cell(columns.orderType))) return collector.tally.leftOut("returned", amount, at(columns.orderType));
        if (quantity === null) return collector.tally.leftOut(parts.some((part) => !isBlank(part.cell)) ? "unreadableQuantity" : "heading", 0, at(columns.item));
        const itemCell = mapping.keyHeadings ? (headed.item ?? null) : cell(columns.item);
        if (isBlank(itemCell) || isPivotBlank(itemCell)) {
          const message = isPivotBlank(itemCell)
            ? pivotBlankMessage(itemCell)
            : mapping.keyHeadings
              ? `${at(columns.item)}: no heading above this line names its item, but the line has a quantity. Add a heading line such as "Item: CH-101" above it.`
              : `${at(columns.item)} has no item, but its line has a quantity. Enter the item.`;
          collector.problem({ kind: "noKey", address: at(columns.item), message });
          return collector.tally.leftOut("noKey", amount, at(columns.item));
        }
        const location = mapping.keyHeadings && columns.location === undefined ? (headed.location ?? "") : textAt(row, columns.location);
        const key = { item: String(itemCell).trim(), location, customer: textAt(row, columns.customer), channel: textAt(row, columns.channel), address: at(columns.item) };
        const phantom = mapping.keyHeadings ? undefined : phantomReason(itemCell, header[columns.item] ?? null);
        if (phantom) {
          collector.problem({ kind: "phantomItem", address: key.address, message: `${key.address}: "${String(itemCell)}" ${phantom}; it is not an item.` });
          return collector.tally.leftOut("phantom", amount, key.address);
        }
        const order = columns.year === undefined ? dayMonthOrder(cell(columns.date)) : undefined;
        if (order !== undefined) orders.add(order);
        const date = lineDate(row, columns, mapping.periodKind === "week");
        if (!date) {
          const message =
            columns.year === undefined
              ? `${at(columns.date)}: "${String(cell(columns.date) ?? "")}" is not a date or period. Enter the order date.`
              : `${at(columns.year)} and ${at(columns.date)}: "${String(cell(columns.year) ?? "")}" and "${String(cell(columns.date) ?? "")}" are not a year and a month. Enter the year as 2024 and the month as 1 to 12 or its name.`;
          collector.problem({ kind: "unreadablePeriod", address: at(columns.date), message });
          return collector.tally.leftOut("unreadablePeriod", amount, at(columns.date));
        }
        if (columns.unit !== undefined) {
          const [unit, address] = [textAt(row, columns.unit), at(columns.unit)];
          const first = units.get(key.item);
          if (first === undefined && unit !== "") units.set(key.item, { unit, address });
          else if (first !== undefined && unit !== "" && !sameUnit(unit, first.unit)) {
            const message = `${address}: ${key.item} is ordered in "${unit}" here but in "${first.unit}" at ${first.address}; quantities in different units cannot be added up. Convert the line to ${first.unit}, or correct its unit.`;
            collector.problem({ kind: "mixedUnits", address, message, item: key.item });
            return collector.tally.leftOut("otherUnit", amount, address);
          }
        }
        const located = parts.flatMap((part) => (part.quantity === null ? [] : [{ key: part.location === undefined ? key : { ...key, location: part.location }, amount: part.quantity }]));
        if ("twoDays" in date) return void undated.push({ located, amount, days: date.twoDays, address: at(columns.date), text: String(cell(columns.date)) });
        collector.tally.used(amount);
        for (const entry of located) {
          const [{ label }] = collector.add(entry.key, date.span, "", entry.amount);
          if (date.span.kind === "day") collector.lineOn(date.span.first, label, entry.amount, entry.key);
        }
      }),
    );
  }
  const settled = orders.size === 1 ? [...orders][0] : undefined;
  for (const line of undated) {
    if (settled === undefined) {
      collector.problem({ kind: "unreadablePeriod", address: line.address, message: `${line.address}: "${line.text}" could be ${dayLabel(line.days.dayFirst)} (day first) or ${dayLabel(line.days.monthFirst)} (month first). Enter the order date as a date, or as year-month-day.` });
      collector.tally.leftOut("unreadablePeriod", line.amount, line.address);
      continue;
    }
    const first = line.days[settled];
    collector.tally.used(line.amount);
    for (const entry of line.located) {
      const [{ label }] = collector.add(entry.key, { kind: "day", first, days: 1 }, "", entry.amount);
      collector.lineOn(first, label, entry.amount, entry.key);
    }
  }
  collector.leavePartialEdges();
  return [...units].map(([item, { unit, address }]) => ({ item, unit, address }));
}

/** What was read into one bucket from order lines dated to the day, or from grid cells: lines, quantity, first cells. */
interface Held {
  rows: number;
  quantity: number;
  cells: string[];
  /** Quantity by customer and channel (when they are kept for reporting). */
  byCustomer: Map<string, number>;
}

/** The customer and channel of a key, as one map key of the reporting totals. */
function customerIdOf(key: RowKey): string {
  return `${key.customer}\u0000${key.channel}`;
}

/** Sums quantities by key and bucket as rows are read, remembering the first row of each key. */
class SeriesCollector {
  readonly tally = new ReconciliationTally();
  private readonly series = new Map<string, { item: string; location: string; byBucket: Map<string, number> }>();
  private readonly claimed = new Set<string>();
  private readonly problems: ReadProblem[] = [];
  private readonly customers = new Map<string, CustomerTotal>();
  private readonly days = new Set<number>();
  private readonly held = new Map<string, Held>();
  /** The partial edge buckets a grid's period headers give (undefined for order lines, and for a grid without period headers). */
  private gridPartial: PartialBucket[] | undefined;

  constructor(
    private readonly bucket: PlanningBucket,
    private readonly claims: "grid" | undefined,
    private readonly reporting: boolean,
  ) {}

  problem(problem: ReadProblem): void {
    this.problems.push(problem);
  }

  /** Claim a grid row's key for its periods; false when a row before holds the same key for one of them. */
  claim(key: RowKey, periods: string[]): boolean {
    if (this.claims === undefined) return true;
    const ids = periods.map((period) => [key.item, key.location, key.customer, key.channel, period].join("\u0000"));
    const taken = ids.find((id) => this.claimed.has(id));
    if (taken !== undefined) {
      const where = [key.item, key.location && `at ${key.location}`, key.customer && `for ${key.customer}`, key.channel && `in ${key.channel}`].filter((part) => part !== "").join(" ");
      this.problems.push({ kind: "duplicate", address: key.address, item: key.item, message: `${where} appears twice (again at ${key.address}); the first row is used. Keep one row per item${key.location === "" ? "" : " and location"}.` });
      return false;
    }
    for (const id of ids) this.claimed.add(id);
    return true;
  }

  /**
   * Add a quantity of a period (a span, or a label kept as it is when the grid has no period headers).
   * @returns the buckets it went to, with their shares
   */
  add(key: RowKey, span: PeriodSpan | undefined, label: string, quantity: number): BucketShare[] {
    const id = `${key.item}\u0000${key.location}`;
    const entry = this.series.get(id) ?? { item: key.item, location: key.location, byBucket: new Map<string, number>() };
    this.series.set(id, entry);
    const shares = span ? bucketShares(span, this.bucket) : [{ label, share: 1 }];
    for (const share of shares) {
      entry.byBucket.set(share.label, (entry.byBucket.get(share.label) ?? 0) + quantity * share.share);
    }
    if (!this.reporting) return shares;
    const customerId = customerIdOf(key);
    const total = this.customers.get(customerId) ?? { customer: key.customer, channel: key.channel, quantity: 0 };
    total.quantity += quantity;
    this.customers.set(customerId, total);
    return shares;
  }

  /** A grid's period headers: the first and last day they cover decide its partial edge buckets, known before any cell is read. */
  cover(spans: readonly PeriodSpan[]): void {
    if (spans.length === 0) return;
    const first = spans.reduce((low, span) => Math.min(low, span.first), Infinity);
    const last = spans.reduce((high, span) => Math.max(high, span.first + span.days - 1), -Infinity);
    this.gridPartial = partialBuckets(first, last, this.bucket);
  }

  /**
   * A quantity already added to a bucket, kept by bucket in case that bucket is partial.
   * @param rows - 1 for an order line, 0 for a grid cell (its row stays used for its other periods)
   */
  hold(bucket: string, quantity: number, key: RowKey, address: string, rows: number): void {
    if (this.gridPartial && !this.gridPartial.some((entry) => entry.label === bucket)) return;
    const held = this.held.get(bucket) ?? { rows: 0, quantity: 0, cells: [], byCustomer: new Map<string, number>() };
    held.rows += rows;
    held.quantity += quantity;
    if (held.cells.length < CELLS_KEPT) held.cells.push(address);
    if (this.reporting) {
      const customerId = customerIdOf(key);
      held.byCustomer.set(customerId, (held.byCustomer.get(customerId) ?? 0) + quantity);
    }
    this.held.set(bucket, held);
  }

  /** An order line dated to the day, already added to its bucket. */
  lineOn(day: number, bucket: string, quantity: number, key: RowKey): void {
    this.days.add(day);
    this.hold(bucket, quantity, key, key.address, 1);
  }

  /**
   * Leave out what was read into a first or last bucket the history covers only in part
   * ({@link partialBuckets}: an export taken on 13 January would read as January's sales collapsing),
   * counted under "partialPeriod", when whole buckets remain. A grid's coverage is its period headers'
   * days; order lines' is the days that have lines.
   */
  leavePartialEdges(): void {
    const partial = this.partialEdges().filter((entry) => this.held.has(entry.label));
    if (partial.length === 0 || !this.wholeBucketRemains(partial)) return;
    for (const { label, reason } of partial) {
      const held = this.held.get(label) as Held;
      this.tally.usedToLeftOut("partialPeriod", held.rows, held.quantity, held.cells, reason);
      for (const [customerId, quantity] of held.byCustomer) {
        const total = this.customers.get(customerId);
        if (total) total.quantity -= quantity;
      }
      for (const [id, entry] of this.series) {
        entry.byBucket.delete(label);
        if (entry.byBucket.size === 0) this.series.delete(id);
      }
    }
  }

  /** Whether any series holds a bucket that is not partial (else there is nothing whole to keep instead). */
  private wholeBucketRemains(partial: readonly PartialBucket[]): boolean {
    for (const entry of this.series.values()) for (const label of entry.byBucket.keys()) if (!partial.some((p) => p.label === label)) return true;
    return false;
  }

  /** The partial edge buckets by the grid's headers or by the order lines' days. */
  private partialEdges(): PartialBucket[] {
    if (this.gridPartial) return this.gridPartial;
    if (this.days.size < 2) return [];
    const sorted = [...this.days].sort((a, b) => a - b);
    const [first, last] = [sorted[0], sorted[sorted.length - 1]];
    const totals = new Map([...this.held].map(([label, held]) => [label, held.quantity]));
    return partialBuckets(first, last, this.bucket, { spacing: (last - first) / (sorted.length - 1), totals });
  }

  /** Series over every bucket from the first to the last read; `missing` where a series has nothing. */
  result(missing: number | null): Omit<HistoryReading, "periodKind"> {
    const labels = new Set<string>();
    for (const entry of this.series.values()) for (const label of entry.byBucket.keys()) labels.add(label);
    const periods = [...labels].every((label) => /^P\d+$/.test(label))
      ? [...labels].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
      : bucketRange(labels, this.bucket);
    return {
      periods,
      bucket: this.bucket,
      series: [...this.series.values()].map((entry) => ({
        item: entry.item,
        location: entry.location,
        history: periods.map((period) => entry.byBucket.get(period) ?? missing),
      })),
      reconciliation: this.tally.result(),
      problems: this.problems,
      ...(this.reporting ? { byCustomer: [...this.customers.values()].sort((a, b) => b.quantity - a.quantity) } : {}),
    };
  }
}

/**
 * The history mapping of a workbook's mapping, or a planner-facing error when there is none, saying
 * what the proposal refused and why (its notes).
 * @throws PlanningError when no history is mapped.
 * @example const history = mappedHistory(mapping);
 */
export function mappedHistory(mapping: { history: HistoryMapping | null; notes?: readonly string[] }): HistoryMapping {
  if (!mapping.history) {
    throw new PlanningError(`No sales history is mapped${refusalReasons(mapping.notes)} Select the range, table or sheet that holds your demand history in step 1.`);
  }
  return mapping.history;
}

/**
 * What a proposal that found no history saw, to close a "no sales history" sentence: ": " and its
 * notes (the blocks it refused, each naming the cell and why), or "." without notes.
 * @example refusalReasons(['Sales!B1: "Q1 2024" names a period ...']) // ': Sales!B1: "Q1 2024" names a period ...'
 */
export function refusalReasons(notes: readonly string[] | undefined): string {
  return notes !== undefined && notes.length > 0 ? `: ${notes.join(" ")}` : ".";
}

/** The error for a pivot table's "(blank)" row or line holding quantities (its cell is the problem's address): sales without an item, left out. */
function pivotBlankMessage(label: CellValue): string {
  return `"${String(label).trim()}" is a pivot table's label for sales without an item, and its row has quantities: they are left out. Give those sales their item in the pivot table's source data, or filter "${String(label).trim()}" out of the pivot table.`;
}

/** A quantity as written, in units: times the history's scale (1,000 for one kept in thousands), rounded to a millionth against binary noise. */
function scaled(value: number | null, scale: number | undefined): number | null {
  return value === null || scale === undefined ? value : Math.round(value * scale * 1e6) / 1e6;
}
