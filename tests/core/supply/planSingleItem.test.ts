import { planSingleItem } from "../../../src/core/supply/planSingleItem";
import { PlanningError } from "../../../src/core/errors";

describe("planSingleItem", () => {
  // Hand case: capacity 200 a period at $5, overtime up to 50 at $8, holding $1, demand 100 then 350:
  // make 200 then 200 + 50 overtime; January carries 100 units. Costs 1,100 and 1,400.
  it("plans one item by period with each period's cost", async () => {
    const rows = await planSingleItem([100, 350], [200, 200], { regular: 5, overtime: 8, holding: 1 }, { overtimeCapacity: 50 });
    expect(rows).toEqual([
      { period: 1, demand: 100, regular: 200, overtime: 0, subcontract: 0, inventory: 100, backlog: 0, lost: 0, cost: 1100 },
      { period: 2, demand: 350, regular: 200, overtime: 50, subcontract: 0, inventory: 0, backlog: 0, lost: 0, cost: 1400 },
    ]);
  });

  it("subcontracts when that is cheaper than making early, and follows the chase rule on request", async () => {
    // subcontracting at $5.5 beats making in period 1 and holding ($5 + $1) and overtime ($8):
    // make 100 and 200, buy 150 in period 2; no backlog may be left at the end
    const rows = await planSingleItem([100, 350], [200, 200], { regular: 5, overtime: 8, subcontract: 5.5, holding: 1, backlog: 1 }, { overtimeCapacity: 50 });
    expect(rows.map((r) => r.regular)).toEqual([100, 200]);
    expect(rows[1].subcontract).toBeCloseTo(150, 9);
    expect(rows.reduce((a, r) => a + r.cost, 0)).toBeCloseTo(300 * 5 + 150 * 5.5, 9);
    const chase = await planSingleItem([100, 350], [200, 200], { regular: 5, overtime: 8, holding: 1 }, { overtimeCapacity: 50, strategy: "chase" });
    expect(chase.map((r) => r.regular + r.overtime)).toEqual([100, 250]);
    expect(chase[1].lost).toBe(100); // no backlog allowed: the chase plan cannot serve it
  });

  it("throws the optimiser's sentence when demand cannot be met", async () => {
    await expect(planSingleItem([100, 500], [200, 200], { regular: 5, overtime: 8, holding: 1 })).rejects.toThrow(/item is 200 units short of demand in period 2; resource capacity is full/);
    await expect(planSingleItem([1, 2], [1], { regular: 5, overtime: 8, holding: 1 })).rejects.toThrow(PlanningError);
  });
});
