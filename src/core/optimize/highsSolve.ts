/**
 * Solves a LinearProgram with HiGHS (npm `highs`, WebAssembly; runs in Node and in the browser, where
 * it should run in a Web Worker because a solve blocks its thread). The programme is passed as arrays
 * (no LP text to parse) and the solution is read back by index.
 */

import highsLoader, { type Highs, type InitOptions, type Model } from "highs";
import type { LinearProgram } from "./highsLinearProgram";

/** How a solve ended. Only "optimal" carries a usable solution. */
export type SolveStatus = "optimal" | "infeasible" | "unbounded" | "infeasibleOrUnbounded" | "timeLimit" | "iterationLimit" | "error";

/** Result of one solve. */
export interface LpSolution {
  status: SolveStatus;
  /** Objective value; NaN unless status is "optimal" (HiGHS reports 0 at a time limit). */
  objective: number;
  /** Column values (empty unless optimal). */
  colValue: Float64Array;
  /** Row duals: change of the objective per unit increase of the row's bound (empty for a MIP). */
  rowDual: Float64Array;
  /** Wall-clock seconds spent in HiGHS. */
  solveSeconds: number;
  /** Final simplex basis of an optimal LP (a warm start for the next solve of a changed LP). */
  basis?: LpBasis;
  /** Relative gap between the plan's cost and the best bound HiGHS proved, for a mixed-integer solve. */
  mipGap?: number;
}

/** A simplex basis: HiGHS status codes (0 lower, 1 basic, 2 upper, 3 zero, 4 nonbasic) per column and row. */
export interface LpBasis {
  colStatus: Int32Array;
  rowStatus: Int32Array;
}

/** Options of one solve. */
export interface SolveOptions {
  /** Stop after this many seconds and report "timeLimit" (default: no limit). */
  timeLimitSeconds?: number;
  /** LP algorithm: "choose" (HiGHS decides), "simplex" or "ipm" (interior point with crossover). */
  solver?: "choose" | "simplex" | "ipm";
  /** Relative optimality gap at which a mixed-integer solve stops (default HiGHS's 1e-4). */
  mipRelativeGap?: number;
  /** A basis of an LP with the same columns and rows to start simplex from (ignored for a MIP). */
  startBasis?: LpBasis;
  /** false: skip HiGHS presolve (default: on). On supply networks it costs more than it saves (bench/network.ts). */
  presolve?: boolean;
  /** Dual simplex prices by devex instead of dual steepest edge: cheaper iterations on supply networks (bench/network.ts). */
  devexPricing?: boolean;
}

let shared: Promise<Highs> | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once and returns it (later calls share the same runtime).
 * @param options loader options, e.g. `locateFile` for where highs.wasm is served in a browser.
 * @example const highs = await loadHighs();
 */
export function loadHighs(options?: InitOptions): Promise<Highs> {
  shared ??= highsLoader(options);
  return shared;
}

/**
 * Loader options for a browser bundle: fetch highs.wasm from beside the page or worker script that runs
 * it (dist/, where the build copies it). Without them webpack's `new URL("highs.wasm", import.meta.url)`
 * is the build machine's file:// path, which a page served over http(s) may not load.
 * @param scriptUrl the URL of the running page or worker (`location.href`)
 * @example loadHighs(highsBeside(self.location.href))
 */
export function highsBeside(scriptUrl: string): InitOptions {
  return { locateFile: (file: string) => new URL(file, scriptUrl).href };
}

const STATUS_BY_CODE: Readonly<Record<number, SolveStatus>> = {
  7: "optimal",
  8: "infeasible",
  9: "infeasibleOrUnbounded",
  10: "unbounded",
  13: "timeLimit",
  14: "iterationLimit",
};

/**
 * Solves `lp` (minimisation) and returns status, objective, primal values and row duals.
 * A time-limit stop is returned as status "timeLimit" with no values, never as a solution.
 * @param highs the runtime from `loadHighs()`.
 * @param lp the programme.
 * @param options time limit and algorithm.
 * @throws Error only when HiGHS rejects the model data itself (a programming error, not a plan).
 * @example solveLinearProgram(await loadHighs(), lp, { timeLimitSeconds: 60 }).status // "optimal"
 */
export function solveLinearProgram(highs: Highs, lp: LinearProgram, options: SolveOptions = {}): LpSolution {
  const started = performance.now();
  const model = highs.createModel(highsModelData(lp));
  try {
    return runModel(model, lp, options, started);
  } finally {
    model.dispose();
  }
}

/** The programme as HiGHS's model data (arrays passed as they are; integrality only for a MIP). */
export function highsModelData(lp: LinearProgram): Parameters<Highs["createModel"]>[0] & object {
  const hasIntegers = lp.colInteger.some((v) => v === 1);
  return {
    numCols: lp.numCols,
    numRows: lp.numRows,
    colCost: lp.colCost,
    colLower: lp.colLower,
    colUpper: lp.colUpper,
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: { format: "csr", numRows: lp.numRows, numCols: lp.numCols, starts: lp.rowStarts, indices: lp.rowIndices, values: lp.rowValues },
    ...(hasIntegers ? { integrality: Int32Array.from(lp.colInteger) } : {}),
  };
}

/**
 * Runs a HiGHS model that holds `lp` with the options and reads the solution back (basis for an LP,
 * gap for a MIP). The model is left as solved, so a caller that keeps it can change it and run again.
 * @param started performance.now() when the caller began (the solve time counts from there)
 */
export function runModel(model: Model, lp: LinearProgram, options: SolveOptions, started: number): LpSolution {
  const hasIntegers = lp.colInteger.some((v) => v === 1);
  model.options.set({ output_flag: false });
  if (options.timeLimitSeconds !== undefined) model.options.set({ time_limit: options.timeLimitSeconds });
  if (options.solver !== undefined && !hasIntegers) model.options.set({ solver: options.solver });
  if (options.mipRelativeGap !== undefined) model.options.set({ mip_rel_gap: options.mipRelativeGap });
  if (options.presolve === false) model.options.set({ presolve: "off" });
  if (options.devexPricing === true) model.options.set({ simplex_dual_edge_weight_strategy: 1 });
  if (options.startBasis !== undefined && !hasIntegers) {
    try {
      model.setBasis(options.startBasis);
    } catch {
      // a basis HiGHS rejects (another model's) only loses the warm start: the solve starts cold
      model.setLogicalBasis();
    }
  }
  const code = model.run().modelStatus;
  const status = STATUS_BY_CODE[code] ?? "error";
  const seconds = (): number => (performance.now() - started) / 1000;
  if (status !== "optimal") return { status, objective: NaN, colValue: new Float64Array(0), rowDual: new Float64Array(0), solveSeconds: seconds() };
  const solution = model.getSolution();
  const result: LpSolution = { status, objective: model.getObjectiveValue(), colValue: solution.colValue, rowDual: hasIntegers ? new Float64Array(0) : solution.rowDual, solveSeconds: 0 };
  if (hasIntegers) result.mipGap = Number(model.info.get("mip_gap"));
  else if (Number(model.info.get("basis_validity")) === 1) {
    const basis = model.getBasis();
    result.basis = { colStatus: basis.colStatus, rowStatus: basis.rowStatus };
  }
  result.solveSeconds = seconds();
  return result;
}
