import { daySerial } from "../../src/cycle/calendarDays";
import { partialBuckets } from "../../src/cycle/partialBuckets";

describe("buckets order lines cover only in part", () => {
  it("an export taken on 13 January: January is partial, the first month whole", () => {
    expect(partialBuckets(daySerial(2023, 1, 1), daySerial(2026, 1, 13), "month", 1)).toEqual([
      { label: "2026-01", reason: "in 2026-01, a month the lines cover only up to 2026-01-13" },
    ]);
  });

  it("lines from 15 March 2024: that March is partial; lines to Friday 28 March 2025, three days before the month ends, keep that March whole", () => {
    expect(partialBuckets(daySerial(2024, 3, 15), daySerial(2025, 3, 28), "month", 1)).toEqual([
      { label: "2024-03", reason: "in 2024-03, a month the lines cover only from 2024-03-15" },
    ]);
  });

  it("weeks: lines ending on a Wednesday leave that week partial, ending on a Friday keep it whole", () => {
    // 2026-01-14 is a Wednesday (ISO week 3), 2026-01-16 a Friday
    expect(partialBuckets(daySerial(2025, 1, 6), daySerial(2026, 1, 14), "week", 1)).toEqual([
      { label: "2026-W03", reason: "in 2026-W03, a week the lines cover only up to 2026-01-14" },
    ]);
    expect(partialBuckets(daySerial(2025, 1, 6), daySerial(2026, 1, 16), "week", 1)).toEqual([]);
  });

  it("sparse orders (a day with lines every 5 days on average) may end 13 days before a month's end; lines within one month give none", () => {
    expect(partialBuckets(daySerial(2024, 1, 2), daySerial(2025, 12, 18), "month", 5)).toEqual([]);
    expect(partialBuckets(daySerial(2024, 1, 2), daySerial(2025, 12, 15), "month", 5)).toHaveLength(1);
    expect(partialBuckets(daySerial(2024, 1, 10), daySerial(2024, 1, 12), "month", 1)).toEqual([]);
  });
});
