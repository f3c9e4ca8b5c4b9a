import { PlanningError } from "../../../src/core/errors";
import { describeModel, forecastSeries } from "../../../src/core/forecast/forecastSeries";

const season = [80, 90, 110, 120, 130, 100];
const monthlyLike = Array.from({ length: 48 }, (_, t) => (200 + 2 * t) * (season[t % 6] / 105) + ((t * 37) % 11) - 5);

describe("forecastSeries: validation of the request", () => {
  const history = [10, 12, 11, 13, 12, 14, 13, 15];
  it.each([0, -1, 2.5, 121, NaN])("rejects horizon %p", (horizon) => {
    expect(() => forecastSeries({ history, horizon })).toThrow(PlanningError);
    expect(() => forecastSeries({ history, horizon })).toThrow(/horizon must be a whole number of periods from 1 to 120/);
  });

  it.each([[[0]], [[100]], [[80, 120]], [[-5]], [[NaN]]])("rejects levels %p", (levels) => {
    expect(() => forecastSeries({ history, horizon: 3, levels })).toThrow(/strictly between 0 and 100/);
  });

  it.each([0, 1.5, -12])("rejects season length %p", (seasonLength) => {
    expect(() => forecastSeries({ history, horizon: 3, seasonLength })).toThrow(/season length must be a whole number/);
  });

  it("rejects an unknown method, listing the known ones", () => {
    expect(() => forecastSeries({ history, horizon: 3, method: "prophet" })).toThrow(/Unknown forecast method "prophet".*theta/);
  });

  it("rejects an empty history and one with a single number", () => {
    expect(() => forecastSeries({ history: [], horizon: 3 })).toThrow(PlanningError);
    expect(() => forecastSeries({ history: [null, 5, null], horizon: 3 })).toThrow(/at least 2/);
  });

  it("names the minimum when the history is too short for the requested method", () => {
    expect(() => forecastSeries({ history: [1, 2, 3], horizon: 2, method: "theta" })).toThrow(/needs at least 4 periods/);
    expect(() => forecastSeries({ history: history, horizon: 2, method: "snaive", seasonLength: 12 })).toThrow(/needs at least 13 periods/);
  });
});

