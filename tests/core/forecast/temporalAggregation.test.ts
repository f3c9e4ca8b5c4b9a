import { adidaForecaster, imapaForecaster } from "../../../src/core/forecast/temporalAggregation";
import { simpleExponentialSmoothing } from "../../../src/core/forecast/ses";

describe("ADIDA (temporal aggregation)", () => {
  it("aggregates at the mean inter-demand interval and spreads the bucket forecast evenly", () => {
    // ADI 2: buckets [0,4] x3 sum to 4 each, SES forecasts 4, spread over 2 periods = 2.
    const forecast = adidaForecaster.fit([0, 4, 0, 4, 0, 4], { seasonLength: 1 }).forecast(3, [80]);
    forecast.mean.forEach((m) => expect(m).toBeCloseTo(2, 6));
  });

  it("drops the oldest remainder so buckets end at the last period", () => {
    // ADI 2 with 7 periods: the first period (100) is dropped; buckets [0,4] x3.
    const forecast = adidaForecaster.fit([100, 0, 4, 0, 4, 0, 4], { seasonLength: 1 }).forecast(1, [80]);
    expect(forecast.mean[0]).toBeCloseTo(2, 6);
  });

  it("forecasts 0 with 0-width intervals floored at 0 for a history without demand", () => {
    const forecast = adidaForecaster.fit([0, 0, 0, 0, 0], { seasonLength: 1 }).forecast(2, [95]);
    expect(forecast.mean).toEqual([0, 0]);
    expect(forecast.intervals[0].lower).toEqual([0, 0]);
  });
});

describe("IMAPA (multiple aggregation levels)", () => {
  it("averages the spread-back SES forecasts of levels 1..ADI", () => {
    const history = [0, 4, 0, 4, 0, 4, 0, 4];
    const level1 = simpleExponentialSmoothing(history).level;
    const level2 = simpleExponentialSmoothing([4, 4, 4, 4]).level / 2;
    const forecast = imapaForecaster.fit(history, { seasonLength: 1 }).forecast(2, [80, 95]);
    expect(forecast.mean[0]).toBeCloseTo((level1 + level2) / 2, 9);
    expect(forecast.intervals[0].lower[0]).toBeGreaterThanOrEqual(0);
    expect(forecast.intervals[1].upper[0]).toBeGreaterThan(forecast.intervals[0].upper[0]);
  });

  it("uses only levels leaving at least 3 buckets", () => {
    // ADI 6 but 12 periods: levels 1..4 (12/3), not up to 6.
    const history = [0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 6];
    expect(imapaForecaster.fit(history, { seasonLength: 1 }).parameters.levels).toBe(4);
  });
});
