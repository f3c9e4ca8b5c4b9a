/**
 * How the periods of a grid's header line group: bands of periods under a location row (a pivot table
 * with the location as its column field) and quarter or half-year subtotal columns among the months.
 */
import type { CellValue, Matrix } from "../workbook/workbook";
import { dayLabel } from "./calendarDays";
import { isBlank, sameText, toNumber } from "./cellValues";
import { historyFieldOf, isTotalLabel, itemFieldOf } from "./headerNames";
import { historyMeasure } from "./measureNames";
import { affixSplit, findPeriodRun, looksLikePeriod, parsePeriodCell, periodLineProblem, type PeriodRun } from "./periodHeader";

/** The periods of a grid under one label of a location row above them. */
export interface PeriodBand {
  location: string;
  /** Position of the label along the line above. */
  labelAt: number;
  run: PeriodRun;
}

/** The periods of a header line under a measure label of the line above that is not the history (see {@link measureBands}). */
export interface DroppedBand {
  label: string;
  /** Position of the label along the line above. */
  labelAt: number;
  /** Positions of the periods under it. */
  positions: number[];
}

/**
 * The periods of a header line under labels of the line above that name measures ("Actual" merged over
 * Jan..Jun, "Forecast" over Jul..Dec, as S&OP sheets head their actuals and their plan), when one label
 * names the history and every other a plan, a derived figure or money ({@link historyMeasure}): the
 * bands under the other labels, which are not history. A label stands over the first period of its
 * band, which runs to the next label. Undefined unless the line above holds two or more labels over
 * periods and one of them is the history.
 * @param above the line above the header line (undefined for the first line)
 * @param line the header line
 * @example measureBands([null, "Actual", null, "Forecast", null], ["Item", "Jan 2025", "Feb 2025", "Mar 2025", "Apr 2025"])?.dropped[0].positions // [3, 4]
 */
export function measureBands(above: readonly CellValue[] | undefined, line: readonly CellValue[]): { kept: string; dropped: DroppedBand[] } | undefined {
  if (above === undefined) return undefined;
  const labels = above.flatMap((cell, position) =>
    typeof cell === "string" && cell.trim() !== "" && !isTotalLabel(cell) && parsePeriodCell(cell) === undefined && parsePeriodCell(line[position] ?? null) !== undefined ? [{ text: cell.trim(), position }] : [],
  );
  const kept = labels.length >= 2 ? historyMeasure(labels.map((label) => label.text)) : undefined;
  if (kept === undefined) return undefined;
  const dropped = labels.flatMap((label, k) => {
    if (sameText(label.text, kept)) return [];
    const end = k + 1 < labels.length ? labels[k + 1].position : line.length;
    const positions = line.flatMap((cell, position) => (position >= label.position && position < end && parsePeriodCell(cell ?? null) !== undefined ? [position] : []));
    return [{ label: label.text, labelAt: label.position, positions }];
  });
  return { kept, dropped };
}

/**
 * The bands of a header line whose periods start again under each label of the line above ("North"
 * over Jan..Dec 2024, "South" over Jan..Dec 2024: a pivot table with the location as its column field,
 * items down the rows). A band runs from a period that does not follow the one left of it to the next
 * such period; its label is the one text of the line above over its cells (merged over them, or written
 * over each), and names no period, no total and none twice. Undefined unless there are two bands or
 * more, each a run of periods of one kind read exactly, or when the line above names its labels as
 * something other than a location ("Customer", "Channel": those are summed, not planned apart).
 * @param above the line above the header line (undefined for the first line)
 * @param line the header line, totals blanked
 * @example periodBands(["", "North", null, null, "South", null, null], ["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Jan 2024", "Feb 2024", "Mar 2024"])?.map((band) => band.location) // ["North", "South"]
 */
