import type { LpSolution } from "../core/optimize/highsSolve";
import type { LpSolver } from "../core/optimize/lpSolver";

type SolveAnswer = { id: number; solution: LpSolution } | { id: number; error: string };

/**
 * An LpSolver that sends each programme to a Web Worker running HiGHS (solverWorker.ts) and resolves
 * with its solution; many solves may be in flight, matched by id.
 * @param worker the worker running solverWorker.ts
 */
export function workerSolver(worker: Worker): LpSolver {
  let next = 0;
  const waiting = new Map<number, { resolve: (solution: LpSolution) => void; reject: (error: Error) => void }>();
  worker.onmessage = (event: MessageEvent<SolveAnswer>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if ("error" in answer) pending.reject(new Error(answer.error));
    else pending.resolve(answer.solution);
  };
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(new Error(`The optimiser stopped: ${event.message}`));
    waiting.clear();
  };
  return (lp, options) =>
    new Promise<LpSolution>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, lp, options });
    });
}
