/**
 * Step 1's data mapping: where in the planner's own workbook the demand history, the item master, the
 * resources and their capacity are. `proposeMapping` recognises them in whatever the workbook holds
 * (Excel tables, workbook names or plain sheet ranges; periods across columns or down rows; with or
 * without headers) from header names and month headers; the planner confirms or corrects it; the
 * mapping is then kept in the workbook's metadata (key "mapping") so the next cycle starts from it.
 */
import { PlanningError } from "../core/errors";
import { parseRange } from "../workbook/address";
import type { CellValue, Matrix, Workbook } from "../workbook/workbook";
import { isBlank } from "./cellValues";
import { hoursPerUnitResource, itemFieldOf, resourceFieldOf, type ItemField, type ResourceField } from "./headerNames";
import { findMonthRun, monthLabel } from "./periodHeader";

/** Metadata key under which the mapping is stored (JSON). */
export const MAPPING_KEY = "mapping";

/** How many leading rows (or columns) are searched for a header line. */
const HEADER_SEARCH = 10;

/** Periods across columns (one row per item) or down rows (one column per item). */
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

/** A block of numbers by key (item or resource) and period: the demand history or the capacity. */
export interface SeriesMapping {
  source: BlockSource;
  orientation: Orientation;
  /** Row (periods across) or column (periods down) of the block holding the period headers; -1 when it has none. */
  headerLine: number;
  /** Column (periods across) or row (periods down) of the block holding the keys. */
  keyLine: number;
  /** Columns (periods across) or rows (periods down) of the block holding the periods, in period order. */
  periodLines: number[];
  /** "YYYY-MM" for month headers; "P1", "P2", ... for a block without headers. */
  periods: string[];
}

/** A table of records with one header row: the item master or the resource list. */
export interface RecordMapping<F extends string> {
  source: BlockSource;
  /** Row of the block holding the headers; records are the rows below it. */
  headerRow: number;
  /** Column of the block for each recognised field. */
  columns: Partial<Record<F, number>>;
}

/** The item master, with hours-per-unit columns by resource name as written in the header. */
export interface ItemsMapping extends RecordMapping<ItemField> {
  hoursPerUnit: Record<string, number>;
}

/** Everything step 1 maps. A part not found is null. */
export interface DataMapping {
  version: 1;
  history: SeriesMapping | null;
  items: ItemsMapping | null;
  resources: RecordMapping<ResourceField> | null;
  capacity: SeriesMapping | null;
}

interface Candidate {
  source: BlockSource;
  values: Matrix;
}

interface SeriesShape {
  orientation: Orientation;
  headerLine: number;
  keyLine: number;
  periodLines: number[];
  periods: string[];
  keyHeader: CellValue;
  keys: string[];
}

const TOTAL = /^\s*(?:grand )?totals?\s*$/i;

const KIND_PRIORITY: Record<BlockSource["kind"], number> = { table: 3, name: 2, range: 2, sheet: 1 };

/**
 * Propose a mapping of the workbook's data: looks at every table, workbook name and visible sheet
 * of the planner (not the add-in's own sheets) and picks, for each part, the best-recognised block:
 * history = the largest items x months block; capacity = a months block keyed by resources; items =
 * the table whose headers name an item id and most item fields; resources likewise.
 * @param book the planner's workbook.
 * @returns The proposal (parts not found are null).
 * @example const mapping = await proposeMapping(book); mapping.history?.periods.length // 36
 */
export async function proposeMapping(book: Workbook): Promise<DataMapping> {
  const found = await candidates(book);
  const items = bestRecords(found, itemFieldOf, 3, true);
  const resources = bestRecords(found, resourceFieldOf, 2, false);
  const resourceIds = new Set(resources ? recordKeys(found, resources).map((id) => id.toLowerCase()) : []);

  const series = found
    .map((candidate) => ({ candidate, shape: seriesShape(candidate.values) }))
    .filter((entry): entry is { candidate: Candidate; shape: SeriesShape } => entry.shape !== undefined);
  const isCapacity = (shape: SeriesShape): boolean =>
    resourceFieldOf(shape.keyHeader) === "id" ||
    (resourceIds.size > 0 && shape.keys.filter((key) => resourceIds.has(key.toLowerCase())).length >= shape.keys.length / 2);
  const best = (entries: { candidate: Candidate; shape: SeriesShape }[]): SeriesMapping | null => {
    const sorted = [...entries].sort(
      (a, b) =>
        b.shape.keys.length * b.shape.periods.length - a.shape.keys.length * a.shape.periods.length ||
        KIND_PRIORITY[b.candidate.source.kind] - KIND_PRIORITY[a.candidate.source.kind],
    );
    return sorted.length === 0 ? null : toSeriesMapping(sorted[0].candidate.source, sorted[0].shape);
  };
  return {
    version: 1,
    history: best(series.filter((entry) => !isCapacity(entry.shape))),
    items,
    resources,
    capacity: best(series.filter((entry) => isCapacity(entry.shape))),
  };
}

