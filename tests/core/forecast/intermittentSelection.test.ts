import { intermittentFit, INTERMITTENT_CANDIDATES } from "../../../src/core/forecast/intermittentSelection";

describe("intermittent demand by validation", () => {
  const lumpy = [0, 3, 0, 0, 4, 0, 2, 0, 0, 3, 0, 5, 0, 0, 2, 0, 0, 4, 0, 3, 0, 0, 6, 0];

  it("weights every candidate, the best on its own rolling-origin errors most, weights summing to 1", () => {
    const choice = intermittentFit(lumpy, 1);
    expect(choice).toBeDefined();
    if (!choice) return;
    expect(choice.weights.map((w) => w.id).sort()).toEqual([...INTERMITTENT_CANDIDATES].sort());
    expect(choice.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
    expect(choice.weights[0].weight).toBeGreaterThan(choice.weights[1].weight);
    expect(choice.evidence).toBeGreaterThan(0);
  });

  it("forecasts a non-negative mean near the demand rate with nested intervals floored at 0", () => {
    const choice = intermittentFit(lumpy, 1);
    const forecast = choice?.model.forecast(6, [80, 95]);
    expect(forecast).toBeDefined();
    if (!forecast) return;
    const rate = lumpy.reduce((s, v) => s + v, 0) / lumpy.length;
    forecast.mean.forEach((m) => expect(m).toBeGreaterThan(rate / 3));
    forecast.mean.forEach((m) => expect(m).toBeLessThan(rate * 3));
    const [i80, i95] = forecast.intervals;
    forecast.mean.forEach((m, i) => {
      expect(i95.lower[i]).toBeGreaterThanOrEqual(0);
      expect(i95.lower[i]).toBeLessThanOrEqual(i80.lower[i]);
      expect(i95.upper[i]).toBeGreaterThanOrEqual(i80.upper[i]);
      expect(i80.upper[i]).toBeGreaterThan(m);
    });
  });

  it("follows a series that switched from rare to regular demand better than Croston alone", () => {
    const switched = [...Array.from({ length: 24 }, (_, t) => (t % 6 === 0 ? 6 : 0)), ...Array.from({ length: 12 }, () => 5)];
    const choice = intermittentFit(switched, 1);
    expect(choice?.model.forecast(1, [80]).mean[0]).toBeGreaterThan(3);
  });
});
