import { optimizeSupply } from "../../../src/core/supply/optimizeSupply";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { checkPlan } from "../../../src/core/supply/checkPlan";
import { redTomato } from "./fixtures";

const round = (values: number[]): number[] => values.map((v) => Math.round(v));

describe("optimizeSupply", () => {
  it("reproduces Red Tomato Tools (Chopra & Meindl ch. 8, Table 8-3): optimum $422,275 and its plan", async () => {
    const model = validateSupplyModel(redTomato);
    const outcome = await optimizeSupply(model);
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    const { plan } = outcome;
    expect(plan.cost.total).toBeCloseTo(422275, 2);
    expect(outcome.objective).toBeCloseTo(422275, 2);
    // Table 8-3 (rounded): lay off 15 workers in January, keep 65, make 2,583 a month, no overtime or subcontracting
    expect(round(plan.workforce?.layoffs ?? [])).toEqual([15, 0, 0, 0, 0, 0]);
    expect(round(plan.workforce?.workers ?? [])).toEqual([65, 65, 65, 65, 65, 65]);
    expect(round(plan.items[0].production)).toEqual([2583, 2583, 2583, 2583, 2583, 2583]);
    expect(round(plan.items[0].inventory)).toEqual([1983, 1567, 950, 0, 117, 500]);
    expect(round(plan.items[0].backlog)).toEqual([0, 0, 0, 267, 0, 0]);
    expect(plan.items[0].subcontract).toEqual([0, 0, 0, 0, 0, 0]);
    expect(plan.resources[0].overtimeHours).toEqual([0, 0, 0, 0, 0, 0]);
    // cost by kind: wages 640 x 387.5 worker-months, layoffs 500 x 15.42, material 10 x 15,500, holding, backlog
    expect(plan.cost.wages).toBeCloseTo(248000, 2);
    expect(plan.cost.material).toBeCloseTo(155000, 2);
    expect(plan.cost.layoffs).toBeCloseTo(7708.33, 2);
    expect(plan.cost.holding + plan.cost.backlog).toBeCloseTo(11566.67, 2);
    expect(checkPlan(model, plan)).toEqual([]);
  });

  it("reproduces Red Tomato Tools with whole workers (Chopra & Meindl's Excel Solver model): $422,660", async () => {
    const model = validateSupplyModel({ ...redTomato, workforce: { ...redTomato.workforce, integerWorkers: true }, mipGap: 0 });
    const outcome = await optimizeSupply(model);
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    expect(outcome.plan.cost.total).toBeCloseTo(422660, 2);
    expect(outcome.mipGap).toBeLessThanOrEqual(1e-6);
    expect(outcome.plan.workforce?.workers.every((w) => Number.isInteger(Math.round(w * 1e6) / 1e6))).toBe(true);
    expect(checkPlan(model, outcome.plan)).toEqual([]);
  });

  it("stops a whole-worker plan within the default 0.5 % gap of the best bound and reports the gap", async () => {
    const model = validateSupplyModel({ ...redTomato, workforce: { ...redTomato.workforce, integerWorkers: true } });
    const outcome = await optimizeSupply(model);
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    expect(outcome.mipGap).toBeLessThanOrEqual(0.005);
    expect(outcome.plan.cost.total).toBeGreaterThanOrEqual(422660 - 0.01);
    expect(outcome.plan.cost.total).toBeLessThanOrEqual(422660 * 1.005);
  });

  // Hand case: one item, 1 h per unit, 200 regular hours a period at $5/h, 50 overtime hours at $8/h,
  // holding $1, demand 100 then 350. Both periods run full; 50 units on overtime in February.
  // Cost = 400 x 5 + 50 x 8 + 100 x 1 = 2,500. One more regular hour saves $3 in February
  // (overtime premium) and $2 in January (premium less a month of holding).
  const hand = {
    periods: 2,
    periodLabels: ["Jan", "Feb"],
    items: [{ id: "widget", unitCost: 0, holdingCost: 1, hoursPerUnit: { line: 1 } }],
    resources: [{ id: "line", availableHours: 200, overtimeHoursCap: 50, regularCostPerHour: 5, overtimeCostPerHour: 8 }],
    demand: { widget: [100, 350] },
  };

  it("solves a hand-checked case with the marginal value of an hour", async () => {
    const outcome = await optimizeSupply(validateSupplyModel(hand));
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    const { plan } = outcome;
    expect(plan.cost.total).toBeCloseTo(2500, 6);
    expect(plan.cost.regularLabour).toBeCloseTo(2000, 6);
    expect(plan.cost.overtime).toBeCloseTo(400, 6);
    expect(plan.cost.holding).toBeCloseTo(100, 6);
    expect(plan.items[0].production).toEqual([200, 250]);
    expect(plan.resources[0].overtimeHours).toEqual([0, 50]);
    expect(plan.resources[0].hourValue[0]).toBeCloseTo(2, 6);
    expect(plan.resources[0].hourValue[1]).toBeCloseTo(3, 6);
    expect(plan.service.fillRate).toBe(1);
    expect(plan.service.peakInventory).toBeCloseTo(100, 6);
  });

  it("names the item, resource and period when demand cannot be met", async () => {
    const outcome = await optimizeSupply(validateSupplyModel({ ...hand, demand: { widget: [100, 450] } }));
    expect(outcome.status).toBe("infeasible");
    if (outcome.status === "optimal") return;
    expect(outcome.message).toMatch(/^No plan meets every demand and stock target: widget is 50 units short of demand in Feb; resource line is full/);
    expect(outcome.message).toMatch(/in Jan, Feb/);
    expect(outcome.message).toMatch(/Add hours or overtime on line by Feb/);
  });

  it("says so when an end-of-horizon inventory target cannot be reached", async () => {
    const model = validateSupplyModel({ ...hand, items: [{ ...hand.items[0], endInventoryTarget: 200 }] });
    const outcome = await optimizeSupply(model);
    expect(outcome.status).toBe("infeasible");
    if (outcome.status !== "optimal") expect(outcome.message).toMatch(/widget cannot reach its end-of-horizon inventory target in Feb/);
  });

  it("explains an unbounded plan by its negative cost", async () => {
    const model = validateSupplyModel({ ...hand, items: [{ ...hand.items[0], holdingCost: -2, subcontractCost: 1 }] });
    const outcome = await optimizeSupply(model);
    expect(outcome.status).toBe("unbounded");
    if (outcome.status !== "optimal") expect(outcome.message).toMatch(/no lower bound: items\[0\]\.holdingCost \(widget\) is -2/);
  });

  it("reports a time-limit stop as such, never as a plan", async () => {
    const outcome = await optimizeSupply(validateSupplyModel(redTomato), { timeLimitSeconds: 0 });
    expect(outcome.status).toBe("timeLimit");
    if (outcome.status !== "optimal") expect(outcome.message).toMatch(/time limit of 0 s .* no plan is shown/);
  });
});
