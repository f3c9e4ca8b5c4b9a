import { MAX_RECONCILE_SERIES, reconcile } from "../../src/functions/functions";
import { excelError } from "./excelErrors";

/** A planner's sheet: two items at two DCs; items and DCs both add up to the total (a grouped structure). */
const hierarchy = [
  ["A@DC1", "A"],
  ["A@DC1", "DC1"],
  ["A@DC2", "A"],
  ["A@DC2", "DC2"],
  ["B@DC1", "B"],
  ["B@DC1", "DC1"],
  ["B@DC2", "B"],
  ["B@DC2", "DC2"],
  ["A", "Total"],
  ["B", "Total"],
  ["DC1", "Total"],
  ["DC2", "Total"],
];
/** Forecasts in the planner's own row order (not the hierarchy's), names in the first column. */
const forecasts = [
  ["Total", 200],
  ["A", 90],
  ["B", 105],
  ["DC1", 120],
  ["DC2", 85],
  ["A@DC1", 50],
  ["A@DC2", 42],
  ["B@DC1", 66],
  ["B@DC2", 40],
];

test("=SOP.RECONCILE with no errors given uses wls_struct: the numbers of mint-reference.py, one row per row of forecasts", () => {
  const result = reconcile(forecasts, hierarchy) as number[][];
  const expected = [199.5, 92.5, 107.0, 117.0, 82.5, 50.375, 42.125, 66.625, 40.375];
  result.forEach((row, i) => expect(row[0]).toBeCloseTo(expected[i], 10));
  expect(result[0][0]).toBeCloseTo(result.slice(5).reduce((a, row) => a + row[0], 0), 9);
});

test("MinT shrink is the default with errors, and gives the reference numbers (hts shrink.estim, fabletools' formula)", () => {
  const errors = [[-1.78, -0.34, 0.63, -0.03, -10.53, -6.73, -7.92, -4.58, -0.72, 0.0, -3.41, 2.97], [2.05, -1.25, -1.0, -1.45, -4.27, -4.04, 1.83, -0.75, -3.64, 0.59, -0.46, 1.17], [-1.1, 0.98, 0.77, 0.31, -7.0, -3.06, -8.75, -5.13, 2.28, -1.24, -2.72, 2.71], [-1.78, -0.57, -0.15, -0.08, -8.75, -8.52, -7.74, -4.66, -0.37, -1.71, -3.89, 4.74], [-0.38, -0.52, -0.06, 0.52, -1.04, 0.2, -0.65, -1.15, -2.93, -0.01, 0.13, -2.46], [0.46, -0.81, -2.58, -0.13, -2.17, -5.03, 0.71, 0.11, -1.67, 0.93, -0.41, 2.27], [0.3, -2.44, -1.3, -1.64, -0.71, -1.98, -0.42, -0.52, -2.92, 2.48, -0.41, -2.31], [-0.28, -0.28, 1.39, 0.19, -5.17, -4.05, -7.72, -3.81, 3.86, -1.8, -4.7, 2.28], [-0.94, 1.18, 1.36, 0.6, -1.56, -0.45, 0.02, -0.32, -2.2, -0.33, 1.08, -0.12]];
  const result = reconcile(forecasts, hierarchy, undefined, errors) as number[][];
  const expected = [200.57900872454536, 93.24607716388921, 107.33293156065614, 116.53720183167177, 84.04180689287357, 50.057002997746366, 43.18907416614281, 66.48019883392541, 40.85273272673075];
  result.forEach((row, i) => expect(Math.abs(row[0] - expected[i])).toBeLessThan(1e-9));
});

test("bottom_up adds up the item x location rows; top_down splits the total by shares of history", () => {
  expect((reconcile(forecasts, hierarchy, "bottom_up") as number[][]).map((row) => row[0])).toEqual([198, 92, 106, 116, 82, 50, 42, 66, 40]);
  const history = forecasts.map((row, i) => (i >= 5 ? [25, 25] : ["", ""]));
  expect(excelError(() => reconcile(forecasts, hierarchy, "top_down", undefined, history)).message).toBe("value 1 of history row 1 is blank: fill it with a number (0 if nothing happened).");
  const full = forecasts.map((row, i) => (i >= 5 ? [25, 25] : [0, 0]));
  expect((reconcile(forecasts, hierarchy, "TOP_DOWN", undefined, full) as number[][]).map((row) => row[0])).toEqual([200, 100, 100, 100, 100, 50, 50, 50, 50]);
});

test("numeric item codes name series as their digits; blank hierarchy rows are skipped", () => {
  const result = reconcile([[1001, 4], [1002, 6], ["Family", 12]], [[1001, "Family"], ["", ""], [1002, "Family"]], "ols") as number[][];
  expect(result.map((row) => row[0])).toEqual([14 / 3, 20 / 3, 34 / 3].map((v) => expect.closeTo(v, 12)));
});

test("mistakes are #VALUE! naming the row, the series or the argument", () => {
  expect(excelError(() => reconcile(forecasts.slice(1), hierarchy))).toEqual({ code: "#VALUE!", message: 'The hierarchy lists "Total" but forecasts have no row for it: give every series of the hierarchy a row.' });
  expect(excelError(() => reconcile([...forecasts, ["C", 1]], hierarchy)).message).toBe('Row 10 of forecasts is for "C", which the hierarchy does not list: add it (node, parent) or remove the row.');
  expect(excelError(() => reconcile([...forecasts, ["A", 1]], hierarchy)).message).toBe('"A" has two rows in forecasts (rows 2 and 10): keep one.');
  expect(excelError(() => reconcile(forecasts, hierarchy.map((row) => row.slice(0, 1)))).message).toBe("hierarchy must have two columns, node and parent, but it has 1.");
  expect(excelError(() => reconcile(forecasts.map((row) => row.slice(0, 1)), hierarchy)).message).toMatch(/first column and at least one period/);
  expect(excelError(() => reconcile(forecasts, hierarchy, "mint_shrink")).message).toMatch(/Method mint_shrink needs the one-step errors/);
  expect(excelError(() => reconcile(forecasts, hierarchy, "magic")).message).toMatch(/method "magic" is not known: use one of mint_shrink, mint_diag/);
  expect(excelError(() => reconcile(forecasts, hierarchy, undefined, [[1, 2]])).message).toBe("errors has 1 rows but forecasts has 9: give one row per series, in the same order.");
  expect(excelError(() => reconcile(forecasts.map((row, i) => (i === 3 ? ["DC1", "lots"] : row)), hierarchy)).message).toBe('value 1 of forecasts row 4 is "lots", not a number: enter a number there.');
  expect(excelError(() => reconcile([["A", 1], ["#N/A", 2]], [["A", "#N/A"]])).code).toBe("#N/A");
});

test("more series than one call reconciles are refused with the limit and where to go instead", () => {
  const many = Array.from({ length: MAX_RECONCILE_SERIES + 1 }, (_, i) => [`s${i}`, 1]);
  expect(excelError(() => reconcile(many, [["s0", "T"]])).message).toBe(`forecasts has ${MAX_RECONCILE_SERIES + 1} series, more than the ${MAX_RECONCILE_SERIES} one call reconciles: use the S&OP task pane (step 2) for hierarchies this large.`);
});