/** The parts of a mapping a planner can point at. */
export type MappingPart = "history" | "capacity" | "items" | "resources";

/**
 * Map one part to the block the planner points at (a sheet range such as "Sales!A3:AM60", a table, a
 * workbook name or a sheet), when the proposal got it wrong or found nothing.
 * @param book the planner's workbook.
 * @param part which part the block holds.
 * @param reference the block, as Workbook.read takes it.
 * @returns The mapping of that part, to put into the DataMapping.
 * @throws PlanningError when the block does not look like that part (saying what it needs).
 * @example mapping.history = await mapPartAt(book, "history", "'Sales History'!A1:AK41");
 */
export async function mapPartAt(book: Workbook, part: "history" | "capacity", reference: string): Promise<SeriesMapping>;
export async function mapPartAt(book: Workbook, part: "items", reference: string): Promise<ItemsMapping>;
export async function mapPartAt(book: Workbook, part: "resources", reference: string): Promise<RecordMapping<ResourceField>>;
export async function mapPartAt(
  book: Workbook,
  part: MappingPart,
  reference: string,
): Promise<SeriesMapping | ItemsMapping | RecordMapping<ResourceField>> {
  const candidate = { source: await sourceOf(book, reference), values: await book.read(reference) };
  if (part === "history" || part === "capacity") {
    const shape = seriesShape(candidate.values);
    if (!shape) {
      throw new PlanningError(
        `No ${part} was recognised in ${reference}. It needs a row (or column) of month headers and a column (or row) of ${part === "history" ? "item" : "resource"} ids, or ids followed by numbers only.`,
      );
    }
    return toSeriesMapping(candidate.source, shape);
  }
  const records = part === "items" ? bestRecords([candidate], itemFieldOf, 2, true) : bestRecords([candidate], resourceFieldOf, 2, false);
  if (!records) {
    throw new PlanningError(
      `No ${part === "items" ? "item master" : "resource list"} was recognised in ${reference}. It needs a header row with an id column (such as ${part === "items" ? "SKU or Item" : "Resource"}) and at least one more known column.`,
    );
  }
  return records;
}

/**
 * Keep a mapping in the workbook (metadata key "mapping"), so the next cycle starts from it.
 * @example await saveMapping(book, mapping);
 */
export async function saveMapping(book: Workbook, mapping: DataMapping): Promise<void> {
  await book.setMetadata(MAPPING_KEY, JSON.stringify(mapping));
}

/**
 * The mapping kept in the workbook, if any.
 * @throws PlanningError when the stored mapping is damaged (the planner maps the data again).
 * @example const mapping = (await loadMapping(book)) ?? (await proposeMapping(book));
 */
export async function loadMapping(book: Workbook): Promise<DataMapping | undefined> {
  const text = await book.getMetadata(MAPPING_KEY);
  if (text === undefined || text === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isDataMapping(parsed)) {
    throw new PlanningError("The data mapping saved in this workbook is damaged. Map your data again in step 1.");
  }
  return parsed;
}

/**
 * Recognise a block of numbers by key and month in a matrix: month headers along a row (periods
 * across) or a column (periods down), whichever has more months; or, without month headers, a first
 * column of text keys followed by at least three columns of numbers (periods named P1, P2, ...).
 * @param values the block as read.
 * @returns Its shape, or undefined when it is not such a block.
 * @example seriesShape([["SKU", "Jan 24", "Feb 24", "Mar 24"], ["A", 1, 2, 3]])?.periods // ["2024-01", "2024-02", "2024-03"]
 */
function seriesShape(values: Matrix): SeriesShape | undefined {
  const across = headedShape(values, "periodsAcross");
  const down = headedShape(transpose(values), "periodsDown");
  if (across && down) return down.periods.length > across.periods.length ? down : across;
  return across ?? down ?? headerlessShape(values);
}

/**
 * A matrix's cell as seen along the mapping's lines: the key or period line `line`, at item position `position`.
 * @example cellAt(values, "periodsDown", 0, 2) // values[0][2]
 */
export function cellAt(values: Matrix, orientation: Orientation, line: number, position: number): CellValue {
  const value = orientation === "periodsAcross" ? values[position]?.[line] : values[line]?.[position];
  return value ?? null;
}

/**
 * Block coordinates (row, column) of the cell at a line and item position.
 * @example blockPosition("periodsAcross", 3, 5) // { row: 5, col: 3 }
 */
export function blockPosition(orientation: Orientation, line: number, position: number): { row: number; col: number } {
  return orientation === "periodsAcross" ? { row: position, col: line } : { row: line, col: position };
}

