import { PlanningError } from "../../../src/core/errors";
import type { Forecaster } from "../../../src/core/forecast/model";
import { FORECASTERS } from "../../../src/core/forecast/registry";
import { autoForecaster } from "../../../src/core/forecast/auto";

/**
 * What each forecaster promises beyond the common contract. continuesLine: "exact" continues a straight
 * line, "upward" follows its direction (Theta extrapolates half the slope by design), false ignores trend.
 */
const TRAITS: Record<string, { continuesLine: "exact" | "upward" | false; constantExact: boolean; reproducesSeason: boolean }> = {
  naive: { continuesLine: false, constantExact: true, reproducesSeason: false },
  snaive: { continuesLine: false, constantExact: true, reproducesSeason: true },
  drift: { continuesLine: "exact", constantExact: true, reproducesSeason: false },
  ma: { continuesLine: false, constantExact: true, reproducesSeason: false },
  ses: { continuesLine: false, constantExact: true, reproducesSeason: false },
  theta: { continuesLine: "upward", constantExact: true, reproducesSeason: false },
  arima: { continuesLine: "exact", constantExact: true, reproducesSeason: false },
  croston: { continuesLine: false, constantExact: true, reproducesSeason: false },
  sba: { continuesLine: false, constantExact: false, reproducesSeason: false },
  tsb: { continuesLine: false, constantExact: true, reproducesSeason: false },
  adida: { continuesLine: false, constantExact: true, reproducesSeason: false },
  imapa: { continuesLine: false, constantExact: true, reproducesSeason: false },
  auto: { continuesLine: "upward", constantExact: true, reproducesSeason: false },
};

const defaultTraits = { continuesLine: false, constantExact: false, reproducesSeason: false };
const forecasters: Forecaster[] = [...Object.values(FORECASTERS), autoForecaster];
const noisy = Array.from({ length: 40 }, (_, t) => 50 + 10 * Math.sin(t * 1.7) + (t % 5) - 2 + t * 0.3);
const season = [5, 9, 14, 7];
const seasonal = Array.from({ length: 24 }, (_, t) => season[t % 4]);

describe.each(forecasters.map((f) => [f.id, f] as const))("forecaster %s", (id, forecaster) => {
  const traits = TRAITS[id] ?? defaultTraits;

  it("returns h points and one ordered interval per level, the 95% one at least as wide as the 80% one", () => {
    const result = forecaster.fit(noisy, { seasonLength: 1 }).forecast(7, [80, 95]);
    expect(result.mean).toHaveLength(7);
    expect(result.intervals.map((i) => i.level)).toEqual([80, 95]);
    const [i80, i95] = result.intervals;
    result.mean.forEach((m, s) => {
      expect(Number.isFinite(m)).toBe(true);
      expect(i80.lower[s]).toBeLessThanOrEqual(m + 1e-9);
      expect(i80.upper[s]).toBeGreaterThanOrEqual(m - 1e-9);
      expect(i95.lower[s]).toBeLessThanOrEqual(i80.lower[s] + 1e-9);
      expect(i95.upper[s]).toBeGreaterThan(i80.upper[s]);
    });
  });

  it("forecasts a constant series as that constant", () => {
    const model = forecaster.fit(new Array<number>(30).fill(42), { seasonLength: 1 });
    const mean = model.forecast(5, [95]).mean;
    if (traits.constantExact) mean.forEach((m) => expect(m).toBeCloseTo(42, 6));
    else mean.forEach((m) => expect(m).toBeGreaterThan(0));
  });

  if (traits.continuesLine) {
    it("continues a straight line", () => {
      const line = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
      const mean = forecaster.fit(line, { seasonLength: 1 }).forecast(5, [80]).mean;
      mean.forEach((m, s) => {
        if (traits.continuesLine === "exact") expect(m).toBeCloseTo(10 + 2 * (30 + s), 6);
        else expect(m).toBeGreaterThan(s === 0 ? line[29] : mean[s - 1]);
      });
    });
  }

  if (traits.reproducesSeason) {
    it("reproduces a pure seasonal pattern exactly", () => {
      const mean = forecaster.fit(seasonal, { seasonLength: 4 }).forecast(8, [80]).mean;
      expect(mean).toEqual([...season, ...season]);
    });
  }

  it("rejects a history shorter than its minimum with a PlanningError naming the minimum", () => {
    const minimum = forecaster.minLength(4);
    const short = noisy.slice(0, minimum - 1);
    expect(() => forecaster.fit(short, { seasonLength: 4 })).toThrow(PlanningError);
    expect(() => forecaster.fit(short, { seasonLength: 4 })).toThrow(new RegExp(`at least ${minimum}`));
  });
});
