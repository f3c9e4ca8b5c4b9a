/**
 * The Web Worker that runs HiGHS for the task pane, so that a long solve never freezes the pane or
 * Excel. It answers each solve request with its solution or an error (solverMessages.ts), and keeps
 * the HiGHS models of open sessions so a re-plan starts from the last plan's basis.
 */
import type { HighsSession } from "../core/optimize/highsSession";
import { highsBeside, loadHighs } from "../core/optimize/highsSolve";
import { answerSolverMessage, type SolverMessage } from "./solverMessages";

const scope = self as unknown as { location: Location; onmessage: ((event: MessageEvent<SolverMessage>) => void) | null; postMessage: (message: unknown, transfer?: Transferable[]) => void };

const highs = loadHighs(highsBeside(scope.location.href));
const sessions = new Map<number, HighsSession>();

scope.onmessage = async (event) => {
  const answer = answerSolverMessage(await highs, sessions, event.data);
  if (answer === undefined) return;
  scope.postMessage(answer, "solution" in answer ? [answer.solution.colValue.buffer, answer.solution.rowDual.buffer] : []);
};
