import { PlanningError } from "../../../src/core/errors";
import { coherenceError, reconcileByWeights, reconcileForecasts, shrinkCovariance, structureFromLevels, structureFromParents } from "../../../src/core/reconcile";
import type { ReconcileMethod } from "../../../src/core/reconcile";

/** T = A + B, A = A1 + A2, B = B1 + B2, listed so that nodes come out T, A, B, A1, A2, B1, B2. */
const tree = structureFromParents([
  { node: "T", parent: "" },
  { node: "A", parent: "T" },
  { node: "B", parent: "T" },
  { node: "A1", parent: "A" },
  { node: "A2", parent: "A" },
  { node: "B1", parent: "B" },
  { node: "B2", parent: "B" },
]);
const treeBase = [[100, 110], [58, 60], [45, 47], [30, 31], [25, 27], [20, 22], [22, 23]];
/** Residuals by series (time across), the transpose of res1 in mint-reference.py. */
const treeErrors = [
  [3, -4, 5, -2, 1, -3, 2, 0],
  [2, -1, 3, -2, 0, -2, 1, 1],
  [1, -2, 1, 1, 2, -1, 0, -1],
  [1.5, -0.5, 2, -1, 0.3, -1.2, 0.4, 0.6],
  [0.5, -0.8, 1.2, -0.7, -0.1, -0.9, 0.4, 0.2],
  [0.2, -1.1, 0.4, 0.8, 1.0, -0.3, -0.2, -0.4],
  [0.9, -0.7, 0.5, 0.1, 1.2, -0.6, 0.3, -0.5],
];

/** Numbers from tests/core/reconcile/mint-reference.py: hts shrink.estim and fabletools' dense S (S'W^-1 S)^-1 S'W^-1 in numpy. */
const treeReference: Record<string, number[][]> = {
  mint_shrink: [[99.49696177179084, 104.20494784901075], [55.969781407609446, 57.7527363804147], [43.52718036418138, 46.45221146859605], [30.77815141538073, 31.128210815544787], [25.191629992228712, 26.624525564869923], [20.71858261855816, 22.762450927102552], [22.808597745623228, 23.6897605414935]],
  mint_diag: [[99.26961302782342, 105.32390615805997], [56.16666817070414, 59.3072658295887], [43.10294485711929, 46.01664032847125], [30.83208969605858, 31.932366592425094], [25.334578474645557, 27.37489923716361], [20.523272133917384, 22.482326519473574], [22.579672723201902, 23.53431380899768]],
  ols: [[100.42857142857143, 108.14285714285715], [56.714285714285715, 60.57142857142856], [43.71428571428572, 47.571428571428584], [30.85714285714286, 32.28571428571429], [25.857142857142847, 28.285714285714274], [20.85714285714287, 23.285714285714295], [22.857142857142858, 24.28571428571429]],
  wls_struct: [[99.99999999999999, 106.66666666666666], [56.49999999999999, 59.83333333333333], [43.5, 46.83333333333334], [30.750000000000007, 31.916666666666675], [25.749999999999993, 27.916666666666657], [20.750000000000004, 22.91666666666667], [22.749999999999996, 23.916666666666664]],
};

/** Two items at two locations: item and location are crossed levels over the same four series. */
const grouped = structureFromLevels(
  [
    { id: "A@X", levels: { item: "A", location: "X" } },
    { id: "A@Y", levels: { item: "A", location: "Y" } },
    { id: "B@X", levels: { item: "B", location: "X" } },
    { id: "B@Y", levels: { item: "B", location: "Y" } },
  ],
  ["item", "location"],
);
const groupedBase = [[200], [90], [105], [120], [85], [50], [42], [66], [40]];
const groupedErrors = [[-1.78, -0.34, 0.63, -0.03, -10.53, -6.73, -7.92, -4.58, -0.72, 0.0, -3.41, 2.97], [2.05, -1.25, -1.0, -1.45, -4.27, -4.04, 1.83, -0.75, -3.64, 0.59, -0.46, 1.17], [-1.1, 0.98, 0.77, 0.31, -7.0, -3.06, -8.75, -5.13, 2.28, -1.24, -2.72, 2.71], [-1.78, -0.57, -0.15, -0.08, -8.75, -8.52, -7.74, -4.66, -0.37, -1.71, -3.89, 4.74], [-0.38, -0.52, -0.06, 0.52, -1.04, 0.2, -0.65, -1.15, -2.93, -0.01, 0.13, -2.46], [0.46, -0.81, -2.58, -0.13, -2.17, -5.03, 0.71, 0.11, -1.67, 0.93, -0.41, 2.27], [0.3, -2.44, -1.3, -1.64, -0.71, -1.98, -0.42, -0.52, -2.92, 2.48, -0.41, -2.31], [-0.28, -0.28, 1.39, 0.19, -5.17, -4.05, -7.72, -3.81, 3.86, -1.8, -4.7, 2.28], [-0.94, 1.18, 1.36, 0.6, -1.56, -0.45, 0.02, -0.32, -2.2, -0.33, 1.08, -0.12]];
const groupedReference: Record<string, number[]> = {
  mint_shrink: [200.57900872454536, 93.24607716388921, 107.33293156065614, 116.53720183167177, 84.04180689287357, 50.057002997746366, 43.18907416614281, 66.48019883392541, 40.85273272673075],
  mint_diag: [199.6003412681193, 92.22065122075536, 107.37969004736392, 115.78396922235838, 83.81637204576091, 49.12127472238454, 43.09937649837081, 66.66269449997384, 40.7169955473901],
  ols: [199.77777777777777, 92.55555555555556, 107.22222222222221, 117.22222222222223, 82.55555555555554, 50.44444444444444, 42.111111111111114, 66.77777777777777, 40.44444444444445],
  wls_struct: [199.5, 92.5, 107.0, 117.0, 82.5, 50.375, 42.125, 66.625, 40.375],
};

