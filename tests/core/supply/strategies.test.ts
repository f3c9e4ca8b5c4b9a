import { chasePlan, compareStrategies, levelPlan, loseEndBacklog } from "../../../src/core/supply/strategies";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { checkPlan } from "../../../src/core/supply/checkPlan";
import { redTomato } from "./fixtures";

describe("strategies", () => {
  const model = validateSupplyModel(redTomato);

  it("chase makes demand each month and varies the workforce (hand-computed on Red Tomato)", () => {
    const plan = chasePlan(model);
    // make demand net of the 1000 units on hand, and the 500 end units in June; 4 h per unit, 160 h per worker
    expect(plan.items[0].production).toEqual([600, 3000, 3200, 3800, 2200, 2700]);
    expect(plan.workforce?.workers).toEqual([15, 75, 80, 95, 55, 67.5]);
    expect(plan.workforce?.hires).toEqual([0, 60, 5, 15, 0, 12.5]);
    expect(plan.workforce?.layoffs).toEqual([65, 0, 0, 0, 40, 0]);
    // wages 640 x 387.5 + hires 300 x 92.5 + layoffs 500 x 105 + material 10 x 15,500 + holding 2 x 500
    expect(plan.cost.total).toBeCloseTo(248000 + 27750 + 52500 + 155000 + 1000, 6);
    expect(plan.service.fillRate).toBe(1);
    expect(checkPlan(model, plan)).toEqual([]);
  });

  it("level makes a constant rate and lets inventory absorb the season", () => {
    const plan = levelPlan(model);
    const rate = (16000 + 500 - 1000) / 6;
    plan.items[0].production.forEach((p) => expect(p).toBeCloseTo(rate, 9));
    expect(plan.items[0].backlog[3]).toBeCloseTo(266.67, 2);
    expect(plan.service.peakInventory).toBeCloseTo(1983.33, 2);
    expect(checkPlan(model, plan)).toEqual([]);
  });

  it("lines up chase, level and optimal; the optimum is never dearer", async () => {
    const { summary } = await compareStrategies(model);
    expect(summary.map((s) => s.strategy)).toEqual(["chase", "level", "optimal"]);
    const [chase, level, optimal] = summary;
    expect(optimal.totalCost).toBeCloseTo(422275, 2);
    expect(optimal.totalCost).toBeLessThanOrEqual(chase.totalCost + 1e-6);
    expect(optimal.totalCost).toBeLessThanOrEqual(level.totalCost + 1e-6);
    expect(chase.peakInventory).toBe(500);
  });

  it("a strategy that ends short loses what is still owed, as the optimiser must, so its cost compares (hand-computed)", async () => {
    // 100 hours a month, 1 hour a unit, demand 80, 80, 150, 150: chase makes 80, 80, 100, 100 and owes
    // 50 after month 3, 100 after month 4 (oldest served first, so all of month 4's); nothing may stay
    // owed at the end, so those 100 are lost in month 4 (lost sales 20 a unit, backlog 2 a unit-month)
    const short = validateSupplyModel({
      periods: 4,
      items: [{ id: "A", unitCost: 1, holdingCost: 1, backlogCost: 2, lostSalesCost: 20, hoursPerUnit: { line: 1 } }],
      resources: [{ id: "line", availableHours: 100 }],
      demand: { A: [80, 80, 150, 150] },
    });
    const chase = chasePlan(short);
    expect(chase.items[0].production).toEqual([80, 80, 100, 100]);
    expect(chase.items[0].backlog).toEqual([0, 0, 50, 0]);
    expect(chase.items[0].lost).toEqual([0, 0, 0, 100]);
    expect(chase.service.endBacklog).toBe(0);
    expect(chase.cost.lostSales).toBe(2000);
    expect(chase.cost.backlog).toBe(100);
    expect(checkPlan(short, chase)).toEqual([]);
    const { summary } = await compareStrategies(short);
    const optimal = summary.find((row) => row.strategy === "optimal");
    expect(optimal?.totalCost).toBeLessThanOrEqual(summary[0].totalCost + 1e-6);
  });

  it("loses the latest demands first, never more than a month's demand", () => {
    const backlog = [0, 30, 60, 90];
    const lost = [0, 0, 0, 5];
    loseEndBacklog(backlog, lost, [40, 40, 40, 40], 10);
    // 80 too many at the end: 35 of month 4's demand (40 less the 5 already lost), all 40 of month 3's,
    // then 5 of month 2's; each is no longer owed from its month on
    expect(lost).toEqual([0, 5, 40, 40]);
    expect(backlog).toEqual([0, 25, 15, 10]);
  });
});

