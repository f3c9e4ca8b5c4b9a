import { blockStartBasis } from "../../../src/core/optimize/blockStart";
import { loadHighs, solveLinearProgram } from "../../../src/core/optimize/highsSolve";
import { buildSupplyLp } from "../../../src/core/supply/supplyLp";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { randomModel, redTomato } from "../supply/fixtures";

describe("start basis from a programme's blocks", () => {
  it("plans 300 items sharing 3 tight resources at the same cost as a solve from scratch, with the blocks' bases as start", async () => {
    const highs = await loadHighs();
    const model = validateSupplyModel(randomModel(7, 300, 3, 12));
    const { lp, index } = buildSupplyLp(model);
    const cold = solveLinearProgram(highs, lp, { solver: "simplex" });
    const startBasis = blockStartBasis(highs, lp);
    expect(startBasis).toBeDefined();
    // every capacity row starts basic (its dual 0), so the start is each item planned as if alone
    for (const rows of index.capacityRow) for (const r of rows) expect(startBasis?.rowStatus[r]).toBe(1);
    const fromBlocks = solveLinearProgram(highs, lp, { solver: "simplex", ...(startBasis ? { startBasis } : {}) });
    expect(cold.status).toBe("optimal");
    expect(fromBlocks.status).toBe("optimal");
    expect(fromBlocks.objective).toBeCloseTo(cold.objective, 4);
    // capacity binds somewhere, so the start was not already the plan: the joining rows did their work
    expect(Math.max(...fromBlocks.rowDual.filter((_, r) => index.capacityRow.some((rows) => rows.includes(r))).map(Math.abs))).toBeGreaterThan(0);
  });

  it("gives no start for a single item, or for a whole-unit (mixed-integer) programme", async () => {
    const highs = await loadHighs();
    expect(blockStartBasis(highs, buildSupplyLp(validateSupplyModel(redTomato)).lp)).toBeUndefined();
    const model = validateSupplyModel(randomModel(7, 300, 3, 12));
    const whole = buildSupplyLp({ ...model, items: model.items.map((item) => ({ ...item, wholeUnits: true })) }).lp;
    expect(blockStartBasis(highs, whole)).toBeUndefined();
  });
});
