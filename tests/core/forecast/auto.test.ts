import { automaticFit, automaticRule } from "../../../src/core/forecast/auto";

describe("automaticRule", () => {
  it("takes the median for a seasonal history", () => {
    const history = Array.from({ length: 48 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t);
    expect(automaticRule(history, 12)).toBe("median");
  });

  it("weighs by in-sample fit when there is no season", () => {
    const history = Array.from({ length: 30 }, (_, t) => 50 + 2 * t + (t % 3));
    expect(automaticRule(history, 1)).toBe("weighted");
    expect(automaticRule(history, 12)).toBe("weighted");
  });
});

describe("automaticFit", () => {
  it("combines non-seasonal histories with in-sample weights that sum to 1", () => {
    const history = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17];
    const fit = automaticFit(history, 1);
    expect(fit.model.name).toMatch(/^Weighted combination \(/);
    const weights = Object.entries(fit.model.parameters).filter(([key]) => key.endsWith(".weight")).map(([, w]) => w);
    expect(weights).toHaveLength(5);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it("keeps the median for seasonal histories", () => {
    const history = Array.from({ length: 48 }, (_, t) => 100 + 30 * Math.sin((2 * Math.PI * t) / 12) + t);
    expect(automaticFit(history, 12).model.name).toMatch(/^Median of \(/);
  });
});
