/**
 * The Web Worker that runs HiGHS for the task pane, so that a long solve never freezes the pane or
 * Excel. It receives { id, lp, options } and answers { id, solution } or { id, error }.
 */
import { highsBeside, loadHighs, solveLinearProgram } from "../core/optimize/highsSolve";
import type { LinearProgram } from "../core/optimize/highsLinearProgram";
import type { SolveOptions } from "../core/optimize/highsSolve";

interface SolveRequest {
  id: number;
  lp: LinearProgram;
  options: SolveOptions;
}

const scope = self as unknown as { location: Location; onmessage: ((event: MessageEvent<SolveRequest>) => void) | null; postMessage: (message: unknown, transfer?: Transferable[]) => void };

const highs = loadHighs(highsBeside(scope.location.href));

scope.onmessage = async (event) => {
  const { id, lp, options } = event.data;
  try {
    const solution = solveLinearProgram(await highs, lp, options);
    scope.postMessage({ id, solution }, [solution.colValue.buffer, solution.rowDual.buffer]);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
