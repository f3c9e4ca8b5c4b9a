import { combineModels } from "../../../src/core/forecast/combination";
import type { FittedModel } from "../../../src/core/forecast/model";
import { seasonallyAdjustedForecaster } from "../../../src/core/forecast/seasonalAdjustment";
import { naiveForecaster } from "../../../src/core/forecast/naive";

/** A stub model forecasting `level` flat with interval half-width `half` at every level. */
function flat(level: number, half: number): FittedModel {
  return {
    name: `Flat ${level}`,
    statistics: { logLik: 0, aic: 0, aicc: 0, bic: 0, sigma2: 1, rmse: 1, mae: 1, parameters: 1, n: 3 },
    parameters: { level },
    fitted: [level, level, level],
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