describe("forecastSeries: outcome", () => {
  it("returns h points, intervals in the order asked, and the default levels 80 and 95", () => {
    const outcome = forecastSeries({ history: monthlyLike, horizon: 9, seasonLength: 6 });
    expect(outcome.mean).toHaveLength(9);
    expect(outcome.intervals.map((i) => i.level)).toEqual([80, 95]);
    expect(outcome.seasonLength).toBe(6);
    expect(outcome.method).toMatch(/^auto: /);
    expect(outcome.intermittent).toBe(false);
  });

  it("detects the season length when none is given and says so", () => {
    const outcome = forecastSeries({ history: monthlyLike, horizon: 6 });
    expect(outcome.seasonLength).toBe(6);
    expect(outcome.notes).toContain("season length 6 detected from the data");
  });

  it("fills blanks, records them and notes how many", () => {
    const history: (number | null)[] = [...monthlyLike];
    history[10] = null;
    history[20] = null;
    history[30] = null;
    const outcome = forecastSeries({ history, horizon: 3, seasonLength: 6, method: "theta" });
    expect(outcome.changes.map((c) => c.index)).toEqual([10, 20, 30]);
    expect(outcome.notes).toContain("3 blanks filled by seasonal interpolation");
  });

  it("forecasts a series that starts later (a new item) from its first number: the blanks before it are left out, not filled", () => {
    const recorded = [12, 15, 14, 18, 17, 21, 20, 24, 23, 27];
    const late = forecastSeries({ history: [null, null, null, ...recorded], horizon: 4, seasonLength: 1 });
    const own = forecastSeries({ history: recorded, horizon: 4, seasonLength: 1 });
    expect(late.mean).toEqual(own.mean);
    expect(late.changes).toEqual([]);
    expect(late.notes[0]).toBe("history starts in period 4: the 3 blank periods before its first number left out, not filled");
    // fitted values stay one per period of the history asked about
    expect(late.fitted).toHaveLength(13);
    expect(late.fitted.slice(0, 3).every(Number.isNaN)).toBe(true);
    expect(late.fitted.slice(3)).toEqual(own.fitted);
  });

  it("reads the family season from the series' first number on (position 0 is the first period asked about)", () => {
    const family = { seasonLength: 4, indices: [0.7, 1.3, 1.2, 0.8], statistic: 9 };
    const flat = [100, 103, 98, 101, 99, 102, 100, 97, 101, 100, 103, 99, 98, 102, 100, 101];
    const late = forecastSeries({ history: [null, ...flat], horizon: 4, seasonLength: 4, familySeason: family });
    // starting one period in, the item's first period sits at the family's position 1
    const own = forecastSeries({ history: flat, horizon: 4, seasonLength: 4, familySeason: { ...family, indices: [1.3, 1.2, 0.8, 0.7] } });
    expect(late.familySeason).toBe(true);
    expect(late.mean).toEqual(own.mean);
  });

  it("falls back to a simpler model for a short history in auto mode and says which", () => {
    const outcome = forecastSeries({ history: [10, 12], horizon: 2, seasonLength: 1 });
    expect(outcome.method).toBe("naive");
    expect(outcome.mean).toEqual([12, 12]);
    expect(outcome.notes).toContain("fell back to Naive: too few points (2) for the automatic combination");
  });

  it("leaves ETS out of the combination when the history is too short for it", () => {
    const outcome = forecastSeries({ history: [10, 12, 11, 13, 12, 14], horizon: 2, seasonLength: 1 });
    expect(outcome.notes).toContain("left automatic ETS out of the combination: needs at least 7 periods");
    expect(outcome.method).toBe("auto: theta+sa-drift+sa-ses");
  });

  it("weights intermittent-demand methods by the series' own rolling-origin errors in auto mode", () => {
    const history = [0, 0, 4, 0, 0, 0, 5, 0, 0, 3, 0, 0, 0, 0, 6, 0, 0, 4, 0, 0];
    const outcome = forecastSeries({ history, horizon: 4, seasonLength: 1 });
    expect(outcome.method).toMatch(/^auto-intermittent: (croston|sba|tsb|adida|imapa|ets|theta)$/);
    expect(outcome.model).toMatch(/^Weighted \(/);
    expect(outcome.intermittent).toBe(true);
    expect(outcome.notes[0]).toMatch(/^intermittent demand \(ADI .*: weighted by \d+ rolling-origin errors: /);
    expect(outcome.intervals[0].lower.every((v) => v >= 0)).toBe(true);
  });

  it("forecasts a product sold only in its season as seasonal demand, not as a flat intermittent rate", () => {
    // four years of 10 a month from January to June and nothing from July to December
    const history = Array.from({ length: 48 }, (_, t) => (t % 12 < 6 ? 10 : 0));
    const outcome = forecastSeries({ history, horizon: 12, seasonLength: 12 });
    outcome.mean.forEach((v, i) => expect(v).toBeCloseTo(i < 6 ? 10 : 0, 6));
    expect(outcome.intermittent).toBe(false);
    expect(outcome.method).toBe("auto: ets+arima+theta");
    expect(outcome.notes[0]).toMatch(/^demand only in season \(ADI 1\.75, but the position in the 12-period cycle decides which periods sell: z 4\.6\)/);
    // with noise, the months that never sold are still forecast 0, the others near their level
    const noisy = Array.from({ length: 48 }, (_, t) => (t % 12 < 6 ? 10 + ((t * 7) % 5) - 2 : 0));
    const forecast = forecastSeries({ history: noisy, horizon: 12, seasonLength: 12 }).mean;
    expect(forecast.slice(6)).toEqual([0, 0, 0, 0, 0, 0]);
    forecast.slice(0, 6).forEach((v) => expect(Math.abs(v - 10)).toBeLessThan(3));
  });

  it("forecasts 0 in the months a resort is closed every year, though its demand is not intermittent", () => {
    // six years of a season on 100, with May and October always 0 (ADI 1.2: not intermittent)
    const history = Array.from({ length: 72 }, (_, t) => (t % 12 === 4 || t % 12 === 9 ? 0 : Math.round(100 + 50 * Math.sin((2 * Math.PI * t) / 12) + 8 * Math.sin(t * 1.3))));
    const outcome = forecastSeries({ history, horizon: 12, seasonLength: 12 });
    expect(outcome.intermittent).toBe(false);
    expect([outcome.mean[4], outcome.mean[9]]).toEqual([0, 0]);
    expect(outcome.mean.filter((v) => v === 0)).toHaveLength(2);
    expect(outcome.notes).toContain("2 of the 12 periods of the cycle never sold in 6 or more cycles: forecast 0 there");
  });

  it("does not forecast below 0 a history that never was, and says so; a history with negatives may go below", () => {
    // drift (slope from the first and last values) on a line falling by 2 from 30, one bump: 0, -2, -4 ...
    const falling = Array.from({ length: 15 }, (_, t) => 30 - 2 * t + (t === 7 ? 3 : 0));
    const outcome = forecastSeries({ history: falling, horizon: 4, seasonLength: 1, method: "drift", levels: [80] });
    expect(outcome.mean).toEqual([0, 0, 0, 0]);
    expect(outcome.intervals[0].lower).toEqual([0, 0, 0, 0]);
    expect(outcome.intervals[0].upper[0]).toBeGreaterThan(0);
    expect(outcome.notes).toContain("forecast below 0 in 3 periods raised to 0 (the history is never negative)");
    // slope (-2 - 30) / 15 from -2: -4.1333, -6.2667
    const returns = forecastSeries({ history: [...falling, -2], horizon: 2, seasonLength: 1, method: "drift" });
    expect(returns.mean.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-4.133333333, -6.266666667]);
    expect(returns.notes.some((note) => note.includes("raised to 0"))).toBe(false);
  });

  it("uses a named method when asked", () => {
    const outcome = forecastSeries({ history: [1, 2, 3, 4, 5], horizon: 2, method: "drift", seasonLength: 1 });
    expect(outcome.mean).toEqual([6, 7]);
    expect(outcome.model).toBe("Random walk with drift");
  });
});

describe("describeModel", () => {
  it("lists model, method, season length and fit statistics as label/value rows", () => {
    const rows = describeModel({ history: [112, 118, 132, 129, 121, 135, 148, 148, 136, 119], horizon: 1, method: "theta", seasonLength: 1 });
    const table = Object.fromEntries(rows.filter(([label]) => label !== "Note"));
    expect(table.Model).toBe("Theta");
    expect(table.Method).toBe("theta");
    expect(table["Season length"]).toBe(1);
    expect(typeof table.RMSE).toBe("number");
    expect(table.alpha).toBeGreaterThan(0);
  });
});
