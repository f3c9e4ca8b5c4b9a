/**
 * Who solves the linear programmes of the engine. By default HiGHS runs in the calling thread (Node,
 * tests, the command line); the task pane installs a solver that runs HiGHS in a Web Worker, so a long
 * solve never freezes Excel's pane. Either way the engine awaits the same function.
 */
import type { Highs } from "highs";
import type { LinearProgram } from "./highsLinearProgram";
import { loadHighs, solveLinearProgram, type LpSolution, type SolveOptions } from "./highsSolve";

/** Solves one linear programme (minimisation) with HiGHS, wherever HiGHS runs. */
export type LpSolver = (lp: LinearProgram, options: SolveOptions) => Promise<LpSolution>;

let installed: LpSolver | undefined;

/**
 * HiGHS in this thread.
 * @param highs a loaded runtime, or how to load one on the first solve (default: the shared `loadHighs()` one)
 * @example const solution = await inThreadSolver()(lp, {});
 * @example useLpSolver(inThreadSolver(() => loadHighs(highsBeside(location.href)))); // a browser page
 */
export function inThreadSolver(highs: Highs | (() => Promise<Highs>) = loadHighs): LpSolver {
  return async (lp, options) => solveLinearProgram(typeof highs === "function" ? await highs() : highs, lp, options);
}

/**
 * Use this solver for every plan from now on (the task pane installs its Web Worker solver once).
 * @example useLpSolver(workerSolver(worker));
 */
export function useLpSolver(solver: LpSolver): void {
  installed = solver;
}

/**
 * Whether a solver was installed (the task pane's Web Worker): then solves must go through it, and a
 * HiGHS model kept in this thread (`HighsSession`) would block the pane.
 */
export function solverInstalled(): boolean {
  return installed !== undefined;
}

/** The solver in use: the installed one, else HiGHS in this thread. */
export function lpSolver(): LpSolver {
  return installed ?? inThreadSolver();
}
