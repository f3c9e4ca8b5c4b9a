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
});
