import { automaticFit } from "../../../src/core/forecast/auto";
import { INTERVAL_SCALES, tableScale } from "../../../src/core/forecast/calibration";
import type { FamilySeason } from "../../../src/core/forecast/familySeason";
import { familySeasonFit } from "../../../src/core/forecast/familySeasonFit";
import { forecastSeries } from "../../../src/core/forecast/forecastSeries";
import { seasonalityTest } from "../../../src/core/forecast/seasonality";
import { mulberry32 } from "../../../src/core/random";

const SEASON = Array.from({ length: 12 }, (_, p) => 1 + 0.3 * Math.cos((2 * Math.PI * (p - 8)) / 12));
const season: FamilySeason = { seasonLength: 12, indices: SEASON, statistic: 5 };

/** 36 months of level x season x (1 + noise), seeded. */
function item(level: number, noise: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: 36 }, (_, t) => level * SEASON[t % 12] * (1 + noise * (random() - 0.5)));
}

describe("familySeasonFit", () => {
  it("forecasts a deseasonalised constant as the constant times the family's indices", () => {
    const history = Array.from({ length: 36 }, (_, t) => 100 * SEASON[t % 12]);
    expect(seasonalityTest(history, 12).seasonal).toBe(false);
    const fit = familySeasonFit(history, season);
    const forecast = fit?.model.forecast(12, [80]);
    expect(forecast?.mean).toHaveLength(12);
    forecast?.mean.forEach((v, h) => expect(v).toBeCloseTo(100 * SEASON[(36 + h) % 12], 6));
    expect(fit?.model.name).toMatch(/^Family season \(m=12\): (Weighted \()?Combination \(Median of \(/);
    expect(fit?.method).toMatch(/^family season: auto: /);
    expect(fit?.notes[0]).toMatch(/season of the family applied/);
  });

  it("is the automatic non-seasonal fit of the deseasonalised item, season put back into forecasts and intervals", () => {
    const history = item(200, 0.4, 3);
    const fit = familySeasonFit(history, season);
    const plain = automaticFit(history.map((v, t) => v / SEASON[t % 12]), 1, undefined, 12).model.forecast(6, [80, 95]);
    const forecast = fit?.model.forecast(6, [80, 95]);
    expect(forecast?.intervals).toHaveLength(2);
    forecast?.mean.forEach((v, h) => expect(v).toBeCloseTo(plain.mean[h] * SEASON[(36 + h) % 12], 8));
    forecast?.intervals.forEach((interval, j) =>
      interval.lower.forEach((lower, h) => {
        expect(lower).toBeCloseTo(plain.intervals[j].lower[h] * SEASON[(36 + h) % 12], 8);
        expect(interval.upper[h]).toBeCloseTo(plain.intervals[j].upper[h] * SEASON[(36 + h) % 12], 8);
      }),
    );
  });

  it("sizes its intervals as monthly data, not as annual data: the interval table's monthly class", () => {
    const history = item(200, 0.4, 3);
    const adjusted = history.map((v, t) => v / SEASON[t % 12]);
    const monthly = automaticFit(adjusted, 1, undefined, 12).model.forecast(3, [80]);
    const annual = automaticFit(adjusted, 1).model.forecast(3, [80]);
    const ratio = tableScale(INTERVAL_SCALES.m12, 80) / tableScale(INTERVAL_SCALES["m1-short"], 80);
    expect(ratio).toBeLessThan(0.75);
    monthly.mean.forEach((mean, h) => {
      expect(annual.mean[h]).toBeCloseTo(mean, 10);
      expect(monthly.intervals[0].upper[h] - mean).toBeCloseTo(ratio * (annual.intervals[0].upper[h] - mean), 8);
    });
  });

  it("measures its fit statistics on the item's own scale", () => {
    const history = item(1000, 0.4, 5);
    const model = familySeasonFit(history, season)?.model;
    expect(model).toBeDefined();
    const residuals = history.map((v, t) => v - (model?.fitted[t] ?? NaN)).filter((e) => !Number.isNaN(e));
    expect(model?.statistics.rmse).toBeCloseTo(Math.sqrt(residuals.reduce((s, e) => s + e * e, 0) / residuals.length), 8);
    expect(model?.statistics.aicc).toBeNaN();
  });

  it("leaves an intermittent item to Croston and an item with its own season to the ordinary path", () => {
    const intermittent = Array.from({ length: 36 }, (_, t) => (t % 3 === 0 ? 10 + (t % 5) : 0));
    expect(familySeasonFit(intermittent, season)).toBeUndefined();
    const spiky = Array.from({ length: 36 }, (_, t) => (t % 12 === 11 ? 400 : 100) + (t % 7));
    expect(seasonalityTest(spiky, 12).seasonal).toBe(true);
    expect(familySeasonFit(spiky, season)).toBeUndefined();
  });
});

describe("forecastSeries with a family season", () => {
  const history = item(200, 0.4, 3);

  it("uses the family season in automatic mode and says so", () => {
    const outcome = forecastSeries({ history, horizon: 12, seasonLength: 12, familySeason: season });
    expect(outcome.familySeason).toBe(true);
    expect(outcome.model).toMatch(/^Family season \(m=12\): /);
    expect(outcome.mean[8]).toBeGreaterThan(1.3 * outcome.mean[2]);
    expect(forecastSeries({ history, horizon: 12, familySeason: season }).seasonLength).toBe(12);
  });

  it("ignores it for a named method and without one", () => {
    expect(forecastSeries({ history, horizon: 3, seasonLength: 12, method: "theta", familySeason: season }).familySeason).toBe(false);
    expect(forecastSeries({ history, horizon: 3, seasonLength: 12 }).familySeason).toBe(false);
  });

  it("refuses a season length different from the family season's", () => {
    expect(() => forecastSeries({ history, horizon: 3, seasonLength: 4, familySeason: season })).toThrow(/season length \(4\) differs from the family season's \(12\)/);
  });
});
