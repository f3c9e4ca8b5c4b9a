import { findPeriodRun } from "./periodHeader";

/**
 * Labels of the periods after the last one of the history: "2025-12" is followed by "2026-01",
 * "2026-02", ...; labels that are not months ("P36") continue as "P37", "P38", ...
 * @param last label of the last history period
 * @param count how many periods to name
 * @example futurePeriods("2025-11", 3) // ["2025-12", "2026-01", "2026-02"]
 */
export function futurePeriods(last: string, count: number): string[] {
  const month = /^(\d{4})-(\d{2})$/.exec(last);
  if (month) {
    const start = Number(month[1]) * 12 + Number(month[2]) - 1;
    return Array.from({ length: count }, (_, k) => {
      const index = start + k + 1;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    });
  }
  const numbered = /^(.*?)(\d+)$/.exec(last);
  const prefix = numbered ? numbered[1] : "P";
  const first = numbered ? Number(numbered[2]) : 0;
  return Array.from({ length: count }, (_, k) => `${prefix}${first + k + 1}`);
}

/** Season length to assume for a history whose periods are labelled this way: 12 for months, else none. */
export function seasonLengthOf(periods: readonly string[]): number {
  return periods.length > 0 && periods.every((p) => /^\d{4}-\d{2}$/.test(p)) ? 12 : 1;
}

/** A quarter label: "2024-Q1", "2024 Q1", "2024Q1", "Q1 2024", "Q1-2024". */
const QUARTER_LABEL = /^(?:\d{4}\s*[-/ ]?\s*q[1-4]|q[1-4]\s*[-/ ]?\s*\d{4})$/i;
/** A year label: "1998" ... "2099". */
const YEAR_LABEL = /^(?:19|20)\d{2}$/;
/** Labels needed to tell the calendar; the first ones of a series are enough. */
export const CALENDAR_LABELS = 4;

/**
 * The season length the calendar gives a series whose periods are labelled this way: 12 for months
 * ("2024-01", "Jan 2024", month-end or month-start dates), 4 for quarters ("2024-Q1"), 52 for ISO weeks
 * ("2024-W05") or dates 7 days apart, 7 for days, 1 for years ("2024"). Labels that name no calendar
 * (period numbers "1", "2", ...) give undefined: the season is then detected from the values.
 * @param labels - the first few period labels of one series, in order (at least 3 are needed)
 * @returns the season length, or undefined when the labels do not say
 * @example calendarSeasonLength(["2024-01", "2024-02", "2024-03"]) // 12
 * @example calendarSeasonLength(["1", "2", "3"]) // undefined
 */
export function calendarSeasonLength(labels: readonly string[]): number | undefined {
  if (labels.length < 3) return undefined;
  const trimmed = labels.map((label) => label.trim());
  if (trimmed.every((label) => QUARTER_LABEL.test(label))) return 4;
  if (trimmed.every((label) => YEAR_LABEL.test(label))) return 1;
  const run = findPeriodRun(trimmed, trimmed.length);
  if (!run) return undefined;
  return run.kind === "month" ? 12 : run.kind === "week" ? 52 : 7;
}
