import { polynomialRoots, rootsInsideUnitCircle } from "../../../src/core/forecast/polynomial";

/** Roots sorted by real part, then imaginary part, as [re, im] pairs. */
const sortedRoots = (coefficients: number[]): [number, number][] => {
  const { re, im } = polynomialRoots(coefficients);
  return Array.from(re, (r, i): [number, number] => [r, im[i]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
};

describe("polynomial roots", () => {
  it("tests polynomial roots against the unit circle", () => {
    expect(rootsInsideUnitCircle(Float64Array.of(-0.5, 1), new Float64Array(2))).toBe(true);
    expect(rootsInsideUnitCircle(Float64Array.of(-2, 1), new Float64Array(2))).toBe(false);
    // (z - 0.5)(z + 0.9) = z^2 + 0.4 z - 0.45
    expect(rootsInsideUnitCircle(Float64Array.of(-0.45, 0.4, 1), new Float64Array(3))).toBe(true);
    // (z - 0.5)(z - 1.1) = z^2 - 1.6 z + 0.55
    expect(rootsInsideUnitCircle(Float64Array.of(0.55, -1.6, 1), new Float64Array(3))).toBe(false);
  });

  it("finds real roots: (z - 1)(z - 2) and (z + 3)(z - 0.5)(z - 4)", () => {
    sortedRoots([2, -3, 1]).forEach(([re, im], i) => {
      expect(re).toBeCloseTo([1, 2][i], 12);
      expect(im).toBeCloseTo(0, 12);
    });
    // (z + 3)(z - 0.5)(z - 4) = z^3 - 1.5 z^2 - 11.5 z + 6
    sortedRoots([6, -11.5, -1.5, 1]).forEach(([re], i) => expect(re).toBeCloseTo([-3, 0.5, 4][i], 12));
  });

  it("finds complex pairs: z^2 + 1 and 1 + z + z^2 (R: polyroot)", () => {
    const unit = sortedRoots([1, 0, 1]);
    expect(unit[0][0]).toBeCloseTo(0, 12);
    expect(Math.abs(unit[0][1])).toBeCloseTo(1, 12);
    // R: polyroot(c(1, 1, 1)) = -0.5 +/- 0.8660254i
    sortedRoots([1, 1, 1]).forEach(([re, im]) => {
      expect(re).toBeCloseTo(-0.5, 12);
      expect(Math.abs(im)).toBeCloseTo(Math.sqrt(3) / 2, 12);
    });
  });

  it("drops a zero leading coefficient, returns no roots for a constant, and rejects the zero polynomial", () => {
    expect(sortedRoots([2, -1, 0])).toHaveLength(1);
    expect(sortedRoots([2, -1, 0])[0][0]).toBeCloseTo(2, 12);
    expect(polynomialRoots([5]).re).toHaveLength(0);
    expect(() => polynomialRoots([0, 0])).toThrow(RangeError);
  });
});
