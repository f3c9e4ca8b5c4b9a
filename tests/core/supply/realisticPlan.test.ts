import { HighsSession } from "../../../src/core/optimize/highsSession";
import { loadHighs } from "../../../src/core/optimize/highsSolve";
import { chasePlan, checkPlan, fillRate, levelPlan, onTimeUnits, optimizeSupply, validateSupplyModel, type SupplyModel, type SupplyOutcome } from "../../../src/core/supply";
import { randomModel } from "./fixtures";

function planOf(outcome: SupplyOutcome): Extract<SupplyOutcome, { status: "optimal" }> {
  if (outcome.status !== "optimal") throw new Error(outcome.message);
  return outcome;
}

// One item, 1 h per unit on a 200-hour line; demand 33.3, 12, 71.4, 5 (not whole numbers).
const oneItem = {
  periods: 4,
  items: [{ id: "A", unitCost: 10, holdingCost: 1, backlogCost: 4, openingInventory: 0, hoursPerUnit: { line: 1 } }],
  resources: [{ id: "line", availableHours: 200, regularCostPerHour: 1, overtimeCostPerHour: 1 }],
  demand: { A: [33.3, 12, 71.4, 5] },
};

describe("realistic plans", () => {
  it("makes whole units when the item says so, where the linear plan makes fractions", async () => {
    const linear = planOf(await optimizeSupply(validateSupplyModel(oneItem)));
    expect(linear.plan.items[0].production.some((p) => !Number.isInteger(p))).toBe(true);
    const model = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], wholeUnits: true }] });
    const whole = planOf(await optimizeSupply(model));
    expect(whole.plan.items[0].production.every((p) => Number.isInteger(Math.round(p * 1e6) / 1e6))).toBe(true);
    expect(whole.mipGap).toBeLessThanOrEqual(0.005);
    expect(checkPlan(model, whole.plan)).toEqual([]);
  });

  it("makes multiples of the lot size, each run at least the minimum order quantity", async () => {
    const model = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], lotSize: 25, minOrderQuantity: 50 }] });
    const { plan } = planOf(await optimizeSupply(model));
    for (const p of plan.items[0].production) {
      expect(Math.abs(p / 25 - Math.round(p / 25))).toBeLessThan(1e-6);
      expect(p < 1e-6 || p >= 50 - 1e-6).toBe(true);
    }
    // 121.7 units wanted in all: at least 125 must be made (5 lots)
    expect(plan.items[0].production.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(125 - 1e-6);
    expect(checkPlan(model, plan)).toEqual([]);
  });

  it("names the lot size a hand-edited plan breaks", async () => {
    const model = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], lotSize: 25 }] });
    const { plan } = planOf(await optimizeSupply(model));
    const edited = { ...plan, items: [{ ...plan.items[0], production: plan.items[0].production.map((p, t) => (t === 0 ? p + 1 : p)) }] };
    expect(checkPlan(model, edited).join(" ")).toMatch(/A: \d+ made in period 1 is not a multiple of the lot size 25/);
  });

  it("ends the horizon at the safety stock when no end target is given (no run-down)", async () => {
    const model = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], safetyStock: 20 }] });
    expect(model.items[0].endInventoryTarget).toBe(20);
    const { plan } = planOf(await optimizeSupply(model));
    expect(plan.items[0].inventory[3]).toBeGreaterThanOrEqual(20 - 1e-6);
    const explicit = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], safetyStock: 20, endInventoryTarget: 35 }] });
    expect(planOf(await optimizeSupply(explicit)).plan.items[0].inventory[3]).toBeCloseTo(35, 6);
  });

  it("rejects a lot size of 0 and a time fence longer than the horizon, naming the field", () => {
    expect(() => validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], lotSize: 0 }] })).toThrow(/items\[0\]\.lotSize must be a number > 0/);
    expect(() => validateSupplyModel({ ...oneItem, timeFence: { periods: 5, production: {} } })).toThrow(/timeFence\.periods must be a whole number from 0 to 4/);
    expect(() => validateSupplyModel({ ...oneItem, timeFence: { periods: 2, production: { A: [1] } } })).toThrow(/timeFence\.production\.A must list at least 2 numbers/);
  });
});

