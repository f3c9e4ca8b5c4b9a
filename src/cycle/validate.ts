/**
 * Step 1's validation of the mapped data: every problem a planner should see before forecasting, each
 * with the sheet-qualified address of its cell (so the task pane can select it) and a severity.
 * It only reports; cleansing (filling blanks, correcting outliers, with a record of changes) is
 * src/core/forecast/cleanse.ts.
 *
 * Severities: "error" makes the plan wrong until fixed (text where a quantity belongs, a duplicated
 * item, a negative price); "warning" deserves a look (a blank or negative month, an outlier, a missing
 * month, an item without master data); "info" is for the record (months before an item's first sale).
 */
import { median } from "simple-statistics";
import { levelOutliers } from "../core/forecast";
import type { CellValue, Workbook } from "../workbook/workbook";
import { commaReadAsThousands, isBlank, notNumberAdvice, numberIn, sameText, shownValue, toAttributeNumber } from "./cellValues";
import { fieldWords, sameUnit, type ItemField, type ResourceField } from "./headerNames";
import { describeHistory, isLines, lineHeaderAddress, seriesParts, type LinesMapping } from "./historyLayout";
import { uncalculatedFormulaProblems } from "./uncalculated";
import type { DataMapping } from "./mapping";
import { parseMonth, monthNumber } from "./periodHeader";
import { calendarSeasonLength } from "./periods";
import { readRecordCells, readSeriesCells, seriesKey, type MappedCell, type RecordCells, type SeriesCells } from "./planningData";
import { refusalReasons, type SoldUnit } from "./historyReader";
import { itemMatchKey, masterIdOf, masterIndex } from "./itemMatch";
import type { ReadProblem } from "./reconciliation";

export type IssueSeverity = "error" | "warning" | "info";

export type IssueKind =
  | "notMapped"
  | "blank"
  | "leadingBlank"
  | "trailingBlank"
  | "uncalculatedFormula"
  | "textInNumber"
  | "numberAsText"
  | "negative"
  | "duplicate"
  | "outlier"
  | "missingPeriod"
  | "notInItemMaster"
  | "noHistory"
  | "badAttribute"
  | "phantomItem"
  | "noKey"
  | "unreadablePeriod"
  | "inheritedKey"
  | "mixedUnits"
  | "incompleteLastPeriod"
  | "locationValue"
  | "codeWithName"
  | "unitMismatch";

/** One problem, at one cell. */
export interface ValidationIssue {
  kind: IssueKind;
  severity: IssueSeverity;
  /** Sheet-qualified address of the cell, e.g. "'Sales History'!I5"; null when no cell is concerned. */
  address: string | null;
  message: string;
  item?: string;
  period?: string;
}

