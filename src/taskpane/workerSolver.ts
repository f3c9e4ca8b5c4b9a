import type { LinearProgram } from "../core/optimize/highsLinearProgram";
import type { LpSolution, SolveOptions } from "../core/optimize/highsSolve";
import type { LpSolver } from "../core/optimize/lpSolver";
import { workerRequests } from "./workerRequests";

/**
 * An LpSolver that sends each programme to a Web Worker running HiGHS (solverWorker.ts) and resolves
 * with its solution; many solves may be in flight, matched by id.
 * @param worker the worker running solverWorker.ts
 */
export function workerSolver(worker: Worker): LpSolver {
  const solve = workerRequests<{ lp: LinearProgram; options: SolveOptions }, { solution: LpSolution }, LpSolution>(
    worker,
    (answer) => answer.solution,
    (message) => new Error(message),
    "The optimiser stopped",
  );
  return (lp, options) => solve({ lp, options });
}