describe("time fence", () => {
  const tight = { ...oneItem, resources: [{ id: "line", availableHours: 60, overtimeHoursCap: 40, regularCostPerHour: 1, overtimeCostPerHour: 3 }] };

  it("keeps a frozen month's approved production when demand changes, and re-plans the months after it", async () => {
    const base = planOf(await optimizeSupply(validateSupplyModel(tight))).plan.items[0].production;
    const changed = { ...tight, demand: { A: [60, 12, 90, 5] } };
    const free = planOf(await optimizeSupply(validateSupplyModel(changed))).plan.items[0].production;
    expect(free[0]).not.toBeCloseTo(base[0], 3);
    const model = validateSupplyModel({ ...changed, timeFence: { periods: 1, production: { A: base } } });
    const { plan } = planOf(await optimizeSupply(model));
    expect(plan.items[0].production[0]).toBe(base[0]);
    expect(plan.items[0].production.slice(1)).not.toEqual(base.slice(1));
    expect(checkPlan(model, plan)).toEqual([]);
  });

  it("moves a fenced month only when that is worth its cost per unit changed", async () => {
    const base = planOf(await optimizeSupply(validateSupplyModel(tight))).plan.items[0].production;
    const changed = { ...tight, demand: { A: [60, 12, 90, 5] } };
    const dear = planOf(await optimizeSupply(validateSupplyModel({ ...changed, timeFence: { periods: 1, production: { A: base }, changeCost: 1000 } })));
    expect(dear.plan.items[0].production[0]).toBeCloseTo(base[0], 6);
    const cheap = planOf(await optimizeSupply(validateSupplyModel({ ...changed, timeFence: { periods: 1, production: { A: base }, changeCost: 0.01 } })));
    expect(cheap.plan.items[0].production[0]).not.toBeCloseTo(base[0], 3);
  });
});

describe("fill rate", () => {
  it("counts units served late against the fill rate: 4 of 20 late is 80 %", () => {
    expect(onTimeUnits([10, 10], [4, 0], [0, 0])).toEqual([6, 10]);
    expect(onTimeUnits([10, 10], [0, 0], [0, 4])).toEqual([10, 6]);
    expect(onTimeUnits([10, 10], [5, 0], [0, 0], 3)).toEqual([5, 10]);
    expect(fillRate(16, 20)).toBe(0.8);
    expect(fillRate(0, 0)).toBe(1);
  });

  it("shows less than 100 % for a plan that carries backlog, with its unit-months and revenue at risk", async () => {
    const model = validateSupplyModel({
      periods: 2,
      items: [{ id: "A", price: 30, unitCost: 10, holdingCost: 5, backlogCost: 1, openingInventory: 0, hoursPerUnit: { line: 1 } }],
      resources: [{ id: "line", availableHours: 100 }],
      demand: { A: [150, 50] },
    });
    const { plan } = planOf(await optimizeSupply(model));
    expect(plan.items[0].backlog).toEqual([50, 0]);
    expect(plan.service.fillRate).toBeCloseTo(150 / 200, 9);
    expect(plan.service.backlogUnitPeriods).toBeCloseTo(50, 9);
    expect(plan.service.endBacklog).toBe(0);
    expect(plan.service.revenueAtRisk).toBeCloseTo(50 * 30, 9);
  });
});

describe("re-planning from the base plan", () => {
  let model: SupplyModel;
  beforeAll(() => {
    model = validateSupplyModel(randomModel(7, 30, 4, 12));
  });

  it("reaches the cold optimum warm after a demand change and after a capacity change", async () => {
    const highs = await loadHighs();
    const session = new HighsSession(highs);
    try {
      const base = planOf(await optimizeSupply(model, { session }));
      expect(base.warm).toBe(false);
      const id = model.items[3].id;
      const moreDemand: SupplyModel = { ...model, demand: { ...model.demand, [id]: model.demand[id].map((d, t) => (t === 2 ? d * 1.5 + 10 : d)) } };
      const lessCapacity: SupplyModel = { ...model, resources: model.resources.map((r, k) => (k === 1 ? { ...r, availableHours: r.availableHours.map((h, t) => (t === 5 ? h * 0.7 : h)) } : r)) };
      for (const changed of [moreDemand, lessCapacity]) {
        const warm = planOf(await optimizeSupply(changed, { session }));
        const cold = planOf(await optimizeSupply(changed, { highs }));
        expect(warm.warm).toBe(true);
        expect(cold.warm).toBe(false);
        expect(warm.objective).toBeCloseTo(cold.objective, 4);
        expect(checkPlan(changed, warm.plan)).toEqual([]);
      }
      const fromStored = planOf(await optimizeSupply(moreDemand, { highs, ...(base.basis ? { startBasis: base.basis } : {}) }));
      expect(base.basis).toBeDefined();
      expect(fromStored.warm).toBe(true);
      expect(fromStored.objective).toBeCloseTo(planOf(await optimizeSupply(moreDemand, { highs })).objective, 4);
    } finally {
      session.dispose();
    }
  });
});

describe("chase and level plans keep the same rules", () => {
  it("make whole lots of at least the minimum order, and check clean", () => {
    const model = validateSupplyModel({ ...oneItem, items: [{ ...oneItem.items[0], lotSize: 25, minOrderQuantity: 50, safetyStock: 5 }] });
    for (const plan of [chasePlan(model), levelPlan(model)]) {
      for (const p of plan.items[0].production) expect(p === 0 || (p >= 50 && p % 25 === 0)).toBe(true);
      expect(checkPlan(model, plan).filter((problem) => /lot size|minimum order|whole/.test(problem))).toEqual([]);
    }
  });
});
