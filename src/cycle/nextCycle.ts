/**
 * The next cycle of rolling S&OP: the month's actuals go into the planner's history where the saved
 * mapping reads it (a new month column, or row, beside the last; a new item's row, or column, after the
 * last; an Excel table grows to take them, as Excel grows a table when a month is typed beside it), then
 * steps 1 to 5 run again. The cycle is named by its first planned month, the month after the newest
 * actuals. Approved plans of earlier cycles stay in the workbook untouched (each approval adds a sheet
 * and an audit row) and still verify.
 * This is `sop cycle` and the pane's "Start next cycle".
 */
import { PlanningError } from "../core/errors";
import type { ActualRow } from "../core/rolling/snapshot";
import { cellAddress, parseRange, rangeAddress, sheetCellAddress } from "../workbook/address";
import type { CellValue, Matrix, OverwriteConfirmation, Workbook, WriteBlock } from "../workbook/workbook";
import { readBlock } from "./blockReading";
import { masterIdOf, masterIndex } from "./itemMatch";
import { daySerial } from "./calendarDays";
import { isBlank, numberIn } from "./cellValues";
import { gridKey } from "./historyReader";
import { isLines, type SeriesMapping } from "./historyLayout";
import { readAuditLog } from "./approval";
import { blockPosition, cellAt, keyedLines, type ItemsMapping } from "./mapping";
import { currentMapping, loadMappedData } from "./mappedData";
import { addMonths, monthLabel, parseMonth } from "./periodHeader";
import { readRecordCells, seriesKey } from "./planningData";
import { runCycle, type CycleOptions, type CycleResult, type CycleRunOptions } from "./runCycle";
import { readIfPresent, replaceSheets } from "./ownedSheets";
import { futurePeriods } from "./periods";
import { keyColumnCount } from "./seriesColumns";
import { SHEETS } from "./sheets";

/** One month of actuals as the planner supplies it, with where it came from for messages. */
export interface ActualsLine extends ActualRow {
  /** Where the line is, e.g. "row 4 of june.csv". */
  source: string;
}

/** What adding the actuals did to the history. */
export interface AppendedActuals {
  /** The months added after the history's last month, in order. */
  added: string[];
  /** Quantity cells written: new months, blanks filled in months already there, and new series' months. */
  cells: number;
  /** Actuals equal to what the history already held (left as they were). */
  unchanged: number;
  /** Series of the history without a line in a new month: written as 0, listed for the planner. */
  zeroFilled: string[];
  /**
   * Series (item, or item @ location) the history did not have: each got a new line after the last,
   * its key written as text, its quantities in their months and the months before its first left blank.
   */
  newSeries: string[];
}

/** The history of a workbook laid out as a grid the actuals can be added to, or a message why not. */
function appendableGrid(grid: SeriesMapping): SeriesMapping {
  if ((grid.periodKind ?? "month") !== "month") throw new PlanningError("The history is in weeks or days: add the month's actuals to it by hand (sop cycle adds whole months).");
  if ((grid.more?.length ?? 0) > 0) throw new PlanningError(`The history is spread over ${1 + (grid.more?.length ?? 0)} blocks (a sheet per year, region or month, or a band of months per location): add the month's actuals to the right block by hand (a new sheet for a sheet per month), then run the cycle.`);
  if (grid.customerLine !== undefined || grid.channelLine !== undefined) {
    throw new PlanningError("The history has a line per customer or channel: one month's total per item cannot be split among them. Add the month's actuals by hand, then run the cycle.");
  }
  if (grid.source.kind === "name" || grid.source.kind === "range") {
    throw new PlanningError(`The history is the fixed range "${grid.source.reference}": it cannot take a new month. Make it an Excel table (Insert > Table) or map the whole sheet in step 1, then run again.`);
  }
  if (grid.headerLine < 0 || grid.periodLines.length === 0) throw new PlanningError("The history has no month headers, so a new month cannot be placed: give it a header row of months in step 1.");
  if (grid.periodLines.length > 1 && grid.periodLines[1] < grid.periodLines[0]) {
    throw new PlanningError("The history lists its newest month first: add the month's actuals by hand (a column before the newest month), then run the cycle.");
  }
  if (grid.measureLine !== undefined) {
    throw new PlanningError(`The history is a planning book whose rows hold several measures ("${grid.measure ?? ""}" is read as demand): add the month's actuals by hand, in the "${grid.measure ?? ""}" rows, then run the cycle.`);
  }
  if (grid.locationHeadings) {
    throw new PlanningError("The history is printed by location, each location's rows under its heading: add the month's actuals by hand, in each location's rows, then run the cycle.");
  }
  const [beforeLast, last] = grid.periodLines.slice(-2);
  if (grid.periodLines.length > 1 && last - beforeLast > 1) {
    throw new PlanningError("The history's months are not side by side (another measure, such as each month's value, stands between them): add the month's actuals by hand, in the month's quantity column, then run the cycle.");
  }
  return grid;
}

