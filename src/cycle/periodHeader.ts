/**
 * Period headers as planners write them. Months, normalised to "YYYY-MM": text such as "2023-12",
 * "2023/12", "2023-12-01", "2023M12", "12/2023", "Dec 2023", "Dec-23", "December 2023", "2023 Dec",
 * "1/12/2023", and Excel date serial numbers (a date cell reads as its serial, e.g. 45261 = 1 Dec 2023).
 * ISO weeks ("2024-W05", "W05 2024", "2024 wk 5"), and runs of dates: dates a week apart are weeks
 * starting on those dates, dates a day (or a weekend) apart are days, firsts of months are months.
 */
import { excelDateTime } from "../workbook/excelDate";
import type { CellValue } from "../workbook/workbook";
import { calendarDate, daySerial, daysInMonth, dayLabel, isoWeekday, isoWeekLabel, isoWeekStart } from "./calendarDays";

/** A calendar month. */
export interface Month {
  year: number;
  /** 1..12 */
  month: number;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
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
  if (typeof value === "number") return monthOfSerial(value);
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  let match = /^(\d{4})\s*[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?(?:[t ]\d{1,2}:\d{2}.*)?$/.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]), match[3] === undefined ? 1 : Number(match[3]));
  match = /^(\d{4})\s*m\s*(\d{1,2})$/.exec(text);
  if (match) return month(Number(match[1]), Number(match[2]), 1);
  match = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (match) return month(Number(match[2]), Number(match[1]), 1);
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
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
  const index = MONTH_NAMES.indexOf(name.slice(0, 3));
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  if (index < 0 || !(name.length === 3 || name === "sept" || full[index] === name)) return undefined;
  const short = Number(yearText);
  const year = yearText.length === 2 ? (short < 70 ? 2000 + short : 1900 + short) : short;
  return month(year, index + 1, 1);
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
  /** Positions (column or row indices) of the period headers along the line. */
  positions: number[];
  spans: PeriodSpan[];
}

type HeaderReading = { type: "month"; month: Month } | { type: "week"; start: number } | { type: "date"; serial: number };

/** Share of the steps of a run that must be one period long (a missing period is allowed, date-like quantities are not). */
const REGULAR_SHARE = 0.8;

/**
 * Find the period headers along one row or column: months (as findMonthRun), ISO weeks, or a run of
 * dates read by their spacing (firsts of months: months; 7 days apart: weeks starting on those dates;
 * 1 to 3 days apart: days). At least `minimum` headers, strictly increasing, mostly one period apart;
 * cells of the line that name no period of the run's kind ("Total", "Q1") are not part of it.
 * @param line the cells along the row or column.
 * @param minimum fewest headers that count as a run (default 3).
 * @returns The run, or undefined when the line is not a line of period headers.
 * @example findPeriodRun(["Item", "2024-W01", "2024-W02", "2024-W03"])?.kind // "week"
 * @example findPeriodRun(["Item", 45292, 45299, 45306])?.spans[0] // { kind: "week", first: 45292, days: 7 }
 */
export function findPeriodRun(line: readonly CellValue[], minimum = 3): PeriodRun | undefined {
  const readings = line.map(readHeader);
  const count = (type: HeaderReading["type"]): number => readings.filter((reading) => reading?.type === type).length;
  const type = (["week", "date", "month"] as const).reduce((best, next) => (count(next) > count(best) ? next : best));
  const positions = readings.flatMap((reading, position) => (reading?.type === type ? [position] : []));
  if (positions.length < minimum) return undefined;
  if (type === "week") {
    const starts = positions.map((position) => (readings[position] as { start: number }).start);
    return regular(starts, (a, b) => b - a === 7) ? { kind: "week", positions, spans: starts.map((first) => ({ kind: "week", first, days: 7 })) } : undefined;
  }
  if (type === "date") {
    const serials = positions.map((position) => (readings[position] as { serial: number }).serial);
    if (serials.every((serial) => calendarDate(serial).day === 1)) return monthRun(positions, serials.map(monthOfDay));
    if (regular(serials, (a, b) => b - a === 7)) return { kind: "week", positions, spans: serials.map((first) => ({ kind: "week", first, days: 7 })) };
    if (regular(serials, (a, b) => b - a === 1 || (b - a <= 3 && isoWeekday(b) === 1))) {
      return { kind: "day", positions, spans: serials.map((first) => ({ kind: "day", first, days: 1 })) };
    }
    return monthRun(positions, serials.map(monthOfDay));
  }
  return monthRun(positions, positions.map((position) => (readings[position] as { month: Month }).month));
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
    return day >= FIRST_SERIAL && day <= LAST_SERIAL ? { kind: "day", first: day, days: 1 } : undefined;
  }
  const reading = readHeader(value);
  if (reading?.type === "week") return { kind: "week", first: reading.start, days: 7 };
  if (reading?.type === "date") return { kind: "day", first: reading.serial, days: 1 };
  return reading && monthSpan(reading.month);
}

function monthRun(positions: number[], months: Month[]): PeriodRun | undefined {
  const run = findMonthRunOf(positions, months, 0);
  return run && { kind: "month", positions: run.positions, spans: run.months.map(monthSpan) };
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

const WEEK_FIRST = /^(\d{4})\s*[-/ ]?\s*(?:w|wk|week|kw)\s*[-.]?\s*(\d{1,2})$/;
const WEEK_LAST = /^(?:w|wk|week|kw)\s*[-.]?\s*(\d{1,2})\s*[-/, ]\s*(\d{4})$/;
const TEXT_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}.*)?$/;

function readHeader(value: CellValue): HeaderReading | undefined {
  if (typeof value === "number") {
    return Number.isInteger(value) && value >= FIRST_SERIAL && value <= LAST_SERIAL ? { type: "date", serial: value } : undefined;
  }
  if (typeof value !== "string") return undefined;
  const text = value.trim().toLowerCase();
  const week = WEEK_FIRST.exec(text) ?? WEEK_LAST.exec(text);
  if (week) {
    const [year, number] = WEEK_FIRST.test(text) ? [week[1], week[2]] : [week[2], week[1]];
    try {
      return { type: "week", start: isoWeekStart(Number(year), Number(number)) };
    } catch {
      return undefined;
    }
  }
  const date = TEXT_DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { type: "date", serial: daySerial(year, month, day) } : undefined;
  }
  const month = parseMonth(value);
  return month && { type: "month", month };
}
