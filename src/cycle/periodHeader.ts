/**
 * Period headers as planners write them. Months, normalised to "YYYY-MM": text such as "2023-12",
 * "2023/12", "2023-12-01", "2023M12", "12/2023", "Dec 2023", "Dec-23", "December 2023", "2023 Dec",
 * "1/12/2023", "202312" or 202312 (year and month run together, as SAP and other ERP systems store a
 * calendar month), and Excel date serial numbers (a date cell reads as its serial, e.g. 45261 = 1 Dec 2023);
 * month names in English, German, French, Spanish, Italian, Dutch and Portuguese ("Mär 2024",
 * "janv. 2024", "ene-24", "déc. 2025"), accents optional.
 * ISO weeks ("2024-W05", "W05 2024", "2024 wk 5"), and runs of dates (ERP dates "20240115" or 20240115
 * among them): dates a week apart are weeks
 * starting on those dates (ending on them under "Week ending" or "W/E"), dates a day (or a weekend) apart are days, firsts of months are months.
 */
import { excelDateTime } from "../workbook/excelDate";
import type { CellValue } from "../workbook/workbook";
import { calendarDate, daySerial, daysInMonth, dayLabel, isoWeekday, isoWeekLabel, isoWeekStart } from "./calendarDays";
import { historyMeasure, PLANNED_WORD } from "./measureNames";

/** The words a week number is written after ("W05", "Wk 5", "Week 5", German "KW 5", "CW 5" for calendar week), as a regular-expression alternation. */
const WEEK_WORD = "w|wk|week|kw|cw";

/** A week number without its year: "W01", "Wk 5", "Week 12", "KW 3", "CW 5"; the number is group 1. */
export const BARE_WEEK = new RegExp(`^(?:${WEEK_WORD})\\s*[-.]?\\s*(\\d{1,2})$`, "i");

/** A calendar month. */
export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

/**
 * Month names and abbreviations, accents removed, by month: English, German, French, Spanish, Italian,
 * Dutch, Portuguese. No name stands for two months.
 */