/** The header cell for a new month, written like the last month's header (a date stays a date). */
function headerCell(previous: CellValue, label: string): { value: CellValue; format: string } {
  const month = parseMonth(label);
  if (typeof previous === "number" && month !== undefined) return { value: daySerial(month.year, month.month, 1), format: "mmm-yy" };
  return { value: label, format: "@" };
}

/** A series the history does not have yet: it gets a new line after the block's last. */
interface NewSeries {
  item: string;
  location: string;
  /** Its position in the block: a row (periods across) or a column (periods down) after the last used. */
  position: number;
  /** Its earliest month given, "YYYY-MM": the months before stay blank (no history is not zero demand). */
  first: string;
  /** The line that named it first, for messages. */
  source: string;
}

/**
 * Add a month's actuals (or several months') to the planner's history where the saved mapping reads it.
 * A month after the history's last becomes a new column (or row) beside it, under a header like the
 * last month's; an Excel table holding the history grows to take it. A month the history already has
 * is checked: a blank cell is filled, an equal value left, a different value refused with its cell.
 * Series without a line in a new month get 0 (listed in the result). A series the history does not
 * have (a new item, or an item at a new location) gets a new line after the block's last (a row with
 * periods across, a column with periods down): its item (and location) written as text, its quantities
 * in their months, the months before its first left blank; its item must be in the item master. Nothing
 * is written unless every line can be placed. The planner's sheet is written only with `overwrite`'s yes.
 * @param workbook the workbook whose step 1 mapped the history
 * @param actuals the lines, each with its source for messages
 * @param overwrite asked before writing into the planner's history sheet
 * @throws PlanningError naming the line (and the cell) that cannot be placed: no mapping yet, a new
 *   item not in the item master, a location other than the one a history of one location holds, a
 *   month neither in the history nor right after it, a line given twice, a value differing from the one
 *   the history holds, a cell beside or after the history not empty, a history table with a totals row
 * @example await appendActuals(book, [{ item: "CH-141", location: "", period: "2026-01", quantity: 40, source: "row 2 of jan.csv" }], yes) // newSeries ["CH-141"]
 */
