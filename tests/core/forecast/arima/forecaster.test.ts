import { PlanningError } from "../../../../src/core/errors";
import { arimaForecaster } from "../../../../src/core/forecast/arima";
import { forecasterById } from "../../../../src/core/forecast/registry";
import { FIXED_CASES, SERIES } from "./rCases";
import { SEASONAL_SERIES } from "./rSeasonalCases";

describe("automatic ARIMA forecaster", () => {
  it("is registered as method 'arima'", () => {
    expect(forecasterById("ARIMA")).toBe(arimaForecaster);
  });

  it("names the model as R and records its coefficients (WWWusage: R's ARIMA(1,1,1), ar1 0.6504, ma1 0.5256)", () => {
    const model = arimaForecaster.fit(SERIES.WWWusage, { seasonLength: 1 });
    expect(model.name).toBe("ARIMA(1,1,1)");
    expect(Object.keys(model.parameters)).toEqual(["ar1", "ma1"]);
    expect(model.parameters.ar1).toBeCloseTo(0.6504, 3);
    expect(model.parameters.ma1).toBeCloseTo(0.5256, 3);
  });

  it("reports R's statistics, a drift or mean parameter, and NaN fitted values before the first difference", () => {
    const www = FIXED_CASES.find((c) => c.name === "WWWusage" && c.rModel === "ARIMA(1,1,1)")!;
    const model = arimaForecaster.fit(SERIES.WWWusage, { seasonLength: 1 });
    expect(model.statistics.logLik).toBeCloseTo(www.rLogLik, 3);
    expect(model.statistics.aicc).toBeCloseTo(www.rAicc, 2);
    expect(model.statistics.parameters).toBe(3);
    expect(model.statistics.n).toBe(100);
    expect(model.fitted).toHaveLength(100);
    expect(model.fitted[0]).toBeNaN();
    expect(Number.isFinite(model.fitted[1])).toBe(true);
    expect(model.statistics.rmse).toBeGreaterThan(0);
    // ARIMA(0,1,0) with drift: the drift is the mean of the differences, (last - first) / (n - 1).
    const y = SERIES.N2909;
    const drift = arimaForecaster.fit(y, { seasonLength: 1 });
    expect(drift.name).toBe("ARIMA(0,1,0) with drift");
    expect(drift.parameters.drift).toBeCloseTo((y[y.length - 1] - y[0]) / (y.length - 1), 9);
    const lynx = arimaForecaster.fit(SERIES.lynx, { seasonLength: 1 });
    expect(Object.keys(lynx.parameters)).toEqual(["ar1", "ar2", "ma1", "ma2", "mean"]);
  });

  it("gives normal intervals at the levels asked, wider at 95% than at 80%", () => {
    const forecast = arimaForecaster.fit(SERIES.Nile, { seasonLength: 1 }).forecast(4, [80, 95]);
    expect(forecast.intervals.map((i) => i.level)).toEqual([80, 95]);
    forecast.mean.forEach((m, h) => {
      const half80 = forecast.intervals[0].upper[h] - m;
      const half95 = forecast.intervals[1].upper[h] - m;
      expect(half95 / half80).toBeCloseTo(1.959964 / 1.281552, 5);
      expect(m - forecast.intervals[1].lower[h]).toBeCloseTo(half95, 9);
    });
  });

  it("searches seasonal models when a season length is set, as R's auto.arima on a monthly ts (AirPassengers)", () => {
    const model = arimaForecaster.fit(SEASONAL_SERIES.AirPassengers.y, { seasonLength: 12 });
    expect(model.name).toBe("ARIMA(2,1,1)(0,1,0)[12]");
    expect(Object.keys(model.parameters)).toEqual(["ar1", "ar2", "ma1"]);
    expect(arimaForecaster.fit(SEASONAL_SERIES.AirPassengers.y, { seasonLength: 1 }).name).not.toMatch(/\[12\]/);
  });

  it("names seasonal coefficients sar / sma and reports the drift per period under a seasonal difference", () => {
    const model = arimaForecaster.fit(SEASONAL_SERIES.ldeaths.y, { seasonLength: 12 });
    expect(model.name).toBe("ARIMA(0,0,2)(2,1,0)[12] with drift");
    expect(Object.keys(model.parameters)).toEqual(["ma1", "ma2", "sar1", "sar2", "drift"]);
  });

  it("rejects short histories, non-numbers, bad season lengths, horizons and levels with planner messages", () => {
    expect(() => arimaForecaster.fit([1, 2, 3, 4, 5, 6], { seasonLength: 1 })).toThrow(PlanningError);
    expect(() => arimaForecaster.fit([1, 2, 3, 4, 5, 6], { seasonLength: 1 })).toThrow(/at least 7 periods/);
    expect(() => arimaForecaster.fit([1, 2, 3, NaN, 5, 6, 7, 8], { seasonLength: 1 })).toThrow(/period 4/);
    expect(() => arimaForecaster.fit(SERIES.Nile, { seasonLength: 0 })).toThrow(PlanningError);
    const model = arimaForecaster.fit(SERIES.Nile, { seasonLength: 1 });
    expect(() => model.forecast(0, [95])).toThrow(PlanningError);
    expect(() => model.forecast(3, [100])).toThrow(PlanningError);
  });
});
