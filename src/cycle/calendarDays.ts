/**
 * Calendar days as whole Excel serials (1 Jan 2024 = 45292), and the months and ISO 8601 weeks they fall
 * in. Serials from 1 Mar 1900 on are days since 30 Dec 1899 (Microsoft, "Excel incorrectly assumes that
 * the year 1900 is a leap year"), so plain arithmetic on them counts days. ISO weeks run Monday to Sunday;
 * week 1 is the week holding the year's first Thursday (ISO 8601:2004, 2.2.10).
 */

import { dateOfSerial, serialOfDate } from "../workbook/excelDate";

/** A calendar date. */
export interface CalendarDate {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
}

/**
 * The serial of a calendar date.
 * @example daySerial(2024, 1, 1) // 45292
 */
export function daySerial(year: number, month: number, day: number): number {
  return serialOfDate(new Date(Date.UTC(year, month - 1, day)));
}

/**
 * The calendar date of a whole serial.
 * @example calendarDate(45292) // { year: 2024, month: 1, day: 1 }
 */
export function calendarDate(serial: number): CalendarDate {
  const date = dateOfSerial(serial);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/**
 * Day of the week, ISO numbering: 1 = Monday .. 7 = Sunday.
 * @example isoWeekday(45292) // 1 (Monday 1 Jan 2024)
 */
export function isoWeekday(serial: number): number {
  return ((((serial - 2) % 7) + 7) % 7) + 1;
}

/**
 * The Monday that starts ISO week `week` of ISO year `year`.
 * @throws RangeError for a week number outside 1..53 or a week 53 the year does not have.
 * @example isoWeekStart(2024, 5) // 45320 (Monday 29 Jan 2024)
 */
export function isoWeekStart(year: number, week: number): number {
  const fourthOfJanuary = daySerial(year, 1, 4);
  const start = fourthOfJanuary - (isoWeekday(fourthOfJanuary) - 1) + (week - 1) * 7;
  if (week < 1 || week > 53 || isoWeek(start).year !== year) throw new RangeError(`${year} has no ISO week ${week}.`);
  return start;
}

/**
 * The ISO week a day falls in (the ISO year may differ from the calendar year near 1 January).
 * @example isoWeek(45292) // { year: 2024, week: 1 }
 */
export function isoWeek(serial: number): { year: number; week: number } {
  const thursday = serial - isoWeekday(serial) + 4;
  const year = calendarDate(thursday).year;
  return { year, week: Math.floor((thursday - daySerial(year, 1, 1)) / 7) + 1 };
}

/**
 * "YYYY-Www" label of the ISO week a day falls in.
 * @example isoWeekLabel(45320) // "2024-W05"
 */
export function isoWeekLabel(serial: number): string {
  const { year, week } = isoWeek(serial);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/**
 * "YYYY-MM" label of the month a day falls in.
 * @example monthLabelOfDay(45322) // "2024-01"
 */
export function monthLabelOfDay(serial: number): string {
  const { year, month } = calendarDate(serial);
  return `${year}-${String(month).padStart(2, "0")}`;
}

/**
 * "YYYY-MM-DD" label of a day.
 * @example dayLabel(45292) // "2024-01-01"
 */
export function dayLabel(serial: number): string {
  const { year, month, day } = calendarDate(serial);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Number of days in a month.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(year: number, month: number): number {
  return daySerial(year, month + 1, 1) - daySerial(year, month, 1);
}
