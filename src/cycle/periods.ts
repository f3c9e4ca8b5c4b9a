import { isoWeekLabel, isoWeekStart } from "./calendarDays";
import { findPeriodRun } from "./periodHeader";

/**
 * Labels of the periods after the last one of the history: "2025-12" is followed by "2026-01",
 * "2026-02", ...; ISO weeks by the next weeks' ("2025-W52" by "2026-W01"); other labels ("P36")
 * continue as "P37", "P38", ...
 * @param last label of the last history period
 * @param count how many periods to name
 * @example futurePeriods("2025-11", 3) // ["2025-12", "2026-01", "2026-02"]
 * @example futurePeriods("2025-W52", 2) // ["2026-W01", "2026-W02"]
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
  // ISO weeks run on from the last week's Monday: 2025-W52 is followed by 2026-W01 (2026-W53 exists, 2025-W53 does not)
  const week = /^(\d{4})-W(\d{2})$/.exec(last);
  if (week) {
    const monday = isoWeekStart(Number(week[1]), Number(week[2]));
    return Array.from({ length: count }, (_, k) => isoWeekLabel(monday + 7 * (k + 1)));
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
/**
 * Labels read to tell the calendar: the first ones of a series are enough, and this many hold a
 * year's turn of weekly "year and period number" labels ("2024-52", "2025-1").
 */
export const CALENDAR_LABELS = 60;

/** A year and a period number: "2024-3", "2024.03", "2024/P3", "2024 H1", or the other way round ("3-2024", "P03 2024"). */
const YEAR_INDEX_LABEL = /^(?:(\d{4})\s*[-./ ]\s*[phtsw]?\s*0*(\d{1,2})|[phtsw]?\s*0*(\d{1,2})\s*[-./ ]\s*(\d{4}))$/i;
/** Periods a year can have in year-and-number labels: half-years, thirds, quarters, two-monthly, months, 4-4-5 periods, weeks. */
const PERIODS_PER_YEAR = new Set([2, 3, 4, 6, 12, 13, 52, 53]);

/**
 * The number of periods a year has in labels that give a year and a period number ("2024-1",
 * "2024-2", ...), seen where the number turns back to 1 as the year moves on: 4 for "2024-4" then
 * "2025-1". Every turn must come after the same number, each period follow the one before.
 * @example periodsPerYear(["2023-3", "2023-4", "2024-1", "2024-2"]) // 4
 * @example periodsPerYear(["2024-1", "2024-2", "2024-3"]) // undefined (no turn of the year seen)
 */
function periodsPerYear(labels: readonly string[]): number | undefined {
  const parts = labels.map((label) => YEAR_INDEX_LABEL.exec(label));
  if (parts.some((match) => match === null)) return undefined;
  const periods = parts.map((match) => ({ year: Number(match?.[1] ?? match?.[4]), index: Number(match?.[2] ?? match?.[3]) }));
  let perYear: number | undefined;
  for (let k = 1; k < periods.length; k++) {
    const [before, now] = [periods[k - 1], periods[k]];
    if (now.year === before.year && now.index === before.index + 1) continue;
    if (now.year !== before.year + 1 || now.index !== 1 || (perYear !== undefined && before.index !== perYear)) return undefined;
    perYear = before.index;
  }
  if (perYear === undefined || !PERIODS_PER_YEAR.has(perYear) || periods.some((period) => period.index < 1 || period.index > (perYear ?? 0))) return undefined;
  return perYear === 53 ? 52 : perYear;
}

/**
 * The season length the calendar gives a series whose periods are labelled this way: 12 for months
 * ("2024-01", "Jan 2024", month-end or month-start dates), 4 for quarters ("2024-Q1"), 52 for ISO weeks
 * ("2024-W05") or dates 7 days apart, 7 for days, 1 for years ("2024"); labels giving a year and a
 * period number ("2024-1" ... "2024-4", "2025-1", as R prints a quarterly series' times) the number of
 * periods after which the number turns back to 1 (so "2024-1" ... "2024-12" stay months). Labels that
 * name no calendar (period numbers "1", "2", ...) give undefined: the season is then detected from the
 * values.
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
  const perYear = periodsPerYear(trimmed);
  if (perYear !== undefined) return perYear;
  const run = findPeriodRun(trimmed, trimmed.length);
  if (!run) return undefined;
  return run.kind === "month" ? 12 : run.kind === "week" ? 52 : 7;
}
