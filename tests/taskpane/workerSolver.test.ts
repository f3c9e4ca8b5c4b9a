/**
 * The pane's solver worker keeps a HiGHS model per session, so step 4 in the pane re-plans its
 * scenarios from the last plan's basis as `sop run` does, with the same results to the cent.
 */
import type { HighsSession } from "../../src/core/optimize/highsSession";
import { loadHighs } from "../../src/core/optimize/highsSolve";
import { inThreadSolver, useLpSolver } from "../../src/core/optimize/lpSolver";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { SHEETS } from "../../src/cycle/sheets";
import type { SupplyResult } from "../../src/cycle/supplyStep";
import { optimizeSupply, validateSupplyModel, type SupplyModel, type SupplyOutcome } from "../../src/core/supply";
import { answerSolverMessage, type SolverMessage } from "../../src/taskpane/solverMessages";
import { workerSolver } from "../../src/taskpane/workerSolver";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleThroughSupply } from "../cycle/sampleThroughSupply";
import { randomModel } from "../core/supply/fixtures";

/** A stand-in for the Web Worker running solverWorker.ts: answers each message on a later turn, as a worker does, and notes whether a session's solve was warm. */
class FakeSolverWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sessions = new Map<number, HighsSession>();
  readonly solves: { session?: number; warm?: boolean }[] = [];

  postMessage(message: SolverMessage): void {
    setTimeout(async () => {
      const answer = answerSolverMessage(await loadHighs(), this.sessions, message);
      if (answer === undefined) return;
      if ("solution" in answer && !("endSession" in message)) this.solves.push({ session: message.session, warm: "warm" in answer.solution ? answer.solution.warm : undefined });
      this.onmessage?.({ data: answer } as MessageEvent);
    }, 0);
  }

  asWorker(): Worker {
    return this as unknown as Worker;
  }
}

/** Wait (up to 10 s) for the worker to answer the messages that end its sessions: a fresh HiGHS may load first. */
async function sessionsFreed(worker: FakeSolverWorker): Promise<void> {
  for (let waited = 0; worker.sessions.size > 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
}

const scenarioOptions = { demandChange: 10, capacityChange: -10, shiftHours: 40 };

describe("step 4 with the pane's worker solver", () => {
  let book: MemoryWorkbook;
  let supply: SupplyResult;

  beforeAll(async () => {
    ({ book, supply } = await sampleThroughSupply());
  }, 120_000);

  test("re-plans the scenarios in one worker session and writes SOP Scenarios as the CLI does; the worker frees the session", async () => {
    const cli = await runReconcileStep(book, scenarioOptions, {}, supply);
    const cliSheet = await book.read(SHEETS.scenarios);

    const worker = new FakeSolverWorker();
    const pane = workerSolver(worker.asWorker());
    useLpSolver(pane.solve, pane.openSession);
    const inPane = await runReconcileStep(book, scenarioOptions, {}, supply);
    await sessionsFreed(worker);

    expect(inPane.comparison).toEqual(cli.comparison);
    expect(await book.read(SHEETS.scenarios)).toEqual(cliSheet);
    expect(worker.solves.length).toBe(3);
    expect(worker.solves.every((s) => s.session === worker.solves[0].session && s.session !== undefined)).toBe(true);
    // the sample plans whole units (a MIP): each scenario is solved afresh in the session
    expect(worker.solves.map((s) => s.warm)).toEqual([false, false, false]);
    expect(worker.sessions.size).toBe(0);
  }, 120_000);

  test("the scenarios in a worker session equal cold solves of each scenario to the cent", async () => {
    const worker = new FakeSolverWorker();
    const pane = workerSolver(worker.asWorker());
    useLpSolver(pane.solve, pane.openSession);
    const warm = await runReconcileStep(book, scenarioOptions, {}, supply);
    useLpSolver(inThreadSolver());
    const cold = await runReconcileStep(book, scenarioOptions, {}, supply);
    const cents = (c: typeof warm.comparison) => c.scenarios.map((s) => ({ name: s.name, cost: Math.round((s.summary?.cost ?? Number.NaN) * 100) }));
    expect(cents(warm.comparison)).toEqual(cents(cold.comparison));
    expect(warm.comparison.scenarios.map((s) => s.error)).toEqual(cold.comparison.scenarios.map((s) => s.error));
  }, 120_000);
});

describe("a worker session with a linear plan", () => {
  const objectiveOf = (outcome: SupplyOutcome): number => {
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    return outcome.objective;
  };

  test("re-plans a demand change and a capacity change from the kept basis, to the cold optimum", async () => {
    const model = validateSupplyModel(randomModel(7, 30, 4, 12));
    const id = model.items[3].id;
    const moreDemand: SupplyModel = { ...model, demand: { ...model.demand, [id]: model.demand[id].map((d, t) => (t === 2 ? d * 1.5 + 10 : d)) } };
    const lessCapacity: SupplyModel = { ...model, resources: model.resources.map((r, k) => (k === 1 ? { ...r, availableHours: r.availableHours.map((h, t) => (t === 5 ? h * 0.7 : h)) } : r)) };
    const worker = new FakeSolverWorker();
    const session = workerSolver(worker.asWorker()).openSession();
    const outcomes = [];
    for (const m of [model, moreDemand, lessCapacity]) outcomes.push(await optimizeSupply(m, { session }));
    session.dispose();
    await sessionsFreed(worker);
    expect(outcomes.map((o) => o.warm)).toEqual([false, true, true]);
    const highs = await loadHighs();
    for (const [k, m] of [model, moreDemand, lessCapacity].entries()) expect(objectiveOf(outcomes[k])).toBeCloseTo(objectiveOf(await optimizeSupply(m, { highs })), 4);
    expect(worker.sessions.size).toBe(0);
  });
});
