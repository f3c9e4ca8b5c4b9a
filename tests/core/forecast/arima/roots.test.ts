import { invertMovingAverage, isStationary, rootsOutside } from "../../../../src/core/forecast/arima/roots";

describe("ARMA polynomial roots", () => {
  it("tests roots of 1 + c1 z + ... against a circle", () => {
    expect(rootsOutside(Float64Array.of(-0.5), 1)).toBe(true); // root 2
    expect(rootsOutside(Float64Array.of(-0.5), 2.5)).toBe(false);
    expect(rootsOutside(Float64Array.of(0.995), 1.01)).toBe(false); // root -1.005
    expect(rootsOutside(new Float64Array(0), 1)).toBe(true);
    // 1 - 1.5 z + 0.5 z^2 = (1 - z)(1 - 0.5 z): a unit root is not outside.
    expect(rootsOutside(Float64Array.of(-1.5, 0.5), 1)).toBe(false);
  });

  it("accepts stationary AR coefficients only (R's arCheck)", () => {
    expect(isStationary(Float64Array.of(0.5, 0.3))).toBe(true);
    expect(isStationary(Float64Array.of(1.02))).toBe(false);
    expect(isStationary(Float64Array.of(0.5, 0.6))).toBe(false); // 1 - 0.5 z - 0.6 z^2 has a root at 0.94
    expect(isStationary(Float64Array.of(0.5, 0))).toBe(true);
    expect(isStationary(new Float64Array(0))).toBe(true);
  });

  it("flips roots inside the unit circle as R's maInvert", () => {
    expect(Array.from(invertMovingAverage(Float64Array.of(2)))).toEqual([0.5]);
    // 1 - 2.5 z + z^2 = (1 - 2 z)(1 - 0.5 z): the root 0.5 becomes 2, giving (1 - 0.5 z)^2.
    const flipped = invertMovingAverage(Float64Array.of(-2.5, 1));
    expect(flipped[0]).toBeCloseTo(-1, 12);
    expect(flipped[1]).toBeCloseTo(0.25, 12);
    // R: maInvert(c(0.5, 1.5, 0.8)) = 0.5095527 0.6503353 0.3486216 (complex roots)
    const cubic = invertMovingAverage(Float64Array.of(0.5, 1.5, 0.8));
    [0.5095527, 0.6503353, 0.3486216].forEach((v, i) => expect(cubic[i]).toBeCloseTo(v, 6));
    expect(Array.from(invertMovingAverage(Float64Array.of(0.4, 0)))).toEqual([0.4, 0]);
    expect(Array.from(invertMovingAverage(Float64Array.of(2.5, 0)))).toEqual([0.4, 0]);
  });
});
