import type { SessionSolution } from "../core/optimize/highsSession";
import type { LpSession, LpSolver } from "../core/optimize/lpSolver";
import type { SolveAnswer, SolveRequest, SolverMessage } from "./solverMessages";
import { workerRequests } from "./workerRequests";

/** The task pane's solver: one-off solves, and sessions whose HiGHS model the worker keeps. */
export interface WorkerSolver {
  solve: LpSolver;
  openSession: () => LpSession;
}

/**
 * An LpSolver that sends each programme to a Web Worker running HiGHS (solverWorker.ts) and resolves
 * with its solution; many solves may be in flight, matched by id. A session's solves go to one model
 * the worker keeps, so each re-plan starts from the last one's basis while the pane's thread stays free.
 * @param worker the worker running solverWorker.ts
 * @example const worker = workerSolver(new Worker(url)); useLpSolver(worker.solve, worker.openSession);
 */
export function workerSolver(worker: Worker): WorkerSolver {
  const send = workerRequests<Omit<SolveRequest, "id">, Extract<SolveAnswer, { solution: unknown }>, SessionSolution>(
    worker,
    (answer) => ({ warm: false, ...answer.solution }),
    (message) => new Error(message),
    "The optimiser stopped",
  );
  let sessions = 0;
  return {
    solve: (lp, options) => send({ lp, options }),
    openSession: () => {
      const session = ++sessions;
      return {
        solve: (lp, options) => send({ lp, options, session }),
        dispose: () => worker.postMessage({ endSession: session } satisfies SolverMessage),
      };
    },
  };
}
