import { PlanningError } from "../../../src/core/errors";
import { constrainedDemand, gapAnalysis, periodGap } from "../../../src/core/reconcile";

describe("periodGap (=SOP.GAP), hand-computed", () => {
  const demand = [100, 100, 50, 0, 0];
  const supply = [90, 120, 50, 10, 0];

  test("units: supply - demand, negative = shortfall", () => {
    expect(periodGap(demand, supply)).toEqual([-10, 20, 0, 10, 0]);
  });

  test("percent of demand: NaN where demand is 0 but supply is not, 0 where both are 0", () => {
    expect(periodGap(demand, supply, "percent")).toEqual([-10, 20, 0, Number.NaN, 0]);
  });

  test("cumulative: running sum of the unit gaps", () => {
    expect(periodGap(demand, supply, "cumulative")).toEqual([-10, 10, 10, 20, 20]);
  });

  test("revenue: gap x price, one price or one per period", () => {
    expect(periodGap(demand, supply, "revenue", 2)).toEqual([-20, 40, 0, 20, 0]);
    expect(periodGap(demand, supply, "revenue", [1, 2, 3, 4, 5])).toEqual([-10, 40, 0, 40, 0]);
  });

  test("bad input is refused in planner words", () => {
    expect(() => periodGap([1, 2, 3], [1, 2])).toThrow("Demand has 3 periods but supply has 2");
    expect(() => periodGap([1], [1], "revenue")).toThrow(/needs a price/);
    expect(() => periodGap([1, 2], [1, 2], "revenue", [1])).toThrow("Price has 1 values but the plan has 2 periods");
    expect(() => periodGap([1, Number.NaN], [1, 2])).toThrow("Demand has no number in period 2");
    expect(() => periodGap([1], [1], "share" as never)).toThrow(PlanningError);
  });
});

describe("constrainedDemand", () => {
  test("backlog is carried and served first", () => {
    // t1: 80 available, 100 owed -> ship 80, backlog 20; t2: 130 for 120 owed -> ship 120 (20 late), stock 10;
    // t3: 10 + 90 for 100 -> ship 100.
    const r = constrainedDemand([100, 100, 100], [80, 130, 90]);
    expect(r.constrained).toEqual([80, 120, 100]);
    expect(r.onTime).toEqual([80, 100, 100]);
    expect(r.inventory).toEqual([0, 10, 0]);
    expect(r.backlog).toEqual([20, 0, 0]);
    expect(r.fillRate).toBeCloseTo(280 / 300, 12);
    expect(r.serviceLevel).toBeCloseTo(2 / 3, 12);
  });

  test("lost sales: what cannot be served is gone", () => {
    const r = constrainedDemand([100, 100, 100], [80, 130, 90], { carryBacklog: false });
    expect(r.constrained).toEqual([80, 100, 100]);
    expect(r.lost).toEqual([20, 0, 0]);
    expect(r.inventory).toEqual([0, 30, 20]);
    expect(r.fillRate).toBeCloseTo(280 / 300, 12);
  });

  test("opening inventory and backlog", () => {
    // 50 + 60 = 110 available for 30 + 100 owed: ship 110, of which 30 is the old backlog
    const r = constrainedDemand([100], [60], { openingInventory: 50, openingBacklog: 30 });
    expect(r.constrained).toEqual([110]);
    expect(r.onTime).toEqual([80]);
    expect(r.backlog).toEqual([20]);
  });

  test("no demand: fill rate and service level are 1", () => {
    const r = constrainedDemand([0, 0], [5, 0]);
    expect(r.fillRate).toBe(1);
    expect(r.serviceLevel).toBe(1);
  });

  test("negative quantities are refused", () => {
    expect(() => constrainedDemand([10], [-1])).toThrow(PlanningError);
  });
});

describe("gapAnalysis by item, family, resource and period", () => {
  const analysis = gapAnalysis(
    [
      { id: "A", levels: { family: "F" }, price: 2, demand: [10, 10], supply: [8, 12], hoursPerUnit: { R: 1 } },
      { id: "B", levels: { family: "F" }, price: 5, demand: [5, 5], supply: [6, 4], hoursPerUnit: { R: 2 } },
    ],
    [{ id: "R", capacity: [18, 25] }],
  );

  test("items: gap, percent, cumulative, constrained demand, revenue at risk, fill rate", () => {
    const [a, b] = analysis.items;
    expect(a.gap).toEqual([-2, 2]);
    expect(a.percent).toEqual([-20, 20]);
    expect(a.cumulative).toEqual([-2, 0]);
    expect(a.constrained).toEqual([8, 12]);
    expect(a.revenueAtRisk).toEqual([4, 0]);
    expect(a.fillRate).toBeCloseTo(0.9, 12);
    // B's surplus of period 1 covers its shortfall of period 2
    expect(b.gap).toEqual([1, -1]);
    expect(b.constrained).toEqual([5, 5]);
    expect(b.revenueAtRisk).toEqual([0, 0]);
    expect(b.fillRate).toBe(1);
  });

  test("family sums units and revenue at risk of its items", () => {
    const [f] = analysis.groups.family;
    expect(f.key).toBe("F");
    expect(f.demand).toEqual([15, 15]);
    expect(f.gap).toEqual([-1, 1]);
    expect(f.percent[0]).toBeCloseTo(-100 / 15, 12);
    expect(f.constrained).toEqual([13, 17]);
    expect(f.totals.revenueAtRisk).toBe(4);
    expect(f.fillRate).toBeCloseTo(28 / 30, 12);
  });

  test("resource: capacity against the hours demand needs", () => {
    const [r] = analysis.resources;
    expect(r.load).toEqual([20, 20]);
    expect(r.gap).toEqual([-2, 5]);
    expect(r.utilisation[0]).toBeCloseTo((100 * 20) / 18, 12);
    expect(r.utilisation[1]).toBeCloseTo(80, 12);
  });

  test("bad input", () => {
    expect(() => gapAnalysis([])).toThrow(PlanningError);
    expect(() =>
      gapAnalysis([{ id: "A", price: 1, demand: [1], supply: [1], hoursPerUnit: { X: 1 } }], [{ id: "R", capacity: [1] }]),
    ).toThrow("Item A needs resource X");
    expect(() =>
      gapAnalysis([
        { id: "A", price: 1, demand: [1, 2], supply: [1, 2] },
        { id: "B", price: 1, demand: [1], supply: [1] },
      ]),
    ).toThrow("Demand of item B has 1 periods but the first item's demand has 2");
    expect(() => gapAnalysis([{ id: "A", price: -1, demand: [1], supply: [1] }])).toThrow("price of 0 or more");
  });
});

describe("gapAnalysis counts opening stock", () => {
  it("gives a family's horizon gap as opening stock less backlog plus supply less demand", () => {
    // A: 30 on hand, needs 10 + 10, nothing made: 10 left. B: owes 5, needs 4, makes 6: 3 short.
    const gaps = gapAnalysis([
      { id: "A", levels: { family: "F" }, price: 1, demand: [10, 10], supply: [0, 0], openingInventory: 30 },
      { id: "B", levels: { family: "F" }, price: 1, demand: [0, 4], supply: [6, 0], openingBacklog: 5 },
    ]);
    expect(gaps.items[0].cumulative).toEqual([20, 10]);
    expect(gaps.items[0].totals.gap).toBe(10);
    expect(gaps.items[1].totals.gap).toBe(-3);
    const family = gaps.groups.family[0];
    expect(family.opening).toBe(25);
    expect(family.totals.gap).toBe(7);
    expect(family.cumulative).toEqual([21, 7]);
  });
});
