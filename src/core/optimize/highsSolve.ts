/**
 * Solves a LinearProgram with HiGHS (npm `highs`, WebAssembly; runs in Node and in the browser, where
 * it should run in a Web Worker because a solve blocks its thread). The programme is passed as arrays
 * (no LP text to parse) and the solution is read back by index.
 */

import highsLoader, { type Highs, type InitOptions, type Model } from "highs";
import { PlanningError } from "../errors";
import { blockStartBasis } from "./blockStart";
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
  /**
   * LP algorithm: "choose" (HiGHS decides), "simplex" or "ipm" (interior point with crossover). A
   * linear programme of BLOCK_START_FROM columns or more that is made of blocks joined by a few long
   * rows is solved by dual simplex from its blocks' bases instead, unless "simplex" is asked for
   * (see blockStart.ts): the same optimum in about half the processor time or less.
   */
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
/** The runtime `shared` resolved to, once loaded. */
let sharedRuntime: Highs | undefined;

/**
 * Loads the HiGHS WebAssembly runtime once and returns it (later calls share the same runtime).
 * @param options loader options, e.g. `locateFile` for where highs.wasm is served in a browser.
 * @example const highs = await loadHighs();
 */
export function loadHighs(options?: InitOptions): Promise<Highs> {
  shared ??= highsLoader(options).then((runtime) => (sharedRuntime = runtime));
  return shared;
}

/**
 * Lets go of the shared runtime, so that its WebAssembly memory (which only grows: about 0.5 GB after
 * a 5,000-item plan) is freed once no model or session holds it; the next `loadHighs()` loads afresh.
 * @example await runSupplyStep(book); releaseHighs();
 */
export function releaseHighs(): void {
  shared = undefined;
  sharedRuntime = undefined;
}

/** Runtimes that faulted (a WebAssembly abort or trap): their memory may be corrupt, so nothing calls into them again. */
const faulted = new WeakSet<Highs>();

/**
 * The largest supply programme measured to solve within HiGHS's WebAssembly memory: 5,000 items x 18
 * months planned in fractional units (535,054 variables, 1,065,054 non-zeros; `npm run bench:cycle --
 * --items 5000`). A programme of 14 million variables and 14 million non-zeros made it abort.
 */
export const LARGEST_MEASURED = { variables: 535_054, nonZeros: 1_065_054, plan: "5,000 items x 18 months planned in fractional units" } as const;

/** Memory HiGHS can use in WebAssembly (its build's maximum heap), in bytes. */
export const HIGHS_MEMORY_BYTES = 2 ** 31;

/** Whether an error is the WebAssembly runtime failing (Emscripten's abort, a trap), not HiGHS answering. */
function isRuntimeFault(error: unknown): boolean {
  return error instanceof Error && (error.name === "RuntimeError" || /^Aborted\(/.test(error.message));
}

const count = (n: number): string => n.toLocaleString("en-US");

/**
 * The planner's sentence for a programme HiGHS could not solve because its runtime stopped (in
 * practice: out of its 2 GB of WebAssembly memory), with the largest size measured to fit.
 * @example solverFailure(lp).message // "The optimiser ran out of memory on this plan (2,000,000 variables, ..."
 */
export function solverFailure(lp: Pick<LinearProgram, "numCols" | "numRows" | "rowIndices" | "colInteger">): PlanningError {
  const integers = lp.colInteger.some((v) => v === 1);
  return new PlanningError(
    `The optimiser ran out of memory on this plan (${count(lp.numCols)} variables, ${count(lp.numRows)} constraints, ${count(lp.rowIndices.length)} non-zeros` +
      `${integers ? ", whole units" : ""}; it has ${HIGHS_MEMORY_BYTES / 2 ** 30} GB) and stopped without a plan. The largest plan measured to fit is ` +
      `${LARGEST_MEASURED.plan} (${count(LARGEST_MEASURED.variables)} variables). Plan fewer items or months, one family at a time${integers ? ", or in fractional units" : ""}.`,
    "notAvailable",
  );
}

/**
 * Runs `work` on a runtime that has not faulted. When the runtime faults (HiGHS aborts out of memory,
 * or traps), the runtime is set aside (the next `loadHighs()` loads a fresh one) and a PlanningError
 * naming the programme's size is thrown at once, instead of calling into a runtime whose memory may
 * be corrupt (a later solve or free on it can hang).
 * @param highs the runtime
 * @param lp the programme being solved (for the message)
 * @param work the calls into the runtime
 * @throws PlanningError when the runtime faults now or faulted before
 * @example guarded(highs, lp, () => model.run())
 */
export function guarded<T>(highs: Highs, lp: Pick<LinearProgram, "numCols" | "numRows" | "rowIndices" | "colInteger">, work: () => T): T {
  if (faulted.has(highs)) throw solverFailure(lp);
  try {
    return work();
  } catch (error) {
    if (!isRuntimeFault(error)) throw error;
    faulted.add(highs);
    if (sharedRuntime === highs) {
      shared = undefined;
      sharedRuntime = undefined;
    }
    throw solverFailure(lp);
  }
}

/** Whether a runtime faulted (its models must not be freed: that calls into it). */
export function hasFaulted(highs: Highs): boolean {
  return faulted.has(highs);
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
 * @throws PlanningError when HiGHS's runtime stops (out of memory), with the programme's size and the largest measured to fit
 * @throws Error only when HiGHS rejects the model data itself (a programming error, not a plan).
 * @example solveLinearProgram(await loadHighs(), lp, { timeLimitSeconds: 60 }).status // "optimal"
 */
export function solveLinearProgram(highs: Highs, lp: LinearProgram, options: SolveOptions = {}): LpSolution {
  const started = performance.now();
  const settings = guarded(highs, lp, () => withBlockStart(highs, lp, options));
  const model = guarded(highs, lp, () => highs.createModel(highsModelData(lp)));
  try {
    return guarded(highs, lp, () => runModel(model, lp, settings, started));
  } finally {
    if (!hasFaulted(highs)) model.dispose();
  }
}

/** From this many columns a block-angular linear programme starts from its blocks' bases (blockStart.ts). */
export const BLOCK_START_FROM = 50_000;

/**
 * The options of a cold solve with the start basis of the programme's blocks added, when it is a large
 * block-angular linear programme solved without a start basis and "simplex" was not asked for.
 * @example runModel(model, lp, withBlockStart(highs, lp, options), started)
 */
export function withBlockStart(highs: Highs, lp: LinearProgram, options: SolveOptions): SolveOptions {
  if (options.startBasis !== undefined || options.solver === "simplex" || lp.numCols < BLOCK_START_FROM) return options;
  const startBasis = blockStartBasis(highs, lp);
  return startBasis === undefined ? options : { ...options, startBasis, solver: "simplex" };
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
