import { daySerial } from "../../src/cycle/calendarDays";
import { partialBuckets } from "../../src/cycle/partialBuckets";

/** Quantities by bucket: every bucket 100 but the ones given. */
function totals(labels: readonly string[], low: Record<string, number> = {}): Map<string, number> {
  return new Map(labels.map((label) => [label, low[label] ?? 100]));
}

const MONTHS = ["2025-10", "2025-11", "2025-12", "2026-01"];

describe("buckets order lines cover only in part", () => {
  it("an export taken on 13 January: January is partial, the first month whole", () => {
    expect(partialBuckets(daySerial(2023, 1, 1), daySerial(2026, 1, 13), "month", { spacing: 1, totals: totals(MONTHS, { "2026-01": 42 }) })).toEqual([
      { label: "2026-01", reason: "in 2026-01, a month the lines cover only up to 2026-01-13" },
    ]);
  });

  it("a December whose last week is a holiday closure still sells a December's worth: kept", () => {
    const december = ["2025-09", "2025-10", "2025-11", "2025-12"];
    expect(partialBuckets(daySerial(2025, 9, 1), daySerial(2025, 12, 22), "month", { spacing: 1, totals: totals(december, { "2025-12": 90 }) })).toEqual([]);
    expect(partialBuckets(daySerial(2025, 9, 1), daySerial(2025, 12, 22), "month", { spacing: 1, totals: totals(december, { "2025-12": 60 }) })).toHaveLength(1);
  });

  it("lines from 15 March 2024: that March is partial; lines to Friday 28 March 2025, three days before the month ends, keep that March whole", () => {
    expect(partialBuckets(daySerial(2024, 3, 15), daySerial(2025, 3, 28), "month", { spacing: 1, totals: totals(["2024-03", "2024-04", "2025-03"], { "2024-03": 50 }) })).toEqual([
      { label: "2024-03", reason: "in 2024-03, a month the lines cover only from 2024-03-15" },
    ]);
  });

  it("weeks: lines ending on a Wednesday leave that week partial, ending on a Friday keep it whole", () => {
    // 2026-01-14 is a Wednesday (ISO week 3), 2026-01-16 a Friday
    const weeks = totals(["2025-W02", "2026-W02", "2026-W03"], { "2026-W03": 40 });
    expect(partialBuckets(daySerial(2025, 1, 6), daySerial(2026, 1, 14), "week", { spacing: 1, totals: weeks })).toEqual([
      { label: "2026-W03", reason: "in 2026-W03, a week the lines cover only up to 2026-01-14" },
    ]);
    expect(partialBuckets(daySerial(2025, 1, 6), daySerial(2026, 1, 16), "week", { spacing: 1, totals: weeks })).toEqual([]);
  });

  it("sparse orders (a day with lines every 5 days on average) may end 13 days before a month's end; lines within one month give none", () => {
    const months = totals(["2024-01", "2025-11", "2025-12"], { "2025-12": 50 });
    expect(partialBuckets(daySerial(2024, 1, 2), daySerial(2025, 12, 18), "month", { spacing: 5, totals: months })).toEqual([]);
    expect(partialBuckets(daySerial(2024, 1, 2), daySerial(2025, 12, 15), "month", { spacing: 5, totals: months })).toHaveLength(1);
    expect(partialBuckets(daySerial(2024, 1, 10), daySerial(2024, 1, 12), "month", { spacing: 1, totals: totals(["2024-01"]) })).toEqual([]);
  });

  it("period headers state their days: weeks ending Sunday 25 January leave January out whatever it holds, weeks ending 28 December keep December", () => {
    expect(partialBuckets(daySerial(2024, 1, 1), daySerial(2026, 1, 25), "month")).toEqual([
      { label: "2026-01", reason: "in 2026-01, a month the history's periods cover only up to 2026-01-25" },
    ]);
    expect(partialBuckets(daySerial(2024, 1, 1), daySerial(2025, 12, 28), "month")).toEqual([]);
    expect(partialBuckets(daySerial(2024, 1, 8), daySerial(2025, 12, 28), "month")).toEqual([
      { label: "2024-01", reason: "in 2024-01, a month the history's periods cover only from 2024-01-08" },
    ]);
  });
});