const expectClose = (actual: number[][], expected: number[][], tolerance = 1e-9): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((v, t) => expect(Math.abs(v - expected[i][t])).toBeLessThan(tolerance)));
};

describe("summing structures", () => {
  test("a (node, parent) list gives each total the bottom series under it", () => {
    expect(tree.nodes.map((n) => `${n.name}:${n.members.join("")}`)).toEqual(["T:0123", "A:01", "B:23", "A1:0", "A2:1", "B1:2", "B2:3"]);
    expect(tree.bottom).toEqual([3, 4, 5, 6]);
  });

  test("a node with two parents adds up along both paths, each bottom series counted once in the total", () => {
    const s = structureFromParents([
      { node: "A@X", parent: "A" },
      { node: "A@X", parent: "X" },
      { node: "B@X", parent: "B" },
      { node: "B@X", parent: "X" },
      { node: "A", parent: "Total" },
      { node: "B", parent: "Total" },
      { node: "X", parent: "Total" },
    ]);
    const total = s.nodes.find((n) => n.name === "Total");
    expect(total?.members).toEqual([0, 1]);
    expect(s.nodes.find((n) => n.name === "X")?.members).toEqual([0, 1]);
  });

  test("crossed levels give a grouped structure: total, items, locations, then the item x location series", () => {
    expect(grouped.nodes.map((n) => `${n.level}:${n.name}`)).toEqual(["total:Total", "item:A", "item:B", "location:X", "location:Y", "bottom:A@X", "bottom:A@Y", "bottom:B@X", "bottom:B@Y"]);
    expect(grouped.nodes[3].members).toEqual([0, 2]);
  });

  test("a loop and a pair given twice are refused naming the nodes and the row", () => {
    expect(() => structureFromParents([{ node: "a", parent: "b" }, { node: "b", parent: "c" }, { node: "c", parent: "b" }])).toThrow(/loop \((b -> c -> b|c -> b -> c)\)/);
    expect(() => structureFromParents([{ node: "a", parent: "F" }, { node: "a", parent: "F" }])).toThrow('Row 2 of the hierarchy gives "a" in "F" a second time');
    expect(() => structureFromParents([{ node: "a", parent: "a" }])).toThrow('makes "a" its own parent');
  });
});

describe("shrinkage of the error covariance", () => {
  test("lambda is hts's shrink.estim on the same errors", () => {
    expect(shrinkCovariance(treeErrors).lambda).toBeCloseTo(0.19948117603221016, 14);
    expect(shrinkCovariance(groupedErrors).lambda).toBeCloseTo(0.42631586690581436, 14);
  });

  test("the diagonal is the mean square error, not centred; off-diagonals shrink by 1 - lambda", () => {
    const c = shrinkCovariance([[1, -1, 3], [2, 0, 1]]);
    expect(c.matrix[0]).toBeCloseTo(11 / 3, 12);
    expect(c.matrix[3]).toBeCloseTo(5 / 3, 12);
    expect(c.matrix[1]).toBeCloseTo(((2 + 0 + 3) / 3) * (1 - c.lambda), 12);
  });

  test("periods where a series has no error are left out; fewer than 2 complete periods are refused", () => {
    expect(shrinkCovariance([[Number.NaN, 1, -1, 3], [5, 2, 0, 1]]).periods).toBe(3);
    expect(() => shrinkCovariance([[Number.NaN, 1], [1, 2]])).toThrow("Only 1 period has a one-step error for every series");
  });
});

