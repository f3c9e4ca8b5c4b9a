import { stl } from "../../../src/core/forecast/stl";
import { SEASONAL_SERIES, STRENGTH_CASES } from "./arima/rSeasonalCases";

describe("STL decomposition as R's stl(y, s.window = 11)", () => {
  it.each(STRENGTH_CASES.map((c) => [c.name, c] as const))("%s: the seasonal part's first 8 values as R", (_, c) => {
    const { y, m } = SEASONAL_SERIES[c.name];
    const seasonal = stl(Float64Array.from(y), m, 11).seasonal;
    c.rStlSeasonal.forEach((v, t) => expect(Math.abs(seasonal[t] - v)).toBeLessThan(1e-8 * Math.max(1, Math.abs(v))));
  });

  it("adds up: seasonal + trend + remainder = the series", () => {
    const y = Float64Array.from(SEASONAL_SERIES.USAccDeaths.y);
    const { seasonal, trend, remainder } = stl(y, 12, 11);
    y.forEach((v, t) => expect(seasonal[t] + trend[t] + remainder[t]).toBeCloseTo(v, 8));
  });

  it("recovers an exact additive pattern around a constant level", () => {
    const pattern = [5, -3, 1, -3];
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 + pattern[t % 4]);
    const { seasonal, trend, remainder } = stl(y, 4, 7);
    seasonal.forEach((s, t) => expect(s).toBeCloseTo(pattern[t % 4], 9));
    trend.forEach((v) => expect(v).toBeCloseTo(100, 9));
    remainder.forEach((r) => expect(Math.abs(r)).toBeLessThan(1e-9));
  });
});
