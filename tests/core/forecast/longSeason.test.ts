import { etsModelForecaster } from "../../../src/core/forecast/ets";
import { longSeasonForecaster, stlAdjustment } from "../../../src/core/forecast/longSeason";
import { AUTO_CANDIDATES, showsSeason } from "../../../src/core/forecast/auto";
import { forecasterById } from "../../../src/core/forecast/registry";

/** Three years and a bit of weekly sales: a yearly wave, a trend and two irregular waves. */
const WEEKLY = Array.from({ length: 160 }, (_, i) => {
  const t = i + 1;
  return 100 + 30 * Math.sin((2 * Math.PI * t) / 52) + 0.3 * t + 5 * Math.sin(t * 1.7) + 3 * Math.cos(t * 0.77);
});

describe("seasons longer than ETS holds (R's stlf)", () => {
  it("removes R's stl(y, s.window = 11) season and repeats its last cycle into the future", () => {
    // R 4.2.2: stl(ts(y, frequency = 52), s.window = 11)$time.series[157:160, "seasonal"]
    const adjustment = stlAdjustment(WEEKLY, 52);
    [6.971119, 3.407535, 8.262289, 17.798862].forEach((s, i) => expect(adjustment.index(156 + i)).toBeCloseTo(s, 4));
    expect(adjustment.index(160)).toBe(adjustment.index(108));
    expect(adjustment.adjusted[159]).toBeCloseTo(WEEKLY[159] - 17.798862, 4);
  });

  it("forecasts as R's stlf(y, method = 'rwdrift'): the method on the adjusted weeks, the season put back on forecast and bounds", () => {
    const model = longSeasonForecaster(forecasterById("drift"), () => true).fit(WEEKLY, { seasonLength: 52 });
    expect(model.name).toBe("STL + Random walk with drift");
    const forecast = model.forecast(8, [95]);
    // R 4.2.2, forecast 8.20: stlf(ts(y, frequency = 52), h = 8, method = "rwdrift", level = 95)
    const mean = [164.782846, 161.393628, 167.873044, 176.360689, 173.847678, 171.23137, 178.459401, 182.019308];
    const lower = [160.065674, 154.701724, 159.651756, 166.838308, 163.168726, 159.497553, 165.747082, 168.388395];
    forecast.mean.forEach((v, i) => expect(v).toBeCloseTo(mean[i], 4));
    forecast.intervals[0].lower.forEach((v, i) => expect(v).toBeCloseTo(lower[i], 4));
  });

  it("with ETS, lands within 0.3% of R's stlf(etsmodel = 'AAN', damped = FALSE), whose optimiser stops at a lower likelihood", () => {
    const model = longSeasonForecaster(etsModelForecaster({ error: "A", trend: "A", season: "N" }), () => true).fit(WEEKLY, { seasonLength: 52 });
    expect(model.name).toBe("STL + ETS(A,A,N)");
    // R: log-likelihood -554.02 on the adjusted weeks (alpha 0.041); ours finds -550.18 (alpha 0.0004)
    expect(model.statistics.logLik).toBeGreaterThan(-554.02);
    const mean = [165.567248, 162.199562, 168.70051, 177.20969, 174.718212, 172.123437, 179.373002, 182.954442];
    model.forecast(8, [95]).mean.forEach((v, i) => expect(Math.abs(v / mean[i] - 1)).toBeLessThan(0.003));
  });

  it("leaves seasons of up to 24, histories of two cycles or less and histories without their season to the method itself", () => {
    const monthly = WEEKLY.slice(0, 60);
    expect(AUTO_CANDIDATES.ets.fit(monthly, { seasonLength: 12 }).name).toMatch(/^ETS\(/);
    expect(AUTO_CANDIDATES.ets.fit(WEEKLY.slice(0, 104), { seasonLength: 52 }).name).toMatch(/^ETS\(.,.+,N\)$/);
    let seed = 7;
    const noise = (): number => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    const flat = Array.from({ length: 160 }, () => 100 + 10 * noise());
    expect(showsSeason(flat, 52)).toBe(false);
    expect(AUTO_CANDIDATES.theta.fit(flat, { seasonLength: 52 }).name).toBe("Theta");
    expect(AUTO_CANDIDATES.theta.fit(WEEKLY, { seasonLength: 52 }).name).toBe("STL + Theta");
  });
});
