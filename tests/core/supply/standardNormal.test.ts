import { inverseNormal, inverseNormalLoss, normalCdf, normalLoss } from "../../../src/core/supply/standardNormal";
import { PlanningError } from "../../../src/core/errors";

describe("standard normal", () => {
  it("matches published values of Phi and its inverse (Excel NORM.S.DIST / NORM.S.INV)", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(normalCdf(0)).toBe(0.5);
    expect(inverseNormal(0.95)).toBeCloseTo(1.6448536269514722, 13);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(inverseNormal(0.9)).toBeCloseTo(1.2815515655446004, 13);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232306167813, 12);
  });

  it("inverts Phi across the range", () => {
    for (const p of [1e-10, 0.01, 0.02425, 0.3, 0.5, 0.77, 0.99, 1 - 1e-9]) expect(normalCdf(inverseNormal(p))).toBeCloseTo(p, 12);
  });

  it("gives the loss function of Silver, Pyke & Peterson's table (G(0) = 0.3989, G(1) = 0.0833, G(2) = 0.0085)", () => {
    expect(normalLoss(0)).toBeCloseTo(0.3989, 4);
    expect(normalLoss(1)).toBeCloseTo(0.0833, 4);
    expect(normalLoss(2)).toBeCloseTo(0.0085, 4);
    for (const g of [1e-4, 0.01, 0.2, 0.5, 2]) expect(normalLoss(inverseNormalLoss(g))).toBeCloseTo(g, 10);
  });

  it("rejects service levels outside (0, 1)", () => {
    expect(() => inverseNormal(1)).toThrow(PlanningError);
    expect(() => inverseNormal(0)).toThrow(/strictly between 0 and 1/);
    expect(() => inverseNormalLoss(0)).toThrow(PlanningError);
  });
});
