import { AUTO_CANDIDATES, AUTO_DESIGN, SEASONAL_DESIGN, SHORT_SEASONAL_DESIGN, arimaOrderFromName, automaticFit, designFor } from "../../../src/core/forecast/auto";
import { arimaForecast, fitArima } from "../../../src/core/forecast/arima";

/** A trending series with a little noise (deterministic). */
const TRENDING = Array.from({ length: 40 }, (_, t) => 100 + 2.5 * t + 6 * Math.sin(1.7 * t));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe("automatic mode", () => {
  it("averages the median of the smoothing family with automatic ARIMA at equal weight", () => {
    const fit = automaticFit(TRENDING, 1);
    expect(fit.method).toBe("auto: ets+theta+sa-ets-aadn+sa-drift+sa-ses+sa-arima");
    const members = AUTO_DESIGN.members.map((id) => AUTO_CANDIDATES[id].fit(TRENDING, { seasonLength: 1 }).forecast(6, [95]).mean);
    const arima = AUTO_CANDIDATES["sa-arima"].fit(TRENDING, { seasonLength: 1 }).forecast(6, [95]).mean;
    const expected = arima.map((a, h) => (median(members.map((m) => m[h])) + a) / 2);
    const forecast = fit.model.forecast(6, [95]);
    forecast.mean.forEach((v, h) => expect(v).toBeCloseTo(expected[h], 9));
    expect(fit.model.name).toMatch(/^Combination \(Median of \(.*\), ARIMA\(/);
  });

  it("continues a trend upwards and keeps the 95% interval around the forecast", () => {
    const forecast = automaticFit(TRENDING, 1).model.forecast(8, [95]);
    for (let h = 1; h < 8; h++) expect(forecast.mean[h]).toBeGreaterThan(forecast.mean[h - 1]);
    forecast.mean.forEach((v, h) => {
      expect(forecast.intervals[0].lower[h]).toBeLessThan(v);
      expect(forecast.intervals[0].upper[h]).toBeGreaterThan(v);
    });
  });

  it("leaves ARIMA out and says so when the history is shorter than it needs", () => {
    const fit = automaticFit([10, 12, 11, 13, 12, 14], 1);
    expect(fit.method).not.toMatch(/arima/);
    expect(fit.notes).toContain("left automatic ARIMA out of the combination: needs at least 7 periods");
  });

  it("takes another design for design studies: a plain median without partners", () => {
    const design = { members: ["theta", "sa-drift", "sa-ses"], rule: "median" as const, partners: [] };
    const fit = automaticFit(TRENDING, 1, design);
    expect(fit.method).toBe("auto: theta+sa-drift+sa-ses");
    const members = design.members.map((id) => AUTO_CANDIDATES[id].fit(TRENDING, { seasonLength: 1 }).forecast(3, [80]).mean);
    fit.model.forecast(3, [80]).mean.forEach((v, h) => expect(v).toBeCloseTo(median(members.map((m) => m[h])), 9));
  });

  it("gives quarters that show no season the non-seasonal design, and a history of fewer than three seasons the short-history one", () => {
    // Six years of quarters on a rising level with noise that repeats every 5 quarters, not every 4.
    const plain = Array.from({ length: 24 }, (_, t) => 100 + 2 * t + [3, -1, 4, -2, -4][t % 5]);
    expect(designFor(plain, 4)).toBe(AUTO_DESIGN);
    expect(automaticFit(plain, 4).method).toBe("auto: ets+theta+sa-ets-aadn+sa-drift+sa-ses+sa-arima");
    expect(designFor(plain.slice(0, 11), 4)).toBe(SHORT_SEASONAL_DESIGN);
    expect(designFor(plain.slice(0, 12), 4)).toBe(AUTO_DESIGN);
  });

  it("keeps more of the season of two years of monthly history than ETS, ARIMA and Theta, which cannot afford it there", () => {
    // 24 months of a strong season (amplitude 40 on 100) on a gentle trend, with noise that does not repeat
    const season = (t: number): number => 100 + 40 * Math.sin((2 * Math.PI * t) / 12) + 0.5 * t;
    const history = Array.from({ length: 24 }, (_, t) => season(t) + 6 * Math.sin(2.3 * t) + 4 * Math.cos(0.9 * t));
    const fit = automaticFit(history, 12);
    expect(fit.method).toBe("auto: ets+arima+theta+snaive");
    const forecast = fit.model.forecast(12, [80]).mean;
    const error = forecast.reduce((sum, v, i) => sum + Math.abs(v - season(24 + i)), 0) / 12;
    const withoutSeasonalNaive = automaticFit(history, 12, SEASONAL_DESIGN).model.forecast(12, [80]).mean;
    const errorBefore = withoutSeasonalNaive.reduce((sum, v, i) => sum + Math.abs(v - season(24 + i)), 0) / 12;
    // mean absolute error against the noise-free season: 14.74 against 18.13 (seasonal naive alone 5.83)
    expect(error).toBeLessThan(0.85 * errorBefore);
  });

  it("forecasts a seasonal series with the plain mean of seasonal ETS, seasonal ARIMA and Theta, as R's ets + auto.arima + thetaf mean", () => {
    // Six years of a quarterly season on a rising level, with fixed noise.
    const quarterly = Array.from({ length: 24 }, (_, t) => (100 + 2 * t) * [0.8, 1.1, 1.3, 0.8][t % 4] + [1.5, -2, 0.5, 1, -1.5, 2][t % 6]);
    expect(designFor(quarterly, 4)).toBe(SEASONAL_DESIGN);
    expect(designFor(quarterly, 1)).toBe(AUTO_DESIGN);
    const fit = automaticFit(quarterly, 4, { ...SEASONAL_DESIGN, evidence: undefined });
    expect(fit.method).toBe("auto: ets+arima+theta");
    const members = ["ets", "arima", "theta"].map((id) => AUTO_CANDIDATES[id].fit(quarterly, { seasonLength: 4 }).forecast(8, [80]).mean);
    fit.model.forecast(8, [80]).mean.forEach((v, h) => expect(v).toBeCloseTo((members[0][h] + members[1][h] + members[2][h]) / 3, 9));
    expect(automaticFit(quarterly, 4).method).toBe("auto: ets+arima+theta");
  });

  it("reads an ARIMA order back from its model name, so the rolling origins can refit the chosen model", () => {
    expect(arimaOrderFromName("ARIMA(0,1,1)(0,1,1)[12]")).toEqual({ p: 0, d: 1, q: 1, constant: false, seasonal: { P: 0, D: 1, Q: 1, m: 12 } });
    expect(arimaOrderFromName("ARIMA(2,0,1) with non-zero mean")).toEqual({ p: 2, d: 0, q: 1, constant: true });
    expect(arimaOrderFromName("ARIMA(1,1,0) with drift")).toEqual({ p: 1, d: 1, q: 0, constant: true });
    expect(arimaOrderFromName("ETS(A,N,N)")).toBeUndefined();
    const quarterly = Array.from({ length: 32 }, (_, t) => (100 + 2 * t) * [0.8, 1.1, 1.3, 0.8][t % 4] + [1.5, -2, 0.5, 1, -1.5, 2][t % 6]);
    const model = AUTO_CANDIDATES.arima.fit(quarterly, { seasonLength: 4 });
    const order = arimaOrderFromName(model.name);
    const refit = order && fitArima(Float64Array.from(quarterly), order);
    expect(refit).toBeTruthy();
    if (refit) Array.from(arimaForecast(refit, 4).mean).forEach((v, h) => expect(v).toBeCloseTo(model.forecast(4, [80]).mean[h], 6));
  });
});
