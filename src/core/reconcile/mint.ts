import { PlanningError } from "../errors";
import { assertNumbers } from "./checks";
import { choleskyFactor, choleskySolve } from "../cholesky";
import { shrinkCovariance, type ErrorCovariance } from "./shrinkCovariance";
import { sumUp, type SummingStructure } from "./summingMatrix";

/**
 * How base forecasts are made coherent:
 * - mint_shrink: MinT with the shrunk covariance of one-step errors (Wickramasuriya, Athanasopoulos &
 *   Hyndman, 2019); needs errors.
 * - mint_diag: MinT with only the error variances (WLS variance scaling); needs errors.
 * - wls_struct: weights by the number of bottom series a series adds up (needs no history).
 * - ols: every series weighs the same.
 * - bottom_up: the bottom forecasts, added up.
 * - top_down: the top total split by each bottom series' share of the history's total (the proportion
 *   of historical averages, Gross & Sohl 1990 method F); needs history.
 */
export const RECONCILE_METHODS = ["mint_shrink", "mint_diag", "wls_struct", "ols", "bottom_up", "top_down"] as const;
export type ReconcileMethod = (typeof RECONCILE_METHODS)[number];

/** Weights of the series' base forecasts: a variance per series, or a full covariance of their errors. */
export type ForecastWeights = { kind: "diagonal"; variances: readonly number[] } | { kind: "covariance"; covariance: ErrorCovariance };

/** What a method needs besides the base forecasts, every row in node order. */
export interface ReconcileOptions {
  method: ReconcileMethod;
  /** One-step in-sample errors (actual - fitted) per series, nodes x periods; NaN = none that period. */
  errors?: readonly (readonly number[])[];
  /** Actual history per series, nodes x periods (top_down reads the bottom rows). */
  history?: readonly (readonly number[])[];
  /** Set negative bottom forecasts to 0 before adding up (demand cannot be negative). */
  nonNegative?: boolean;
}

/** Coherent forecasts: every series (node order) is the sum of the bottom series it adds up. */
export interface ReconciledForecasts {
  /** nodes x periods. */
  values: number[][];
  /** bottom series x periods, in bottom order. */
  bottom: number[][];
  /** The shrinkage intensity of mint_shrink (0 = sample covariance, 1 = variances alone). */
  lambda?: number;
}

/**
 * Reconcile base forecasts of every series of a hierarchy so that every total equals the sum of its
 * bottom series. The GLS methods (MinT, WLS, OLS) give the bottom forecasts
 *   b = yhat_b - (W C')_b (C W C')^-1 C yhat,
 * where C yhat = 0 are the aggregation constraints (each total minus its bottom series): the same
 * projection as S (S' W^-1 S)^-1 S' W^-1 yhat (Wickramasuriya et al. 2019, eq. 9; hts's MinT and
 * fabletools' sparse path use this form), solved by Cholesky on the small C W C' (one row per total)
 * without inverting W. Every total is then the sum of the reconciled bottom series, so the result is
 * coherent to rounding whatever the method.
 * @param structure the hierarchy (`structureFromParents`, `structureFromLevels`)
 * @param base base forecasts, nodes x periods in node order
 * @throws PlanningError when rows do not match the series, a forecast is not a number, a method's errors
 *   or history are missing or of the wrong size, the errors give no usable weights (a singular
 *   covariance), or top_down has no grand total or a history that adds up to 0
 * @example reconcileForecasts(structureFromParents([{ node: "a", parent: "T" }, { node: "b", parent: "T" }]), [[1], [5], [3]], { method: "ols" }).values
 *   // [[1.333...], [4.666...], [3.333...]] (a, T, b)
 */
export function reconcileForecasts(structure: SummingStructure, base: readonly (readonly number[])[], options: ReconcileOptions): ReconciledForecasts {
  checkRows(structure, base, "forecasts");
  const { method } = options;
  let lambda: number | undefined;
  let bottom: number[][];
  if (method === "bottom_up") bottom = structure.bottom.map((i) => [...base[i]]);
  else if (method === "top_down") bottom = topDown(structure, base, requireRows(structure, options.history, "history", method));
  else {
    let weights: ForecastWeights;
    if (method === "ols") weights = { kind: "diagonal", variances: structure.nodes.map(() => 1) };
    else if (method === "wls_struct") weights = { kind: "diagonal", variances: structure.nodes.map((node) => node.members.length) };
    else {
      const covariance = shrinkCovariance(requireRows(structure, options.errors, "errors", method));
      if (method === "mint_shrink") {
        weights = { kind: "covariance", covariance };
        lambda = covariance.lambda;
      } else weights = { kind: "diagonal", variances: structure.nodes.map((_, i) => covariance.matrix[i * covariance.size + i]) };
    }
    bottom = reconcileByWeights(structure, base, weights);
  }
  if (options.nonNegative === true) bottom = bottom.map((row) => row.map((v) => Math.max(0, v)));
  return { values: sumUp(structure, bottom), bottom, ...(lambda === undefined ? {} : { lambda }) };
}

