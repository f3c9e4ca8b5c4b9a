import { difference, differencesNeeded, isConstant } from "../../../../src/core/forecast/arima/differencing";
import { KPSS_CASES, SERIES } from "./rCases";

describe("differencing", () => {
  it("takes d-th differences", () => {
    expect(Array.from(difference(Float64Array.of(1, 4, 9, 16, 25), 1))).toEqual([3, 5, 7, 9]);
    expect(Array.from(difference(Float64Array.of(1, 4, 9, 16, 25), 2))).toEqual([2, 2, 2]);
    expect(Array.from(difference(Float64Array.of(1, 4), 0))).toEqual([1, 4]);
    expect(difference(Float64Array.of(1, 4), 3)).toHaveLength(0);
  });

  it("judges constancy as R's all.equal: relative mean difference at most sqrt(machine epsilon)", () => {
    expect(isConstant(Float64Array.of(5, 5, 5))).toBe(true);
    expect(isConstant(Float64Array.of(7))).toBe(true);
    expect(isConstant(Float64Array.of(1000, 1000 * (1 + 1e-9), 1000))).toBe(true);
    expect(isConstant(Float64Array.of(1000, 1000 * (1 + 1e-7), 1000))).toBe(false);
    // Near zero the difference is absolute.
    expect(isConstant(Float64Array.of(0, 1e-9, 0))).toBe(true);
    expect(isConstant(Float64Array.of(0, 1e-6, 0))).toBe(false);
  });

  it.each(KPSS_CASES.map((c) => [c.name, c] as const))("chooses R's ndiffs() on %s", (_, c) => {
    expect(differencesNeeded(Float64Array.from(SERIES[c.name]))).toBe(c.rDifferences);
  });

  it("stops at two differences, and as soon as the differenced series is constant", () => {
    expect(differencesNeeded(Float64Array.from({ length: 30 }, (_, t) => t ** 3))).toBe(2);
    expect(differencesNeeded(Float64Array.from({ length: 30 }, (_, t) => 3 * t))).toBe(1);
    expect(differencesNeeded(new Float64Array(10).fill(4))).toBe(0);
    expect(differencesNeeded(Float64Array.from({ length: 30 }, (_, t) => t ** 3), 1)).toBe(1);
  });
});
