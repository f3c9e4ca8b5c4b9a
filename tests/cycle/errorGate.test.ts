import { runDemandStep } from "../../src/cycle/demandStep";
import { acceptErrors, BlockedByErrors, readErrorGate, shownProblem } from "../../src/cycle/errorGate";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runCycle } from "../../src/cycle/runCycle";
import { SHEETS } from "../../src/cycle/sheets";
import { FIXTURE_MONTHS, twoLocationBook } from "./locationFixture";

/** A second row for A-1 at North (a duplicate key) whose third month is text. */
const duplicate = ["A-1", "North", 1, 1, "lots", ...FIXTURE_MONTHS.slice(3).map(() => 1)];

describe("errors gate the cycle", () => {
  test("step 1 lists every error with its cell; step 2 refuses, listing them all, until they are accepted with a reason", async () => {
    const book = await twoLocationBook([duplicate]);
    const gather = await runGatherStep(book);
    expect(gather.report.summary).toMatch(/The errors block steps 2 to 6/);
    expect(gather.report.blocking?.map((problem) => problem.address)).toEqual(["Sales!A8", "Sales!E8"]);
    expect(gather.report.blocking?.[0].message).toMatch(/The item A-1 at location North appears twice \(first at Sales!A2\)/);

    const refused = runDemandStep(book, { horizon: 3 });
    await expect(refused).rejects.toBeInstanceOf(BlockedByErrors);
    await expect(runDemandStep(book, { horizon: 3 })).rejects.toThrow(/Step 2 \(demand forecast\) cannot run: step 1 found 2 errors[\s\S]*- Sales!A8: The item A-1 at location North appears twice[\s\S]*- Sales!E8: A-1 @ North, 2024-03: "lots" is not a number/);
    expect(await book.read(SHEETS.consensus).catch(() => null)).toBeNull();

    await expect(acceptErrors(book, "  ")).rejects.toThrow(/Say why/);
    const accepted = await acceptErrors(book, "Second North row is a test order; the first row is right", new Date("2026-12-07T02:00:00Z"));
    expect(accepted).toMatchObject({ errors: 2, when: "2026-12-07T02:00:00.000Z" });
    const demand = await runDemandStep(book, { horizon: 3 });
    expect(demand.report.messages?.[0].text).toMatch(/Runs with 2 errors of step 1 accepted on 2026-12-07T02:00:00.000Z: "Second North row is a test order/);
    const validation = await book.read(SHEETS.validation);
    expect(validation[0].slice(7, 10)).toEqual(["Errors accepted", "When", "Reason"]);
    expect(validation[1].slice(7, 10)).toEqual([2, "2026-12-07T02:00:00.000Z", "Second North row is a test order; the first row is right"]);

    // the same errors on the next run of step 1 stay accepted; other errors need a new acceptance
    expect((await runGatherStep(book)).report.blocking).toBeUndefined();
    expect((await book.read(SHEETS.validation))[1][9]).toBe("Second North row is a test order; the first row is right");
    book.setCell("Sales", "F8", "many");
    expect((await runGatherStep(book)).report.blocking).toHaveLength(3);
    await expect(runDemandStep(book, { horizon: 3 })).rejects.toThrow(/found 3 errors/);
    expect((await readErrorGate(book))?.log).toHaveLength(1);
  }, 60_000);

  test("the headless cycle stops after step 1 on errors, and runs with the reason it is given", async () => {
    await expect(runCycle(await twoLocationBook([duplicate]), { demand: { horizon: 3 } })).rejects.toThrow(/cannot run: step 1 found 2 errors/);
    const book = await twoLocationBook([duplicate]);
    const cycle = await runCycle(book, { demand: { horizon: 3 }, acceptErrors: "known duplicate" });
    expect(cycle.accepted?.reason).toBe("known duplicate");
    expect(cycle.reports.map((entry) => entry.step)).toHaveLength(5);
  }, 120_000);
});

describe("shownProblem: an error as the pane lists it", () => {
  it("puts the cell first, once", () => {
    expect(shownProblem({ address: "Sales!A8", message: "The item A-1 appears twice." })).toBe("Sales!A8: The item A-1 appears twice.");
    expect(shownProblem({ address: "Sales!A8", message: "Sales!A8 has no item, but its row holds quantities." })).toBe("Sales!A8 has no item, but its row holds quantities.");
    expect(shownProblem({ address: null, message: "No sales history was found." })).toBe("No sales history was found.");
  });
});
