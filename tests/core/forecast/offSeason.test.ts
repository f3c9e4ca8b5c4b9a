import { naiveForecaster } from "../../../src/core/forecast/naive";
import { offSeasonModel, offSeasonPositions } from "../../../src/core/forecast/offSeason";

describe("a seasonal product's off-season", () => {
  it("finds the positions of the cycle that never sold, over two cycles or more", () => {
    expect(offSeasonPositions([5, 0, 0, 6, 0, 0, 4, 0, 0], 3)).toEqual(new Set([1, 2]));
    expect(offSeasonPositions([5, 0, 0, 6, 0, 3, 4, 0, 0], 3)).toEqual(new Set([1]));
    expect(offSeasonPositions([5, 0, 0], 3)).toEqual(new Set());
    expect(offSeasonPositions([5, 0, 5, 0], 1)).toEqual(new Set());
  });

  it("forecasts 0 with a lower bound of 0 there, the model's upper bound, and the model elsewhere", () => {
    const history = [5, 0, 0, 6, 0, 0, 4, 0, 0, 5];
    const model = naiveForecaster.fit(history, { seasonLength: 1 });
    const own = model.forecast(3, [80]);
    // the next periods are positions 1, 2, 0 of the cycle (10 % 3 = 1)
    const forecast = offSeasonModel(model, offSeasonPositions(history, 3), history.length, 3).forecast(3, [80]);
    expect(forecast.mean).toEqual([0, 0, own.mean[2]]);
    expect(forecast.intervals[0].lower).toEqual([0, 0, own.intervals[0].lower[2]]);
    expect(forecast.intervals[0].upper).toEqual(own.intervals[0].upper);
  });
});
