import { nelderMead } from "../../../src/core/optimize/nelderMead";

describe("nelderMead", () => {
  it("finds the minimum of a shifted quadratic", () => {
    const result = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], { tolerance: 1e-12, maxIterations: 1000 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(-2, 4);
    expect(result.value).toBeLessThan(1e-8);
  });

  it("solves the Rosenbrock valley (minimum 0 at (1, 1))", () => {
    const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], { tolerance: 1e-14, maxIterations: 5000 });
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it("stays inside a region where the objective returns Infinity outside", () => {
    const result = nelderMead((x) => (x[0] < 0.5 ? Infinity : (x[0] - 0.2) ** 2), [0.9], { step: 0.1, maxIterations: 500 });
    expect(result.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(result.x[0]).toBeCloseTo(0.5, 3);
  });

  it("stops at the iteration limit", () => {
    const result = nelderMead((x) => x[0] ** 2 + x[1] ** 2, [5, 5], { maxIterations: 3, tolerance: 0 });
    expect(result.iterations).toBe(3);
    expect(result.converged).toBe(false);
  });

  it("rejects an empty starting point", () => {
    expect(() => nelderMead(() => 0, [])).toThrow(RangeError);
  });
});
