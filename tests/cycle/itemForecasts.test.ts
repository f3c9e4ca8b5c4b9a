import { familySeason, forecastSeries } from "../../src/core/forecast";
import { forecastItems } from "../../src/cycle/itemForecasts";

const seasonal = Array.from({ length: 36 }, (_, t) => Math.round(100 + 30 * Math.sin((2 * Math.PI * t) / 12) + 2 * t + ((t * 7) % 5)));
const flat = Array.from({ length: 36 }, (_, t) => 50 + ((t * 11) % 7));
const sparse = Array.from({ length: 36 }, (_, t) => (t % 4 === 0 ? 6 : 0));

describe("step 2's item forecasts", () => {
  test("give forecastSeries' numbers for automatic mode, with and without the family's season", () => {
    const season = familySeason([seasonal, flat], 12);
    const jobs = [{ history: seasonal }, { history: flat, familySeason: season }, { history: sparse }];
    const results = forecastItems({ horizon: 6, seasonLength: 12, level: 80, holdout: 0, jobs });
    results.forEach((result, k) => {
      const reference = forecastSeries({ history: jobs[k].history, horizon: 6, seasonLength: 12, levels: [80], familySeason: jobs[k].familySeason });
      expect([result.model, result.intermittent, result.familySeason, result.rmse]).toEqual([reference.model, reference.intermittent, reference.familySeason, reference.statistics.rmse]);
      expect(result.forecast).toEqual(reference.mean.map((v) => Math.max(0, v)));
      expect(result.upper).toEqual(reference.intervals[0].upper.map((v) => Math.max(0, v)));
    });
    expect(results[2].intermittent).toBe(true);
  });

  test("carry each series' one-step in-sample errors, one per history month, whose root mean square is the model's RMSE", () => {
    const [result] = forecastItems({ horizon: 3, seasonLength: 12, level: 80, holdout: 0, jobs: [{ history: seasonal }] });
    expect(result.errors).toHaveLength(36);
    const known = result.errors.filter(Number.isFinite);
    expect(known.length).toBeGreaterThan(24);
    expect(Math.sqrt(known.reduce((s, e) => s + e * e, 0) / known.length)).toBeCloseTo(result.rmse, 6);
  });
});
