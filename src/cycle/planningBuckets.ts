/**
 * Planning buckets: the periods the cycle plans in, calendar months ("YYYY-MM") or ISO weeks
 * ("YYYY-Www"). History read in days or weeks is put into them by its days: a week that spans two months
 * gives each month the share of its 7 days that fall in it (a week of 70 from Wed 29 Jan 2025 gives
 * January 30 and February 40).
 */
import { PlanningError } from "../core/errors";
import { isoWeekLabel, monthLabelOfDay } from "./calendarDays";
import { DAYS_PER_MONTH } from "./headerNames";
import { parseSpanLabel, type PeriodSpan } from "./periodHeader";

/** The bucket the cycle plans in. */
export type PlanningBucket = "month" | "week";


/**
 * The word for the periods labels name, as figures counted per period say it ("unit-weeks" of backlog
 * in a weekly plan): "week" for ISO weeks ("2026-W05"), else "month"; a plan's labels are all of one kind.
 * @example periodWord(["2026-W01", "2026-W02"]) // "week"
 */
export function periodWord(labels: readonly string[]): PlanningBucket {
  return /^\d{4}-W\d{2}$/.test(labels[0] ?? "") ? "week" : "month";
}

/**
 * Months in one planning period: 1, or 7 / 30.44 for a week. Rates kept per year or per month (holding
 * cost, backlog cost, a default lead time in months) are turned into the plan's periods by it.
 * @example monthsPerPeriod("week") // 0.23
 */
export function monthsPerPeriod(bucket: PlanningBucket): number {
  return bucket === "week" ? 7 / DAYS_PER_MONTH : 1;
}

/** A part of a period's quantity that falls into one planning bucket. */
export interface BucketShare {
  /** The bucket's label, "YYYY-MM" or "YYYY-Www". */
  label: string;
  /** The share of the period's quantity, 0 < share <= 1; the shares of a period sum to 1. */
  share: number;
}

/**
 * Split a period into planning buckets by its days: a day goes whole to its month or ISO week; a week
 * to the months its days fall in, in proportion, or whole to the ISO week holding most of its days
 * (its own, when it starts on a Monday); a month goes whole to itself.
 * @param span the period as its header names it.
 * @param bucket the planning bucket.
 * @returns The shares, in calendar order.
 * @throws PlanningError for a month planned in weeks (a month cannot be split into weeks without guessing).
 * @example bucketShares({ kind: "week", first: 45686, days: 7 }, "month") // [{ label: "2025-01", share: 3/7 }, { label: "2025-02", share: 4/7 }]
 */
export function bucketShares(span: PeriodSpan, bucket: PlanningBucket): BucketShare[] {
  if (bucket === "week") {
    if (span.kind === "month") {
      throw new PlanningError(`The history is by month (${monthLabelOfDay(span.first)}); it cannot be planned in weeks. Plan in months, or map a weekly history.`);
    }
    return [{ label: isoWeekLabel(span.kind === "week" ? span.first + 3 : span.first), share: 1 }];
  }
  const days: { label: string; count: number }[] = [];
  for (let day = span.first; day < span.first + span.days; day++) {
    const label = monthLabelOfDay(day);
    const last = days[days.length - 1];
    if (last?.label === label) last.count++;
    else days.push({ label, count: 1 });
  }
  return days.map(({ label, count }) => ({ label, share: count / span.days }));
}

/**
 * Every bucket from the earliest to the latest of the labels given, none missing, oldest first.
 * @throws RangeError when a label is not a bucket label of that kind.
 * @example bucketRange(["2024-03", "2024-01"], "month") // ["2024-01", "2024-02", "2024-03"]
 */
export function bucketRange(labels: Iterable<string>, bucket: PlanningBucket): string[] {
  const firsts = [...labels].map((label) => parseSpanLabel(label, bucket).first);
  if (firsts.length === 0) return [];
  const last = Math.max(...firsts);
  const range: string[] = [];
  for (let day = Math.min(...firsts); day <= last; day += bucket === "week" ? 7 : 1) {
    const label = bucket === "week" ? isoWeekLabel(day) : monthLabelOfDay(day);
    if (range[range.length - 1] !== label) range.push(label);
  }
  return range;
}
