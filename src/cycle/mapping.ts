/**
 * Step 1's data mapping: where in the planner's own workbook the demand history, the item master, the
 * resources and their capacity are. `proposeMapping` recognises them in whatever the workbook holds
 * (Excel tables, workbook names or plain sheet ranges; periods across columns or down rows, with or
 * without headers; order lines) from header names and period headers; the planner confirms or corrects it; the
 * mapping is then kept in the workbook's metadata (key "mapping") so the next cycle starts from it.
 */
import { PlanningError } from "../core/errors";
import { parseRange } from "../workbook/address";
import type { CellValue, Matrix, Workbook } from "../workbook/workbook";
import { readBlock } from "./blockReading";
import { CURRENCY_CODES, isBlank, sameText } from "./cellValues";
import { counted } from "./counted";
import { DAYS_PER_MONTH, fieldWords, historyFieldOf, hoursPerUnitResource, hoursPeriodOf, itemFieldOf, leadTimeMonthsPerUnit, normalizeHeader, resourceFieldOf, type ItemField, type ResourceField } from "./headerNames";
import {
  blockCellAddress,
  codeLine,
  detailLines,
  fiscalPeriodColumns,
  gridScale,
  linesScale,
  PERIOD_HEADER,
  type ScaleCell,
  gridShape,
  historySources,
  isLines,
  isRefusal,
  lineHeaderAddress,
  lineKey,
  lineNames,
  readsMeasure,
  HEADER_SEARCH,
  linesShape,
  periodSheetShape,
  SAMPLE_ROWS,
  type BlockSource,
  type GridRefusal,
  type GridShape,
  type HistoryMapping,
  type KeyCarry,
  type LinesMapping,
  type Orientation,
  type SeriesMapping,
  type SeriesPart,
} from "./historyLayout";
import { parsePeriodCell, spanLabel } from "./periodHeader";
import { measureKind } from "./measureNames";
import { namesDeliveredQuantity } from "./orderLineColumns";
import { unsplitText } from "./unsplitText";
import type { PlanningBucket } from "./planningBuckets";

/** Metadata key under which the mapping is stored (JSON). */
export const MAPPING_KEY = "mapping";

export type { BlockSource, HistoryMapping, LineColumns, LinesMapping, Orientation, SeriesMapping, SeriesPart } from "./historyLayout";

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
  /** Months in one unit of the lead-time column when its header names days or weeks ("Lead time (days)"); months otherwise. */
  leadTimeMonthsPerUnit?: number;
}

/**
 * What step 1 tells the planner about how it reads an item master: lead times in another unit than the
 * plan's periods turned into them (days or weeks into months; days or months into weeks in a weekly
 * plan), unit costs per price unit divided by it (none when the master keeps neither).
 * @example itemMasterNotes({ ...items, leadTimeMonthsPerUnit: 1 / 30.4375 }) // ["Lead times are in days in the item master: ..."]
 */
export function itemMasterNotes(items: ItemsMapping | null, bucket: PlanningBucket = "month"): string[] {
  const notes: string[] = [];
  const perUnit = items?.leadTimeMonthsPerUnit ?? 1;
  const unit = perUnit === 1 ? "months" : perUnit * DAYS_PER_MONTH > 2 ? "weeks" : "days";
  if (items?.columns.leadTime !== undefined && unit !== `${bucket}s`) {
    const example = { months: "2 months are 8.7 weeks", weeks: bucket === "month" ? "6 weeks are 1.4 months" : "", days: bucket === "month" ? "45 days are 1.5 months" : "10 days are 1.4 weeks" }[unit];
    const rule = bucket === "month" ? "30.44 days to a month" : unit === "months" ? "4.35 weeks to a month" : "7 days to a week";
    notes.push(`Lead times are in ${unit} in the item master: the plan takes them in ${bucket}s, ${rule}, to a tenth (${example}).`);
  }
  if (items?.columns.location !== undefined) {
    notes.push(
      "The item master lists items by location (a row per item and plant): a plan of all locations together adds up their opening inventory and safety stock, takes the longest lead time and the average unit cost; a network plan (SOP Locations) uses each location's own.",
    );
  }
  if (items?.columns.priceUnit !== undefined) {
    notes.push("Unit costs are per price unit (the item master's price unit column, as SAP keeps a standard price per 1,000 pieces): each is divided by its price unit (1,250 per 1,000 is 1.25 a unit).");
  }
  return notes;
}

/** Resource fields counted in hours per period, whose headers may name the period. */
const HOURS_FIELDS: readonly string[] = ["regularHours", "overtimeHours", "subcontractHours"];

/** The resource table, with the period its hours columns count in where their headers name one ("Capacity (hrs/week)"). */
export interface ResourcesMapping extends RecordMapping<ResourceField> {
  /** "week" or "month" by hours field, for headers naming it; hours of other columns are per the plan's period. */
  hoursPer?: Partial<Record<ResourceField, "week" | "month">>;
}

/**
 * What step 1 tells the planner about a resource table whose hours are per week or per month when
 * the plan is in the other bucket: they are converted, 4.35 weeks to a month.
 * @example resourceNotes({ ...resources, hoursPer: { regularHours: "week" } }, "month") // ["Resource hours are per week ..."]
 */
export function resourceNotes(resources: ResourcesMapping | null, bucket: PlanningBucket = "month"): string[] {
  const other = bucket === "month" ? "week" : "month";
  const fields = Object.entries(resources?.hoursPer ?? {}).filter(([, period]) => period === other);
  if (fields.length === 0) return [];
  const example = bucket === "month" ? "40 hours a week are 173.9 a month" : "400 hours a month are 92.0 a week";
  return [`Resource hours are per ${other} in the resource table (${fields.map(([field]) => fieldWords(field)).join(", ")}): the plan takes them per ${bucket}, ${(DAYS_PER_MONTH / 7).toFixed(2)} weeks to a month (${example}).`];
}

