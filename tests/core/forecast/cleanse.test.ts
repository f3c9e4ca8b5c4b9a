import { PlanningError } from "../../../src/core/errors";
import { correctOutliers, fillMissing, type CleansedSeries } from "../../../src/core/forecast/cleanse";
import { mulberry32 } from "../../../src/core/random";

/** Month t's true demand: level 300 rising 1.5 a month, with a 20% season peaking in September (t = 8). */
function trueDemand(t: number): number {
  return (300 + 1.5 * t) * (1 + 0.2 * Math.cos((2 * Math.PI * ((t % 12) - 8)) / 12));
}

/** Sales of n months: the true demand with noise of about 8% from a fixed seed, in whole units. */
function seasonalMonths(n: number): number[] {
  const random = mulberry32(7);
  return Array.from({ length: n }, (_, t) => Math.round(trueDemand(t) * (1 + 0.16 * (random() + random() + random() - 1.5))));
}

/** How far a corrected value lies from the true demand, as a share of it. */
const missOf = (corrected: CleansedSeries, t: number): number => Math.abs(corrected.values[t] - trueDemand(t)) / trueDemand(t);

/** 36 months of a season without trend or noise: 300 plus 60 at the September peak (t = 8), minus 60 in March. */
const flatSeason = Array.from({ length: 36 }, (_, t) => 300 + 60 * Math.cos((2 * Math.PI * ((t % 12) - 8)) / 12));

/** The series with one month spoiled the way the sample's outliers are: 4 times the true value plus 200. */
function withSpike(values: readonly number[], t: number): number[] {
  return values.map((v, s) => (s === t ? 4 * v + 200 : v));
}

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

  it("interpolates linearly past a spike next to the blank", () => {
    const result = fillMissing([10, 11, 10, null, 95, 11, 10, 11, 10, 11, 10, 11], 1);
    expect(result.values[3]).toBeCloseTo(10 + 1 / 3, 10);
    expect(result.changes[0].reason).toBe("blank period filled by linear interpolation");
  });

  it.each([
    ["a 6-month gap", [14, 15, 16, 17, 18, 19]],
    ["leading and trailing blanks", [0, 1, 34, 35]],
  ])("fills %s in a season with the season, not a straight line", (_, blanks) => {
    const history: (number | null)[] = [...flatSeason];
    for (const t of blanks) history[t] = null;
    const result = fillMissing(history, 12);
    expect(result.changes.map((change) => change.index)).toEqual(blanks);
    result.changes.forEach((change) => expect(change.to).toBeCloseTo(flatSeason[change.index], 9));
    expect(result.changes[0].reason).toBe("blank period filled by seasonal interpolation");
  });

  it("fills a blank near its true demand when the same month of another year is a spike", () => {
    // Every month blanked in turn; the months actually sold miss their true demand by 7% on average, 19% at most.
    const truth = seasonalMonths(36);
    const misses = truth.map((_, blank) => {
      const history: (number | null)[] = withSpike(truth, blank < 24 ? blank + 12 : blank - 12);
      history[blank] = null;
      return missOf(fillMissing(history, 12), blank);
    });
    expect(Math.max(...misses)).toBeLessThan(0.3);
    expect(misses.reduce((sum, miss) => sum + miss, 0) / misses.length).toBeLessThan(0.1);
  });

  it("with under 3 cycles of a season (30 months) interpolates linearly, closer to the true demand than a season from 2 years", () => {
    const truth = seasonalMonths(30);
    const fills = truth.map((_, blank) => fillMissing(truth.map((v, t) => (t === blank ? null : v)), 12));
    const meanMiss = fills.reduce((sum, filled, blank) => sum + missOf(filled, blank), 0) / fills.length;
    expect(meanMiss).toBeLessThan(0.065);
    expect(fills.map((filled) => filled.changes[0].reason)).toEqual(truth.map(() => "blank period filled by linear interpolation"));
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
    expect(result.changes[0]).toMatchObject({ index: 3, kind: "outlier", from: 95, to: 10.5 });
    expect(result.values).toEqual([10, 11, 10, 10.5, 11, 10, 11]);
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

  it.each([
    [36, 17],
    [60, 40],
  ])("on %i months changes only the spoiled month (%i), to near its true value, and leaves that month of the other years alone", (months, spoiled) => {
    const truth = seasonalMonths(months);
    const result = correctOutliers(withSpike(truth, spoiled), 12);
    expect(result.changes.map((c) => c.index)).toEqual([spoiled]);
    expect(missOf(result, spoiled)).toBeLessThan(0.1);
    expect(result.values.filter((_, t) => t !== spoiled)).toEqual(truth.filter((_, t) => t !== spoiled));
  });

  it("with under 3 cycles (24 months) expects a month from its neighbours and still corrects only the spike", () => {
    const truth = seasonalMonths(24);
    const result = correctOutliers(withSpike(truth, 10), 12);
    expect(result.changes.map((c) => c.index)).toEqual([10]);
    expect(missOf(result, 10)).toBeLessThan(0.1);
  });

  it("corrects a stock-out month (a zero) in a seasonal series", () => {
    const truth = seasonalMonths(36);
    const spoiled = truth.map((v, t) => (t === 14 ? 0 : v));
    const result = correctOutliers(spoiled, 12);
    expect(result.changes.map((c) => c.index)).toEqual([14]);
    expect(missOf(result, 14)).toBeLessThan(0.05);
  });

  it("leaves a month that is odd for its season but usual for the item (validation would not warn about it)", () => {
    const history = Array.from({ length: 24 }, (_, t) => (t % 2 === 0 ? 100 : 200) + (t % 3));
    history[8] = 201;
    expect(correctOutliers(history, 2).changes).toEqual([]);
  });

  it("leaves intermittent demand alone: its occasional orders are demand, not outliers", () => {
    const history = [0, 0, 12, 0, 0, 0, 9, 0, 0, 0, 0, 30, 0, 0, 8, 0, 0, 0, 0, 11, 0, 0, 0, 0];
    expect(correctOutliers(history, 12).changes).toEqual([]);
  });

  it("corrects no month closer to its expected value than k robust standard deviations", () => {
    const spoiled = withSpike(seasonalMonths(36), 17);
    const distance = Number.parseFloat(correctOutliers(spoiled, 12).changes[0].reason);
    expect(distance).toBeGreaterThan(5);
    expect(correctOutliers(spoiled, 12, distance + 0.1).changes).toEqual([]);
  });
});
