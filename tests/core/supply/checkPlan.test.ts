import { checkPlan } from "../../../src/core/supply/checkPlan";
import { optimizeSupply } from "../../../src/core/supply/optimizeSupply";
import { chasePlan, levelPlan } from "../../../src/core/supply/strategies";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { loadHighs } from "../../../src/core/optimize/highsSolve";
import { randomModel, redTomato } from "./fixtures";

const BALANCE_OR_CAPACITY = /does not balance|hours needed|overtime .* exceeds|subcontracting .* exceeds|below 0|exceed demand|workforce/;

describe("checkPlan (property: every plan keeps every balance and capacity constraint)", () => {
  it("passes every optimal plan of random models in full, and chase and level plans on balance and capacity", async () => {
    const highs = await loadHighs();
    let optimal = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const model = validateSupplyModel(randomModel(seed, 1 + (seed % 5), 1 + (seed % 3), 3 + (seed % 10)));
      const outcome = await optimizeSupply(model, { highs });
      if (outcome.status === "optimal") {
        optimal++;
        expect(checkPlan(model, outcome.plan)).toEqual([]);
        expect(outcome.plan.cost.total).toBeCloseTo(outcome.objective, 4);
        for (const p of [chasePlan(model), levelPlan(model)]) {
          const problems = checkPlan(model, p);
          expect(problems.filter((m) => BALANCE_OR_CAPACITY.test(m))).toEqual([]);
          if (problems.length === 0) expect(outcome.plan.cost.total).toBeLessThanOrEqual(p.cost.total + 1e-6);
        }
      } else expect(outcome.message).toMatch(/^No plan/);
    }
    expect(optimal).toBeGreaterThan(15);
  });

  it("finds a broken balance and an overloaded resource", async () => {
    const model = validateSupplyModel(redTomato);
    const outcome = await optimizeSupply(model);
    if (outcome.status !== "optimal") throw new Error(outcome.message);
    const plan = structuredClone(outcome.plan);
    plan.items[0].production[1] += 100;
    const problems = checkPlan(model, plan);
    expect(problems.some((p) => /tools: inventory does not balance in Feb/.test(p))).toBe(true);
    expect(problems.some((p) => /labour: .* hours needed in Feb/.test(p))).toBe(true);
  });
});
