import { PlanningError } from "../../../src/core/errors";
import { correctOutliers, fillMissing } from "../../../src/core/forecast/cleanse";

describe("fillMissing", () => {
  it("interpolates blanks linearly and records each change", () => {
    const result = fillMissing([10, null, null, 16, 18], 1);
    expect(result.values).toEqual([10, 12, 14, 16, 18]);
    expect(result.changes).toEqual([
      { index: 1, kind: "missing", from: null, to: 12, reason: "blank period filled by linear interpolation" },
      { index: 2, kind: "missing", from: null, to: 14, reason: "blank period filled by linear interpolation" },
    ]);
  });

  it("gives leading and trailing blanks the nearest value", () => {
    expect(fillMissing([null, 5, 7, null], 1).values).toEqual([5, 5, 7, 7]);
  });

  it("fills a seasonal gap with the season, not a straight line", () => {
    const season = [10, 30, 20, 40];
    const history: (number | null)[] = Array.from({ length: 16 }, (_, t) => 100 + season[t % 4]);
    history[9] = null;
    const result = fillMissing(history, 4);
    expect(Math.abs(result.values[9] - 130)).toBeLessThan(0.5);
    expect(result.changes[0].reason).toContain("seasonal interpolation");
  });

  it("returns the history unchanged when nothing is missing", () => {
    expect(fillMissing([1, 2, 3], 1)).toEqual({ values: [1, 2, 3], changes: [] });
  });

  it("rejects a history with fewer than 2 numbers", () => {
    expect(() => fillMissing([null, 4, null], 1)).toThrow(PlanningError);
  });
});

describe("correctOutliers", () => {
  it("replaces a spike by its expected value and records it", () => {
    const result = correctOutliers([10, 11, 10, 95, 11, 10, 11], 1);
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ index: 3, kind: "outlier", from: 95, to: 11 });
    expect(result.values[3]).toBe(11);
  });

  it("keeps a regular season untouched", () => {
    const season = [10, 30, 20, 40];
    const history = Array.from({ length: 24 }, (_, t) => 100 + season[t % 4] + (t % 3));
    expect(correctOutliers(history, 4).changes).toEqual([]);
  });

  it("finds a spike inside a seasonal series", () => {
    const season = [10, 30, 20, 40];
    const history = Array.from({ length: 24 }, (_, t) => 100 + season[t % 4] + (t % 3));
    history[13] = 400;
    expect(correctOutliers(history, 4).changes.map((c) => c.index)).toEqual([13]);
  });
});
