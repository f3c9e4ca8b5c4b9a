/**
 * Month headers as planners write them, recognised and normalised to "YYYY-MM": text such as "2023-12",
 * "2023/12", "2023-12-01", "2023M12", "12/2023", "Dec 2023", "Dec-23", "December 2023", "2023 Dec",
 * "1/12/2023", and Excel date serial numbers (a date cell reads as its serial, e.g. 45261 = 1 Dec 2023).
 */
import { excelDateTime } from "../workbook/excelDate";
import type { CellValue } from "../workbook/workbook";

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
  if (months.length < minimum) return undefined;
  let unitSteps = 0;
  for (let k = 1; k < months.length; k++) {
    const step = monthNumber(months[k]) - monthNumber(months[k - 1]);
    if (step <= 0) return undefined;
    if (step === 1) unitSteps++;
  }
  return unitSteps >= 0.8 * (months.length - 1) ? { positions, months } : undefined;
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
