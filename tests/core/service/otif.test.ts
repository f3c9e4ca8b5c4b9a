import { PlanningError } from "../../../src/core/errors";
import { countedPercentile, serviceSummary, type DeliveryTally } from "../../../src/core/service/otif";

function delivered(lines: number, daysLate: number, inFull = true): DeliveryTally {
  return { lines, daysLate, inFull, overdue: false };
}

function notDelivered(lines: number, overdue: boolean): DeliveryTally {
  return { lines, daysLate: null, inFull: false, overdue };
}

describe("serviceSummary", () => {
  test("hand-computed: 10 lines, 2 late, 1 short, 1 late and short, 1 overdue, 2 open", () => {
    // delivered: 5 on time in full (lead 3), 2 late in full (lead 7), 1 on time short (lead 2), 1 late short (lead 9);
    // not delivered: 1 overdue, 2 not yet due (open).
    const summary = serviceSummary(
      [delivered(5, 0), delivered(2, 3), delivered(1, -1, false), delivered(1, 1, false), notDelivered(1, true), notDelivered(2, false)],
      [
        { days: 3, lines: 5 },
        { days: 7, lines: 2 },
        { days: 2, lines: 1 },
        { days: 9, lines: 1 },
      ],
    );
    expect(summary.delivered).toBe(9);
    expect(summary.overdue).toBe(1);
    expect(summary.open).toBe(2);
    expect(summary.measured).toBe(10);
    expect(summary.onTime).toBeCloseTo(6 / 10, 12); // 5 + 1 early
    expect(summary.inFull).toBeCloseTo(7 / 10, 12); // 5 + 2
    expect(summary.otif).toBeCloseTo(5 / 10, 12);
    // lead times sorted: 2, 3,3,3,3,3, 7,7, 9 (n = 9): mean 40/9; median rank 4 -> 3; p90 rank 7.2 -> 7 + 0.2 * (9 - 7)
    expect(summary.leadTime?.mean).toBeCloseTo(40 / 9, 12);
    expect(summary.leadTime?.median).toBe(3);
    expect(summary.leadTime?.p90).toBeCloseTo(7.4, 12);
  });

  test("a line delivered exactly on its requested day is on time; a line not yet due is open, not measured", () => {
    const summary = serviceSummary([delivered(1, 0), notDelivered(1, false)], [{ days: 4, lines: 1 }]);
    expect(summary.onTime).toBe(1);
    expect(summary.open).toBe(1);
    expect(summary.measured).toBe(1);
  });

  test("nothing measured: shares and lead time are null, not 0", () => {
    const summary = serviceSummary([notDelivered(3, false)], []);
    expect(summary).toEqual({ delivered: 0, measured: 0, overdue: 0, open: 3, onTime: null, inFull: null, otif: null, leadTime: null });
    expect(serviceSummary([], []).otif).toBeNull();
  });

  test("refuses a fractional or negative line count", () => {
    expect(() => serviceSummary([delivered(1.5, 0)], [])).toThrow(PlanningError);
    expect(() => serviceSummary([], [{ days: 3, lines: -1 }])).toThrow(/whole number of 0 or more; got -1/);
  });
});

describe("countedPercentile", () => {
  test("matches Excel's PERCENTILE.INC on the expanded values", () => {
    // {1, 2, 10, 10}: PERCENTILE.INC(.., 0.5) = 6, (.., 0.9) = 10, (.., 0.25) = 1.75, (.., 0) = 1, (.., 1) = 10
    const counted = [
      { days: 10, lines: 2 },
      { days: 1, lines: 1 },
      { days: 2, lines: 1 },
    ];
    expect(countedPercentile(counted, 0.5)).toBe(6);
    expect(countedPercentile(counted, 0.9)).toBe(10);
    expect(countedPercentile(counted, 0.25)).toBeCloseTo(1.75, 12);
    expect(countedPercentile(counted, 0)).toBe(1);
    expect(countedPercentile(counted, 1)).toBe(10);
  });

  test("refuses no values and a share outside 0..1", () => {
    expect(() => countedPercentile([], 0.5)).toThrow(/at least one value/);
    expect(() => countedPercentile([{ days: 1, lines: 0 }], 0.5)).toThrow(/at least one value/);
    expect(() => countedPercentile([{ days: 1, lines: 1 }], 1.5)).toThrow(/between 0 and 1; got 1.5/);
  });
});
