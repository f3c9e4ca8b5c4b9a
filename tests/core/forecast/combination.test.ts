import { combineModels, inSampleWeights } from "../../../src/core/forecast/combination";
import type { FittedModel } from "../../../src/core/forecast/model";
import { seasonallyAdjustedForecaster } from "../../../src/core/forecast/seasonalAdjustment";
import { naiveForecaster } from "../../../src/core/forecast/naive";

/** A stub model forecasting `level` flat with interval half-width `half` at every level (fitted values `level` unless given). */
function flat(level: number, half: number, fitted: number[] = [level, level, level]): FittedModel {
  return {
    name: `Flat ${level}`,
    statistics: { logLik: 0, aic: 0, aicc: 0, bic: 0, sigma2: 1, rmse: 1, mae: 1, parameters: 1, n: 3 },
    parameters: { level },
    fitted,
    forecast: (h, levels) => ({
      mean: new Array<number>(h).fill(level),
      intervals: levels.map((l) => ({ level: l, lower: new Array<number>(h).fill(level - half), upper: new Array<number>(h).fill(level + half) })),
    }),
  };
}

describe("combineModels", () => {
  const history = [10, 10, 10];

  it("mean and median of point forecasts", () => {
    const members = [flat(10, 1), flat(20, 1), flat(60, 1)];
    expect(combineModels(history, members, "mean").forecast(2, [80]).mean).toEqual([30, 30]);
    expect(combineModels(history, members, "median").forecast(2, [80]).mean).toEqual([20, 20]);
  });

  it("keeps the members' interval when they agree", () => {
    const result = combineModels(history, [flat(10, 2), flat(10, 2)]).forecast(1, [95]);
    expect(result.intervals[0].lower[0]).toBeCloseTo(8, 12);
    expect(result.intervals[0].upper[0]).toBeCloseTo(12, 12);
  });

  it("widens the interval by the mixture ratio when members disagree (hand case)", () => {
    const z = 1.959963984540054;
    const result = combineModels(history, [flat(9, 2 * z), flat(11, 2 * z)]).forecast(1, [95]);
    const widen = Math.sqrt(1 + 1 / 4);
    expect(result.intervals[0].upper[0]).toBeCloseTo(10 + 2 * z * widen, 6);
  });

  it("names the combination and returns a single member unchanged", () => {
    expect(combineModels(history, [flat(1, 1), flat(2, 1)], "median").name).toBe("Median of (Flat 1, Flat 2)");
    const only = flat(5, 1);
    expect(combineModels(history, [only])).toBe(only);
  });
});

describe("inSampleWeights", () => {
  const history = [1, 2, 3, 4];

  it("weighs members by 1 / MAE² of their one-step fitted values (hand case)", () => {
    // MAE 0.25 and 1: raw weights 16 and 1
    const weights = inSampleWeights(history, [flat(0, 1, [1, 2, 3, 5]), flat(0, 1, [2, 3, 4, 5])]);
    expect(weights[0]).toBeCloseTo(16 / 17, 12);
    expect(weights[1]).toBeCloseTo(1 / 17, 12);
  });

  it("scores every member on the periods where all have fitted values", () => {
    // period 0 is left out for both: MAE 1/3 and 1/3
    const weights = inSampleWeights(history, [flat(0, 1, [NaN, 2, 3, 5]), flat(0, 1, [9, 2, 4, 4])]);
    expect(weights).toEqual([0.5, 0.5]);
  });

  it("gives the whole weight to members that fit exactly", () => {
    expect(inSampleWeights(history, [flat(0, 1, [1, 2, 3, 4]), flat(0, 1, [2, 3, 4, 5])])).toEqual([1, 0]);
  });

  it("falls back to equal weights when no period has every fitted value", () => {
    expect(inSampleWeights([1, 2], [flat(0, 1, [NaN, 2]), flat(0, 1, [1, NaN])])).toEqual([0.5, 0.5]);
  });
});

describe("combineModels with weights", () => {
  it("takes the mean weighted by in-sample fit and reports the weights", () => {
    const history = [1, 2, 3, 4];
    const model = combineModels(history, [flat(10, 1, [1, 2, 3, 5]), flat(27, 1, [2, 3, 4, 5])], "weighted");
    expect(model.forecast(1, [80]).mean[0]).toBeCloseTo((16 * 10 + 27) / 17, 10);
    expect(model.parameters["1.weight"]).toBeCloseTo(16 / 17, 12);
    expect(model.name).toBe("Weighted combination (Flat 10, Flat 27)");
  });

  it("widens the interval by the weighted mixture ratio (hand case)", () => {
    const z = 1.959963984540054;
    // weights 0.8 and 0.2 (MAE 0.5 and 1): centre 9.4, spread 0.8·0.16 + 0.2·2.56 = 0.64, average variance 4
    const model = combineModels([0, 0], [flat(9, 2 * z, [0.5, -0.5]), flat(11, 2 * z, [1, -1])], "weighted");
    const upper = model.forecast(1, [95]).intervals[0].upper[0];
    expect(upper).toBeCloseTo(9.4 + 2 * z * Math.sqrt(1 + 0.64 / 4), 6);
  });
});

describe("seasonallyAdjustedForecaster", () => {
  it("puts the season back into a non-seasonal method's forecast", () => {
    const season = [0.5, 1.5];
    const history = Array.from({ length: 20 }, (_, t) => 100 * season[t % 2]);
    const model = seasonallyAdjustedForecaster(naiveForecaster, "sa-naive").fit(history, { seasonLength: 2 });
    const mean = model.forecast(4, [80]).mean;
    mean.forEach((v, i) => expect(v).toBeCloseTo(100 * season[i % 2], 6));
    expect(model.name).toContain("seasonally adjusted");
  });
});
