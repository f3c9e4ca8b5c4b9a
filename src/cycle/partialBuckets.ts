import { calendarDate, dayLabel, daysInMonth, isoWeekday, isoWeekLabel, monthLabelOfDay } from "./calendarDays";
import type { PlanningBucket } from "./planningBuckets";

/**
 * Days by which lines may start after their first bucket's first day, or stop before their last
 * bucket's last day, and still cover it whole: a month's closing weekend and holiday (3), a week's
 * weekend (2).
 */
const GRACE_DAYS: Readonly<Record<PlanningBucket, number>> = { month: 3, week: 2 };

/** A bucket the history covers only in part, and why it is left out. */
export interface PartialBucket {
  /** "2026-01" or "2026-W03". */
  label: string;
  /** The left-out reason, e.g. "in 2026-01, a month the lines cover only up to 2026-01-13". */
  reason: string;
}

/** What order lines (as against period headers) say about their coverage. */
export interface LineEvidence {
  /** Average days between consecutive days that have lines (1 when every day has some). */
  spacing: number;
  /** Quantity of the lines by bucket label. */
  totals: ReadonlyMap<string, number>;
}

/** How many times the lines' average spacing an edge gap must exceed to mean the file stops, not the orders. */
const SPACINGS = 3;

/** Below this share of the median bucket's quantity, an edge bucket the lines stop short of reads as cut off. */
const LOW_SHARE = 0.75;

/**
 * The first and last buckets that a history dated `first` to `last` covers only in part: an export
 * taken on 13 January holds 13 of January's 31 days, and as a month of demand it would read as a
 * collapse in sales. An edge bucket is partial when the history stops short of its edge by more than
 * {@link GRACE_DAYS}. For order lines (`lines` given), whose days only show when something was
 * ordered, the gap must also exceed three times the average spacing of the days that have lines (a
 * business ordering every fourth day may well have no line in a month's last week) AND the bucket's
 * quantity be below three quarters of the median of the other buckets' (a December whose last week is
 * a holiday closure still sells a December's worth). Day or week headers of a grid state the days
 * they cover, so for them (`lines` omitted) the gap alone decides. A history within one bucket gives
 * none (there is nothing whole to keep instead).
 * @param first - serial day of the earliest line, or the first day of the earliest period header
 * @param last - serial day of the latest line, or the last day of the latest period header
 * @param bucket - months or ISO weeks
 * @param lines - the lines' spacing and quantities by bucket; omitted for period headers
 * @returns the partial buckets, the first before the last
 * @example partialBuckets(daySerial(2023, 1, 1), daySerial(2026, 1, 13), "month", { spacing: 1, totals }) // [{ label: "2026-01", reason: "in 2026-01, a month the lines cover only up to 2026-01-13" }] when January holds less than 3/4 of a usual month
 */
export function partialBuckets(first: number, last: number, bucket: PlanningBucket, lines?: LineEvidence): PartialBucket[] {
  const label = bucket === "month" ? monthLabelOfDay : isoWeekLabel;
  if (label(first) === label(last)) return [];
  const grace = Math.max(GRACE_DAYS[bucket], lines ? SPACINGS * lines.spacing : 0);
  const daysBefore = bucket === "month" ? calendarDate(first).day - 1 : isoWeekday(first) - 1;
  const end = calendarDate(last);
  const daysAfter = bucket === "month" ? daysInMonth(end.year, end.month) - end.day : 7 - isoWeekday(last);
  const what = lines ? "the lines cover" : "the history's periods cover";
  const candidates = [
    ...(daysBefore > grace ? [{ label: label(first), reason: `in ${label(first)}, a ${bucket} ${what} only from ${dayLabel(first)}` }] : []),
    ...(daysAfter > grace ? [{ label: label(last), reason: `in ${label(last)}, a ${bucket} ${what} only up to ${dayLabel(last)}` }] : []),
  ];
  if (!lines) return candidates;
  const { totals } = lines;
  const others = [...totals].filter(([other]) => !candidates.some((candidate) => candidate.label === other)).map(([, quantity]) => quantity);
  if (others.length === 0) return candidates;
  const median = [...others].sort((a, b) => a - b)[Math.floor((others.length - 1) / 2)];
  return candidates.filter((candidate) => (totals.get(candidate.label) ?? 0) < LOW_SHARE * median);
}
