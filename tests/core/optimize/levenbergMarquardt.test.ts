import { levenbergMarquardt } from "../../../src/core/optimize/levenbergMarquardt";

describe("Levenberg-Marquardt least squares", () => {
  it("solves a linear least-squares problem in one or two steps (line through 3 points)", () => {
    // Fit a + b t to (0, 1), (1, 3), (2, 4): least squares a = 7/6, b = 3/2, sum of squares 1/6.
    const t = [0, 1, 2];
    const y = [1, 3, 4];
    const result = levenbergMarquardt(
      (x, out) => {
        t.forEach((ti, i) => (out[i] = x[0] + x[1] * ti - y[i]));
        return true;
      },
      [0, 0],
      3,
    );
    expect(result.x[0]).toBeCloseTo(7 / 6, 8);
    expect(result.x[1]).toBeCloseTo(1.5, 8);
    expect(result.value).toBeCloseTo(1 / 6, 10);
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeLessThanOrEqual(3);
  });

  it("finds the minimum of Rosenbrock's function written as residuals (10 (y - x^2), 1 - x)", () => {
    const result = levenbergMarquardt(
      (x, out) => {
        out[0] = 10 * (x[1] - x[0] * x[0]);
        out[1] = 1 - x[0];
        return true;
      },
      [-1.2, 1],
      2,
    );
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("reaches a zero gradient on a large-residual problem (exponential decay with large perturbations)", () => {
    // y = 5 exp(-0.3 t) with large perturbations; the optimum satisfies the normal equations J'r = 0.
    const t = Array.from({ length: 12 }, (_, i) => i);
    const y = t.map((ti, i) => 5 * Math.exp(-0.3 * ti) + (i % 2 === 0 ? 0.8 : -0.8));
    const residual = (a: number, b: number): number[] => t.map((ti, i) => a * Math.exp(-b * ti) - y[i]);
    const result = levenbergMarquardt(
      (x, out) => {
        residual(x[0], x[1]).forEach((v, i) => (out[i] = v));
        return true;
      },
      [1, 1],
      12,
    );
    const [a, b] = result.x;
    const r = residual(a, b);
    const gradientA = r.reduce((s, ri, i) => s + ri * Math.exp(-b * t[i]), 0);
    const gradientB = r.reduce((s, ri, i) => s - ri * a * t[i] * Math.exp(-b * t[i]), 0);
    expect(Math.abs(gradientA)).toBeLessThan(1e-5);
    expect(Math.abs(gradientB)).toBeLessThan(1e-5);
    expect(result.converged).toBe(true);
  });

  it("stays inside a feasible region the residual function declares (x > 0.5 here, optimum on its edge)", () => {
    const result = levenbergMarquardt(
      (x, out) => {
        if (!(x[0] > 0.5)) return false;
        out[0] = x[0];
        return true;
      },
      [3],
      1,
    );
    expect(result.x[0]).toBeGreaterThan(0.5);
    expect(result.x[0]).toBeLessThan(0.51);
  });

  it("stops at the first accepted point the caller's stop rule flags", () => {
    const visited: number[] = [];
    const result = levenbergMarquardt(
      (x, out) => {
        out[0] = x[0] - 10;
        out[1] = 0.1 * (x[0] - 10) ** 2;
        return true;
      },
      [0],
      2,
      { stop: (x) => (visited.push(x[0]), visited.length === 2) },
    );
    expect(visited).toHaveLength(2);
    expect(result.x[0]).toBe(visited[1]);
    expect(result.converged).toBe(false);
  });

  it("rejects an infeasible start", () => {
    expect(() => levenbergMarquardt(() => false, [0], 1)).toThrow(RangeError);
  });
});
