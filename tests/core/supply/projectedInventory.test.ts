import { inventoryProjection, projectedInventory } from "../../../src/core/supply/projectedInventory";
import { PlanningError } from "../../../src/core/errors";

describe("projectedInventory", () => {
  it("carries shortfalls as backlog (hand-computed)", () => {
    // 100 + 50 - 80 = 70; 70 + 50 - 200 = -80 -> backlog 80; -80 + 150 - 20 = 50
    const p = projectedInventory(100, [50, 50, 150], [80, 200, 20], { mode: "backlog" });
    expect(p.inventory).toEqual([70, 0, 50]);
    expect(p.backlog).toEqual([0, 80, 0]);
    expect(p.lost).toEqual([0, 0, 0]);
    expect(p.served).toEqual([80, 120, 100]);
  });

  it("loses shortfalls in lost-sales mode", () => {
    const p = projectedInventory(100, [50, 50, 150], [80, 200, 20], { mode: "lost" });
    expect(p.inventory).toEqual([70, 0, 130]);
    expect(p.lost).toEqual([0, 80, 0]);
    expect(p.served).toEqual([80, 120, 20]);
  });

  it("serves an opening backlog first", () => {
    const p = projectedInventory(0, [100], [50], { mode: "backlog", openingBacklog: 30 });
    expect(p.inventory).toEqual([20]);
    expect(p.served).toEqual([80]);
  });

  it("gives worksheet rows [inventory, backlog, lost, served]", () => {
    expect(inventoryProjection(100, [50, 50], [80, 200])).toEqual([
      [70, 0, 0, 80],
      [0, 80, 0, 120],
    ]);
  });

  it("rejects mismatched or negative input", () => {
    expect(() => projectedInventory(0, [1], [1, 2], { mode: "backlog" })).toThrow(PlanningError);
    expect(() => projectedInventory(0, [1, -2], [1, 2], { mode: "backlog" })).toThrow(/Supply in period 2/);
  });
});
