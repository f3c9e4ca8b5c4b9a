/**
 * Step 4 takes step 3's plan as its base when it reads the very model step 3 planned, and plans the
 * base again as soon as the workbook says something else.
 */
import { inThreadSolver, useLpSolver } from "../../src/core/optimize/lpSolver";
import { GAP_NOTE, runReconcileStep } from "../../src/cycle/reconcileStep";
import { SHEETS } from "../../src/cycle/sheets";
import type { SupplyResult } from "../../src/cycle/supplyStep";
import type { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { sampleThroughSupply } from "./sampleThroughSupply";

let solves = 0;
const solver = inThreadSolver();
useLpSolver(async (lp, options) => {
  solves += 1;
  return solver(lp, options);
});

/** Run step 4 and count the LP solves it makes. */
async function solvesOfStep4(book: MemoryWorkbook, planned?: SupplyResult): Promise<number> {
  solves = 0;
  await runReconcileStep(book, { demandChange: 10, capacityChange: -10, shiftHours: 40 }, {}, planned);
  return solves;
}

describe("step 4 after step 3 in the same run", () => {
  let book: MemoryWorkbook;
  let supply: SupplyResult;

  beforeAll(async () => {
    ({ book, supply } = await sampleThroughSupply());
  }, 120_000);

  test("solves one plan fewer with step 3's plan as its base, and writes the same SOP Scenarios", async () => {
    const solvedAgain = await solvesOfStep4(book);
    const scenariosSolved = await book.read(SHEETS.scenarios);
    const reused = await solvesOfStep4(book, supply);
    expect(solvedAgain).toBe(4);
    expect(reused).toBe(solvedAgain - 1);
    expect(await book.read(SHEETS.scenarios)).toEqual(scenariosSolved);
  });

  test("heads with the plan's own revenue at risk, step 3's figure, and says what the family gap counts", async () => {
    const { report } = await runReconcileStep(book, {}, {}, supply);
    const stepThree = Math.round(supply.plan.service.revenueAtRisk * 100) / 100;
    expect(stepThree).toBeGreaterThan(0);
    expect(report.summary).toMatch(new RegExp(`^Revenue at risk ${stepThree.toLocaleString("en-US").replace(/[.,]/g, "\\$&")} over 6 months \\(demand the plan does not ship on time, at price\\)`));
    expect(report.messages?.map((m) => m.text)).toContain(GAP_NOTE);
    const gapTable = report.tables?.find((table) => table.title === "Gap by family (units, whole horizon)");
    expect(gapTable?.headers[4]).toBe("Value of supply short");
  });

  test("plans the base again when the consensus changed after step 3", async () => {
    const consensus = await book.read(SHEETS.consensus);
    const first = consensus[1][2] as number;
    await book.writeBlocks([{ sheet: SHEETS.consensus, topLeft: "C2", values: [[first + 25]] }]);
    expect(await solvesOfStep4(book, supply)).toBe(4);
    const base = (await book.read(SHEETS.scenarios)).find((row) => row[0] === "Total Cost (currency)")?.[1];
    await book.writeBlocks([{ sheet: SHEETS.consensus, topLeft: "C2", values: [[first]] }]);
    expect(await solvesOfStep4(book, supply)).toBe(3);
    expect((await book.read(SHEETS.scenarios)).find((row) => row[0] === "Total Cost (currency)")?.[1]).not.toBe(base);
  });
});
