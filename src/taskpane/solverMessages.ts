/**
 * What the task pane and its solver worker (solverWorker.ts) say to each other, and how the worker
 * answers: a one-off solve, a solve in a kept model (a session, so a re-plan starts from the last
 * plan's basis), or the end of a session. Sessions live in the worker, never in the pane's thread. A
 * session whose runtime faulted (HiGHS out of memory) is opened again on the runtime given next.
 */
import type { Highs } from "highs";
import type { LinearProgram } from "../core/optimize/highsLinearProgram";
import { HighsSession, type SessionSolution } from "../core/optimize/highsSession";
import { solveLinearProgram, type LpSolution, type SolveOptions } from "../core/optimize/highsSolve";

/** Solve `lp`; with `session`, in the model the worker keeps under that number (opened on first use). */
export interface SolveRequest {
  id: number;
  lp: LinearProgram;
  options: SolveOptions;
  session?: number;
}

/** Free the model kept under this number (no answer). */
export interface EndSession {
  endSession: number;
}

/** A message from the pane to the solver worker. */
export type SolverMessage = SolveRequest | EndSession;

/** The worker's answer to a solve request: the solution, or the error's message. */
export type SolveAnswer = { id: number; solution: LpSolution | SessionSolution } | { id: number; error: string };

/**
 * How the solver worker handles one message: solves (in the session's kept model when the request
 * names one) or frees a session.
 * @param highs the worker's loaded runtime
 * @param sessions the worker's kept models by number
 * @param message the pane's message
 * @returns the answer to post back, or undefined for the end of a session
 * @example answerSolverMessage(highs, sessions, { id: 0, lp, options: {}, session: 1 }) // { id: 0, solution }
 */
export function answerSolverMessage(highs: Highs, sessions: Map<number, HighsSession>, message: SolverMessage): SolveAnswer | undefined {
  if ("endSession" in message) {
    sessions.get(message.endSession)?.dispose();
    sessions.delete(message.endSession);
    return undefined;
  }
  const { id, lp, options, session } = message;
  try {
    if (session === undefined) return { id, solution: solveLinearProgram(highs, lp, options) };
    let kept = sessions.get(session);
    if (kept === undefined || kept.faulted) {
      kept = new HighsSession(highs);
      sessions.set(session, kept);
    }
    return { id, solution: kept.solve(lp, options) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}