/** Everything step 1 maps. A part not found is null. */
export interface DataMapping {
  version: 1;
  /** The demand history: a grid (periods across or down) or order lines. */
  history: HistoryMapping | null;
  items: ItemsMapping | null;
  resources: ResourcesMapping | null;
  capacity: SeriesMapping | null;
  /** The planning bucket the planner chose (weeks, for weekly or daily history); months when absent. */
  bucket?: PlanningBucket;
  /** What the proposal looked at and left aside, for the planner (names it cannot map, and why). */
  notes?: string[];
}

/** A block as sampled: its first rows and its size. */
interface Candidate {
  source: BlockSource;
  /** The block's first SAMPLE_ROWS rows. */
  values: Matrix;
  /** Its rows (a sheet longer than the sample counts as SAMPLE_ROWS). */
  rows: number;
}

interface GridCandidate {
  candidate: Candidate;
  shape: GridShape;
}

const KIND_PRIORITY: Record<BlockSource["kind"], number> = { table: 3, name: 2, range: 2, sheet: 1 };

/**
 * Propose a mapping of the workbook's data from the first rows of every table, workbook name and
 * visible sheet of the planner (not the add-in's own sheets): no block is read whole. For each part
 * the best-recognised block: history = the largest grid of items by period (months, weeks or days,
 * across or down, keyed by item or item and location), several sheets of one layout taken together
 * (a sheet per year or per region), else order lines; capacity = a grid keyed by resources; items =
 * the table whose headers name an item id and most item fields; resources likewise. Names that are
 * not one plain range are left aside with a note.
 * @param book the planner's workbook.
 * @returns The proposal (parts not found are null).
 * @example const mapping = await proposeMapping(book); mapping.history?.periods.length // 36
 */