describe("reconciliation", () => {
  test.each(["mint_shrink", "mint_diag", "ols", "wls_struct"] as ReconcileMethod[])("%s of a hierarchy equals the dense R formula (numpy), coherent to 1e-9", (method) => {
    const result = reconcileForecasts(tree, treeBase, { method, errors: treeErrors });
    expectClose(result.values, treeReference[method]);
    expect(coherenceError(tree, result.values)).toBeLessThan(1e-9);
  });

  test.each(["mint_shrink", "mint_diag", "ols", "wls_struct"] as ReconcileMethod[])("%s of a grouped item x location structure equals the dense R formula", (method) => {
    const result = reconcileForecasts(grouped, groupedBase, { method, errors: groupedErrors });
    expectClose(result.values, groupedReference[method].map((v) => [v]));
    expect(coherenceError(grouped, result.values)).toBeLessThan(1e-9);
  });

  test("OLS by hand: T = a + b with forecasts a 1, b 3, T 5 moves each by a third of the gap of 1", () => {
    const s = structureFromParents([{ node: "a", parent: "T" }, { node: "b", parent: "T" }]);
    expectClose(reconcileForecasts(s, [[1], [5], [3]], { method: "ols" }).values, [[4 / 3], [14 / 3], [10 / 3]], 1e-12);
  });

  test("MinT shrink reports lambda", () => {
    expect(reconcileForecasts(tree, treeBase, { method: "mint_shrink", errors: treeErrors }).lambda).toBeCloseTo(0.19948117603221016, 14);
  });

  test("bottom-up keeps the bottom forecasts and adds them up", () => {
    const result = reconcileForecasts(tree, treeBase, { method: "bottom_up" });
    expect(result.values.map((row) => row[0])).toEqual([97, 55, 42, 30, 25, 20, 22]);
  });

  test("top-down splits the total by each bottom series' share of the history", () => {
    const history = [[0, 0], [0, 0], [0, 0], [10, 30], [20, 20], [5, 5], [5, 5]];
    const result = reconcileForecasts(tree, treeBase, { method: "top_down", history });
    // History totals: A1 40, A2 40, B1 10, B2 10 of 100, so shares 0.4, 0.4, 0.1, 0.1 of T's 100 and 110.
    expectClose(result.values, [[100, 110], [80, 88], [20, 22], [40, 44], [40, 44], [10, 11], [10, 11]], 1e-12);
  });

  test("top-down without a grand total, or with a history of 0, is refused", () => {
    const forest = structureFromParents([{ node: "a", parent: "F" }, { node: "b", parent: "G" }]);
    expect(() => reconcileForecasts(forest, [[1], [1], [1], [1]], { method: "top_down", history: [[1], [1], [1], [1]] })).toThrow("Top-down needs a grand total");
    expect(() => reconcileForecasts(tree, treeBase, { method: "top_down", history: treeBase.map(() => [0, 0]) })).toThrow("adds up to 0 or less");
  });

  test("MinT without errors names what is missing and a method that needs none", () => {
    expect(() => reconcileForecasts(tree, treeBase, { method: "mint_shrink" })).toThrow("Method mint_shrink needs the one-step errors of every series: give them, or choose wls_struct");
  });

  test("errors that are all 0 give no usable weights and say so", () => {
    expect(() => reconcileForecasts(tree, treeBase, { method: "mint_diag", errors: treeErrors.map((row) => row.map(() => 0)) })).toThrow(PlanningError);
  });

  test("a forecast that is not a number is named by its series", () => {
    const bad = treeBase.map((row, i) => (i === 2 ? [45, Number.NaN] : row));
    expect(() => reconcileForecasts(tree, bad, { method: "ols" })).toThrow("The forecasts of B has no number in period 2");
  });

  test("non-negative sets negative bottom forecasts to 0 and adds up again", () => {
    const s = structureFromParents([{ node: "a", parent: "T" }, { node: "b", parent: "T" }]);
    const result = reconcileForecasts(s, [[0], [0], [9]], { method: "ols", nonNegative: true });
    expect(result.values).toEqual([[0], [6], [6]]);
  });

  test("given weights (variances per series) reconcile as WLS", () => {
    const s = structureFromParents([{ node: "a", parent: "T" }, { node: "b", parent: "T" }]);
    // Var(T) tiny: T is trusted, the gap of 1 goes to a and b in proportion to their variances 1 and 3.
    const bottom = reconcileByWeights(s, [[1], [5], [3]], { kind: "diagonal", variances: [1, 1e-12, 3] });
    expectClose(bottom, [[1.25], [3.75]], 1e-9);
  });
});