/**
 * The GLS reconciliation of `reconcileForecasts` with given weights (e.g. each series' in-sample
 * one-step RMSE squared): the reconciled bottom series, bottom x periods.
 * @throws PlanningError when the weights are not one per series, or make C W C' singular (then name
 *   a method that needs no errors)
 */
export function reconcileByWeights(structure: SummingStructure, base: readonly (readonly number[])[], weights: ForecastWeights): number[][] {
  checkRows(structure, base, "forecasts");
  const n = structure.nodes.length;
  const periods = base[0]?.length ?? 0;
  const size = weights.kind === "diagonal" ? weights.variances.length : weights.covariance.size;
  if (size !== n) throw new PlanningError(`There are ${size} weights for ${n} series: give one per series.`);
  const isBottom = new Set(structure.bottom);
  const totals = structure.nodes.map((_, i) => i).filter((i) => !isBottom.has(i));
  const k = totals.length;
  const bottom = structure.bottom.map((i) => [...base[i]]);
  if (k === 0) return bottom;
  // Column c of W C' is W's column of total c minus W's columns of its bottom series.
  const wct = new Float64Array(n * k);
  totals.forEach((total, c) => {
    const column = (i: number, sign: number): void => {
      if (weights.kind === "diagonal") wct[i * k + c] += sign * weights.variances[i];
      else for (let r = 0; r < n; r++) wct[r * k + c] += sign * weights.covariance.matrix[r * n + i];
    };
    column(total, 1);
    for (const j of structure.nodes[total].members) column(structure.bottom[j], -1);
  });
  const system = new Float64Array(k * k);
  const gaps = new Float64Array(k * periods);
  totals.forEach((total, r) => {
    const members = structure.nodes[total].members;
    for (let c = 0; c < k; c++) {
      let v = wct[total * k + c];
      for (const j of members) v -= wct[structure.bottom[j] * k + c];
      system[r * k + c] = v;
    }
    for (let t = 0; t < periods; t++) {
      let gap = base[total][t];
      for (const j of members) gap -= base[structure.bottom[j]][t];
      gaps[r * periods + t] = gap;
    }
  });
  if (!choleskyFactor(system, k)) {
    throw new PlanningError(
      "The forecast errors give no usable weights (some totals' errors are exactly those of their parts, or all 0): give more periods of errors, or choose wls_struct, which needs none.",
    );
  }
  choleskySolve(system, k, gaps, periods);
  structure.bottom.forEach((i, j) => {
    for (let c = 0; c < k; c++) {
      const w = wct[i * k + c];
      if (w !== 0) for (let t = 0; t < periods; t++) bottom[j][t] -= w * gaps[c * periods + t];
    }
  });
  return bottom;
}

/** Top-down: the grand total's forecast split by each bottom series' share of the total history. */
function topDown(structure: SummingStructure, base: readonly (readonly number[])[], history: readonly (readonly number[])[]): number[][] {
  const m = structure.bottom.length;
  const top = structure.nodes.findIndex((node, i) => node.members.length === m && !structure.bottom.includes(i));
  if (top < 0 && m > 1) throw new PlanningError("Top-down needs a grand total that adds up every bottom series: add it to the hierarchy, or choose another method.");
  const sums = structure.bottom.map((i) => history[i].reduce((a, b) => a + b, 0));
  const whole = sums.reduce((a, b) => a + b, 0);
  if (!(whole > 0)) throw new PlanningError("The history of the bottom series adds up to 0 or less, so it gives no shares to split the total by: choose another method.");
  const topRow = base[top < 0 ? structure.bottom[0] : top];
  return sums.map((sum) => topRow.map((v) => (v * sum) / whole));
}

function requireRows(structure: SummingStructure, rows: readonly (readonly number[])[] | undefined, name: "errors" | "history", method: ReconcileMethod): readonly (readonly number[])[] {
  if (rows === undefined) {
    const why = name === "errors" ? "the one-step errors of every series" : "the history of every series";
    throw new PlanningError(`Method ${method} needs ${why}: give them, or choose wls_struct, which needs none.`);
  }
  if (rows.length !== structure.nodes.length) {
    throw new PlanningError(`There are ${rows.length} rows of ${name} for ${structure.nodes.length} series: give one row per series, in the order of the forecasts.`);
  }
  if (name === "history") rows.forEach((row, i) => assertNumbers(`the history of ${structure.nodes[i].name}`, row));
  return rows;
}

function checkRows(structure: SummingStructure, rows: readonly (readonly number[])[], name: string): void {
  if (rows.length !== structure.nodes.length) {
    throw new PlanningError(`There are ${rows.length} rows of ${name} for ${structure.nodes.length} series: give one row per series.`);
  }
  const periods = rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    const node = structure.nodes[i].name;
    if (row.length !== periods) throw new PlanningError(`The ${name} of ${node} cover ${row.length} periods but the others cover ${periods}: give all for the same periods.`);
    assertNumbers(`the ${name} of ${node}`, row);
  });
}
