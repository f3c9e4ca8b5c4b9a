/**
 * Who solves the linear programmes of the engine. By default HiGHS runs in the calling thread (Node,
 * tests, the command line); the task pane installs a solver that runs HiGHS in a Web Worker, so a long
 * solve never freezes Excel's pane. Either way the engine awaits the same function.
 */
import type { Highs } from "highs";
import type { LinearProgram } from "./highsLinearProgram";
import { HighsSession, type SessionSolution } from "./highsSession";
import { loadHighs, solveLinearProgram, type LpSolution, type SolveOptions } from "./highsSolve";

/** Solves one linear programme (minimisation) with HiGHS, wherever HiGHS runs. */
export type LpSolver = (lp: LinearProgram, options: SolveOptions) => Promise<LpSolution>;

/**
 * A HiGHS model kept between solves wherever HiGHS runs (a `HighsSession` in this thread, or one held
 * by the pane's Web Worker): a programme with the structure of the last one solved re-solves from
 * that solve's basis. Call `dispose()` when done.
 */
export interface LpSession {
  solve(lp: LinearProgram, options: SolveOptions): SessionSolution | Promise<SessionSolution>;
  dispose(): void;
}

let installed: LpSolver | undefined;
let installedSession: (() => LpSession) | undefined;

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
 * @param solver solves one programme
 * @param openSession opens a kept model where the solver runs (the worker); without it, re-plans
 *   through an installed solver are solved cold (a model kept in this thread would block the pane)
 * @example const worker = workerSolver(new Worker(url)); useLpSolver(worker.solve, worker.openSession);
 */
export function useLpSolver(solver: LpSolver, openSession?: () => LpSession): void {
  installed = solver;
  installedSession = openSession;
}

/**
 * A kept model for a series of re-plans (step 4's scenarios) where the solver in use runs: the
 * installed solver's sessions (the pane's worker), else a `HighsSession` in this thread; undefined
 * when a solver was installed without sessions.
 * @example const session = await openLpSession(); try { ... } finally { session?.dispose(); }
 */
export async function openLpSession(): Promise<LpSession | undefined> {
  if (installed !== undefined) return installedSession?.();
  return new HighsSession(await loadHighs());
}

/** The solver in use: the installed one, else HiGHS in this thread. */
export function lpSolver(): LpSolver {
  return installed ?? inThreadSolver();
}
