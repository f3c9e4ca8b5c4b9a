import { PlanningError } from "../../src/core/errors";
import { daySerial } from "../../src/cycle/calendarDays";
import { bucketRange, bucketShares } from "../../src/cycle/planningBuckets";

describe("planning buckets", () => {
  it("splits a week spanning two months by its days (Wed 29 Jan 2025: 3 days in January, 4 in February)", () => {
    expect(bucketShares({ kind: "week", first: daySerial(2025, 1, 29), days: 7 }, "month")).toEqual([
      { label: "2025-01", share: 3 / 7 },
      { label: "2025-02", share: 4 / 7 },
    ]);
  });

  it("keeps a month whole, a day in its month or ISO week, a week in the ISO week holding most of its days", () => {
    expect(bucketShares({ kind: "month", first: daySerial(2024, 2, 1), days: 29 }, "month")).toEqual([{ label: "2024-02", share: 1 }]);
    expect(bucketShares({ kind: "day", first: daySerial(2024, 12, 30), days: 1 }, "week")).toEqual([{ label: "2025-W01", share: 1 }]);
    // A week starting on Sunday 28 Jan 2024 has 6 of its days in ISO week 5.
    expect(bucketShares({ kind: "week", first: daySerial(2024, 1, 28), days: 7 }, "week")).toEqual([{ label: "2024-W05", share: 1 }]);
  });

  it("refuses to plan monthly history in weeks", () => {
    expect(() => bucketShares({ kind: "month", first: daySerial(2024, 1, 1), days: 31 }, "week")).toThrow(PlanningError);
  });

  it("lists every bucket from the first to the last, none missing", () => {
    expect(bucketRange(["2024-03", "2023-12"], "month")).toEqual(["2023-12", "2024-01", "2024-02", "2024-03"]);
    expect(bucketRange(["2025-W02", "2024-W52"], "week")).toEqual(["2024-W52", "2025-W01", "2025-W02"]);
    expect(bucketRange([], "month")).toEqual([]);
  });
});
