import { forecastItems } from "../../src/cycle/itemForecasts";

const seasonal = Array.from({ length: 36 }, (_, t) => Math.round(100 + 30 * Math.sin((2 * Math.PI * t) / 12) + 2 * t + ((t * 7) % 5)));

describe("step 2's item forecasts", () => {
  test("carry each series' one-step in-sample errors, one per history month, whose root mean square is the model's RMSE", () => {
    const [result] = forecastItems({ horizon: 3, seasonLength: 12, level: 80, holdout: 0, jobs: [{ history: seasonal }] });
    expect(result.errors).toHaveLength(36);
    const known = result.errors.filter(Number.isFinite);
    expect(known.length).toBeGreaterThanOrEqual(24);
    expect(Math.sqrt(known.reduce((s, e) => s + e * e, 0) / known.length)).toBeCloseTo(result.rmse, 6);
  });

  test("measure each item on its holdout as step 6 does, accuracy = 1 - WMAPE: a month that sold nothing costs the units forecast for it, not 200%", () => {
    // 30 months of 10, then a holdout of 10, 10, 0, 10, 10, 10: forecast 10 throughout, 10 units missed of 50 sold
    const history = [...new Array<number>(30).fill(10), 10, 10, 0, 10, 10, 10];
    const [result] = forecastItems({ horizon: 3, seasonLength: 1, level: 80, holdout: 6, jobs: [{ history }] });
    expect(result.holdoutAccuracy).toBeCloseTo(80, 6);
    const [none] = forecastItems({ horizon: 3, seasonLength: 1, level: 80, holdout: 0, jobs: [{ history }] });
    expect(none.holdoutAccuracy).toBeNull();
    const [soldNothing] = forecastItems({ horizon: 3, seasonLength: 1, level: 80, holdout: 6, jobs: [{ history: [...new Array<number>(30).fill(10), 0, 0, 0, 0, 0, 0] }] });
    expect(soldNothing.holdoutAccuracy).toBeNull();
  });
});
