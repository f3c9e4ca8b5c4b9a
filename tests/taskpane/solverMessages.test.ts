/**
 * The pane's solver worker after HiGHS faults (out of its WebAssembly memory): the session that
 * faulted answers with the planner's sentence, and the next request in that session is solved on the
 * fresh runtime the worker loads, instead of failing for the rest of the pane's life.
 */
import { loadHighs } from "../../src/core/optimize/highsSolve";
import type { HighsSession } from "../../src/core/optimize/highsSession";
import { buildSupplyLp } from "../../src/core/supply/supplyLp";
import { validateSupplyModel } from "../../src/core/supply/validateSupplyModel";
import { answerSolverMessage } from "../../src/taskpane/solverMessages";
import { abortingRuntime, type Calls } from "../core/optimize/abortingRuntime";
import { redTomato } from "../core/supply/fixtures";

describe("solver worker messages after a HiGHS fault", () => {
  const lp = buildSupplyLp(validateSupplyModel(redTomato)).lp;

  test("the faulted session answers with the out-of-memory sentence, then re-plans on a fresh runtime (Red Tomato, $422,275)", async () => {
    const sessions = new Map<number, HighsSession>();
    const calls: Calls = { created: 0, runs: 0, disposed: 0 };
    const faulting = abortingRuntime(await loadHighs(), calls);

    const failed = answerSolverMessage(faulting, sessions, { id: 1, lp, options: {}, session: 7 });
    expect(failed).toEqual({ id: 1, error: expect.stringContaining("The optimiser ran out of memory on this plan") });

    const next = answerSolverMessage(await loadHighs(), sessions, { id: 2, lp, options: {}, session: 7 });
    expect(next !== undefined && "solution" in next ? next.solution.objective : undefined).toBeCloseTo(422275, 4);
    // the faulted runtime was never entered again
    expect(calls).toEqual({ created: 1, runs: 1, disposed: 0 });
    answerSolverMessage(await loadHighs(), sessions, { endSession: 7 });
    expect(sessions.size).toBe(0);
  });
});
