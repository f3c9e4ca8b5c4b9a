import { PlanningError } from "../../../src/core/errors";
import { planFinancials, portfolioFinancials } from "../../../src/core/reconcile";

describe("planFinancials (=SOP.FINANCIALS), hand-computed", () => {
  const plan = { sales: [10, 20], production: [15, 20], inventory: [5, 5] };

  test("revenue, cost of goods, margin, inventory value and holding cost per period and in total", () => {
    const f = planFinancials(plan, 10, 6, 0.02);
    expect(f.periods.revenue).toEqual([100, 200]);
    expect(f.periods.costOfGoods).toEqual([60, 120]);
    expect(f.periods.grossMargin).toEqual([40, 80]);
    expect(f.periods.grossMarginPercent).toEqual([40, 40]);
    expect(f.periods.productionCost).toEqual([90, 120]);
    expect(f.periods.inventoryValue).toEqual([30, 30]);
    expect(f.periods.holdingCost).toEqual([0.6, 0.6]);
    expect(f.totals).toEqual({
      revenue: 300,
      costOfGoods: 180,
      grossMargin: 120,
      grossMarginPercent: 40,
      productionCost: 210,
      holdingCost: 1.2,
      averageInventoryValue: 30,
      endingInventoryValue: 30,
    });
  });

  test("prices per period; no revenue gives no margin percent", () => {
    const f = planFinancials({ sales: [0, 10], production: [0, 10], inventory: [0, 0] }, [8, 12], 6);
    expect(f.periods.revenue).toEqual([0, 120]);
    expect(f.periods.grossMarginPercent[0]).toBeNaN();
    expect(f.periods.grossMarginPercent[1]).toBe(50);
    expect(f.periods.holdingCost).toEqual([0, 0]);
  });

  test("many items sum period by period", () => {
    const f = portfolioFinancials(
      [
        { plan, price: 10, unitCost: 6 },
        { plan: { sales: [1, 1], production: [1, 1], inventory: [2, 0] }, price: 100, unitCost: 50 },
      ],
      0.1,
    );
    expect(f.periods.revenue).toEqual([200, 300]);
    expect(f.periods.inventoryValue).toEqual([130, 30]);
    expect(f.periods.holdingCost).toEqual([13, 3]);
    expect(f.totals.grossMargin).toBe(120 + 100);
    expect(f.totals.averageInventoryValue).toBe(80);
  });

  test("bad input", () => {
    expect(() => planFinancials({ sales: [1, 2], production: [1], inventory: [1, 2] }, 1, 1)).toThrow(
      "Sales has 2 periods but production has 1",
    );
    expect(() => planFinancials({ sales: [-1], production: [1], inventory: [1] }, 1, 1)).toThrow("Sales cannot be negative");
    expect(() => planFinancials(plan, 1, 1, -0.1)).toThrow("holding rate");
    expect(() => planFinancials(plan, [1, 2, 3], 1)).toThrow("Price has 3 values but the plan has 2 periods");
    expect(() => portfolioFinancials([])).toThrow(PlanningError);
  });
});