/** All problems found, with counts. */
export interface ValidationReport {
  issues: ValidationIssue[];
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Validate the mapped data.
 * Outliers: robust z-score z = 0.6745 (x - median) / MAD over the item's non-blank months, flagged when
 * |z| > 3.5 (B. Iglewicz, D. Hoaglin, "How to Detect and Handle Outliers", ASQC 1993; levelOutliers in
 * src/core/forecast); series whose MAD is 0 (mostly zeros: intermittent demand) are not tested.
 * Cleansing corrects only months flagged here.
 * @param book the planner's workbook.
 * @param mapping what step 1 mapped.
 * @param problems what reading the history found (read problems become errors)
 * @param launched items of the item master without history that SOP Overrides gives a launch forecast
 *   (step 1 plans them): their note says so instead of asking for one
 * @param reading the history as read (periods and series), for checks of its totals ({@link lastPeriodShortfall})
 * @returns The report, issues in sheet order (history first, then items, resources, capacity).
 * @throws WorkbookError when a mapped table, name or sheet no longer exists.
 * @example const report = await validateData(book, mapping); report.issues[0].address // "'Sales History'!I5"
 */
export async function validateData(
  book: Workbook,
  mapping: DataMapping,
  problems: readonly ReadProblem[] = [],
  launched: ReadonlySet<string> = new Set(),
  reading?: { periods: readonly string[]; series: readonly { item: string; history: readonly (number | null)[] }[]; units?: readonly SoldUnit[] },
): Promise<ValidationReport> {
  const issues: ValidationIssue[] = [];
  if (!mapping.history) {
    issues.push({
      kind: "notMapped",
      severity: "error",
      address: null,
      message: `No sales history was found${refusalReasons(mapping.notes)} Select the range, table or sheet that holds your demand history.`,
    });
  } else {
    const grids = isLines(mapping.history) ? [] : await Promise.all(seriesParts(mapping.history).map((part) => readSeriesCells(book, part)));
    // Keys the reader checks itself: one cell holding item and location, rows by customer or channel (one item's rows are summed,
    // not duplicates), or rows whose location is the heading above them
    const combinedKeys =
      !isLines(mapping.history) &&
      (mapping.history.keySeparator !== undefined || mapping.history.customerLine !== undefined || mapping.history.channelLine !== undefined || mapping.history.locationHeadings === true);
    for (const history of grids) {
      issues.push(...checkPeriods(history), ...(combinedKeys ? [] : checkKeys(history.keys, "item", history.locations, true)), ...checkSeries(history, true, !isLines(mapping.history) && mapping.history.decimalComma === true));
    }
    if (grids.length > 0 && grids.every((history) => history.keys.length === 0)) {
      const where = describeHistory(mapping.history);
      issues.push({ kind: "notMapped", severity: "error", address: null, message: `The history mapped in ${where} holds no item: every row is a total, a heading or blank. Select the block that holds your items' sales.` });
    }
    const gridKinds = new Set<ReadProblem["kind"]>(["phantomItem", "noKey", "unreadablePeriod", "inheritedKey", "uncalculatedFormula", ...(combinedKeys ? (["duplicate"] as const) : [])]);
    issues.push(
      ...problems
        .filter((problem) => isLines(mapping.history!) || gridKinds.has(problem.kind))
        .map((problem) => ({ ...problem, severity: problem.kind === "inheritedKey" ? ("info" as const) : ("error" as const) })),
    );
    // first: one cut-short month explains the low last cells every item's check flags
    const shortfall = reading ? lastPeriodShortfall(reading.periods, reading.series) : undefined;
    if (shortfall) issues.unshift(shortfall);
    if (mapping.items) {
      const rows = await readRecordCells(book, mapping.items);
      const ids = rows.flatMap((row) => (row.fields.id ? [row.fields.id] : []));
      const separator = isLines(mapping.history) ? undefined : mapping.history.keySeparator;
      const itemKeys = isLines(mapping.history)
        ? lineItems(mapping.history, reading)
        : grids.flatMap((history) => history.keys).map((key) => (separator === undefined ? key : { ...key, value: String(key.value).split(separator)[0].trim() }));
      const located = mapping.items.columns.location === undefined ? null : rows.flatMap((row) => (row.fields.id ? [row.fields.location ?? { value: "", address: row.fields.id.address }] : []));
      issues.push(...checkKeys(ids, "item", located), ...checkLocatedRows(rows), ...(itemKeys ? checkCrossReference(itemKeys, ids, launched) : []), ...checkUnits(reading?.units ?? [], rows));
      issues.push(...rows.flatMap((row) => checkAttributes(row.fields, ITEM_NUMBERS, String(row.fields.id?.value))));
    }
  }
  if (mapping.resources) {
    const rows = await readRecordCells(book, mapping.resources);
    const ids = rows.flatMap((row) => (row.fields.id ? [row.fields.id] : []));
    issues.push(...checkKeys(ids, "resource"));
    issues.push(...rows.flatMap((row) => checkAttributes(row.fields, RESOURCE_NUMBERS, String(row.fields.id?.value))));
  }
  if (mapping.capacity) {
    const capacity = await readSeriesCells(book, mapping.capacity);
    issues.push(...checkPeriods(capacity), ...checkKeys(capacity.keys, "resource"), ...checkSeries(capacity, false));
  }
  // the history's are among the reading's problems
  const records = [mapping.items, mapping.resources, mapping.capacity].flatMap((part) => (part ? [part.source.reference] : []));
  const unsaved = await uncalculatedFormulaProblems(book, records);
  issues.unshift(...unsaved.map((problem) => ({ ...problem, severity: "error" as const })));
  const count = (severity: IssueSeverity): number => issues.filter((issue) => issue.severity === severity).length;
  return { issues, errors: count("error"), warnings: count("warning"), infos: count("info") };
}

/** Below this share of both a usual period's total and the same period a year before, the last period reads as incomplete. */
const INCOMPLETE_SHARE = 0.75;

/**
 * A warning when the history's last month (or week) holds under three quarters of the total of a
 * usual one (the median of the year before it) AND of the same month a year before: an export run on
 * 13 January that includes January to date. Month headers cannot say so, and as demand it reads as a
 * collapse in sales. A warning, never a change: demand may really have fallen. Needs a year and one
 * period of monthly ("2026-01") or weekly ("2026-W03") history.
 * @param periods the history's periods, oldest first
 * @param series each series' quantities per period (blanks count as 0)
 * @returns the warning, or undefined
 * @example lastPeriodShortfall(thirteenMonths, [{ history: [...new Array(12).fill(100), 42] }])?.kind // "incompleteLastPeriod"
 */
export function lastPeriodShortfall(periods: readonly string[], series: readonly { history: readonly (number | null)[] }[]): ValidationIssue | undefined {
  const cycle = calendarSeasonLength(periods);
  if ((cycle !== 12 && cycle !== 52) || periods.length < cycle + 1) return undefined;
  const totals = periods.map((_, t) => series.reduce((sum, s) => sum + Math.max(0, s.history[t] ?? 0), 0));
  const last = totals.length - 1;
  const usual = median(totals.slice(last - cycle, last));
  const yearBefore = totals[last - cycle];
  if (!(usual > 0 && yearBefore > 0) || totals[last] >= INCOMPLETE_SHARE * usual || totals[last] >= INCOMPLETE_SHARE * yearBefore) return undefined;
  const word = cycle === 12 ? "month" : "week";
  const share = (base: number): string => `${Math.round((100 * totals[last]) / base)}%`;
  const amount = (value: number): string => value.toLocaleString("en-US", { maximumFractionDigits: 0 });
  return {
    kind: "incompleteLastPeriod",
    severity: "warning",
    address: null,
    period: periods[last],
    message:
      `The last ${word}, ${periods[last]}, holds ${amount(totals[last])} over all items: ${share(usual)} of a usual ${word} (median of the ${cycle} before: ${amount(usual)}) and ${share(yearBefore)} of ${periods[last - cycle]}. ` +
      `If the data was exported during ${periods[last]}, that ${word} is incomplete and will be forecast as a fall in demand: leave it out of the history step 1 reads (its column, or its lines) and run step 1 again. If demand did fall, no change is needed.`,
  };
}

const ITEM_NUMBERS: ItemField[] = ["price", "unitCost", "holdingRate", "leadTime", "serviceLevel", "openingInventory", "safetyStock", "priceUnit"];
const RESOURCE_NUMBERS: ResourceField[] = ["regularHours", "overtimeHours", "regularCost", "overtimeCost", "subcontractCost", "subcontractHours"];

function checkPeriods(series: SeriesCells): ValidationIssue[] {
  const headers = series.periodHeaders;
  if (!headers) return [];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  headers.forEach((header, t) => {
    const label = series.periods[t];
    if (seen.has(label)) {
      issues.push({ kind: "duplicate", severity: "error", address: header.address, period: label, message: `The month ${label} appears twice in the headers.` });
    }
    seen.add(label);
    if (t === 0) return;
    const previous = parseMonth(series.periods[t - 1]);
    const current = parseMonth(label);
    const missing = previous && current ? monthNumber(current) - monthNumber(previous) - 1 : 0;
    if (missing > 0) {
      issues.push({
        kind: "missingPeriod",
        severity: "warning",
        address: header.address,
        period: label,
        message: `${missing} month${missing > 1 ? "s are" : " is"} missing before ${label}; the history must have one column per month.`,
      });
    }
  });
  return issues;
}

/**
 * Keys that appear twice: an item or a resource; an item at the same location, where the block has a
 * location (a history, or an item master kept per location). A history's first row is the one read.
 */
function checkKeys(keys: readonly MappedCell[], what: "item" | "resource", locations: readonly MappedCell[] | null = null, history = false): ValidationIssue[] {
  const seen = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  keys.forEach((key, k) => {
    const id = String(key.value).trim();
    const location = locations ? String(locations[k].value ?? "").trim() : "";
    const label = seriesKey(id, location).toLowerCase();
    const first = seen.get(label);
    if (first !== undefined) {
      const [which, rows] = location === "" ? [`The ${what} ${id}`, `one row per ${what}`] : [`The ${what} ${id} at location ${location}`, `one row per ${what} and location`];
      issues.push({ kind: "duplicate", severity: "error", address: key.address, item: id, message: `${which} appears twice (first at ${first}). Keep ${rows}${history ? ": until then only the first row is planned" : ""}.` });
    } else {
      seen.set(label, key.address);
    }
  });
  return issues;
}

/**
 * The last period any history line holds a cell in, as the reader ends the history there: the period
 * columns after it (a planning sheet laid out to December, a planning book's future months) are blank
 * for every line and not read, so their cells are no gaps to fill. -1 when no line holds any cell (and
 * for capacity, which is never cut short).
 */
function lastHeldPeriod(series: SeriesCells): number {
  return series.cells.reduce((last, row) => {
    for (let t = row.length - 1; t > last; t--) if (!isBlank(row[t].value)) return t;
    return last;
  }, -1);
}

/** One note for a history's period columns after its last held period, which are blank for every line and not read. */
function trailingBlankNote(series: SeriesCells, end: number): ValidationIssue[] {
  const later = series.periods.length - 1 - end;
  if (end < 0 || later === 0) return [];
  const first = series.periods[end + 1];
  const span = later === 1 ? first : `${first} .. ${series.periods[series.periods.length - 1]}`;
  const message = `The history ends in ${series.periods[end]}: the ${later === 1 ? "period" : `${later} periods`} after it (${span}) ${later === 1 ? "is" : "are"} blank for every line, so ${later === 1 ? "it is" : "they are"} not read.`;
  return [{ kind: "trailingBlank", severity: "info", address: series.periodHeaders?.[end + 1]?.address ?? series.cells[0]?.[end + 1]?.address ?? null, message, period: first }];
}

/** The checks of each cell of a history or capacity grid; `decimalComma` for a history of text written with decimal commas (the mapping's note says so once, not each cell). */
function checkSeries(series: SeriesCells, isHistory: boolean, decimalComma = false): ValidationIssue[] {
  const held = isHistory ? lastHeldPeriod(series) : -1;
  const end = held < 0 ? series.periods.length - 1 : held;
  const issues: ValidationIssue[] = trailingBlankNote(series, held);
  series.cells.forEach((row, k) => {
    const id = String(series.keys[k].value).trim();
    const item = seriesKey(id, series.locations ? String(series.locations[k].value ?? "").trim() : "");
    const firstValue = row.findIndex((cell) => !isBlank(cell.value));
    const numbers: { value: number; cell: MappedCell; t: number }[] = [];
    row.forEach((cell, t) => {
      const period = series.periods[t];
      const at = { address: cell.address, item: id, period };
      if (isBlank(cell.value)) {
        if (t > end) return;
        if (isHistory && (firstValue < 0 || t < firstValue)) {
          // one note per series, at its first blank: a series that starts later is a new item
          if (t === 0) {
            const message =
              firstValue < 0
                ? `${item} has no quantity in any month of the history.`
                : `${item} starts in ${series.periods[firstValue]}: its ${firstValue} earlier month${firstValue === 1 ? " is" : "s are"} blank, so it is forecast from its first month on (they are not filled).`;
            issues.push({ ...at, kind: "leadingBlank", severity: "info", message });
          }
        } else {
          const message = isHistory
            ? `${item} has no quantity for ${period}. Enter 0 if nothing was sold, or leave it for cleansing to fill.`
            : `${item} has no available hours for ${period}. Enter 0 if the resource is closed.`;
          issues.push({ ...at, kind: "blank", severity: "warning", message });
        }
        return;
      }
      const value = numberIn(cell.value, decimalComma);
      if (value === null) {
        issues.push({ ...at, kind: "textInNumber", severity: "error", message: `${item}, ${period}: "${shownValue(cell.value)}" is not a number. ${notNumberAdvice(cell.value)}` });
        return;
      }
      if (typeof cell.value === "string" && !decimalComma) {
        const message = commaReadAsThousands(cell.value)
          ? `${item}, ${period}: "${String(cell.value).trim()}" is stored as text; it is read as ${value}, the comma between thousands. If the comma is a decimal comma (a European export), enter the quantities as numbers.`
          : `${item}, ${period}: ${value} is stored as text; it is read as a number.`;
        issues.push({ ...at, kind: "numberAsText", severity: "warning", message });
      }
      if (value < 0) {
        const message = isHistory
          ? `${item}, ${period}: ${value} is negative (returns larger than sales?). Demand cannot be negative.`
          : `${item}, ${period}: ${value} available hours cannot be negative.`;
        issues.push({ ...at, kind: "negative", severity: isHistory ? "warning" : "error", message });
      }
      numbers.push({ value, cell, t });
    });
    if (isHistory) issues.push(...outliers(numbers, id, item, series.periods));
  });
  return issues;
}

function outliers(numbers: { value: number; cell: MappedCell; t: number }[], id: string, item: string, periods: string[]): ValidationIssue[] {
  const values = numbers.map((entry) => entry.value);
  const far = levelOutliers(values);
  if (!far.includes(true)) return [];
  const center = median(values);
  // a negative month is reported as negative already (and cleansed as missing): one warning per cell
  return numbers
    .filter((entry, i) => far[i] && entry.value >= 0)
    .map((entry) => ({
      kind: "outlier" as const,
      severity: "warning" as const,
      address: entry.cell.address,
      item: id,
      period: periods[entry.t],
      message: `${item}, ${periods[entry.t]}: ${entry.value} is far from its usual level (median ${center}). Check it: cleansing replaces it only if it is also far from what its season and neighbouring months lead to expect.`,
    }));
}

/**
 * The items order lines were read for, each at the item column's header (a line's own cell is not
 * kept once the lines are summed); undefined without the reading, when which items have history is
 * not known.
 */
function lineItems(history: LinesMapping, reading: { series: readonly { item: string }[] } | undefined): MappedCell[] | undefined {
  if (!reading) return undefined;
  const address = lineHeaderAddress(history, history.columns.item);
  return [...new Set(reading.series.map((series) => series.item))].map((item) => ({ value: item, address }));
}

function checkCrossReference(historyKeys: readonly MappedCell[], masterIds: readonly MappedCell[], launched: ReadonlySet<string>): ValidationIssue[] {
  const master = masterIndex(masterIds.map((cell) => String(cell.value)));
  const matched = historyKeys.map((key) => masterIdOf(String(key.value), master));
  const history = new Set(matched.flatMap((match) => (match === undefined ? [] : [itemMatchKey(match.id)])));
  const issues: ValidationIssue[] = [];
  const reported = new Set<string>();
  historyKeys.forEach((key, k) => {
    const id = String(key.value).trim();
    if (matched[k] === undefined && !reported.has(itemMatchKey(id))) {
      reported.add(itemMatchKey(id));
      issues.push({ kind: "notInItemMaster", severity: "warning", address: key.address, item: id, message: `${id} has sales history but is not in the item master, so it has no price, cost or lead time.` });
    }
  });
  const named = historyKeys.flatMap((key, k) => (matched[k]?.withName ? [{ key, id: matched[k]?.id ?? "" }] : []));
  if (named.length > 0) {
    const [first] = named;
    const count = new Set(named.map((entry) => entry.id)).size;
    issues.push({
      kind: "codeWithName",
      severity: "info",
      address: first.key.address,
      item: first.id,
      message: `${count === 1 ? "1 item" : `${count} items`} of the history ${count === 1 ? "is" : "are"} written with ${count === 1 ? "its" : "their"} name beside the code ("${String(first.key.value).trim()}"): each is read as the item master's code (${first.id}).`,
    });
  }
  for (const cell of masterIds) {
    const id = String(cell.value).trim();
    // an item master kept per location lists an item once per location: one note
    if (!history.has(itemMatchKey(id)) && !reported.has(itemMatchKey(id))) {
      reported.add(itemMatchKey(id));
      const message = launched.has(id)
        ? `${id} is in the item master without sales history: it is planned from its launch forecast in SOP Overrides.`
        : `${id} is in the item master but has no sales history (a new item? type its launch forecast in SOP Overrides to plan it).`;
      issues.push({ kind: "noHistory", severity: "info", address: cell.address, item: id, message });
    }
  }
  return issues;
}

/**
 * A warning for each item ordered in another unit than its item master gives ("CS" sold, "EA" in the
 * master): its price, costs and hours are per the master's unit, so each case would be planned as one
 * piece. Spellings of pieces ("EA", "PC", "Stück") are one unit.
 */
function checkUnits(sold: readonly SoldUnit[], rows: readonly RecordCells<ItemField>[]): ValidationIssue[] {
  const master = new Map(rows.flatMap((row) => (row.fields.id === undefined ? [] : [[itemMatchKey(String(row.fields.id.value)), row] as const])));
  const ids = masterIndex([...master.values()].map((row) => String(row.fields.id?.value)));
  return sold.flatMap((entry) => {
    const id = masterIdOf(entry.item, ids)?.id;
    const unit = id === undefined ? undefined : master.get(itemMatchKey(id))?.fields.unit;
    if (id === undefined || unit === undefined || isBlank(unit.value) || sameUnit(entry.unit, String(unit.value))) return [];
    const theirs = String(unit.value).trim();
    return [
      {
        kind: "unitMismatch" as const,
        severity: "warning" as const,
        address: entry.address,
        item: id,
        message: `${id} is ordered in "${entry.unit}" here, but the item master gives its unit as "${theirs}" (${unit.address}): its price, costs and hours are per ${theirs}, so each ${entry.unit} would be planned as one ${theirs}. Convert the quantities to ${theirs}, or correct the unit.`,
      },
    ];
  });
}

/** Fields of an item master that hold for the item wherever it is kept: of its rows per location, the first row's are used. */
const ITEM_WIDE: readonly ItemField[] = ["description", "family", "unit", "price", "holdingRate", "serviceLevel", "priceUnit"];

/**
 * In an item master kept per location, a warning where an item's row at another location gives a field
 * that holds for the whole item (its price, family, service level ...) otherwise than its first row:
 * the plan uses the first row's.
 */
function checkLocatedRows(rows: readonly RecordCells<ItemField>[]): ValidationIssue[] {
  const first = new Map<string, RecordCells<ItemField>>();
  const issues: ValidationIssue[] = [];
  for (const row of rows) {
    const id = String(row.fields.id?.value ?? "").trim();
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, row);
      continue;
    }
    if (row.fields.location === undefined) continue;
    for (const field of ITEM_WIDE) {
      const [cell, before] = [row.fields[field], earlier.fields[field]];
      if (cell === undefined || before === undefined || isBlank(cell.value) || sameValue(cell.value, before.value)) continue;
      issues.push({
        kind: "locationValue",
        severity: "warning",
        address: cell.address,
        item: id,
        message: `The ${fieldWords(field)} of ${id} at ${String(row.fields.location.value ?? "").trim()} (${shownValue(cell.value)}) differs from its first row's (${shownValue(before.value)} at ${before.address}): the plan uses one ${fieldWords(field)} per item, the first row's.`,
      });
    }
  }
  return issues;
}

/** Two cells holding the same value: texts equal but for case and spaces around them, other values equal. */
function sameValue(a: CellValue, b: CellValue): boolean {
  return typeof a === "string" && typeof b === "string" ? sameText(a, b) : a === b;
}

function checkAttributes<F extends string>(fields: Partial<Record<F, MappedCell>>, numeric: readonly F[], id: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const field of numeric) {
    const cell = fields[field];
    if (!cell || isBlank(cell.value)) continue;
    const value = toAttributeNumber(cell.value);
    if (value === null) {
      issues.push({ kind: "textInNumber", severity: "error", address: cell.address, item: id, message: `${id}: ${fieldWords(field)} "${shownValue(cell.value)}" is not a number.` });
    } else if (value < 0) {
      issues.push({ kind: "badAttribute", severity: "error", address: cell.address, item: id, message: `${id}: ${fieldWords(field)} ${value} cannot be negative.` });
    } else if (value === 0 && field === "priceUnit") {
      issues.push({ kind: "badAttribute", severity: "error", address: cell.address, item: id, message: `${id}: the price unit is 0; the unit cost is per this many units, so it must be 1 or more.` });
    }
  }
  return issues;
}