/**
 * Item positions (rows for periods across, columns for periods down) of a series block that hold a key
 * (a "Total" or "Grand total" line is not an item and is skipped).
 * @example keyPositions(values, mapping) // [1, 2, 3, ...]
 */
export function keyPositions(values: Matrix, mapping: Pick<SeriesMapping, "orientation" | "headerLine" | "keyLine">): number[] {
  const extent = mapping.orientation === "periodsAcross" ? values.length : Math.max(0, ...values.map((row) => row.length));
  const positions: number[] = [];
  for (let position = mapping.headerLine + 1; position < extent; position++) {
    const key = cellAt(values, mapping.orientation, mapping.keyLine, position);
    if (!isBlank(key) && !TOTAL.test(String(key))) positions.push(position);
  }
  return positions;
}

async function candidates(book: Workbook): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const table of await book.listTables()) {
    const range = parseRange(table.address);
    const source: BlockSource = { kind: "table", reference: table.name, sheet: table.sheet, row: range.top, col: range.left };
    found.push({ source, values: await book.read(table.name) });
  }
  for (const name of await book.listNames()) {
    if (name.address === null || name.scope !== undefined) continue;
    const range = parseRange(name.address);
    if (range.sheet === undefined) continue;
    const source: BlockSource = { kind: "name", reference: name.name, sheet: range.sheet, row: range.top, col: range.left };
    found.push({ source, values: await book.read(name.name) });
  }
  for (const sheet of await book.listSheets()) {
    if (sheet.ownedByAddin || !sheet.visible) continue;
    const source: BlockSource = { kind: "sheet", reference: sheet.name, sheet: sheet.name, row: 0, col: 0 };
    found.push({ source, values: await book.read(sheet.name) });
  }
  return found;
}

async function sourceOf(book: Workbook, reference: string): Promise<BlockSource> {
  const text = reference.trim();
  if (text.includes("!")) {
    const range = parseRange(text);
    return { kind: "range", reference: text, sheet: range.sheet ?? "", row: range.top, col: range.left };
  }
  const lower = text.toLowerCase();
  const table = (await book.listTables()).find((entry) => entry.name.toLowerCase() === lower);
  if (table) {
    const range = parseRange(table.address);
    return { kind: "table", reference: table.name, sheet: table.sheet, row: range.top, col: range.left };
  }
  const name = (await book.listNames()).find((entry) => entry.name.toLowerCase() === lower && entry.scope === undefined);
  if (name) {
    if (name.address === null) throw new PlanningError(`The name "${name.name}" cannot be mapped: it ${name.note}`);
    const range = parseRange(name.address);
    return { kind: "name", reference: name.name, sheet: range.sheet ?? "", row: range.top, col: range.left };
  }
  const sheet = (await book.listSheets()).find((entry) => entry.name.toLowerCase() === lower);
  if (sheet) return { kind: "sheet", reference: sheet.name, sheet: sheet.name, row: 0, col: 0 };
  throw new PlanningError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
}

function headedShape(values: Matrix, orientation: Orientation): SeriesShape | undefined {
  for (let headerLine = 0; headerLine < Math.min(HEADER_SEARCH, values.length); headerLine++) {
    const header = values[headerLine];
    const run = findMonthRun(header);
    if (!run) continue;
    const keyLine = keyColumn(values, headerLine, run.positions);
    if (keyLine === undefined) return undefined;
    const keys = values
      .slice(headerLine + 1)
      .map((row) => row[keyLine] ?? null)
      .filter((key) => !isBlank(key) && !TOTAL.test(String(key)))
      .map(String);
    if (keys.length === 0) return undefined;
    return {
      orientation,
      headerLine,
      keyLine,
      periodLines: run.positions,
      periods: run.months.map(monthLabel),
      keyHeader: header[keyLine] ?? null,
      keys,
    };
  }
  return undefined;
}

/** The key column left of the periods: the one headed like an item or resource id, else the first that holds values. */
function keyColumn(values: Matrix, headerLine: number, periodColumns: number[]): number | undefined {
  const left = Array.from({ length: periodColumns[0] }, (_, column) => column);
  const header = values[headerLine];
  const named = left.find((column) => itemFieldOf(header[column]) === "id" || resourceFieldOf(header[column]) === "id");
  if (named !== undefined) return named;
  return left.find((column) => values.slice(headerLine + 1).some((row) => !isBlank(row[column] ?? null)));
}

