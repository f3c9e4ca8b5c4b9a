/**
 * The Web Worker that runs HiGHS for the task pane, so that a long solve never freezes the pane or
 * Excel. It answers each solve request with its solution or an error (solverMessages.ts), and keeps
 * the HiGHS models of open sessions so a re-plan starts from the last plan's basis. After HiGHS faults
 * (out of its WebAssembly memory) the next request runs on a freshly loaded runtime.
 */
import type { HighsSession } from "../core/optimize/highsSession";
import { highsBeside, loadHighs } from "../core/optimize/highsSolve";
import { answerSolverMessage, type SolverMessage } from "./solverMessages";

const scope = self as unknown as { location: Location; onmessage: ((event: MessageEvent<SolverMessage>) => void) | null; postMessage: (message: unknown, transfer?: Transferable[]) => void };

const sessions = new Map<number, HighsSession>();

scope.onmessage = async (event) => {
  // the shared runtime, or a fresh one when the last faulted (loadHighs sets a faulted runtime aside)
  const answer = answerSolverMessage(await loadHighs(highsBeside(scope.location.href)), sessions, event.data);
  if (answer === undefined) return;
  scope.postMessage(answer, "solution" in answer ? [answer.solution.colValue.buffer, answer.solution.rowDual.buffer] : []);
};
