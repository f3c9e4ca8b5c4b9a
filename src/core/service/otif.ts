/**
 * Delivery service of order lines: on time, in full, OTIF (on time in full) and order-to-delivery lead
 * time, from tallies of lines that share the same delivery facts and counts of lines by lead time.
 * Tallies rather than lines, so that an analytical database counts ten million lines into a few
 * groups per item and location (each line's days late, in-full and overdue facts) and this module
 * turns them into the measures.
 *
 * Rules (APICS/ASCM's OTIF, measured by order line):
 * - on time: delivered on or before the requested date (days late <= 0);
 * - in full: delivered complete (delivered quantity >= ordered quantity, or, when the file has no
 *   delivered quantity, a delivered line counts as complete);
 * - a line not delivered whose requested date is before the as-of date is overdue and counts as a
 *   miss (neither on time nor in full); one not yet due is open and left out of the measures;
 * - lead time: days from the order date to the delivery date, over delivered lines.
 */
import { PlanningError } from "../errors";

/** Lines that share the same delivery facts. */
export interface DeliveryTally {
  /** How many order lines. */
  lines: number;
  /** Delivery date minus requested date in days (0 or less is on time; only its sign matters); null when not delivered. */
  daysLate: number | null;
  /** Delivered complete; false when not delivered. */
  inFull: boolean;
  /** Not delivered and due before the as-of date (the last date the data runs to). */
  overdue: boolean;
}

/** How many delivered lines took a given number of days from order to delivery. */
export interface LeadTimeCount {
  days: number;
  lines: number;
}

/** Order-to-delivery lead time in days over delivered lines. */
export interface LeadTimeDays {
  mean: number;
  /** 50th percentile, interpolated as Excel's PERCENTILE.INC. */
  median: number;
  /** 90th percentile, interpolated as Excel's PERCENTILE.INC. */
  p90: number;
}

/** The service measures of a set of order lines. Shares are of 1 (0.95 = 95%). */
export interface ServiceSummary {
  /** Lines delivered. */
  delivered: number;
  /** Lines measured for OTIF: delivered ones plus overdue ones. */
  measured: number;
  /** Lines not delivered and past their requested date (counted as misses). */
  overdue: number;
  /** Lines not delivered and not yet due (left out of the measures). */
  open: number;
  /** Shares of measured lines; null when no line is measured. */
  onTime: number | null;
  inFull: number | null;
  otif: number | null;
  /** Null when no line was delivered. */
  leadTime: LeadTimeDays | null;
}

/**
 * Summarise the delivery service of order lines given as tallies.
 *
 * onTime = lines delivered with daysLate <= 0 / measured; inFull = lines delivered in full / measured;
 * otif = lines both / measured; measured = delivered + overdue; lead time mean and PERCENTILE.INC
 * median and 90th percentile over the delivered lines' lead times.
 * @param tallies groups of lines with the same delivery facts.
 * @param leadTimes the delivered lines counted by lead time in days.
 * @returns The summary.
 * @throws PlanningError for a negative or fractional line count.
 * @example serviceSummary([{ lines: 3, daysLate: 0, inFull: true, overdue: false },
 *   { lines: 1, daysLate: 2, inFull: true, overdue: false }], [{ days: 4, lines: 4 }]).otif // 0.75
 */
export function serviceSummary(tallies: readonly DeliveryTally[], leadTimes: readonly LeadTimeCount[]): ServiceSummary {
  let delivered = 0;
  let overdue = 0;
  let open = 0;
  let onTime = 0;
  let inFull = 0;
  let otif = 0;
  for (const { lines } of [...tallies, ...leadTimes]) {
    if (!Number.isInteger(lines) || lines < 0) throw new PlanningError(`A count of order lines must be a whole number of 0 or more; got ${lines}.`);
  }
  for (const tally of tallies) {
    if (tally.daysLate === null) {
      if (tally.overdue) overdue += tally.lines;
      else open += tally.lines;
      continue;
    }
    delivered += tally.lines;
    const late = tally.daysLate !== null && tally.daysLate > 0;
    if (!late) onTime += tally.lines;
    if (tally.inFull) inFull += tally.lines;
    if (!late && tally.inFull) otif += tally.lines;
  }
  const measured = delivered + overdue;
  const share = (count: number): number | null => (measured === 0 ? null : count / measured);
  return { delivered, measured, overdue, open, onTime: share(onTime), inFull: share(inFull), otif: share(otif), leadTime: leadTimeDays(leadTimes) };
}

/**
 * Percentile of values given with their counts, interpolated as Excel's PERCENTILE.INC (R type 7):
 * rank h = (n - 1) p from 0, value = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
 * @param counted values with how many times each occurs (any order).
 * @param p the percentile as a share, 0 to 1.
 * @returns The percentile.
 * @throws PlanningError when there is no value or p is outside 0..1.
 * @example countedPercentile([{ days: 1, lines: 1 }, { days: 2, lines: 1 }, { days: 10, lines: 2 }], 0.5) // 6
 */
export function countedPercentile(counted: readonly LeadTimeCount[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new PlanningError(`A percentile must be between 0 and 1; got ${p}.`);
  const sorted = counted.filter((entry) => entry.lines > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((sum, entry) => sum + entry.lines, 0);
  if (n === 0) throw new PlanningError("A percentile needs at least one value.");
  const rank = (n - 1) * p;
  const below = Math.floor(rank);
  return valueAtRank(sorted, below) + (rank - below) * (valueAtRank(sorted, Math.min(below + 1, n - 1)) - valueAtRank(sorted, below));
}

/** The value at 0-based rank `rank` of sorted counted values. */
function valueAtRank(sorted: readonly LeadTimeCount[], rank: number): number {
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.lines;
    if (rank < seen) return entry.days;
  }
  return sorted[sorted.length - 1].days;
}

function leadTimeDays(counted: readonly LeadTimeCount[]): LeadTimeDays | null {
  const lines = counted.reduce((sum, entry) => sum + entry.lines, 0);
  if (lines === 0) return null;
  const mean = counted.reduce((sum, entry) => sum + entry.days * entry.lines, 0) / lines;
  return { mean, median: countedPercentile(counted, 0.5), p90: countedPercentile(counted, 0.9) };
}
