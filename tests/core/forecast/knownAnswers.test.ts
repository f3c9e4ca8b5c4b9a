import { crostonMethodForecaster, sbaForecaster, tsbForecaster } from "../../../src/core/forecast/croston";
import { sesForecaster, simpleExponentialSmoothing } from "../../../src/core/forecast/ses";
import { thetaForecaster } from "../../../src/core/forecast/theta";
import { driftForecaster } from "../../../src/core/forecast/drift";
import { naiveForecaster } from "../../../src/core/forecast/naive";

/** Quarterly-looking series used for the R comparisons (values recorded from R 4.2.2, forecast 8.20). */
const y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140];

describe("simple exponential smoothing", () => {
  it("hand case: alpha 0.5 on 1, 2, 3 gives l0 = 5/3 and final level 7/3", () => {
    const fit = simpleExponentialSmoothing([1, 2, 3], 0.5);
    expect(fit.initialLevel).toBeCloseTo(5 / 3, 12);
    expect(fit.fitted[1]).toBeCloseTo(4 / 3, 12);
    expect(fit.level).toBeCloseTo(7 / 3, 12);
  });

  it("matches R forecast::ses (alpha, sigma², forecast)", () => {
    const model = sesForecaster.fit(y, { seasonLength: 1 });
    expect(model.parameters.alpha).toBeCloseTo(0.9999, 3);
    expect(model.statistics.sigma2).toBeCloseTo(219.918098944686, 2);
    expect(model.forecast(2, [80]).mean[0]).toBeCloseTo(139.99739892937, 2);
  });
});

describe("Theta method", () => {
  it("matches R forecast::thetaf on a short series (means and 80/95% bounds)", () => {
    const result = thetaForecaster.fit(y, { seasonLength: 1 }).forecast(4, [80, 95]);
    const mean = [140.482664870801, 140.967882262105, 141.453099653409, 141.938317044714];
    const lower80 = [121.4777218523346, 114.0921785637259, 108.5377682798534, 103.9312830959967];
    const upper95 = [169.548217007675, 182.0707241018, 191.792754932091, 200.065059425946];
    result.mean.forEach((m, i) => expect(m).toBeCloseTo(mean[i], 2));
    result.intervals[0].lower.forEach((v, i) => expect(v).toBeCloseTo(lower80[i], 2));
    result.intervals[1].upper.forEach((v, i) => expect(v).toBeCloseTo(upper95[i], 2));
  });

  it("puts a multiplicative season back when the 90% test finds one", () => {
    const season = [0.8, 1.2, 1.0, 1.0];
    const series = Array.from({ length: 32 }, (_, t) => (100 + t) * season[t % 4]);
    const model = thetaForecaster.fit(series, { seasonLength: 4 });
    expect(model.name).toContain("seasonally adjusted");
    const mean = model.forecast(4, [80]).mean;
    expect(mean[1] / mean[0]).toBeCloseTo(1.5, 1);
  });
});

describe("Croston family", () => {
  const x = [0, 0, 3, 0, 5, 0, 0, 2, 0, 0, 0, 4];

  it("Croston matches R forecast::croston (alpha 0.1)", () => {
    expect(crostonMethodForecaster.fit(x, { seasonLength: 1 }).forecast(2, [80]).mean[0]).toBeCloseTo(1.05067903279232, 10);
  });

  it("hand case: sizes 3,5,2,4 and intervals 3,2,3,4 smoothed with 0.1", () => {
    const size = [3, 5, 2, 4].reduce((z, v) => z + 0.1 * (v - z));
    const interval = [3, 2, 3, 4].reduce((p, v) => p + 0.1 * (v - p));
    expect(crostonMethodForecaster.fit(x, { seasonLength: 1 }).forecast(1, [80]).mean[0]).toBeCloseTo(size / interval, 12);
    expect(sbaForecaster.fit(x, { seasonLength: 1 }).forecast(1, [80]).mean[0]).toBeCloseTo((0.95 * size) / interval, 12);
  });

  it("TSB follows a demand that stops (obsolescence) while Croston does not", () => {
    const dying = [4, 0, 4, 0, 4, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const tsb = tsbForecaster.fit(dying, { seasonLength: 1 }).forecast(1, [80]).mean[0];
    const croston = crostonMethodForecaster.fit(dying, { seasonLength: 1 }).forecast(1, [80]).mean[0];
    expect(tsb).toBeLessThan(croston);
  });

  it("keeps interval lower bounds at zero or above for non-negative demand", () => {
    const result = crostonMethodForecaster.fit(x, { seasonLength: 1 }).forecast(3, [95]);
    result.intervals[0].lower.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
  });

  it("rejects a history with fewer than 2 demands", () => {
    expect(() => crostonMethodForecaster.fit([0, 0, 5, 0], { seasonLength: 1 })).toThrow(/at least 2 periods with non-zero demand/);
  });
});

describe("naive and drift", () => {
  it("naive: sd grows with √h (hand case)", () => {
    const result = naiveForecaster.fit([1, 2, 4, 3], { seasonLength: 1 }).forecast(4, [95]);
    const sigma = Math.sqrt((1 + 4 + 1) / 3);
    expect(result.intervals[0].upper[3] - 3).toBeCloseTo(1.959963984540054 * sigma * 2, 7);
  });

  it("drift: extends the line through the first and last points", () => {
    expect(driftForecaster.fit([2, 7, 3, 8], { seasonLength: 1 }).forecast(2, [80]).mean).toEqual([10, 12]);
  });

  it("drift: intervals as R's rwf(drift = TRUE), whose residual variance counts the drift as a parameter", () => {
    // R 4.2.2, forecast 8.20: rwf(c(3, 5, 4, 8, 9, 12), h = 2, drift = TRUE, level = 95)$lower
    const forecast = driftForecaster.fit([3, 5, 4, 8, 9, 12], { seasonLength: 1 }).forecast(2, [95]);
    expect(forecast.mean).toEqual([13.8, 15.6]);
    expect(forecast.intervals[0].lower[0]).toBeCloseTo(9.6701, 4);
    expect(forecast.intervals[0].lower[1]).toBeCloseTo(9.291473, 4);
  });
});
