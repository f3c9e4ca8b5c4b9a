import { choleskyFactor, choleskySolve } from "../../src/core/cholesky";

test("factor and solve a 3 x 3 system with two right-hand sides (hand-checked: A x = b)", () => {
  // A = L L' with L = [[2, 0, 0], [1, 2, 0], [1, 1, 1]]; x1 = [1, 1, 1], x2 = [1, -1, 2], as the columns of X (row-major)
  const a = Float64Array.from([4, 2, 2, 2, 5, 3, 2, 3, 3]);
  expect(choleskyFactor(a, 3)).toBe(true);
  expect([a[0], a[3], a[4], a[6], a[7], a[8]]).toEqual([2, 1, 2, 1, 1, 1]);
  const b = Float64Array.from([8, 6, 10, 3, 8, 5]); // rows of [A x1, A x2]
  choleskySolve(a, 3, b, 2);
  [1, 1, 1, -1, 1, 2].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
});

test("a singular or indefinite matrix is reported, not factored into NaN", () => {
  expect(choleskyFactor(Float64Array.from([1, 1, 1, 1]), 2)).toBe(false);
  expect(choleskyFactor(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
});