function headerlessShape(values: Matrix): SeriesShape | undefined {
  const width = Math.max(0, ...values.map((row) => row.length));
  if (values.length === 0 || width < 4) return undefined;
  const keys = values.map((row) => row[0] ?? null);
  const textKeys = keys.filter((key): key is string => typeof key === "string" && Number.isNaN(Number(key)));
  if (textKeys.length < values.length * 0.9 || new Set(textKeys).size !== textKeys.length) return undefined;
  const numericShare = values.flatMap((row) => row.slice(1)).filter((cell) => typeof cell === "number" || cell === null).length;
  if (numericShare < values.length * (width - 1) * 0.9) return undefined;
  const periodLines = Array.from({ length: width - 1 }, (_, k) => k + 1);
  return {
    orientation: "periodsAcross",
    headerLine: -1,
    keyLine: 0,
    periodLines,
    periods: periodLines.map((line) => `P${line}`),
    keyHeader: null,
    keys: textKeys,
  };
}

function toSeriesMapping(source: BlockSource, shape: SeriesShape): SeriesMapping {
  const { orientation, headerLine, keyLine, periodLines, periods } = shape;
  return { source, orientation, headerLine, keyLine, periodLines, periods };
}

function bestRecords<F extends string>(
  found: Candidate[],
  fieldOf: (header: CellValue) => F | undefined,
  minimumFields: number,
  withHours: true,
): ItemsMapping | null;
function bestRecords<F extends string>(
  found: Candidate[],
  fieldOf: (header: CellValue) => F | undefined,
  minimumFields: number,
  withHours: false,
): RecordMapping<F> | null;
function bestRecords<F extends string>(
  found: Candidate[],
  fieldOf: (header: CellValue) => F | undefined,
  minimumFields: number,
  withHours: boolean,
): RecordMapping<F> | ItemsMapping | null {
  let best: { mapping: RecordMapping<F> & { hoursPerUnit?: Record<string, number> }; score: number } | undefined;
  for (const candidate of found) {
    for (let headerRow = 0; headerRow < Math.min(HEADER_SEARCH, candidate.values.length); headerRow++) {
      const columns: Partial<Record<F, number>> = {};
      const hoursPerUnit: Record<string, number> = {};
      candidate.values[headerRow].forEach((header, column) => {
        const field = fieldOf(header);
        if (field !== undefined && columns[field] === undefined) columns[field] = column;
        const resource = withHours ? hoursPerUnitResource(header) : undefined;
        if (resource !== undefined && header !== null) hoursPerUnit[String(header).trim()] = column;
      });
      const fields = Object.keys(columns).length + Object.keys(hoursPerUnit).length;
      if (columns["id" as F] === undefined || fields < minimumFields) continue;
      const score = fields * 10 + KIND_PRIORITY[candidate.source.kind];
      if (!best || score > best.score) {
        const mapping = withHours
          ? { source: candidate.source, headerRow, columns, hoursPerUnit }
          : { source: candidate.source, headerRow, columns };
        best = { mapping, score };
      }
      break;
    }
  }
  return best?.mapping ?? null;
}

function recordKeys<F extends string>(found: Candidate[], mapping: RecordMapping<F>): string[] {
  const candidate = found.find((entry) => entry.source === mapping.source);
  const idColumn = mapping.columns["id" as F];
  if (!candidate || idColumn === undefined) return [];
  return candidate.values
    .slice(mapping.headerRow + 1)
    .map((row) => row[idColumn] ?? null)
    .filter((key) => !isBlank(key))
    .map(String);
}

function transpose(values: Matrix): Matrix {
  const width = Math.max(0, ...values.map((row) => row.length));
  return Array.from({ length: width }, (_, column) => values.map((row) => row[column] ?? null));
}

function isDataMapping(value: unknown): value is DataMapping {
  if (typeof value !== "object" || value === null) return false;
  const mapping = value as Record<string, unknown>;
  const partOk = (part: unknown, check: (record: Record<string, unknown>) => boolean): boolean =>
    part === null || (typeof part === "object" && part !== null && isSource((part as Record<string, unknown>).source) && check(part as Record<string, unknown>));
  const seriesOk = (record: Record<string, unknown>): boolean =>
    Array.isArray(record.periodLines) && Array.isArray(record.periods) && typeof record.keyLine === "number" && typeof record.headerLine === "number";
  const recordOk = (record: Record<string, unknown>): boolean => typeof record.headerRow === "number" && typeof record.columns === "object";
  return (
    mapping.version === 1 &&
    partOk(mapping.history, seriesOk) &&
    partOk(mapping.capacity, seriesOk) &&
    partOk(mapping.items, (record) => recordOk(record) && typeof record.hoursPerUnit === "object") &&
    partOk(mapping.resources, recordOk)
  );
}

function isSource(value: unknown): value is BlockSource {
  if (typeof value !== "object" || value === null) return false;
  const source = value as Record<string, unknown>;
  return typeof source.reference === "string" && typeof source.sheet === "string" && typeof source.row === "number" && typeof source.col === "number";
}