export async function proposeMapping(book: Workbook): Promise<DataMapping> {
  const { found, notes } = await candidates(book);
  const items = bestRecords(found, itemFieldOf, 3, true);
  const resources = bestRecords(found, resourceFieldOf, 2, false);
  const resourceIds = new Set(resources ? recordKeys(found, resources).map((id) => id.toLowerCase()) : []);

  const grids: GridCandidate[] = [];
  const refusals: { sheet: string; note: string }[] = [];
  for (const candidate of found) {
    const shape = await gridOf(book, candidate);
    if (isRefusal(shape)) refusals.push({ sheet: candidate.source.sheet, note: refusalText(candidate.source, shape) });
    else if (shape) grids.push({ candidate, shape });
  }
  const isCapacity = (shape: GridShape): boolean =>
    resourceFieldOf(shape.keyHeader) === "id" ||
    (resourceIds.size > 0 && shape.keys.filter((key) => resourceIds.has(key.toLowerCase())).length >= shape.keys.length / 2);
  const lines = found.flatMap((candidate) => {
    const shape = candidate.source.kind === "sheet" || candidate.source.kind === "table" ? linesShape(candidate.values) : undefined;
    return shape ? [{ candidate, shape }] : [];
  });
  // a block whose header names a date, an item and a quantity column is order lines, even when its dates
  // fall one a day down the rows and so also read as a grid of days keyed by "Plant", "Qty", "UoM"
  const asLines = new Set(lines.map((entry) => entry.candidate));
  const demand = grids.filter((entry) => !isCapacity(entry.shape) && !(entry.shape.mapping.orientation === "periodsDown" && asLines.has(entry.candidate)));
  const chosen = demand.length > 0 ? best(demand, true) : undefined;
  const history = chosen ? sheetsOfOneLayout(chosen, demand, notes) : lines.length > 0 ? linesOfOneLayout(lines) : (sheetsPerPeriod(found) ?? null);
  if (chosen?.shape.planned) notes.push(plannedNote(chosen.candidate.source, chosen.shape.planned, chosen.shape.mapping.orientation));
  if (chosen?.shape.leftOutMeasure) notes.push(measureNote(chosen.candidate.source, chosen.shape.leftOutMeasure, chosen.shape.mapping.orientation));
  if (chosen?.shape.measures) notes.push(measureLineNote(chosen.candidate.source, chosen.shape.measures, chosen.shape.mapping.orientation));
  if (chosen?.shape.inferredLocation) {
    const { header } = chosen.shape.inferredLocation;
    const at = headerCellAddress(chosen.candidate.source, chosen.shape.inferredLocation, chosen.shape.mapping.orientation);
    notes.push(`${at} ("${header}") is read as the location: each item has a line per ${header === "" ? "value of it" : `"${header}"`}, the same values shared by several items. Correct the mapping in step 1 if it holds something else.`);
  }
  if (history && isLines(history)) {
    // the first rows of the lines' first block, as sampled
    const values = lines.find((entry) => entry.candidate.source.reference === history.sources[0].reference)?.candidate.values ?? [];
    notes.push(
      ...shippedNote(history, values),
      ...deliveryDateNote(history),
      ...periodNumberNote(history, values),
      ...linesMeasureNote(history, values),
      ...scaleNote(history.sources[0], linesScale(values, history.headerRow, history.columns.quantity)),
    );
  }
  if (chosen) notes.push(...scaleNote(chosen.candidate.source, gridScale(chosen.candidate.values, chosen.shape.mapping.orientation, chosen.shape.mapping.headerLine, chosen.shape.mapping.keyLine)));
  if (history?.decimalComma) {
    notes.push(`The history's quantities in ${historySources(history)[0].reference} are text written with a decimal comma and points between thousands ("1.234,5"), as a European export opened as text: step 1 reads them so ("12,000" is twelve).`);
  }
  if (chosen && MONEY.test(chosen.candidate.source.reference)) {
    notes.push(`The history is read from ${chosen.candidate.source.reference}, whose name says it holds money, not quantities: check that it holds units sold, or map the block that does.`);
  }
  notes.push(...unreadColumnsNote(found, items, "item master", history, (header) => itemFieldOf(header) !== undefined || hoursPerUnitResource(header) !== undefined));
  notes.push(...unreadColumnsNote(found, resources, "resource table", history, (header) => resourceFieldOf(header) !== undefined));
  const read = new Set([...(history ? historySources(history).map((source) => source.sheet) : []), ...[items, resources].flatMap((part) => (part ? [part.source.sheet] : []))]);
  if (chosen) notes.push(...unreadTwinsNote(chosen, demand, read));
  for (const { sheet, note } of refusals) if (!read.has(sheet) && !notes.includes(note)) notes.push(note);
  if (!history) notes.push(...found.flatMap((candidate) => [...unsplitNote(candidate.source, candidate.values), ...fiscalNote(candidate.source, candidate.values)]));
  return {
    version: 1,
    history,
    items,
    resources,
    capacity: grids.some((entry) => isCapacity(entry.shape)) ? toSeriesMapping(best(grids.filter((entry) => isCapacity(entry.shape)))) : null,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** Names of blocks holding plans rather than history. */
const PLANNED = /forecast|budget|plan|target|prognos/i;
/** Names of blocks holding money rather than quantities ("Revenue", "Sales Value", "Sales EUR", "Umsatz"). */
const MONEY = new RegExp(`\\b(?:revenue|values?|turnover|amounts?|umsatz|wert|montant|importe|fatturato|omzet|${CURRENCY_CODES})\\b|[€$£]`, "i");

/** The grid with the most cells (rows x periods), a table before a name before a sheet; for history, a block named like a forecast, a budget or money last. */
function best(entries: GridCandidate[], history = false): GridCandidate {
  const size = (entry: GridCandidate): number => (entry.candidate.rows - entry.shape.mapping.headerLine - 1) * entry.shape.mapping.periods.length;
  const planned = (entry: GridCandidate): number => (history ? Number(PLANNED.test(entry.candidate.source.reference)) + Number(MONEY.test(entry.candidate.source.reference)) : 0);
  return [...entries].sort((a, b) => planned(a) - planned(b) || size(b) - size(a) || KIND_PRIORITY[b.candidate.source.kind] - KIND_PRIORITY[a.candidate.source.kind])[0];
}

/** A grid's shape (or refusal) from its sample; a grid with periods down is read whole (its length is its periods). */
async function gridOf(book: Workbook, candidate: Candidate): Promise<GridShape | GridRefusal | undefined> {
  const shape = gridShape(candidate.values);
  if (!shape || isRefusal(shape) || shape.mapping.orientation === "periodsAcross" || candidate.values.length < SAMPLE_ROWS) return shape;
  return gridShape(await readBlock(book, candidate.source.reference));
}

/** The note on period columns after the history headed as a plan, which step 1 leaves out. */
/** The sheet address of a grid's header cell given as (header line, period line). */
function headerCellAddress(source: BlockSource, at: { row: number; col: number }, orientation: Orientation): string {
  return blockCellAddress(source, blockPosition(orientation, at.col, at.row));
}

function plannedNote(source: BlockSource, planned: NonNullable<GridShape["planned"]>, orientation: Orientation): string {
  const lines = `${orientation === "periodsAcross" ? "column" : "row"}${planned.count === 1 ? "" : "s"}`;
  return `${planned.count} ${lines} from ${headerCellAddress(source, planned, orientation)} ("${planned.header}") on ${planned.count === 1 ? "is" : "are"} headed as a plan (forecast, budget), not history: step 1 leaves ${planned.count === 1 ? "it" : "them"} out of the history.`;
}

/** The note for a shipped quantity column left out beside the ordered quantity read as demand, if the lines have one. */
function shippedNote(history: LinesMapping, values: Matrix): string[] {
  const header = values[history.headerRow] ?? [];
  const shipped = header.findIndex((cell, column) => column !== history.columns.quantity && namesDeliveredQuantity(cell ?? null));
  if (shipped < 0) return [];
  const at = (col: number): string => lineHeaderAddress(history, col);
  return [
    `${at(history.columns.quantity)} ("${String(header[history.columns.quantity])}") is read as demand and ${at(shipped)} ("${String(header[shipped])}") left out: demand is what customers ordered; shipments fall short of it when stock runs out.`,
  ];
}

/**
 * The note for order lines whose quantity is one of a planning book's measures: the measure column's
 * lines of the history measure ("Key Figure" beside "Value"), or the history measure's column among one
 * column per measure ("Actuals Qty" beside "Consensus Demand Qty").
 */
function linesMeasureNote(history: LinesMapping, values: Matrix): string[] {
  const [source] = history.sources;
  const header = values[history.headerRow] ?? [];
  const { measure, quantity } = history.columns;
  if (measure !== undefined && history.measure !== undefined) {
    const dropped = lineNames(values, history.headerRow, measure).filter((name) => !sameText(name, history.measure ?? ""));
    return [measureLineNote(source, { row: history.headerRow, col: measure, header: String(header[measure] ?? ""), kept: history.measure, dropped }, "periodsAcross")];
  }
  if (historyFieldOf(header[quantity] ?? null) === "quantity" || measureKind(String(header[quantity] ?? "")) !== "history") return [];
  const others = header.flatMap((cell, column) => (column !== quantity && typeof cell === "string" && ["other", "money"].includes(measureKind(cell)) ? [column] : []));
  if (others.length === 0) return [];
  const at = (col: number): string => lineHeaderAddress(history, col);
  const left = others.map((column) => `${at(column)} ("${String(header[column])}")`).join(", ");
  return [`${at(quantity)} ("${String(header[quantity])}") is read as demand and ${left} left out: ${others.length === 1 ? "it names" : "they name"} a plan, a figure derived from the history, or money.`];
}

/** The note for lines dated by their requested or delivery date, having no order date. */
function deliveryDateNote(history: LinesMapping): string[] {
  const { date, requested, delivered } = history.columns;
  if (date !== requested && date !== delivered) return [];
  const at = lineHeaderAddress(history, date);
  const by = date === requested ? "the date customers asked for" : "delivery";
  return [`${at} dates the lines: they have no order date, so demand is dated by ${by}. Add the order date column to date demand when it was ordered.`];
}

/**
 * The note for lines dated by a year and a column headed "Period" holding 1 to 12: read as calendar
 * months (period 1 is January), which a fiscal year starting in another month would shift. A column
 * headed "Fiscal year" beside it is refused instead ({@link fiscalPeriodColumns}).
 */
function periodNumberNote(history: LinesMapping, values: Matrix): string[] {
  const { year, date } = history.columns;
  const header = values[history.headerRow] ?? [];
  if (year === undefined || !PERIOD_HEADER.test(normalizeHeader(header[date] ?? null))) return [];
  return [
    `${lineHeaderAddress(history, date)} ("${String(header[date])}") is read as the calendar month in the year of ${lineHeaderAddress(history, year)}: period 1 is January. If your periods are fiscal (a year starting in another month), add a column with each line's calendar month or posting date and map it as the date.`,
  ];
}

/** The note for a history kept in thousands or millions ({@link gridScale}, {@link linesScale}): read in units. */
function scaleNote(source: BlockSource, found: ScaleCell | undefined): string[] {
  if (found === undefined) return [];
  const [word, example] = found.scale === 1000 ? ["thousands", "1.2 is 1,200"] : ["millions", "1.2 is 1,200,000"];
  return [`${blockCellAddress(source, found)} ("${found.text}") says the quantities are in ${word}: step 1 reads them as units (${example}), so forecasts, costs and hours per unit are in units.`];
}

/** The note for another measure's period lines left out beside the history's ("Jan 2024 Value" beside "Jan 2024 Qty", "Jan 2024 Forecast" beside "Jan 2024 Actual"). */
function measureNote(source: BlockSource, measure: NonNullable<GridShape["leftOutMeasure"]>, orientation: Orientation): string {
  const lines = orientation === "periodsAcross" ? "columns" : "rows";
  const from = `${measure.count} ${lines} from ${headerCellAddress(source, measure, orientation)} ("${measure.header}")`;
  if (measure.dropped.every((name) => measureKind(name) === "money")) {
    return `${from} hold a value beside each period's quantity ("${measure.kept}"): step 1 reads the quantity as demand and leaves the value ${lines} out.`;
  }
  const dropped = measure.dropped.map((name) => `"${name}"`).join(", ");
  return `${from} hold another measure (${dropped}) beside each period's "${measure.kept}": step 1 reads "${measure.kept}" as demand and leaves those ${lines} out.`;
}

/** The note for a planning book's measure line: the measure read as demand and those left out. */
function measureLineNote(source: BlockSource, measures: NonNullable<GridShape["measures"]>, orientation: Orientation): string {
  const lines = orientation === "periodsAcross" ? "rows" : "columns";
  const dropped = measures.dropped.map((name) => `"${name}"`).join(", ");
  return `${headerCellAddress(source, measures, orientation)} ("${measures.header}") names each ${lines === "rows" ? "row" : "column"}'s measure: step 1 reads the "${measures.kept}" ${lines} as demand and leaves out the ${lines} of ${dropped} (a plan, a figure derived from the history, or money). If another measure is demand, choose it in step 1's mapping editor (Measure read as demand).`;
}

/** The note for order lines dated by a fiscal year and period ({@link fiscalPeriodColumns}), if the block holds them. */
function fiscalNote(source: BlockSource, values: Matrix): string[] {
  const found = fiscalPeriodColumns(values);
  if (!found) return [];
  const [year, period] = [found.year, found.period].map((col) => ({ address: blockCellAddress(source, { row: found.row, col }), header: String(values[found.row][col]) }));
  return [
    `${year.address}: "${year.header}" and "${period.header}" (${period.address}) date the lines by fiscal year and period, which step 1 cannot place on the calendar (a fiscal year may start in any month). Add a column with each line's calendar month or posting date, then run step 1 again.`,
  ];
}

/** A refusal in a planner's words, the cell's address first: "Fiscal!B1: "FY24 P01" names a period ...". */
/** The note for a block holding an export's lines whole in one column ({@link unsplitText}), if it does. */
function unsplitNote(source: BlockSource, values: Matrix): string[] {
  const found = unsplitText(values);
  if (!found) return [];
  const address = blockCellAddress(source, found);
  const delimiter = found.delimiter === "\t" ? "Tab" : `"${found.delimiter}"`;
  const shown = found.text.length > 60 ? `${found.text.slice(0, 60)}...` : found.text;
  return [
    `${address} holds "${shown}" in one cell: a CSV or text file opened without splitting it into columns. Open it with Data > From Text/CSV (delimiter ${delimiter}), or select the column and use Data > Text to Columns, then run step 1 again.`,
  ];
}

function refusalText(source: BlockSource, refusal: GridRefusal): string {
  const address = blockCellAddress(source, refusal);
  return `${address}: ${refusal.reason} Step 1 does not read ${source.reference} until then.`;
}

function toSeriesMapping(entry: GridCandidate): SeriesMapping {
  const { source } = entry.candidate;
  const bands = entry.shape.bands?.map((band) => ({ source, ...band }));
  return { source, ...entry.shape.mapping, ...(bands ? { more: bands } : {}) };
}

/**
 * The chosen grid together with the other sheets of the same layout (same key headers and period
 * kind, a name sharing the chosen sheet's words but one): a sheet per year is read one after the
 * other; sheets whose periods overlap are one per location, named by the word that differs
 * ("Sales North", "Sales South": North, South), unless the keys hold the location or the word says
 * what the sheet holds ("Sales Forecast" beside "Sales History"): then the chosen sheet is read alone,
 * as is a block holding a band of periods per location. Sheets named by their year ("Sales 2024",
 * "Sales 2025") are never locations: where their months overlap (a 13-month export), each month is read
 * from the sheet named for its year, and a note names the columns left out of the others.
 */
function sheetsOfOneLayout(chosen: GridCandidate, grids: GridCandidate[], notes: string[]): SeriesMapping {
  const mapping = toSeriesMapping(chosen);
  if (mapping.more) return mapping;
  const bySheet = new Map<string, GridCandidate>([[chosen.candidate.source.sheet, chosen]]);
  for (const entry of grids) {
    const sheet = entry.candidate.source.sheet;
    if (layoutSignature(entry) !== layoutSignature(chosen) || !sameWordsButOne(sheet, chosen.candidate.source.sheet)) continue;
    const taken = bySheet.get(sheet);
    if (!taken || KIND_PRIORITY[entry.candidate.source.kind] > KIND_PRIORITY[taken.candidate.source.kind]) bySheet.set(sheet, entry);
  }
  const siblings = [...bySheet.values()];
  if (siblings.length < 2) return mapping;
  const parts: SeriesPart[] = siblings.map((entry) => ({
    source: entry.candidate.source,
    headerLine: entry.shape.mapping.headerLine,
    periodLines: entry.shape.mapping.periodLines,
    periods: entry.shape.mapping.periods,
  }));
  const overlap = parts.some((part, k) => parts.slice(0, k).some((other) => other.periods.some((period) => part.periods.includes(period))));
  const sheetWords = parts.map((part) => differingWord(part.source.sheet, chosen.candidate.source.sheet, parts.map((p) => p.source.sheet)));
  const years = sheetWords.every((word) => YEAR.test(word));
  if (sheetWords.some((word) => NOT_A_PLACE.test(word) || (!years && parsePeriodCell(word) !== undefined)) || (overlap && (mapping.locationLine !== undefined || mapping.keySeparator !== undefined))) return mapping;
  if (overlap && years) {
    const owned = parts.map((part, k) => ownYearsOnly(part, sheetWords[k], new Set(sheetWords), mapping.orientation, notes));
    const [first, ...more] = owned;
    return { ...mapping, ...first, more };
  }
  if (overlap) parts.forEach((part, k) => (part.location = sheetWords[k]));
  const [first, ...more] = parts;
  return { ...mapping, ...first, more };
}

/** A grid's layout: key header, orientation, periods, key and location lines (sheets of one layout are read together). */
function layoutSignature(entry: GridCandidate): string {
  return JSON.stringify([entry.shape.keyHeader.toLowerCase(), entry.shape.mapping.orientation, entry.shape.mapping.periodKind, entry.shape.mapping.keyLine, entry.shape.mapping.locationLine]);
}

/**
 * The note for sheets laid out as the history read, over some of its periods, that step 1 does not read
 * (a copy such as "Sales (2)", last month's version): one is read, and which is not guessed silently.
 */
function unreadTwinsNote(chosen: GridCandidate, grids: readonly GridCandidate[], read: ReadonlySet<string>): string[] {
  const periods = new Set(chosen.shape.mapping.periods);
  const twins = [...new Set(grids.filter((entry) => !read.has(entry.candidate.source.sheet) && layoutSignature(entry) === layoutSignature(chosen) && entry.shape.mapping.periods.some((period) => periods.has(period))).map((entry) => entry.candidate.source.sheet))];
  if (twins.length === 0) return [];
  const named = twins.map((sheet) => `"${sheet}"`).join(", ");
  return [
    `${named} ${twins.length === 1 ? "holds" : "hold"} a block laid out as the history read from "${chosen.candidate.source.sheet}", over some of the same periods, and ${twins.length === 1 ? "is" : "are"} not read. If the history to plan from is there, choose it in step 1's mapping editor.`,
  ];
}

/** A year as a sheet's name writes it ("Sales 2024"). */
const YEAR = /^(?:19|20)\d{2}$/;

/** A sheet named for `year`, without the months of another year that has a sheet of its own (a 13-month export's extra month), noting the lines left out. */
function ownYearsOnly(part: SeriesPart, year: string, sheetYears: ReadonlySet<string>, orientation: Orientation, notes: string[]): SeriesPart {
  const foreign = part.periods.flatMap((period, k) => (period.slice(0, 4) !== year && sheetYears.has(period.slice(0, 4)) ? [k] : []));
  if (foreign.length === 0) return part;
  const lines = counted(foreign.length, orientation === "periodsAcross" ? "column" : "row");
  const first = headerCellAddress(part.source, { row: part.headerLine, col: part.periodLines[foreign[0]] }, orientation);
  const periods = foreign.map((k) => part.periods[k]);
  notes.push(`${lines} from ${first} (${periods.join(", ")}) ${foreign.length === 1 ? "is" : "are"} read from the sheet named for ${foreign.length === 1 ? "its" : "their"} year instead: step 1 leaves ${foreign.length === 1 ? "it" : "them"} out of ${part.source.sheet}.`);
  const kept = (_: unknown, k: number): boolean => !foreign.includes(k);
  return { ...part, periodLines: part.periodLines.filter(kept), periods: part.periods.filter(kept) };
}

/**
 * A sheet per period: sheets named by a month, week or day ("Jan 2024", "2024-02") that each hold that
 * period's quantities by item (periodSheetShape: a quantity column, or one column per location), read
 * in period order as the parts of one grid, each quantity column a part of one period (and of one
 * location when the columns are locations). At least two such sheets, with the same item (and
 * location) column, periods of one kind, none twice; otherwise none.
 */
function sheetsPerPeriod(found: readonly Candidate[]): SeriesMapping | undefined {
  const sheets = found
    .flatMap((candidate) => {
      const span = candidate.source.kind === "sheet" ? parsePeriodCell(candidate.source.sheet.trim()) : undefined;
      const shape = span ? periodSheetShape(candidate.values) : undefined;
      return span && shape ? [{ candidate, span, shape }] : [];
    })
    .sort((a, b) => a.span.first - b.span.first);
  const [first] = sheets;
  if (sheets.length < 2 || sheets.some(({ span, shape }) => span.kind !== first.span.kind || shape.item !== first.shape.item || shape.location !== first.shape.location)) return undefined;
  if (new Set(sheets.map(({ span }) => span.first)).size !== sheets.length) return undefined;
  const parts: SeriesPart[] = sheets.flatMap(({ candidate, span, shape }) =>
    shape.values.map((value) => ({ source: candidate.source, headerLine: shape.headerRow, periodLines: [value.column], periods: [spanLabel(span)], ...(value.location === undefined ? {} : { location: value.location }) })),
  );
  const [head, ...more] = parts;
  const location = first.shape.location === undefined ? {} : { locationLine: first.shape.location };
  return { ...head, orientation: "periodsAcross", keyLine: first.shape.item, ...location, periodKind: first.span.kind, more };
}

/** Words that tell sheets of one layout apart by what they hold, not where or when: such sheets are not read together. */
const NOT_A_PLACE = /^(?:sales|history|actuals?|forecasts?|budgets?|plans?|targets?|orders?|shipments?|demand|capacity|consensus|statistical|stat|baseline|prior|previous|last|current|old|new|copy|v\d+|\(\d+\)|units?|qty|quantity|quantities|volumes?|pcs|cases|values?|revenue|turnover|amounts?|margin|cost|eur|usd|gbp|chf|umsatz|menge|wert)$/i;

/** Order lines: the sheet or table with the most rows, with the other sheets of the same columns (a table before the sheet it is on). */
function linesOfOneLayout(entries: { candidate: Candidate; shape: Omit<LinesMapping, "sources"> }[]): LinesMapping {
  const chosen = [...entries].sort((a, b) => b.candidate.rows - a.candidate.rows || KIND_PRIORITY[b.candidate.source.kind] - KIND_PRIORITY[a.candidate.source.kind])[0];
  const bySheet = new Map<string, Candidate>();
  for (const { candidate, shape } of entries) {
    if (JSON.stringify(shape) !== JSON.stringify(chosen.shape)) continue;
    const taken = bySheet.get(candidate.source.sheet);
    if (!taken || KIND_PRIORITY[candidate.source.kind] > KIND_PRIORITY[taken.source.kind]) bySheet.set(candidate.source.sheet, candidate);
  }
  return { ...chosen.shape, sources: [...bySheet.values()].map((candidate) => candidate.source) };
}

function words(name: string): string[] {
  return name.trim().toLowerCase().split(/[\s_-]+/);
}

function sameWordsButOne(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  return x.length === y.length && x.filter((word, k) => word !== y[k]).length === 1;
}

/** The word of a sheet's name that differs from the other sheets' names, as written. */
function differingWord(sheet: string, reference: string, sheets: string[]): string {
  const mine = sheet.trim().split(/[\s_-]+/);
  const position = words(sheet).findIndex((word, k) => sheets.some((other) => words(other)[k] !== word));
  return position < 0 ? sheet.trim() : mine[position] ?? words(reference)[position];
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
export async function mapPartAt(book: Workbook, part: "history", reference: string): Promise<HistoryMapping>;
export async function mapPartAt(book: Workbook, part: "capacity", reference: string): Promise<SeriesMapping>;
export async function mapPartAt(book: Workbook, part: "items", reference: string): Promise<ItemsMapping>;
export async function mapPartAt(book: Workbook, part: "resources", reference: string): Promise<ResourcesMapping>;
export async function mapPartAt(
  book: Workbook,
  part: MappingPart,
  reference: string,
): Promise<HistoryMapping | ItemsMapping | ResourcesMapping> {
  const candidate = await sampled(book, await blockSource(book, reference));
  if (part === "history" || part === "capacity") {
    const shape = await gridOf(book, candidate);
    const lines = part === "history" && !shape ? linesShape(candidate.values) : undefined;
    if (lines) return { ...lines, sources: [candidate.source] };
    if (isRefusal(shape)) throw new PlanningError(refusalText(candidate.source, shape));
    if (!shape) {
      throw new PlanningError(
        `No ${part} was recognised in ${reference}. It needs a row (or column) of period headers (months, weeks or dates) and a column (or row) of ${part === "history" ? "item" : "resource"} ids, or ids followed by numbers only` +
          (part === "history" ? `, or order lines with a header row naming a date, an item and a quantity column.` : "."),
      );
    }
    return toSeriesMapping({ candidate, shape });
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

/** A key line of a series block: its position and the key it is read with. */
export interface KeyedLine {
  position: number;
  key: CellValue;
  /** True when its own key cell is blank and the key is the line's above (see keyedLines). */
  inherited: boolean;
}

/**
 * The key lines (rows for periods across, columns for periods down) of a series block: those that hold
 * a key and some period cell (total and subtotal lines such as "Chairs Total", and headings without
 * quantities, are not items and are skipped, as readHistory leaves them out), and those whose item is
 * blank under a key line, read with its item ({@link lineKey}: a pivot table without repeated labels);
 * of a planning book's measures, the lines of the one read as demand ({@link readsMeasure}).
 * @example keyedLines(values, mapping)[1] // { position: 2, key: "CH-101", inherited: true }
 */
export function keyedLines(
  values: Matrix,
  mapping: Pick<SeriesMapping, "orientation" | "headerLine" | "keyLine" | "periodLines" | "locationLine" | "customerLine" | "channelLine" | "measureLine" | "measure">,
): KeyedLine[] {
  const extent = mapping.orientation === "periodsAcross" ? values.length : Math.max(0, ...values.map((row) => row.length));
  const lines: KeyedLine[] = [];
  const carry: KeyCarry = { key: null, inherited: false };
  for (let position = mapping.headerLine + 1; position < extent; position++) {
    const quantities = mapping.periodLines.some((line) => !isBlank(cellAt(values, mapping.orientation, line, position)));
    const details = detailLines(mapping).map((line) => (line === undefined ? null : cellAt(values, mapping.orientation, line, position)));
    const read = lineKey(carry, cellAt(values, mapping.orientation, mapping.keyLine, position), quantities, details);
    const measure = mapping.measureLine === undefined ? null : cellAt(values, mapping.orientation, mapping.measureLine, position);
    if (read && readsMeasure(mapping, measure)) lines.push({ position, ...read });
  }
  return lines;
}

/**
 * The first rows of a block, and its number of rows: known from a table's or a name's address, else
 * counted in the sample (a long sheet counts as its sample, so sizing it costs no request).
 */
async function sampled(book: Workbook, source: BlockSource, knownRows?: number): Promise<Candidate> {
  const values = await book.read(source.reference, { offset: 0, count: SAMPLE_ROWS });
  return { source, rows: knownRows ?? values.length, values };
}

async function candidates(book: Workbook): Promise<{ found: Candidate[]; notes: string[] }> {
  const sources: { source: BlockSource; rows?: number }[] = [];
  const notes: string[] = [];
  const sheets = await book.listSheets();
  const sheetNames = new Set(sheets.map((sheet) => sheet.name.toLowerCase()));
  const rowsOf = (range: { top: number; bottom: number }): number => range.bottom - range.top + 1;
  for (const table of await book.listTables()) {
    const range = parseRange(table.address);
    sources.push({ source: { kind: "table", reference: table.name, sheet: table.sheet, row: range.top, col: range.left }, rows: rowsOf(range) });
  }
  for (const name of await book.listNames()) {
    if (name.address === null) {
      notes.push(`The name ${name.name} was left aside: it ${name.note ?? "is not a range of cells"}.`);
      continue;
    }
    if (name.scope !== undefined) {
      notes.push(`The name ${name.name} belongs to the sheet ${name.scope}; its cells are looked at with that sheet.`);
      continue;
    }
    const range = parseRange(name.address);
    if (range.sheet === undefined || !sheetNames.has(range.sheet.toLowerCase())) {
      notes.push(`The name ${name.name} was left aside: it is a formula or refers to no sheet of this workbook (${name.address}).`);
      continue;
    }
    sources.push({ source: { kind: "name", reference: name.name, sheet: range.sheet, row: range.top, col: range.left }, rows: rowsOf(range) });
  }
  const hidden: string[] = [];
  for (const sheet of sheets) {
    if (sheet.ownedByAddin) continue;
    if (sheet.visible) sources.push({ source: { kind: "sheet", reference: sheet.name, sheet: sheet.name, row: 0, col: 0 } });
    else hidden.push(sheet.name);
  }
  if (hidden.length > 0) {
    const named = hidden.map((name) => `"${name}"`).join(", ");
    notes.push(`${hidden.length === 1 ? `The sheet ${named} is` : `The sheets ${named} are`} hidden, and step 1 does not look at hidden sheets: unhide one (right-click a sheet tab, Unhide) to have it read, or choose it in step 1's mapping editor.`);
  }
  // Asked for together, so that a workbook in Excel sends them in one round trip.
  const found = await Promise.all(sources.map(({ source, rows }) => sampled(book, source, rows)));
  return { found, notes };
}

/**
 * Where a block the planner names is: a sheet range ("Sales!A3:AM60"), a table, a workbook name or a sheet.
 * @throws PlanningError when the workbook has no such block, or the name is not a range of cells.
 * @example await blockSource(book, "SalesHistory") // { kind: "table", reference: "SalesHistory", sheet: "Sales History", row: 0, col: 0 }
 */
export async function blockSource(book: Workbook, reference: string): Promise<BlockSource> {
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
  let best: { mapping: RecordMapping<F> & { hoursPerUnit?: Record<string, number>; leadTimeMonthsPerUnit?: number; hoursPer?: Partial<Record<F, "week" | "month">> }; score: number } | undefined;
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
      // of two id columns ("Product" names beside "SKU" codes), the codes; the other describes the item
      const ids = candidate.values[headerRow].flatMap((header, column) => (fieldOf(header) === ("id" as F) ? [column] : []));
      if (ids.length > 1) {
        const id = codeLine(candidate.values, headerRow, ids) ?? ids[0];
        columns["id" as F] = id;
        if (withHours && columns["description" as F] === undefined) columns["description" as F] = ids.find((column) => column !== id);
      }
      // a location keys the rows (an item master kept per plant); it says nothing of the item
      const fields = Object.keys(columns).filter((field) => field !== "location").length + Object.keys(hoursPerUnit).length;
      if (columns["id" as F] === undefined || fields < minimumFields) continue;
      const score = fields * 10 + KIND_PRIORITY[candidate.source.kind];
      if (!best || score > best.score) {
        const leadTime = (columns as Partial<Record<string, number>>).leadTime;
        const perUnit = withHours && leadTime !== undefined ? leadTimeMonthsPerUnit(candidate.values[headerRow][leadTime] ?? null) : 1;
        // a resource's hours per week or per month, where its header says so ("Capacity (hrs/week)")
        const hoursPer: Partial<Record<F, "week" | "month">> = {};
        for (const field of Object.keys(columns) as F[]) {
          const period = withHours || !HOURS_FIELDS.includes(field) ? undefined : hoursPeriodOf(candidate.values[headerRow][columns[field] ?? -1] ?? null);
          if (period !== undefined) hoursPer[field] = period;
        }
        const mapping = withHours
          ? { source: candidate.source, headerRow, columns, hoursPerUnit, ...(perUnit === 1 ? {} : { leadTimeMonthsPerUnit: perUnit }) }
          : { source: candidate.source, headerRow, columns, ...(Object.keys(hoursPer).length === 0 ? {} : { hoursPer }) };
        best = { mapping, score };
      }
      break;
    }
  }
  return best?.mapping ?? null;
}

/**
 * The note naming a record table's columns step 1 has no field for ("Labor Rate per hour", "MRP
 * Controller"), so the planner sees what the plan leaves aside; none for a table on the history's own
 * sheet (its other columns are the history).
 */
function unreadColumnsNote(found: readonly Candidate[], mapping: RecordMapping<string> | null, what: string, history: HistoryMapping | null, known: (header: CellValue) => boolean): string[] {
  if (!mapping || (history && historySources(history).some((source) => source.reference === mapping.source.reference))) return [];
  const header = found.find((entry) => entry.source === mapping.source)?.values[mapping.headerRow] ?? [];
  const unread = header.flatMap((cell, column) => (typeof cell === "string" && cell.trim() !== "" && !known(cell) && parsePeriodCell(cell) === undefined ? [{ cell: cell.trim(), column }] : []));
  if (unread.length === 0) return [];
  const at = (column: number): string => blockCellAddress(mapping.source, { row: mapping.headerRow, col: column });
  const listed = unread.slice(0, 6).map((entry) => `${at(entry.column)} ("${entry.cell}")`).join(", ");
  const more = unread.length > 6 ? ` and ${counted(unread.length - 6, "more column")}` : "";
  return [`The ${what}'s ${unread.length === 1 ? "column" : "columns"} ${listed}${more} ${unread.length === 1 ? "is" : "are"} not read: step 1 has no field by ${unread.length === 1 ? "that header" : "those headers"}. If the plan should use one, give it a header step 1 knows (such as "Unit cost", "Lead time (days)", "Regular hours/month" or "Overtime cost/h").`];
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

function isDataMapping(value: unknown): value is DataMapping {
  if (typeof value !== "object" || value === null) return false;
  const mapping = value as Record<string, unknown>;
  const partOk = (part: unknown, check: (record: Record<string, unknown>) => boolean): boolean =>
    part === null || (typeof part === "object" && part !== null && isSource((part as Record<string, unknown>).source) && check(part as Record<string, unknown>));
  const partsOk = (parts: unknown): boolean =>
    parts === undefined || (Array.isArray(parts) && parts.every((part: unknown) => partOk(part, (record) => Array.isArray(record.periodLines) && Array.isArray(record.periods))));
  const seriesOk = (record: Record<string, unknown>): boolean =>
    Array.isArray(record.periodLines) &&
    Array.isArray(record.periods) &&
    typeof record.keyLine === "number" &&
    typeof record.headerLine === "number" &&
    partsOk(record.more);
  const recordOk = (record: Record<string, unknown>): boolean => typeof record.headerRow === "number" && typeof record.columns === "object";
  const linesOk = (part: unknown): boolean => {
    const record = part as Record<string, unknown>;
    const columns = record.columns as Record<string, unknown> | null;
    return (
      Array.isArray(record.sources) &&
      record.sources.length > 0 &&
      record.sources.every(isSource) &&
      recordOk(record) &&
      columns !== null &&
      ["date", "item", "quantity"].every((column) => typeof columns[column] === "number") &&
      ["month", "week", "day"].includes(String(record.periodKind))
    );
  };
  const historyOk = (part: unknown): boolean =>
    typeof part === "object" && part !== null && (part as Record<string, unknown>).layout === "lines" ? linesOk(part) : partOk(part, seriesOk);
  return (
    mapping.version === 1 &&
    historyOk(mapping.history) &&
    (mapping.bucket === undefined || mapping.bucket === "month" || mapping.bucket === "week") &&
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
