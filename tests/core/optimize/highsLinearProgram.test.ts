import { LinearProgramBuilder, toCplexLp } from "../../../src/core/optimize/highsLinearProgram";
import { loadHighs, solveLinearProgram } from "../../../src/core/optimize/highsSolve";
import { buildSupplyLp } from "../../../src/core/supply/supplyLp";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { redTomato } from "../supply/fixtures";

describe("LinearProgram and its CPLEX LP text", () => {
  it("writes a small programme readably", () => {
    const b = new LinearProgramBuilder();
    const x = b.addColumn("x", 2, 0, Infinity);
    const y = b.addColumn("y", 3, 1, 4, true);
    b.addRow("c1", [x, y], [1, -1], ">=", 1);
    expect(toCplexLp(b.build())).toBe("\\ written by sop supply\nMinimize\n obj: 2 x + 3 y\nSubject To\n c1: x - y >= 1\nBounds\n 1 <= y <= 4\nGeneral\n y\nEnd\n");
  });

  it("solves to the same optimum from arrays and from its LP text (Red Tomato, $422,275)", async () => {
    const highs = await loadHighs();
    const { lp } = buildSupplyLp(validateSupplyModel(redTomato));
    const fromArrays = solveLinearProgram(highs, lp);
    const fromText = highs.solve(toCplexLp(lp), { output_flag: false });
    expect(fromArrays.status).toBe("optimal");
    expect(fromText.Status).toBe("Optimal");
    expect(fromArrays.objective).toBeCloseTo(422275, 4);
    expect(fromText.ObjectiveValue).toBeCloseTo(422275, 4);
  });
});
