import { buildSupplyLp } from "../../../src/core/supply/supplyLp";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { redTomato } from "./fixtures";

describe("buildSupplyLp", () => {
  it("leaves out the end-backlog column when no end backlog is allowed, and keeps it when some is", () => {
    const closed = buildSupplyLp(validateSupplyModel(redTomato));
    const open = buildSupplyLp(validateSupplyModel({ ...redTomato, items: [{ ...redTomato.items[0], endBacklogMax: 100 }] }));
    expect(Array.from(closed.index.backlog[0]).map((c) => c >= 0)).toEqual([true, true, true, true, true, false]);
    expect(Array.from(open.index.backlog[0]).every((c) => c >= 0)).toBe(true);
    expect(open.lp.colUpper[open.index.backlog[0][5]]).toBe(100);
    expect(open.lp.numCols - closed.lp.numCols).toBe(1);
  });
});
