import { relativeLosses, shrunkSelectionWeights } from "../../../src/core/forecast/selection";
import { rollingOrigins, rollingOriginForecasts } from "../../../src/core/forecast/rollingOrigin";
import { INTERVAL_SCALES, intervalScale, scaledIntervalsModel, seriesClass, standardisedErrors, tableScale } from "../../../src/core/forecast/calibration";
import { combineModels, weightedModels } from "../../../src/core/forecast/combination";
import { AUTO_CANDIDATES, AUTO_DESIGN, automaticFit } from "../../../src/core/forecast/auto";
import { naiveForecaster } from "../../../src/core/forecast/naive";
import { driftForecaster } from "../../../src/core/forecast/drift";

describe("rolling origins", () => {
  it("spaces origins over the last min(span, n/4) periods, leaving enough to fit on", () => {
    expect(rollingOrigins(40, 6, 3, 8)).toEqual([34, 36, 38]);
    expect(rollingOrigins(12, 12, 3, 6)).toEqual([9, 10, 11]);
    expect(rollingOrigins(8, 12, 3, 8)).toEqual([]);
  });

  it("fits at each origin and forecasts the rest of the history", () => {
    const runs = rollingOriginForecasts(naiveForecaster, [1, 2, 3, 4, 5], 1, [3, 4], [80]);
    expect(runs.map((r) => r.forecast.mean)).toEqual([[3, 3], [4]]);
    expect(runs.map((r) => r.actual)).toEqual([[4, 5], [5]]);
  });
});

describe("per-series selection", () => {
  it("scores MAE and RMSE relative to the best candidate", () => {
    expect(relativeLosses([{ errors: [1, -1] }, { errors: [2, -2] }, { errors: [] }])).toEqual([2, 4, NaN]);
  });

  it("selects the lowest loss, shrunk toward equal weights by N / (N + N0)", () => {
    expect(shrunkSelectionWeights([3, 2], 12, 12)).toEqual([0.25, 0.75]);
    expect(shrunkSelectionWeights([3, 2], 0, 12)).toEqual([0.5, 0.5]);
    expect(shrunkSelectionWeights([NaN, NaN], 10, 12)).toEqual([0.5, 0.5]);
  });

  it("combines models by weight", () => {
    const y = [1, 2, 3, 4, 5];
    const model = weightedModels(
      y,
      [naiveForecaster.fit(y, { seasonLength: 1 }), driftForecaster.fit(y, { seasonLength: 1 })],
      [0.75, 0.25],
    );
    expect(model.forecast(2, [80]).mean).toEqual([0.75 * 5 + 0.25 * 6, 0.75 * 5 + 0.25 * 7]);
    expect(model.name).toBe("Weighted (Naive 75%, Random walk with drift 25%)");
  });
});

describe("interval calibration from held-out errors", () => {
  const forecast = {
    mean: [10, 10],
    intervals: [{ level: 95, lower: [8.04, 6], upper: [11.96, 14] }],
  };

  it("standardises errors by the sd read from the interval's upper side", () => {
    const ratios = standardisedErrors([{ forecast, actual: [12, 6] }]);
    expect(ratios[0]).toBeCloseTo(2 / 1, 3);
    expect(ratios[1]).toBeCloseTo(4 / (4 / 1.959964), 6);
  });

  it("widens by the level-quantile of the errors over z, shrunk toward 1 and never below 1", () => {
    expect(intervalScale([0.5, 1, 1.5, 4], 80, 0)).toBeCloseTo(4 / 1.2815516, 6);
    expect(intervalScale([0.5, 1, 1.5, 4], 80, 4)).toBeCloseTo(1 + 0.5 * (4 / 1.2815516 - 1), 6);
    expect(intervalScale([0.1, 0.1], 95, 0)).toBe(1);
    expect(intervalScale([], 95, 0)).toBe(1);
  });

  it("scales half-widths around the point forecast and keeps lower bounds at the floor", () => {
    const model = scaledIntervalsModel(naiveForecaster.fit([5, 6, 5, 6, 5], { seasonLength: 1 }), () => 10, 0);
    const plain = naiveForecaster.fit([5, 6, 5, 6, 5], { seasonLength: 1 }).forecast(1, [80]);
    const scaled = model.forecast(1, [80]);
    expect(scaled.mean).toEqual(plain.mean);
    expect(scaled.intervals[0].upper[0] - 5).toBeCloseTo(10 * (plain.intervals[0].upper[0] - 5), 9);
    expect(scaled.intervals[0].lower[0]).toBe(0);
  });
});

describe("interval calibration table", () => {
  it("classes a series by season length, non-seasonal ones also by short (< 40) or long history", () => {
    expect(seriesClass(1, 20)).toBe("m1-short");
    expect(seriesClass(1, 63)).toBe("m1-long");
    expect(seriesClass(4, 44)).toBe("m4");
    expect(seriesClass(12, 126)).toBe("m12");
    expect(seriesClass(52, 200)).toBe("mother");
  });

  it("widens automatic mode's intervals of a short non-seasonal series by the table's scale", () => {
    const history = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135];
    const fit = (id: string) => AUTO_CANDIDATES[id].fit(history, { seasonLength: 1 });
    const consensus = combineModels(history, AUTO_DESIGN.members.map(fit), AUTO_DESIGN.rule);
    const own = combineModels(history, [consensus, ...AUTO_DESIGN.partners.map(fit)], "mean").forecast(4, [80, 95]);
    const calibrated = automaticFit(history, 1, { ...AUTO_DESIGN, evidence: undefined }).model.forecast(4, [80, 95]);
    expect(calibrated.mean).toEqual(own.mean);
    [80, 95].forEach((level, j) => {
      const scale = tableScale(INTERVAL_SCALES["m1-short"], level);
      expect(scale).toBeGreaterThan(1);
      own.mean.forEach((m, i) => {
        expect(calibrated.intervals[j].upper[i] - m).toBeCloseTo(scale * (own.intervals[j].upper[i] - m), 9);
      });
    });
  });

  it("interpolates the scale log-linearly in z between the 80% and 95% scales, held outside", () => {
    const cell = { scale80: 1.1, scale95: 1.3 };
    expect(tableScale(cell, 80)).toBeCloseTo(1.1, 12);
    expect(tableScale(cell, 95)).toBeCloseTo(1.3, 12);
    expect(tableScale(cell, 50)).toBeCloseTo(1.1, 12);
    expect(tableScale(cell, 99)).toBeCloseTo(1.3, 12);
    const z90 = 1.6448536;
    const t = (z90 - 1.2815516) / (1.959964 - 1.2815516);
    expect(tableScale(cell, 90)).toBeCloseTo(Math.exp((1 - t) * Math.log(1.1) + t * Math.log(1.3)), 6);
    expect(tableScale(undefined, 95)).toBe(1);
  });
});