export async function appendActuals(workbook: Workbook, actuals: readonly ActualsLine[], overwrite: OverwriteConfirmation): Promise<AppendedActuals> {
  const mapping = await currentMapping(workbook);
  if (!mapping?.history) throw new PlanningError("This workbook has no data mapping yet: run step 1 (gather and check data) first, then add the actuals.");
  if (isLines(mapping.history)) throw new PlanningError("The history is order lines: import the month's order lines in step 1 instead of monthly totals.");
  const grid = appendableGrid(mapping.history);
  if (actuals.length === 0) throw new PlanningError("The actuals file has no lines: give item, location (optional), period and quantity, one line per item and month.");
  const values = await readBlock(workbook, grid.source.reference);
  const lines = keyedLines(values, grid);
  const positions = lines.map((line) => line.position);
  const at = (position: number) => (line: number) => sheetCellAddress(grid.source.sheet, cellOf(grid, line, position));
  const lineCells = (position: number): CellValue[] =>
    grid.orientation === "periodsAcross" ? (values[position] ?? []) : values.map((row) => row[position] ?? null);
  const keys = lines.map(({ position, key }) => gridKey(grid, grid, Object.assign([...lineCells(position)], { [grid.keyLine]: key }), at(position)));
  const positionOf = new Map(keys.map((key, k) => [seriesKey(key.item, key.location), positions[k]]));
  // read only when an actual names no line as written: the master's ids, and the lines by the master's spelling
  let master: { ids: Set<string>; spelled: Map<string, number> } | undefined;
  const masterLines = async (): Promise<{ ids: Set<string>; spelled: Map<string, number> }> => {
    if (master === undefined) {
      const ids = await itemMasterIds(workbook, mapping.items);
      master = { ids, spelled: linesByMasterSpelling(ids, keys, positions) };
    }
    return master;
  };
  const located = keys.some((key) => key.location !== "");
  const last = parseMonth(grid.periods[grid.periods.length - 1]);
  if (last === undefined) throw new PlanningError(`The history's last period "${grid.periods[grid.periods.length - 1]}" is not a month.`);
  const lastLine = grid.periodLines[grid.periodLines.length - 1];
  const end = positionAfterBlock(values, grid.orientation);

  const problems: string[] = [];
  const seen = new Map<string, string>();
  const newMonths = new Map<string, Map<number, number>>();
  const newSeries = new Map<string, NewSeries>();
  const fills: { position: number; line: number; value: number }[] = [];
  let unchanged = 0;
  // a history kept in thousands takes the actuals in thousands, as its cells hold them
  const scale = grid.scale ?? 1;
  for (const actual of actuals.map((line) => ({ ...line, quantity: line.quantity / scale }))) {
    const month = parseMonth(actual.period);
    if (month === undefined) {
      problems.push(`${actual.source}: period "${actual.period}" is not a month (write it as 2026-01).`);
      continue;
    }
    const label = monthLabel(month);
    const [item, location] = [actual.item.trim(), actual.location.trim()];
    if (located && location === "") {
      problems.push(`${actual.source}: the history is by item and location; give the location of ${item}.`);
      continue;
    }
    const key = seriesKey(item, located ? location : "");
    if (!located && location !== "") {
      problems.push(`${actual.source}: the history has no locations, but the line names location "${location}"; leave it empty.`);
      continue;
    }
    if (!Number.isFinite(actual.quantity) || actual.quantity < 0) {
      problems.push(`${actual.source}: the quantity of ${key} in ${label} should be a number of units, 0 or more.`);
      continue;
    }
    const twice = seen.get(`${key}|${label}`);
    if (twice !== undefined) {
      problems.push(`${actual.source}: ${key} in ${label} is given twice (also ${twice}).`);
      continue;
    }
    seen.set(`${key}|${label}`, actual.source);
    let position = positionOf.get(key) ?? (await masterLines()).spelled.get(key);
    if (position === undefined) {
      if (grid.location !== undefined && grid.locationLine === undefined && grid.keySeparator === undefined && location !== grid.location) {
        problems.push(`${actual.source}: the history (${grid.source.reference}) holds location ${grid.location} only, not ${location}; add that location's history by hand, or correct the line.`);
        continue;
      }
      if (!(await masterLines()).ids.has(item)) {
        const where = mapping.items === null ? "and the workbook has no item master mapped in step 1" : `nor in the item master (${mapping.items.source.reference})`;
        problems.push(`${actual.source}: ${item} is not in the history (${grid.source.reference}) ${where}; add the item to the item master first (supply needs its unit cost), or correct the line.`);
        continue;
      }
      position = end + newSeries.size;
      positionOf.set(key, position);
      newSeries.set(key, { item, location: located ? location : "", position, first: label, source: actual.source });
    }
    const fresh = newSeries.get(key);
    if (fresh !== undefined && label < fresh.first) fresh.first = label;
    const t = grid.periods.indexOf(label);
    if (t >= 0) {
      const line = grid.periodLines[t];
      const cell = cellAt(values, grid.orientation, line, position);
      if (isBlank(cell)) fills.push({ position, line, value: actual.quantity });
      else if (numberIn(cell, grid.decimalComma === true) === actual.quantity) unchanged++;
      else problems.push(`${actual.source}: ${at(position)(line)} already holds ${JSON.stringify(cell)} for ${key} in ${label}, not ${actual.quantity}; correct the cell or the line (the add-in never overwrites your history).`);
      continue;
    }
    const ahead = monthNumberOf(label) - monthNumberOf(monthLabel(last));
    if (ahead < 1) {
      problems.push(`${actual.source}: ${label} is before the history's last month ${monthLabel(last)} but not in it; add it by hand.`);
      continue;
    }
    const byPosition = newMonths.get(label) ?? new Map<number, number>();
    byPosition.set(position, actual.quantity);
    newMonths.set(label, byPosition);
  }
  const added = [...newMonths.keys()].sort();
  added.forEach((label, k) => {
    const expected = monthLabel(addMonths(last, k + 1));
    if (label !== expected) problems.push(`The actuals jump from ${k === 0 ? `the history's last month ${monthLabel(last)}` : added[k - 1]} to ${label}: give ${expected} first.`);
  });
  if (problems.length > 0) throw new PlanningError(`The actuals cannot be added (nothing was written):\n${problems.join("\n")}`);

  const blocks: WriteBlock[] = fills.map(({ position, line, value }) => ({ sheet: grid.source.sheet, topLeft: cellAddressOf(grid, line, position), values: [[value]] }));
  const zeroFilled = new Set<string>();
  const previousHeader = cellAt(values, grid.orientation, lastLine, grid.headerLine);
  const newOf = new Map([...newSeries.values()].map((series) => [series.position, series]));
  const from = Math.min(grid.headerLine, ...positions);
  const to = Math.max(grid.headerLine, ...positions, ...newOf.keys());
  let quantitiesWritten = fills.length;
  for (const [k, label] of added.entries()) {
    const line = lastLine + 1 + k;
    const taken = await firstHeldCell(workbook, grid, [line, line], [from, to]);
    if (taken !== undefined) throw new PlanningError(`${taken} beside the history is not empty: move what is there, then add ${label} again (nothing was written).`);
    const header = headerCell(previousHeader, label);
    const quantities = newMonths.get(label) ?? new Map<number, number>();
    const cells: CellValue[] = [];
    const formats: string[] = [];
    for (let position = from; position <= to; position++) {
      if (position === grid.headerLine) {
        cells.push(header.value);
        formats.push(header.format);
        continue;
      }
      const series = newOf.get(position);
      // A series of the history, or a new one after its first month, has a quantity in every month: 0 when no line gives one.
      const owed = positions.includes(position) || (series !== undefined && label > series.first);
      const value = quantities.get(position) ?? (owed ? 0 : null);
      if (owed && !quantities.has(position)) {
        const key = series ?? keys[positions.indexOf(position)];
        zeroFilled.add(seriesKey(key.item, key.location));
      }
      if (value !== null) quantitiesWritten++;
      cells.push(value);
      formats.push("General");
    }
    const topLeft = cellAddressOf(grid, line, from);
    blocks.push(
      grid.orientation === "periodsAcross"
        ? { sheet: grid.source.sheet, topLeft, values: cells.map((cell) => [cell]), numberFormats: formats.map((format) => [format]) }
        : { sheet: grid.source.sheet, topLeft, values: [cells], numberFormats: [formats] },
    );
  }
  if (newSeries.size > 0) {
    const taken = await firstHeldCell(workbook, grid, [0, Math.max(lineCount(values, grid.orientation), lastLine + 1 + added.length) - 1], [end, end + newSeries.size - 1]);
    if (taken !== undefined) {
      throw new PlanningError(`${taken} after the history's last ${grid.orientation === "periodsAcross" ? "row" : "column"} is not empty: move what is there, then add the new items again (nothing was written).`);
    }
    const sample = keys.find((key) => key.location !== "");
    const sampleText = sample === undefined ? "" : String(cellAt(values, grid.orientation, grid.keyLine, positions[keys.indexOf(sample)])).trim();
    for (const series of newSeries.values()) {
      const text = (line: number, value: string): WriteBlock => ({ sheet: grid.source.sheet, topLeft: cellAddressOf(grid, line, series.position), values: [[value]], numberFormats: [["@"]] });
      blocks.push(text(grid.keyLine, grid.keySeparator === undefined ? series.item : joinedKey(grid.keySeparator, sample, sampleText, series)));
      if (grid.locationLine !== undefined) blocks.push(text(grid.locationLine, series.location));
    }
  }
  const grows = added.length > 0 || newSeries.size > 0;
  const resizeTables = grid.source.kind === "table" && grows ? { [grid.source.reference]: await grownTable(workbook, grid, added.length, newSeries.size > 0 ? end + newSeries.size - 1 : undefined) } : undefined;
  if (blocks.length > 0) await workbook.writeBlocks(blocks, { overwrite, ...(resizeTables ? { resizeTables } : {}) });
  workbook.forget();
  await checkHistoryHolds(workbook, actuals);
  return { added, cells: quantitiesWritten, unchanged, zeroFilled: [...zeroFilled], newSeries: [...newSeries.keys()] };
}

/** The item ids of the item master as step 1 reads them (trimmed text), or none when no item master is mapped. */
/**
 * The position of each line by its item in the item master's spelling where that differs from the
 * line's own: the actuals name items as step 1 reads them ("CH-101" for a line "CH-101 - Office chair"
 * or "ch-101").
 */
function linesByMasterSpelling(ids: ReadonlySet<string>, keys: readonly { item: string; location: string }[], positions: readonly number[]): Map<string, number> {
  const index = masterIndex(ids);
  const spelled = new Map<string, number>();
  keys.forEach((key, k) => {
    const id = masterIdOf(key.item, index)?.id;
    if (id !== undefined && id !== key.item && !spelled.has(seriesKey(id, key.location))) spelled.set(seriesKey(id, key.location), positions[k]);
  });
  return spelled;
}

async function itemMasterIds(workbook: Workbook, items: ItemsMapping | null): Promise<Set<string>> {
  if (items === null) return new Set();
  const rows = await readRecordCells(workbook, items);
  return new Set(rows.map((row) => String(row.fields.id?.value ?? "").trim()));
}

/** The first position (row with periods across, column with periods down) after every one of the block holding anything. */
function positionAfterBlock(values: Matrix, orientation: SeriesMapping["orientation"]): number {
  const usedLength = (cells: readonly CellValue[]): number => cells.reduce<number>((used, cell, k) => (isBlank(cell ?? null) ? used : k + 1), 0);
  if (orientation === "periodsDown") return Math.max(0, ...values.map(usedLength));
  return usedLength(values.map((row) => (row.some((cell) => !isBlank(cell ?? null)) ? 1 : null)));
}

/** Lines (columns with periods across, rows with periods down) the block spans. */
function lineCount(values: Matrix, orientation: SeriesMapping["orientation"]): number {
  return orientation === "periodsAcross" ? Math.max(0, ...values.map((row) => row.length)) : values.length;
}

/** A key cell holding item and location, joined as the history's own keys join them ("CH-101 | Paris"). */
function joinedKey(separator: string, sample: { item: string; location: string } | undefined, sampleText: string, series: NewSeries): string {
  const joiner =
    sample !== undefined && sampleText.startsWith(sample.item) && sampleText.endsWith(sample.location)
      ? sampleText.slice(sample.item.length, sampleText.length - sample.location.length)
      : ` ${separator} `;
  return `${series.item}${joiner}${series.location}`;
}

/** Months counted from year 0 of a "YYYY-MM" label. */
function monthNumberOf(label: string): number {
  const month = parseMonth(label);
  return month === undefined ? NaN : month.year * 12 + month.month - 1;
}

/** The sheet cell (0-based) of a block cell on a line at a position. */
function cellOf(grid: SeriesMapping, line: number, position: number): { row: number; col: number } {
  const inBlock = blockPosition(grid.orientation, line, position);
  return { row: grid.source.row + inBlock.row, col: grid.source.col + inBlock.col };
}

function cellAddressOf(grid: SeriesMapping, line: number, position: number): string {
  return cellAddress(cellOf(grid, line, position));
}

/**
 * The address of the first cell holding anything on the history's sheet in lines [first, last] and
 * positions [from, to] of the grid (a line beside the history, or the lines of new series after it), or
 * undefined when all are empty.
 */
async function firstHeldCell(workbook: Workbook, grid: SeriesMapping, [firstLine, lastLine]: [number, number], [from, to]: [number, number]): Promise<string | undefined> {
  const corner = cellOf(grid, firstLine, from);
  const opposite = cellOf(grid, lastLine, to);
  const held = await workbook.read(rangeAddress({ top: corner.row, left: corner.col, bottom: opposite.row, right: opposite.col }, grid.source.sheet));
  for (const [r, row] of held.entries()) {
    const c = row.findIndex((cell) => !isBlank(cell));
    if (c >= 0) return sheetCellAddress(grid.source.sheet, { row: corner.row + r, col: corner.col + c });
  }
  return undefined;
}

/**
 * The address of the history's table grown by `months` columns (periods across) or rows (periods down),
 * and to reach the line at block position `lastPosition` (a new series' row or column) when given.
 * @throws PlanningError when the table is gone, or new series would go below its totals row
 */
async function grownTable(workbook: Workbook, grid: SeriesMapping, months: number, lastPosition: number | undefined): Promise<string> {
  const table = (await workbook.listTables()).find((info) => info.name.toLowerCase() === grid.source.reference.toLowerCase());
  if (table === undefined) throw new PlanningError(`The history's table "${grid.source.reference}" is no longer in the workbook: map the history again in step 1.`);
  const range = parseRange(table.address);
  if (lastPosition !== undefined && grid.orientation === "periodsAcross" && range.bottom - range.top + 1 > table.rowCount + (grid.headerLine >= 0 ? 1 : 0)) {
    throw new PlanningError(`The history's table "${table.name}" has a totals row: turn it off (Table Design > Total Row) or add the new items' rows above it by hand, then run again (nothing was written).`);
  }
  const reach = lastPosition === undefined ? undefined : cellOf(grid, 0, lastPosition);
  return rangeAddress(
    grid.orientation === "periodsAcross"
      ? { ...range, right: range.right + months, bottom: Math.max(range.bottom, reach?.row ?? range.bottom) }
      : { ...range, bottom: range.bottom + months, right: Math.max(range.right, reach?.col ?? range.right) },
  );
}

/**
 * After writing: the history as step 1 now reads it holds every actual exactly.
 * @throws PlanningError naming the line whose value does not read back (the mapping does not reach it)
 */
async function checkHistoryHolds(workbook: Workbook, actuals: readonly ActualsLine[]): Promise<void> {
  const data = await loadMappedData(workbook, true);
  const index = new Map(data.periods.map((period, t) => [period, t]));
  const series = new Map(data.series.map((entry) => [seriesKey(entry.item, entry.location), entry.history]));
  const located = data.series.some((entry) => entry.location !== "");
  for (const actual of actuals) {
    const label = monthLabel(parseMonth(actual.period) ?? { year: 0, month: 1 });
    const held = series.get(seriesKey(actual.item, located ? actual.location : ""))?.[index.get(label) ?? -1];
    if (held !== actual.quantity) {
      throw new PlanningError(`${actual.source}: the history as mapped reads ${held ?? "nothing"} for ${actual.item} in ${label}, not ${actual.quantity}: the mapping does not reach the new month. Map the history again in step 1.`);
    }
  }
}

/**
 * Take off SOP Overrides the rows of months the history now has actuals for: they were the last
 * cycle's, kept in its forecast snapshot when it was approved, and the new cycle forecasts from the
 * month after the actuals (step 2 would refuse a month it does not forecast). Rows of later months stay
 * for the new cycle; a row whose period is not a month stays too, for step 2 to name.
 * @returns the rows taken off
 */
export async function retirePastOverrides(workbook: Workbook): Promise<number> {
  const sheet = await readIfPresent(workbook, SHEETS.overrides);
  if (sheet.length < 2) return 0;
  const data = await loadMappedData(workbook, true);
  const last = parseMonth(data.periods[data.periods.length - 1] ?? "");
  if (last === undefined) return 0;
  const header = sheet[0].map((cell) => String(cell ?? ""));
  const periodColumn = 1 + keyColumnCount(header.slice(1));
  const past = (row: readonly CellValue[]): boolean => {
    const month = parseMonth(row[periodColumn] ?? null);
    return month !== undefined && monthNumberOf(monthLabel(month)) <= monthNumberOf(monthLabel(last));
  };
  const kept = sheet.slice(1).filter((row) => !past(row));
  const retired = sheet.length - 1 - kept.length;
  if (retired > 0) await replaceSheets(workbook, { [SHEETS.overrides]: { rows: [sheet[0], ...kept] } });
  return retired;
}

/** Where the next cycle starts, once the actuals are in the history. */
export interface NextCycleStart {
  /** The cycle of the latest approved plan, e.g. "2026-01". */
  approved: string;
  /** The cycle starting now: the month after the history's newest actuals, e.g. "2026-02". */
  cycle: string;
  /** Override rows of months now past taken off SOP Overrides. */
  retiredOverrides: number;
}

/**
 * Get the workbook ready for the next cycle when the planner has typed the month's actuals into the
 * history themselves (the pane's "Start next cycle"): the latest approved plan's first month must have
 * its actuals; the overrides of months now past are taken off SOP Overrides (retirePastOverrides).
 * Steps 1 to 5 then run as usual; the new cycle is named by the month after the newest actuals.
 * @throws PlanningError when no plan has been approved yet, or the history has no actuals for the
 *   approved plan's first month yet (saying which month to type)
 * @example await prepareNextCycle(book) // { approved: "2026-01", cycle: "2026-02", retiredOverrides: 3 }
 */
export async function prepareNextCycle(workbook: Workbook): Promise<NextCycleStart> {
  const approved = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").at(-1);
  if (approved === undefined) throw new PlanningError("Approve this cycle's plan (step 5) before starting the next one.");
  const data = await loadMappedData(workbook, true);
  const last = data.periods[data.periods.length - 1] ?? "";
  if (!(monthNumberOf(last) >= monthNumberOf(approved.cycle))) {
    throw new PlanningError(`Type the actuals of ${approved.cycle} into your history (a new month after ${last}), save, then start the next cycle.`);
  }
  const retiredOverrides = await retirePastOverrides(workbook);
  return { approved: approved.cycle, cycle: futurePeriods(last, 1)[0], retiredOverrides };
}

/**
 * Start the next cycle with a month's actuals: add them to the history (appendActuals), take the
 * overrides of months now past off SOP Overrides (retirePastOverrides), then run steps 1 to 5
 * (runCycle) for the cycle that starts the month after them, approving it when `options.approver` is
 * given. Earlier approved plans stay as they were and still verify.
 * @returns what was added, the override rows taken off, and the cycle's result
 * @throws PlanningError as appendActuals, and as runCycle
 */
export async function runNextCycle(
  workbook: Workbook,
  actuals: readonly ActualsLine[],
  overwrite: OverwriteConfirmation,
  options: CycleOptions = {},
  run: CycleRunOptions = {},
): Promise<{ appended: AppendedActuals; retiredOverrides: number; cycle: CycleResult }> {
  const appended = await appendActuals(workbook, actuals, overwrite);
  const retiredOverrides = await retirePastOverrides(workbook);
  return { appended, retiredOverrides, cycle: await runCycle(workbook, options, run) };
}
