import { checkPlan } from "../../../src/core/supply/checkPlan";
import { arrivalPeriods, costAt, stockingPointKey } from "../../../src/core/supply/model";
import { optimizeSupply } from "../../../src/core/supply/optimizeSupply";
import { bucketModel } from "../../../src/core/supply/timeBuckets";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { redTomato } from "./fixtures";
import { randomNetwork } from "./networkFixtures";

describe("arrivalPeriods", () => {
  it("is t + lead for monthly periods", () => {
    expect(Array.from(arrivalPeriods({ periods: 4 }, 2))).toEqual([2, 3, 4, 5]);
  });

  it("lands a quarter's output from its middle month (months 0, 1, then quarters 2-4 and 5-7)", () => {
    const model = { periods: 4, periodMonths: [1, 1, 3, 3] };
    // lead 1: month 0 -> 1, month 1 -> 2 (first quarter), middle month 3 -> 4 (same quarter), 6 -> 7
    expect(Array.from(arrivalPeriods(model, 1))).toEqual([1, 2, 2, 3]);
    // lead 2: month 0 -> 2, 1 -> 3 (both the first quarter), 3 -> 5 (second quarter), 6 -> 8 (after the horizon)
    expect(Array.from(arrivalPeriods(model, 2))).toEqual([2, 2, 3, 4]);
  });
});

describe("bucketModel", () => {
  const monthly = validateSupplyModel(randomNetwork(3, 3, 12));
  const { model, months } = bucketModel(monthly, { monthlyPeriods: 3 });

  it("keeps the first months and groups the rest into quarters, demand and hours summed", () => {
    expect(months).toEqual([[0], [1], [2], [3, 4, 5], [6, 7, 8], [9, 10, 11]]);
    expect(model.periods).toBe(6);
    expect(model.periodMonths).toEqual([1, 1, 1, 3, 3, 3]);
    const key = stockingPointKey(monthly.items[0]);
    const d = monthly.demand[key];
    expect(model.demand[key]).toEqual([d[0], d[1], d[2], d[3] + d[4] + d[5], d[6] + d[7] + d[8], d[9] + d[10] + d[11]]);
    const hours = monthly.resources[0].availableHours;
    expect(model.resources[0].availableHours[4]).toBeCloseTo(hours[6] + hours[7] + hours[8], 9);
  });

  it("charges a quarter three months of holding, and the months' average unit cost", () => {
    const item = monthly.items.find((i) => i.costByPeriod?.unitCost !== undefined) ?? monthly.items[0];
    const k = monthly.items.indexOf(item);
    expect(costAt(model.items[k], "holdingCost", 3)).toBeCloseTo(3 * item.holdingCost, 9);
    const unit = [9, 10, 11].map((t) => costAt(item, "unitCost", t));
    expect(costAt(model.items[k], "unitCost", 5)).toBeCloseTo((unit[0] + unit[1] + unit[2]) / 3, 9);
  });

  it("gives an optimal plan that passes every check of the bucketed model", async () => {
    const outcome = await optimizeSupply(model);
    expect(outcome.status).toBe("optimal");
    if (outcome.status !== "optimal") return;
    expect(checkPlan(model, outcome.plan)).toEqual([]);
  });

  it("refuses a workforce plan, whose wages and hours per worker are monthly", () => {
    expect(() => bucketModel(validateSupplyModel(redTomato), { monthlyPeriods: 2 })).toThrow(/workforce/);
  });
});
