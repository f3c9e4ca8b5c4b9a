import { sampleQuantile, simulateEtsPaths } from "../../../../src/core/forecast/ets/intervals";
import { seededNormal } from "../../../../src/core/forecast/ets/seededNormal";

describe("simulation helpers", () => {
  it("draws the same normal stream for the same seed, with mean 0 and variance 1", () => {
    const a = seededNormal(7);
    const b = seededNormal(7);
    const draws = Array.from({ length: 20000 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws.slice(0, 5));
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + (v - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });

  it("interpolates sample quantiles (type 7)", () => {
    expect(sampleQuantile(Float64Array.of(4, 1, 3, 2), 0.5)).toBe(2.5);
    expect(sampleQuantile(Float64Array.of(4, 1, 3, 2), 0)).toBe(1);
    expect(sampleQuantile(Float64Array.of(4, 1, 3, 2), 1)).toBe(4);
    expect(sampleQuantile(Float64Array.of(10, 20, 30, 40, 50), 0.1)).toBeCloseTo(14, 12);
  });

  it("simulates SES paths whose spread matches the analytic variance sigma2 (1 + (h - 1) alpha^2)", () => {
    const model = { error: 1, trend: 0, season: 0, m: 1, alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
    const paths = simulateEtsPaths(model, Float64Array.of(100, 0, 0), 10, 4, 3, 20000);
    for (let h = 0; h < 3; h++) {
      const step = paths.subarray(h * 20000, (h + 1) * 20000);
      const mean = step.reduce((s, v) => s + v, 0) / step.length;
      const variance = step.reduce((s, v) => s + (v - mean) ** 2, 0) / step.length;
      expect(mean).toBeCloseTo(100, 0);
      expect(variance / (4 * (1 + h * 0.25))).toBeCloseTo(1, 1);
    }
  });
});