export function periodBands(above: readonly CellValue[] | undefined, line: readonly CellValue[]): PeriodBand[] | undefined {
  if (above === undefined) return undefined;
  const readable = line.flatMap((cell, position) => {
    const span = parsePeriodCell(cell);
    return span ? [{ position, first: span.first }] : [];
  });
  const starts = readable.filter((entry, k) => k === 0 || entry.first <= readable[k - 1].first).map((entry) => entry.position);
  if (starts.length < 2) return undefined;
  const named = above.slice(0, starts[0]).map((cell) => historyFieldOf(cell)).find((field) => field !== undefined);
  if (named !== undefined && named !== "location") return undefined;
  const bands: PeriodBand[] = [];
  for (const [k, start] of starts.entries()) {
    const end = k + 1 < starts.length ? starts[k + 1] : line.length;
    const labels = above.flatMap((cell, position) =>
      position >= start && position < end && typeof cell === "string" && cell.trim() !== "" && !isTotalLabel(cell) && !looksLikePeriod(cell) ? [{ text: cell.trim(), position }] : [],
    );
    if (labels.length === 0 || labels.some((label) => label.text !== labels[0].text) || namesMeasure(labels[0].text)) return undefined;
    const own = line.map((cell, position) => (position >= start && position < end ? cell : null));
    const run = findPeriodRun(own);
    const periodCells = own.filter((cell) => parsePeriodCell(cell) !== undefined).length;
    if (!run || run.positions.length !== periodCells || periodLineProblem(own, run) !== undefined || (bands.length > 0 && run.kind !== bands[0].run.kind)) return undefined;
    bands.push({ location: labels[0].text, labelAt: labels[0].position, run });
  }
  const names = bands.map((band) => band.location.toLowerCase());
  return new Set(names).size === names.length ? bands : undefined;
}

/** A label that names a measure, not a place: "Actual" and "Budget" bands are two measures side by side, never read as locations. */
const MEASURE_LABEL = /^(?:act(?:ual)?s?|budget|bud|bgt|fc|fcst|forecast|plan|target|prior year|last year|this year|ly|py|cy|ty|units?|value|revenue|sales|qty|quantity|amount|margin|cost|price|volume|share|ist|soll)\b/i;

/** True for a band label naming a measure or an item attribute rather than a location. */
export function namesMeasure(label: string): boolean {
  const attribute = itemFieldOf(label);
  return MEASURE_LABEL.test(label) || historyFieldOf(label) === "quantity" || (attribute !== undefined && attribute !== "location");
}

/**
 * A header line of periods over a second header line naming each period's measures ("Jan 2024" merged
 * over "Qty" and "Value", as a pivot table with two value fields writes it): the two lines as one, each
 * measure prefixed with the period over it or left of it ("Jan 2024 Qty", "Jan 2024 Value"), so its
 * measures are told apart as when one header line names both. Left of the periods each cell is what
 * either line names there (both joined when both do); a period written in the lower line (a month
 * added later) stays as it is. Undefined unless every period of `top` (three or more) has a text
 * under it without digits (a measure, not an item code) and no period, and those texts are at most
 * four measures.
 * @param top the upper header line (undefined above the first line)
 * @param sub the line under it (undefined below the last)
 * @example withMeasureHeaders(["Item", "Jan 2024", null, "Feb 2024", null, "Mar 2024", null], [null, "Qty", "Value", "Qty", "Value", "Qty", "Value"])?.[2] // "Jan 2024 Value"
 */
export function withMeasureHeaders(top: readonly CellValue[] | undefined, sub: readonly CellValue[] | undefined): CellValue[] | undefined {
  if (top === undefined || sub === undefined) return undefined;
  const run = findPeriodRun(top);
  if (!run) return undefined;
  const first = run.positions[0];
  const lower = sub.slice(first).filter((cell) => !isBlank(cell ?? null));
  if (run.positions.some((position) => !isMeasureCell(sub[position] ?? null)) || lower.some((cell) => !isMeasureCell(cell) && parsePeriodCell(cell) === undefined)) return undefined;
  if (new Set(lower.filter(isMeasureCell).map((cell) => String(cell).trim().toLowerCase())).size > 4) return undefined;
  let over: string | undefined;
  return Array.from({ length: Math.max(top.length, sub.length) }, (_, position) => {
    const [upper, below] = [top[position] ?? null, sub[position] ?? null];
    if (position < first) return isBlank(upper) ? below : isBlank(below) ? upper : `${headerText(upper)} ${headerText(below)}`;
    if (!isBlank(upper)) over = headerText(upper);
    if (isBlank(below)) return upper;
    return over !== undefined && isMeasureCell(below) ? `${over} ${headerText(below)}` : below;
  });
}