const MONTH_WORDS: readonly string[][] = [
  ["jan", "january", "januar", "janv", "janvier", "ene", "enero", "gen", "gennaio", "januari", "janeiro"],
  ["feb", "february", "februar", "fevr", "fev", "fevrier", "febrero", "febbraio", "februari", "fevereiro"],
  ["mar", "march", "marz", "mrz", "mars", "marzo", "mrt", "maart", "marco"],
  ["apr", "april", "avr", "avril", "abr", "abril", "aprile"],
  ["may", "mai", "mayo", "mag", "maggio", "mei", "maio"],
  ["jun", "june", "juni", "juin", "junio", "giu", "giugno", "junho"],
  ["jul", "july", "juli", "juil", "juillet", "julio", "lug", "luglio", "julho"],
  ["aug", "august", "aout", "ago", "agosto", "augustus"],
  ["sep", "sept", "september", "septembre", "set", "septiembre", "settembre", "setembro"],
  ["oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "ottobre", "out", "outubro"],
  ["nov", "november", "novembre", "noviembre", "novembro"],
  ["dec", "december", "dez", "dezember", "decembre", "dic", "diciembre", "dicembre", "dezembro"],
];
const MONTH_OF_WORD = new Map(MONTH_WORDS.flatMap((words, index) => words.map((word) => [word, index + 1] as const)));
/** Date serials of 1 Jan 1990 and 31 Dec 2100: a whole number in between in a header is taken as a date. */
const FIRST_SERIAL = 32874;
const LAST_SERIAL = 73415;

/**
 * The month a header cell names, if it names one.
 * @param value a header cell as read from the workbook.
 * @returns The month, or undefined when the cell is not a month header.
 * @example parseMonth("Dec-23") // { year: 2023, month: 12 }
 * @example parseMonth(45292) // { year: 2024, month: 1 }  (Excel serial of 1 Jan 2024)
 */
export function parseMonth(value: CellValue): Month | undefined {
  if (typeof value === "number") return monthOfSerial(value) ?? compactMonth(String(value));
  if (typeof value !== "string") return undefined;
  const text = withoutAccents(value.trim().toLowerCase());
  const compact = compactMonth(text);
  if (compact) return compact;
  let match = /^(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?(?:[t ]\d{1,2}:\d{2}.*)?$/.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3]));
  match = /^(\d{4})\s*m\s*(\d{1,2})$/.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]), 1);
  match = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (match) return month(Number(match[2]), Number(match[1]), 1);
  match = DAY_MONTH_YEAR.exec(text);
  if (match) return dayMonthYear(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^([a-z]{3,9})\.?\s*[-/ ']?\s*(\d{4}|\d{2})$/.exec(text);
  if (match) return namedMonth(match[1], match[2]);
  match = /^(\d{4})\s*[-/ ]?\s*([a-z]{3,9})\.?$/.exec(text);
  if (match) return namedMonth(match[2], match[1]);
  return undefined;
}

/**
 * "YYYY-MM" label of a month.
 * @example monthLabel({ year: 2024, month: 3 }) // "2024-03"
 */
export function monthLabel(value: Month): string {
  return `${value.year}-${String(value.month).padStart(2, "0")}`;
}

/**
 * Months counted from year 0, so that consecutive months differ by exactly 1.
 * @example monthNumber({ year: 2024, month: 1 }) - monthNumber({ year: 2023, month: 12 }) // 1
 */
export function monthNumber(value: Month): number {
  return value.year * 12 + value.month - 1;
}

/**
 * The month a given number of months after another.
 * @example addMonths({ year: 2023, month: 12 }, 2) // { year: 2024, month: 2 }
 */
export function addMonths(value: Month, months: number): Month {
  const index = monthNumber(value) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A run of month headers found along a row or column. */
export interface MonthRun {
  /** Positions (column or row indices) of the month headers along the line. */
  positions: number[];
  months: Month[];
}

/**
 * Find the month headers along one row or column: at least `minimum` months, strictly increasing, and
 * mostly one month apart (a missing month is allowed, quantities that happen to be date-like are not).
 * @param line the cells along the row or column.
 * @param minimum fewest month headers that count as a run (default 3).
 * @returns The run, or undefined when the line is not a row of month headers.
 * @example findMonthRun(["SKU", "Jan 2024", "Feb 2024", "Mar 2024"]) // positions [1, 2, 3]
 */
export function findMonthRun(line: readonly CellValue[], minimum = 3): MonthRun | undefined {
  const positions: number[] = [];
  const months: Month[] = [];
  line.forEach((cell, position) => {
    const parsed = parseMonth(cell);
    if (parsed) {
      positions.push(position);
      months.push(parsed);
    }
  });
  return findMonthRunOf(positions, months, minimum);
}

/** The month run of months found at positions: strictly increasing and mostly one month apart. */
function findMonthRunOf(positions: number[], months: Month[], minimum: number): MonthRun | undefined {
  if (months.length < minimum) return undefined;
  return regular(months.map(monthNumber), (a, b) => b - a === 1) ? { positions, months } : undefined;
}

/**
 * A month written as SAP and other ERP systems store it, year and month run together: 202401 (a number
 * or its text) is January 2024.
 */
function compactMonth(text: string): Month | undefined {
  const match = /^(\d{4})(\d{2})$/.exec(text);
  return match ? month(Number(match[1]), Number(match[2]), 1) : undefined;
}

/** A day written year, month and day run together, as ERP exports store dates: 20240115 (a number or its text), as a date serial. */
function compactDay(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  return match ? headerDay(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** The date serial of a day that exists on the calendar ("2023-02-29" does not). */
function existingDay(year: number, monthOfYear: number, day: number): number | undefined {
  return monthOfYear >= 1 && monthOfYear <= 12 && day >= 1 && day <= daysInMonth(year, monthOfYear) ? daySerial(year, monthOfYear, day) : undefined;
}

/** An existing day between 1 Jan 1990 and 31 Dec 2100, the days a header's run-together or text date is read in. */
function headerDay(year: number, monthOfYear: number, day: number): number | undefined {
  const serial = existingDay(year, monthOfYear, day);
  return serial !== undefined && serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? serial : undefined;
}

function monthOfSerial(serial: number): Month | undefined {
  const date = Number.isInteger(serial) && serial >= FIRST_SERIAL && serial <= LAST_SERIAL ? excelDateTime(serial) : undefined;
  return date && { year: date.year, month: date.month };
}

function month(year: number, monthOfYear: number, day: number): Month | undefined {
  if (monthOfYear < 1 || monthOfYear > 12 || day < 1 || day > 31 || year < 1900 || year > 2200) return undefined;
  return { year, month: monthOfYear };
}

/** d/m/yyyy or m/d/yyyy: the part above 12 is the day; when both could be, a 1 marks the day (first of month); else month first. */
function dayMonthYear(first: number, second: number, year: number): Month | undefined {
  if (first > 12) return month(year, second, first);
  if (second > 12) return month(year, first, second);
  if (first === 1 && second !== 1) return month(year, second, first);
  return month(year, first, second);
}

function namedMonth(name: string, yearText: string): Month | undefined {
  const monthOfYear = monthOfName(name);
  if (monthOfYear === undefined) return undefined;
  const short = Number(yearText);
  const year = yearText.length === 2 ? (short < 70 ? 2000 + short : 1900 + short) : short;
  return month(year, monthOfYear, 1);
}

/** Lower-case text without accents ("mär" to "mar", "déc." to "dec."). */
function withoutAccents(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * The month (1..12) a month name or abbreviation names, in any of the languages parseMonth reads.
 * @example monthOfName("Mär") // 3
 * @example monthOfName("janv.") // 1
 * @example monthOfName("Total") // undefined
 */
export function monthOfName(name: string): number | undefined {
  return MONTH_OF_WORD.get(withoutAccents(name.trim().toLowerCase()).replace(/\.$/, ""));
}

/** What one period header names. */
export type PeriodKind = "month" | "week" | "day";

/** A period: its kind and the days it covers, [first, first + days) as whole Excel serials. */
export interface PeriodSpan {
  kind: PeriodKind;
  first: number;
  days: number;
}

/** A run of period headers found along a row or column. */
export interface PeriodRun {
  kind: PeriodKind;
  /** Positions (column or row indices) of the period headers along the line, in the line's order. */
  positions: number[];
  /** The periods, in the line's order. */
  spans: PeriodSpan[];
  /** True when the line lists its newest period first ("Jan 2026", "Dec 2025", ...), as many reports do. */
  newestFirst?: true;
}

/**
 * A run's period lines and periods oldest first, as a mapping keeps them: reversed for a line that
 * lists its newest period first.
 * @param run the run along the line
 * @returns the lines and periods in time order
 * @example inTimeOrder({ kind: "month", positions: [1, 2], spans: [feb, jan], newestFirst: true }) // { lines: [2, 1], spans: [jan, feb] }
 */
export function inTimeOrder(run: PeriodRun): { lines: number[]; spans: PeriodSpan[] } {
  return run.newestFirst ? { lines: [...run.positions].reverse(), spans: [...run.spans].reverse() } : { lines: run.positions, spans: run.spans };
}

type HeaderReading = { type: "month"; month: Month } | { type: "week"; start: number } | { type: "date"; serial: number };

/** Words saying that a week's date is its last day: "Week ending", "W/E 2024-01-07", "Wk end", "Period ending" (not "Ending stock" beside the weeks). */
const WEEK_ENDING = /\b(?:week|wk|period)(?:\s+end|\s*ending)\b|(?:^|\s)w\/e(?:\s|$)/i;

/** Share of the steps of a run that must be one period long (a missing period is allowed, date-like quantities are not). */
const REGULAR_SHARE = 0.8;

/**
 * Find the period headers along one row or column: months (as findMonthRun), ISO weeks, or a run of
 * dates read by their spacing (firsts of months: months; 7 days apart: weeks starting on those dates,
 * or ending on them when a cell of the line says so: "Week ending", "W/E 2024-01-07";
 * 1 to 3 days apart: days). At least `minimum` headers, strictly increasing (or strictly decreasing:
 * newest first, {@link PeriodRun.newestFirst}), mostly one period apart;
 * cells of the line that name no period of the run's kind ("Total", "Q1") are not part of it. Headers
 * that all carry the same word before or after their period ("Qty Jan 2024", "Jan 2024 (units)") are
 * read without it (sharedAffix).
 * @param line the cells along the row or column.
 * @param minimum fewest headers that count as a run (default 3).
 * @returns The run, or undefined when the line is not a line of period headers.
 * @example findPeriodRun(["Item", "2024-W01", "2024-W02", "2024-W03"])?.kind // "week"
 * @example findPeriodRun(["Item", 45292, 45299, 45306])?.spans[0] // { kind: "week", first: 45292, days: 7 }
 */
export function findPeriodRun(line: readonly CellValue[], minimum = 3): PeriodRun | undefined {
  const direct = textDateReadings(line) ?? yearWeekReadings(line) ?? line.map(readHeader);
  const readings = direct.filter((reading) => reading !== undefined).length >= minimum ? direct : affixStripped(line, minimum).map(readHeader);
  const count = (type: HeaderReading["type"]): number => readings.filter((reading) => reading?.type === type).length;
  const type = (["week", "date", "month"] as const).reduce((best, next) => (count(next) > count(best) ? next : best));
  const positions = readings.flatMap((reading, position) => (reading?.type === type ? [position] : []));
  if (positions.length < minimum) return undefined;
  if (type === "week") {
    const starts = positions.map((position) => (readings[position] as { start: number }).start);
    return ordered(starts, (a, b) => b - a === 7, (order) => ({ kind: "week", positions, spans: starts.map((first) => ({ kind: "week", first, days: 7 })), ...order }));
  }
  if (type === "date") {
    const serials = positions.map((position) => (readings[position] as { serial: number }).serial);
    if (serials.every((serial) => calendarDate(serial).day === 1)) return monthRun(positions, serials.map(monthOfDay));
    const back = line.some((cell) => typeof cell === "string" && WEEK_ENDING.test(cell)) ? 6 : 0;
    return (
      ordered(serials, (a, b) => b - a === 7, (order) => ({ kind: "week", positions, spans: serials.map((date) => ({ kind: "week", first: date - back, days: 7 })), ...order })) ??
      ordered(serials, (a, b) => b - a === 1 || (b - a <= 3 && isoWeekday(b) === 1), (order) => ({ kind: "day", positions, spans: serials.map((first) => ({ kind: "day", first, days: 1 })), ...order })) ??
      (oneDayOfEachMonth(serials) ? monthRun(positions, serials.map(monthOfDay)) : undefined)
    );
  }
  return monthRun(positions, positions.map((position) => (readings[position] as { month: Month }).month));
}

/**
 * The run `make` builds when the values (period starts in the line's order) rise regularly
 * ({@link regular}), or fall regularly (newest first); undefined otherwise.
 */
function ordered(values: number[], oneStep: (a: number, b: number) => boolean, make: (order: { newestFirst?: true }) => PeriodRun | undefined): PeriodRun | undefined {
  if (regular(values, oneStep)) return make({});
  return values.length > 1 && regular([...values].reverse(), oneStep) ? make({ newestFirst: true }) : undefined;
}

/**
 * Readings of a line whose dates are text written day/month/year or month/day/year ("15/01/2024",
 * "1/14/2024"), as a UK or US export opened as text writes week or day headers: the order is settled by
 * a part above 12 in some cell, and every such cell is then read as its day (so dates a week apart are
 * weeks). Undefined when fewer than two cells are such dates, or no cell settles the order, or cells
 * settle it both ways: then each cell is read on its own (a month, by dayMonthYear).
 * @example textDateReadings(["SKU", "01/01/2024", "08/01/2024", "15/01/2024"])?.[3] // { type: "date", serial: 45306 }
 */
function textDateReadings(line: readonly CellValue[]): (HeaderReading | undefined)[] | undefined {
  const parts = line.map(textDateParts);
  const dated = parts.filter((part): part is [number, number, number] => part !== undefined);
  if (dated.length < 2) return undefined;
  const dayFirst = dated.some(([first]) => first > 12);
  if (dayFirst === dated.some(([, second]) => second > 12)) return undefined;
  return line.map((cell, k) => {
    const part = parts[k];
    if (part === undefined) return readHeader(cell);
    const [first, second, year] = part;
    const serial = dayFirst ? headerDay(year, second, first) : headerDay(year, first, second);
    return serial === undefined ? undefined : { type: "date", serial };
  });
}

/**
 * Readings of a line of headers writing a year and a two-digit number ("202401", "2024.01", "2024/01",
 * or SAP's "01.2024") whose numbers run past 12: calendar weeks, as SAP and other ERPs write them
 * (YYYYWW), every such cell read as its ISO week ("202413" is 2024-W13, not a month). Undefined when
 * fewer than two cells are written so, none has a number above 12 (then they are months, unless
 * `weekHeaded`: the line's header names weeks), or one is above 53; a week its year does not have
 * ("202453") reads as no period, and step 1 names its cell.
 * @example yearWeekReadings(["Item", 202412, 202413, 202414])?.[2] // { type: "week", start: 45369 }
 */
function yearWeekReadings(line: readonly CellValue[], weekHeaded = false): (HeaderReading | undefined)[] | undefined {
  const parts = line.map(yearAndNumber);
  const written = parts.filter((part): part is [number, number] => part !== undefined);
  if (written.length < 2 || !(weekHeaded || written.some(([, number]) => number > 12)) || written.some(([, number]) => number < 1 || number > 53)) return undefined;
  return line.map((cell, k) => {
    const part = parts[k];
    if (part === undefined) return readHeader(cell);
    const span = weekSpan(part[0], part[1]);
    return span && { type: "week", start: span.first };
  });
}

/**
 * True when a column's or line's cells write calendar weeks as a year and a number ("202413",
 * "13.2024"): {@link yearWeekReadings} reads them so. Under a header naming weeks ("Calendar week",
 * "KW"), numbers up to 12 are weeks too: the header settles what the numbers alone cannot.
 * @param cells the cells
 * @param weekHeaded whether the column's header names weeks
 * @example writesYearWeeks([202412, 202413]) // true
 * @example writesYearWeeks([202401, 202402]) // false: months
 * @example writesYearWeeks([202401, 202402], true) // true
 */
export function writesYearWeeks(cells: readonly CellValue[], weekHeaded = false): boolean {
  return yearWeekReadings(cells, weekHeaded) !== undefined;
}

/**
 * The ISO week a cell writes as a year and a week number ("202413", "2024.13", "13.2024"), for a
 * column {@link writesYearWeeks} found to hold weeks.
 * @example yearWeekSpan("13.2024")?.kind // "week"
 */
export function yearWeekSpan(cell: CellValue): PeriodSpan | undefined {
  const part = yearAndNumber(cell);
  return part && weekSpan(part[0], part[1]);
}

/** ISO week `week` of `year` as a span; undefined for a week the year does not have ("2024-W53", week 0). */
function weekSpan(year: number, week: number): PeriodSpan | undefined {
  try {
    return { kind: "week", first: isoWeekStart(year, week), days: 7 };
  } catch {
    return undefined;
  }
}

/** The year and two-digit number of a header written "202413", "2024.13", "2024/13", "2024-13" or "13.2024" (a whole number or its text). */
function yearAndNumber(cell: CellValue): [number, number] | undefined {
  const text = typeof cell === "number" && Number.isInteger(cell) ? String(cell) : typeof cell === "string" ? cell.trim() : "";
  const yearFirst = /^((?:19|20)\d{2})[./-]?(\d{2})$/.exec(text);
  if (yearFirst) return [Number(yearFirst[1]), Number(yearFirst[2])];
  const yearLast = /^(\d{2})[./]((?:19|20)\d{2})$/.exec(text);
  return yearLast ? [Number(yearLast[2]), Number(yearLast[1])] : undefined;
}

/**
 * A line of headers as periods are read from it: when fewer than `minimum` cells name a period as they
 * are, the word all of them carry before or after it ("Qty Jan 2024": sharedAffix) taken off.
 * @example withoutSharedAffix(["Item", "Qty Jan 2024", "Qty Feb 2024", "Qty Mar 2024"]) // ["Item", "Jan 2024", "Feb 2024", "Mar 2024"]
 */
export function withoutSharedAffix(line: readonly CellValue[], minimum = 3): CellValue[] {
  return line.filter((cell) => readHeader(cell) !== undefined).length >= minimum ? [...line] : affixStripped(line, minimum);
}

/** The line with the affix its period headers share taken off (sharedAffix), or as it is without one. */
function affixStripped(line: readonly CellValue[], minimum: number): CellValue[] {
  const strip = sharedAffix(line, minimum);
  return strip === undefined ? [...line] : line.map(strip);
}

/**
 * The words a line's period headers share before or after their period, as exports write a measure
 * into every header ("Qty Jan 2024", "Sales 2024-W05", "Jan 2024 (units)"): a function taking them off
 * a cell that carries them, when exactly one such affix is shared by at least `minimum` cells, or when
 * of several exactly one names the demand history and the others a plan or money
 * ({@link demandMeasure}: "Jan 2024 Actual" beside "Jan 2024 Forecast", "Qty Jan 2024" beside "Value
 * Jan 2024"). Two that could each be demand ("Actual" and "Version B") are not guessed between.
 * @example sharedAffix(["Item", "Qty Jan 2024", "Qty Feb 2024", "Qty Mar 2024"], 3)?.("Qty Feb 2024") // "Feb 2024"
 */
function sharedAffix(line: readonly CellValue[], minimum: number): ((cell: CellValue) => CellValue) | undefined {
  const shared = sharedAffixes(line, minimum);
  if (shared.length === 1) return affixStripper(shared[0]);
  const measure = demandMeasure(shared);
  return measure ? affixStripper(measure.kept) : undefined;
}

/**
 * Of several measures written into the period headers, the demand: the one whose name says history
 * ({@link historyMeasure}: "Qty", "Actual", "Sum of Units") when every other says money or a plan
 * ("Value", "Forecast"), as ERP reports put a month's quantity and value side by side, and planners a
 * month's actual and forecast. Undefined when no such single measure exists.
 */
function demandMeasure(shared: readonly string[]): { kept: string; dropped: string[] } | undefined {
  const names = shared.map(affixWords);
  const kept = historyMeasure(names);
  if (kept === undefined) return undefined;
  const affix = shared[names.indexOf(kept)];
  return { kept: affix, dropped: shared.filter((other) => other !== affix) };
}

/**
 * The period headers of a line that carry another measure beside the demand history ("Jan 2024 Value"
 * beside "Jan 2024 Qty", "Jan 2024 Forecast" beside "Jan 2024 Actual"; {@link demandMeasure}), over
 * the history's periods: left out of the history. A plan's periods after the history's last are not
 * among them (they are the plan ahead, see {@link isPlannedPeriodHeader}).
 * @param line the cells along the row or column
 * @param minimum fewest headers that make a shared measure (default 3)
 * @returns their positions and the measures' words, or undefined when the line has no such pair
 * @example leftOutMeasure(["Item", "Jan 2024 Qty", "Jan 2024 Value", "Feb 2024 Qty", "Feb 2024 Value", "Mar 2024 Qty", "Mar 2024 Value"])?.positions // [2, 4, 6]
 */
export function leftOutMeasure(line: readonly CellValue[], minimum = 3): { positions: number[]; kept: string; dropped: string[] } | undefined {
  if (line.filter((cell) => readHeader(cell) !== undefined).length >= minimum) return undefined;
  const measure = demandMeasure(sharedAffixes(line, minimum));
  if (!measure) return undefined;
  const startOf = (strip: (cell: CellValue) => CellValue, cell: CellValue): number | undefined => {
    const stripped = strip(cell);
    return stripped === cell ? undefined : parsePeriodCell(stripped)?.first;
  };
  const keptStrip = affixStripper(measure.kept);
  const lastKept = Math.max(...line.map((cell) => startOf(keptStrip, cell) ?? -Infinity));
  const strippers = measure.dropped.map(affixStripper);
  const positions = line.flatMap((cell, position) => (strippers.some((strip) => (startOf(strip, cell) ?? Infinity) <= lastKept) ? [position] : []));
  return { positions, kept: affixWords(measure.kept), dropped: measure.dropped.map(affixWords) };
}

/**
 * A line whose period headers carry one of two or more words before or after their period ("Paris Jan
 * 2024" .. "Lyon Jan 2024"), split into those words as written (a label per cell, null where none) and
 * the periods without them; undefined for a line with fewer than two such words. Whether the words are
 * places or measures is the caller's to judge.
 * @example affixSplit(["Item", "Paris Jan 2024", "Paris Feb 2024", "Paris Mar 2024", "Lyon Jan 2024", "Lyon Feb 2024", "Lyon Mar 2024"])?.labels[4] // "Lyon"
 */
export function affixSplit(line: readonly CellValue[], minimum = 3): { labels: (string | null)[]; periods: CellValue[] } | undefined {
  const shared = sharedAffixes(line, minimum);
  if (shared.length < 2 || line.filter((cell) => readHeader(cell) !== undefined).length >= minimum) return undefined;
  const strippers = shared.map(affixStripper);
  const labels: (string | null)[] = [];
  const periods = line.map((cell) => {
    const stripped = strippers.map((strip) => strip(cell)).find((found) => found !== cell && readHeader(found) !== undefined);
    if (stripped === undefined || typeof cell !== "string" || typeof stripped !== "string") {
      labels.push(null);
      return cell;
    }
    const text = cell.trim();
    const label = text.startsWith(stripped) ? text.slice(stripped.length) : text.slice(0, text.length - stripped.length);
    labels.push(label.replace(/^[\s\-–:|/]+|[\s\-–:|/]+$/g, ""));
    return stripped;
  });
  return { labels, periods };
}

/** The words (as "prefix qty" or "suffix value") that at least `minimum` period headers of the line carry before or after their period. */
function sharedAffixes(line: readonly CellValue[], minimum: number): string[] {
  const counts = new Map<string, number>();
  const add = (affix: string): void => void counts.set(affix, (counts.get(affix) ?? 0) + 1);
  for (const cell of line) {
    if (typeof cell !== "string") continue;
    const words = cell.trim().toLowerCase().split(/\s+/);
    for (let k = 1; k < words.length; k++) {
      if (readHeader(words.slice(k).join(" "))) add(`prefix ${words.slice(0, k).join(" ")}`);
      if (readHeader(words.slice(0, -k).join(" "))) add(`suffix ${words.slice(-k).join(" ")}`);
    }
  }
  return [...counts].filter(([, count]) => count >= minimum).map(([affix]) => affix);
}

/**
 * True for a period header that names a plan ("Jul-25 Fcst", "Budget Jul 2025"): a period with a
 * forecast, plan or budget word before or after it.
 * @example isPlannedPeriodHeader("Jul-25 Fcst") // true
 * @example isPlannedPeriodHeader("Jul 2025") // false
 */
export function isPlannedPeriodHeader(cell: CellValue): boolean {
  if (typeof cell !== "string") return false;
  const words = cell.trim().toLowerCase().split(/\s+/);
  if (words.length < 2) return false;
  const [first, last] = [words[0], words[words.length - 1]];
  return (PLANNED_WORD.test(first) && readHeader(words.slice(1).join(" ")) !== undefined) || (PLANNED_WORD.test(last) && readHeader(words.slice(0, -1).join(" ")) !== undefined);
}

/** The words of an affix key ("suffix fcst" -> "fcst"). */
function affixWords(affix: string): string {
  return affix.slice(affix.indexOf(" ") + 1);
}

/** A function taking an affix ("prefix qty", "suffix (units)") off the cells that carry it. */
function affixStripper(key: string): (cell: CellValue) => CellValue {
  const [side, ...rest] = key.split(" ");
  const affix = rest.join(" ");
  const count = rest.length;
  return (cell) => {
    if (typeof cell !== "string") return cell;
    const words = cell.trim().split(/\s+/);
    const taken = (side === "prefix" ? words.slice(0, count) : words.slice(-count)).join(" ").toLowerCase();
    if (taken !== affix || words.length <= count) return cell;
    return (side === "prefix" ? words.slice(count) : words.slice(0, -count)).join(" ");
  };
}

/**
 * The label of a period: "YYYY-MM" for a month, "YYYY-Www" for a week starting on a Monday (else its
 * first day "YYYY-MM-DD"), "YYYY-MM-DD" for a day. parseSpanLabel reads it back.
 * @example spanLabel({ kind: "week", first: 45320, days: 7 }) // "2024-W05"
 */
export function spanLabel(span: PeriodSpan): string {
  if (span.kind === "month") return monthLabel(monthOfDay(span.first));
  if (span.kind === "week" && isoWeekday(span.first) === 1) return isoWeekLabel(span.first);
  return dayLabel(span.first);
}

/**
 * The period a label of spanLabel names, given its kind.
 * @throws RangeError when the label is not one spanLabel writes for that kind.
 * @example parseSpanLabel("2024-W05", "week") // { kind: "week", first: 45320, days: 7 }
 */
export function parseSpanLabel(label: string, kind: PeriodKind): PeriodSpan {
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (kind === "week" && week) return { kind, first: isoWeekStart(Number(week[1]), Number(week[2])), days: 7 };
  const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(label);
  if (!date || (kind === "month") !== (date[3] === undefined)) throw new RangeError(`"${label}" is not a ${kind} label.`);
  const first = daySerial(Number(date[1]), Number(date[2]), date[3] === undefined ? 1 : Number(date[3]));
  if (kind === "month") return monthSpan(monthOfDay(first));
  return { kind, first, days: kind === "week" ? 7 : 1 };
}

/**
 * The span of days of a month.
 * @example monthSpan({ year: 2024, month: 2 }) // { kind: "month", first: 45323, days: 29 }
 */
export function monthSpan(value: Month): PeriodSpan {
  return { kind: "month", first: daySerial(value.year, value.month, 1), days: daysInMonth(value.year, value.month) };
}

/**
 * The period one cell names, read on its own (an order line's date): a date (number or "2024-01-15")
 * is that day, "2024-W05" that ISO week, "Jan 2024" that month.
 * @example parsePeriodCell(45292.5) // { kind: "day", first: 45292, days: 1 }
 * @example parsePeriodCell("2024-W05") // { kind: "week", first: 45320, days: 7 }
 */
export function parsePeriodCell(value: CellValue): PeriodSpan | undefined {
  if (typeof value === "number") {
    const day = Math.floor(value);
    if (day >= FIRST_SERIAL && day <= LAST_SERIAL) return { kind: "day", first: day, days: 1 };
  }
  const reading = readHeader(value);
  if (reading?.type === "week") return { kind: "week", first: reading.start, days: 7 };
  if (reading?.type === "date") return { kind: "day", first: reading.serial, days: 1 };
  return reading && monthSpan(reading.month);
}

/**
 * The month named by a year cell and a month cell, as exports that keep them in two columns write
 * them: the year 1900-2099 (a number or its text), the month 1-12 (a number or its text, "01") or a
 * month name ("Jan", "März").
 * @example yearMonthSpan(2024, 2) // { kind: "month", first: 45323, days: 29 }
 * @example yearMonthSpan("2024", "Feb")?.days // 29
 * @example yearMonthSpan(2024, 13) // undefined
 */
export function yearMonthSpan(year: CellValue, month: CellValue): PeriodSpan | undefined {
  const y = Number(typeof year === "string" ? year.trim() : year);
  if (!Number.isInteger(y) || y < 1900 || y > 2099) return undefined;
  const text = typeof month === "string" ? month.trim() : "";
  const m = typeof month === "number" || /^\d{1,2}$/.test(text) ? Number(month) : monthOfName(text);
  return m !== undefined && Number.isInteger(m) && m >= 1 && m <= 12 ? monthSpan({ year: y, month: m }) : undefined;
}

/**
 * The ISO week a year cell and a week-number cell name together ("Year" 2024 and "Week" 13, or "W13"),
 * as an export's Year and Week columns write it.
 * @example yearWeekNumberSpan(2024, 13)?.first === isoWeekStart(2024, 13) // true
 */
export function yearWeekNumberSpan(year: CellValue, week: CellValue): PeriodSpan | undefined {
  const y = Number(typeof year === "string" ? year.trim() : year);
  const text = typeof week === "string" ? week.trim() : "";
  const w = typeof week === "number" ? week : /^\d{1,2}$/.test(text) ? Number(text) : Number(BARE_WEEK.exec(text)?.[1] ?? NaN);
  return Number.isInteger(y) && y >= 1900 && y <= 2099 && Number.isInteger(w) ? weekSpan(y, w) : undefined;
}

/**
 * True when dates name months by one day of each: every date the last of its month, or every date the
 * same day of its month. Dates 4, 4 and 5 weeks apart (a 4-4-5 fiscal calendar) are not months.
 */
function oneDayOfEachMonth(serials: number[]): boolean {
  const dates = serials.map(calendarDate);
  return dates.every((date) => date.day === daysInMonth(date.year, date.month)) || dates.every((date) => date.day === dates[0].day);
}

/** Header text that names a period step 1 cannot place on the calendar: fiscal periods ("FY24 P01", "FY24 M01"), quarters, a date serial stored as text. */
const UNPLACED_PERIOD = new RegExp(
  `^(?:fy\\s*'?\\d{2,4}\\s*[-/ ]?\\s*)?(?:p|per|period|periode|fiscal period|fp|q|qtr|quarter|${WEEK_WORD})\\s*[-.]?\\s*\\d{1,2}(?:\\s*[-/ ]\\s*(?:fy)?\\s*'?\\d{2,4})?$|^fy\\s*'?\\d{2,4}\\s*[-/ ]?\\s*m\\s*[-.]?\\s*\\d{1,2}$|^\\d{5}$`,
);
/** Header text holding a year, a word beside a two-digit number ("sty-24", "24-Jan"): a period in some spelling. */
const YEAR_IN_TEXT = /(?:^|\D)(?:19|20)\d{2}(?:\D|$)|^[a-z]{3,}\.?\s*['-]\s*\d{2}$|^\d{1,2}\s*[-. ]\s*[a-z]{3,}\.?$/;
/** A month and a two-digit year ("01/24", "1-24", "01.24"), which could as well be a day and a month. */
const TWO_DIGIT_YEAR = /^\d{1,2}\s*[-/.]\s*\d{2}$/;

/**
 * True when a header cell looks like a period, read or not: every cell parsePeriodCell reads, and text
 * such as "FY24 P01", "Period 3", "Q1 2024", "W05", "sty 2024", a month name without its year ("Jul"),
 * a two-digit year ("01/24": January 2024, or 24 January?) or "45292" (a date serial stored as text).
 * @example looksLikePeriod("FY24 P01") // true
 * @example looksLikePeriod("Description") // false
 */
export function looksLikePeriod(value: CellValue): boolean {
  if (readHeader(value) !== undefined) return true;
  if (typeof value !== "string") return false;
  const text = withoutAccents(value.trim().toLowerCase());
  return UNPLACED_PERIOD.test(text) || YEAR_IN_TEXT.test(text) || TWO_DIGIT_YEAR.test(text) || monthOfName(text) !== undefined;
}

/** Why a line of period headers cannot be read exactly: the position of the cell to correct and what is wrong. */
export interface PeriodLineProblem {
  position: number;
  /** The cell as a planner sees it, in quotes, and what is wrong: "\"FY24 P01\" names a period ...". */
  reason: string;
}

/**
 * What keeps a line of headers that look like periods (at least `minimum`) from being read exactly,
 * given the run findPeriodRun found on it (if any): a header that looks like a period but is not one
 * of the run (an unknown month name, "FY24 P01" among months), a period repeated or out of order, or
 * dates that are not months, weeks or days apart (a 4-4-5 calendar).
 * @param line the cells along the row or column.
 * @param run the run found on the line, if any.
 * @param minimum fewest period-like headers that make the line a header line (default 3).
 * @returns The problem, or undefined when the line is read exactly or is no header line.
 * @example periodLineProblem(["Item", "Jan 2024", "Jan 2024", "Feb 2024"], undefined)?.position // 2
 */
export function periodLineProblem(line: readonly CellValue[], run: PeriodRun | undefined, minimum = 3): PeriodLineProblem | undefined {
  const problem = (position: number, reason: string): PeriodLineProblem => {
    const cell = line[position];
    const shown = typeof cell === "number" && cell >= FIRST_SERIAL && cell <= LAST_SERIAL ? dayLabel(cell) : String(cell);
    return { position, reason: `"${shown}" ${reason}` };
  };
  const periodLike = line.flatMap((cell, position) => (looksLikePeriod(cell) ? [position] : []));
  if (run) {
    const inRun = new Set(run.positions);
    const [first, last] = [run.positions[0], run.positions[run.positions.length - 1]];
    let [from, to] = [first, last];
    while (from > 0 && looksLikePeriod(line[from - 1])) from--;
    while (to < line.length - 1 && looksLikePeriod(line[to + 1])) to++;
    const unread = periodLike.find((position) => position >= from && position <= to && !inRun.has(position));
    if (unread === undefined) return undefined;
    return problem(unread, `looks like a period but is not one of the ${run.kind}s from ${spanLabel(run.spans[0])} to ${spanLabel(run.spans[run.spans.length - 1])} around it`);
  }
  if (periodLike.length < minimum) return undefined;
  const readable = periodLike.filter((position) => readHeader(line[position]) !== undefined);
  const starts = readable.map((position) => parsePeriodCell(line[position])?.first ?? 0);
  const backwards = readable.find((_, k) => k > 0 && starts[k] <= starts[k - 1]);
  if (backwards !== undefined) return problem(backwards, "repeats a period or comes before the period left of it");
  const unplaced = periodLike.find((position) => readHeader(line[position]) === undefined);
  const measures = sharedAffixes(line, minimum).map(affixWords);
  if (unplaced !== undefined && measures.length > 1) {
    const listed = measures.map((measure) => `"${measure}"`).join(", ");
    return problem(unplaced, `carries one of ${measures.length} measures written into the period headers (${listed}): which of them is demand is not guessed. Keep the columns of one measure (copy them to a sheet of their own)`);
  }
  if (unplaced !== undefined) return problem(unplaced, "names a period step 1 cannot place on the calendar (a fiscal period, a quarter, a week or month without its year, a two-digit year, or a date serial stored as text)");
  return problem(periodLike[0], "starts dates that are neither firsts of months, a week apart nor a day apart (a 4-4-5 or other fiscal calendar)");
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ t]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The two days a date written as text reads as, when they differ ("01/02/2024": 1 February day first,
 * or January 2 month first as US exports write it), as date serials; undefined for any other value.
 * A header run of such firsts of months is still read as months; a single date (an order line's) is
 * not guessed.
 * @example ambiguousDayMonth("01/02/2024") // { dayFirst: 45323, monthFirst: 45293 }
 * @example ambiguousDayMonth("13/02/2024") // undefined
 */
export function ambiguousDayMonth(value: CellValue): { dayFirst: number; monthFirst: number } | undefined {
  const parts = textDateParts(value);
  if (parts === undefined) return undefined;
  const [first, second, year] = parts;
  if (first > 12 || second > 12 || first === second) return undefined;
  return { dayFirst: daySerial(year, second, first), monthFirst: daySerial(year, first, second) };
}

/**
 * A date written as text with day, month and year ("13.01.2024", "1/13/2024", "01.02.2024") as the day
 * it names, as an order line's date: the order of day and month is settled by a part above 12, and
 * read day first where both orders read (the lines reader settles those by their column,
 * {@link dayMonthOrder}); undefined for any other value.
 * @example textDaySpan("13.01.2024") // { kind: "day", first: 45304, days: 1 }
 */
export function textDaySpan(value: CellValue): PeriodSpan | undefined {
  const parts = textDateParts(value);
  if (parts === undefined) return undefined;
  const [first, second, year] = parts;
  const serial = orderOf(first, second) === "monthFirst" ? headerDay(year, first, second) : headerDay(year, second, first);
  return serial === undefined ? undefined : { kind: "day", first: serial, days: 1 };
}

/**
 * The order of day and month a date written as text settles: "dayFirst" when its first part is above
 * 12 ("13/01/2024", "13.01.2024"), "monthFirst" when its second is ("1/13/2024"); undefined for any
 * other value. One such date settles a column of order dates that all come from one export.
 * @example dayMonthOrder("13.01.2024") // "dayFirst"
 * @example dayMonthOrder("01.02.2024") // undefined
 */
export function dayMonthOrder(value: CellValue): "dayFirst" | "monthFirst" | undefined {
  const parts = textDateParts(value);
  return parts && orderOf(parts[0], parts[1]);
}

/** The order of day and month two parts of a text date settle: the one above 12 is the day. */
function orderOf(first: number, second: number): "dayFirst" | "monthFirst" | undefined {
  if (first > 12 && second <= 12) return "dayFirst";
  return second > 12 && first <= 12 ? "monthFirst" : undefined;
}

/** The first two numbers and the year of a date written as text ("13.01.2024", "1/13/2024 08:15"), a time after it ignored. */
function textDateParts(value: CellValue): [number, number, number] | undefined {
  const match = typeof value === "string" ? DAY_MONTH_YEAR.exec(value.trim()) : null;
  return match === null ? undefined : [Number(match[1]), Number(match[2]), Number(match[3])];
}

function monthRun(positions: number[], months: Month[]): PeriodRun | undefined {
  const numbers = months.map(monthNumber);
  return ordered(numbers, (a, b) => b - a === 1, (order) => ({ kind: "month", positions, spans: months.map(monthSpan), ...order }));
}

function monthOfDay(serial: number): Month {
  const { year, month } = calendarDate(serial);
  return { year, month };
}

function regular(values: number[], oneStep: (a: number, b: number) => boolean): boolean {
  let steps = 0;
  for (let k = 1; k < values.length; k++) {
    if (values[k] <= values[k - 1]) return false;
    if (oneStep(values[k - 1], values[k])) steps++;
  }
  return steps >= REGULAR_SHARE * (values.length - 1);
}

const WEEK_FIRST = new RegExp(`^(\\d{4})\\s*[-/ ]?\\s*(?:${WEEK_WORD})\\s*[-.]?\\s*(\\d{1,2})$`);
const WEEK_LAST = new RegExp(`^(?:${WEEK_WORD})\\s*[-.]?\\s*(\\d{1,2})\\s*[-/, ]\\s*(\\d{4})$`);
const TEXT_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?$/;

function readHeader(value: CellValue): HeaderReading | undefined {
  if (typeof value === "number") {
    // a date with a time of day ("2024-01-31 23:59:59", as exports stamp a period's end) is its day
    if (value >= FIRST_SERIAL && value <= LAST_SERIAL) return { type: "date", serial: Math.floor(value) };
    if (!Number.isInteger(value)) return undefined;
    const day = compactDay(String(value));
    if (day !== undefined) return { type: "date", serial: day };
    const compact = compactMonth(String(value));
    return compact && { type: "month", month: compact };
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  const day = compactDay(text);
  if (day !== undefined) return { type: "date", serial: day };
  const week = WEEK_FIRST.exec(text) ?? WEEK_LAST.exec(text);
  if (week) {
    const [year, number] = WEEK_FIRST.test(text) ? [week[1], week[2]] : [week[2], week[1]];
    const span = weekSpan(Number(year), Number(number));
    return span && { type: "week", start: span.first };
  }
  const date = TEXT_DATE.exec(text);
  if (date) {
    const serial = existingDay(Number(date[1]), Number(date[2]), Number(date[3]));
    return serial === undefined ? undefined : { type: "date", serial };
  }
  const month = parseMonth(value);
  return month && { type: "month", month };
}
