import { KPSS_CRITICAL_5, kpssStatistic } from "../../../../src/core/forecast/arima/kpss";
import { KPSS_CASES, SERIES } from "./rCases";

describe("KPSS level-stationarity statistic", () => {
  it.each(KPSS_CASES.map((c) => [c.name, c] as const))("matches urca::ur.kpss(type = 'mu') on %s", (_, c) => {
    expect(kpssStatistic(Float64Array.from(SERIES[c.name]), c.lags)).toBeCloseTo(c.rStatistic, 9);
  });

  it("is small for an alternating (stationary) series and large for a trend (R: 1.083784 for 0..19, lag 1)", () => {
    const alternating = Float64Array.from({ length: 40 }, (_, t) => (t % 2 === 0 ? 1 : -1));
    expect(kpssStatistic(alternating, 2)).toBeLessThan(KPSS_CRITICAL_5);
    expect(kpssStatistic(Float64Array.from({ length: 20 }, (_, t) => t), 1)).toBeCloseTo(1.083784, 6);
  });

  it("uses Bartlett weights 1 - i / (l + 1) on the autocovariances (hand case)", () => {
    // e = (-1, 1, -1, 1): partial sums -1, 0, -1, 0 -> 2 / 16; sum e^2 / n = 1; lag 1 products sum -3, weight 1/2:
    // s2 = 1 + 2 * 0.5 * (-3) / 4 = 0.25, statistic 0.125 / 0.25 = 0.5.
    expect(kpssStatistic(Float64Array.of(0, 2, 0, 2), 1)).toBeCloseTo(0.5, 12);
  });
});