/** A header cell naming a measure: text without digits (not an item code such as "A-100"), no period. */
function isMeasureCell(cell: CellValue): boolean {
  return typeof cell === "string" && cell.trim() !== "" && !/\d/.test(cell) && parsePeriodCell(cell) === undefined;
}

/** A header cell as text, a date serial as its day ("2024-01-01"). */
function headerText(cell: CellValue): string {
  return typeof cell === "number" && parsePeriodCell(cell)?.kind === "day" ? dayLabel(Math.floor(cell)) : String(cell).trim();
}

/**
 * The bands of a header line whose periods each carry a place before or after them ("Paris Jan 2024" ..
 * "Lyon Jan 2024": a pivot table flattened, the location written into each month's header), as
 * {@link periodBands} reads a location row over the months. Undefined when the words name measures
 * ("Actual", "Budget", "Qty", "Value": never places) or do not make bands.
 * @example affixBands(["Item", "Paris Jan 2024", "Paris Feb 2024", "Paris Mar 2024", "Lyon Jan 2024", "Lyon Feb 2024", "Lyon Mar 2024"])?.map((band) => band.location) // ["Paris", "Lyon"]
 */
export function affixBands(line: readonly CellValue[]): PeriodBand[] | undefined {
  const split = affixSplit(line);
  if (!split || split.labels.some((label) => label !== null && (namesMeasure(label) || historyFieldOf(label) !== undefined))) return undefined;
  return periodBands(split.labels, split.periods);
}

/** The periods of all bands as one run along the line, for the checks of the lines outside them. */
export function joinedRun(bands: readonly PeriodBand[]): PeriodRun {
  return { kind: bands[0].run.kind, positions: bands.flatMap((band) => band.run.positions), spans: bands.flatMap((band) => band.run.spans) };
}

/** A quarter or half-year subtotal header among months: "Q1", "Qtr 2", "Q3 2024", "H1", "1st half". */
const SUBTOTAL_HEADER = /^(?:(?:q|qtr|quarter)\s*[1-4]|h\s*[12]|half\s*[12]|[12](?:st|nd) half)(?:\s*[-/ ]?\s*(?:fy)?\s*'?\d{2,4})?$/i;

/**
 * True when `total` is the sum of a line's numbers at `lines` (blanks and text counting 0), to half a
 * percent: a subtotal as its report rounds it.
 * @example isSumOf(6, [null, 1, 2, 3], [1, 2, 3]) // true
 */
export function isSumOf(total: number, row: readonly CellValue[], lines: readonly number[]): boolean {
  const sum = lines.reduce((acc, line) => acc + (toNumber(row[line] ?? null) ?? 0), 0);
  return Math.abs(total - sum) <= 0.005 * Math.max(1, Math.abs(sum));
}

/**
 * The lines among a run's periods headed as a quarter or half-year ("Q1", "H1") whose every number is
 * the sum of the 3 (quarter) or 6 (half-year) periods before it: subtotals, left out as total lines
 * are. The first "Q1" whose numbers are not such sums ends the search and stays a header step 1
 * cannot place.
 */
export function subtotalLines(values: Matrix, headerLine: number, run: PeriodRun): Set<number> {
  const subtotals = new Set<number>();
  const periods = new Set(run.positions);
  const data = values.slice(headerLine + 1);
  for (let line = run.positions[0] + 1; line < (values[headerLine]?.length ?? 0); line++) {
    const header = values[headerLine][line];
    if (periods.has(line) || typeof header !== "string" || !SUBTOTAL_HEADER.test(header.trim())) continue;
    const span = /^(?:q|qtr|quarter)/i.test(header.trim()) ? 3 : 6;
    const covered = run.positions.filter((position) => position < line).slice(-span);
    const sums = data.every((row) => {
      const total = toNumber(row[line] ?? null);
      return total === null ? covered.every((position) => toNumber(row[position] ?? null) === null) : isSumOf(total, row, covered);
    });
    if (covered.length < span || !sums) break;
    subtotals.add(line);
  }
  return subtotals;
}
