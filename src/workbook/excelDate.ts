/**
 * Excel date serial numbers (the 1900 date system): day 1 is 1 Jan 1900, the fraction is the time of
 * day. Excel counts a 29 Feb 1900 that never was (serial 60, kept from Lotus 1-2-3), so serials from 61
 * (1 Mar 1900) on are days since 30 Dec 1899 and the ones before are one day off from that count.
 * Reference: Microsoft, "Excel incorrectly assumes that the year 1900 is a leap year" (learn.microsoft.com).
 */

/** The serial of 1 Jan 1970, the start of JavaScript's time. */
const UNIX_EPOCH_SERIAL = 25569;

const MS_PER_DAY = 86_400_000;

const SECONDS_PER_DAY = 86_400;

/** The serial of 31 Dec 9999, the last day Excel shows. */
const LAST_SERIAL = 2_958_465;

/** The serial of 29 Feb 1900, the day Excel counts that never was. */
const PHANTOM_DAY = 60;

/** A day and time as Excel shows a serial. */
export interface ExcelDateTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31; 0 for serial 0, which Excel shows as 0 Jan 1900. */
  day: number;
  /** 0 = Sunday .. 6 = Saturday, as Excel counts (serial 1 is a Sunday). */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The serial of a moment given as a JavaScript Date in UTC, as ExcelJS hands date cells over (it
 * reads a number under a date format as Date(UTC) from the same count, so serials round-trip).
 * @param date the moment
 * @returns the Excel serial (fraction = time of day)
 * @example serialOfDate(new Date(Date.UTC(2024, 0, 1))) // 45292
 */
export function serialOfDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * The moment (a JavaScript Date in UTC) of a serial by plain day counting from 30 Dec 1899: the inverse
 * of {@link serialOfDate}, right for every serial from 61 (1 Mar 1900) on.
 * @example dateOfSerial(45292).toISOString() // "2024-01-01T00:00:00.000Z"
 */
export function dateOfSerial(serial: number): Date {
  return new Date((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/**
 * The day and time Excel shows for a serial, to the nearest second, with Excel's 29 Feb 1900.
 * @param serial an Excel serial of the 1900 date system
 * @returns the calendar date and time, or undefined outside 0 .. 31 Dec 9999 (Excel shows ##### there)
 * @example excelDateTime(45292.75) // { year: 2024, month: 1, day: 1, weekday: 1, hour: 18, minute: 0, second: 0 }
 * @example excelDateTime(60) // 29 Feb 1900, as Excel counts
 */
export function excelDateTime(serial: number): ExcelDateTime | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const seconds = Math.round(serial * SECONDS_PER_DAY);
  const days = Math.floor(seconds / SECONDS_PER_DAY);
  if (days > LAST_SERIAL) return undefined;
  const time = seconds - days * SECONDS_PER_DAY;
  const clock = { weekday: (days + 6) % 7, hour: Math.floor(time / 3600), minute: Math.floor(time / 60) % 60, second: time % 60 };
  if (days === 0) return { year: 1900, month: 1, day: 0, ...clock };
  if (days === PHANTOM_DAY) return { year: 1900, month: 2, day: 29, ...clock };
  const date = new Date(((days < PHANTOM_DAY ? days + 1 : days) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), ...clock };
}

/** Days from the 1900 date system's day 0 to the 1904 system's (1 Jan 1904 is serial 1462 in the 1900 system). */
const DAYS_1900_TO_1904 = 1462;

/**
 * The 1900-system serial of a date stored in a workbook that uses the 1904 date system (Excel for Mac's
 * old default), so that every date the add-in reads means the same day whichever system the workbook uses.
 * Reference: Microsoft Support, "Date systems in Excel" (the two systems are 1,462 days apart).
 * @param serial a serial of the 1904 date system (0 = 1 Jan 1904)
 * @returns the serial of the same day and time in the 1900 date system
 * @example serialFrom1904(43830) // 45292, 1 Jan 2024
 */
export function serialFrom1904(serial: number): number {
  return serial + DAYS_1900_TO_1904;
}
