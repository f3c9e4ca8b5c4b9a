import { PlanningError } from "../../../src/core/errors";
import {
  applyScenario,
  compareScenarios,
  comparisonTable,
  parseScenarios,
  type PlanSummary,
  type Planner,
  type Scenario,
} from "../../../src/core/reconcile";
import { optimalPlanner } from "../../../src/core/reconcile/optimalPlanner";
import { validateSupplyModel, type SupplyModel } from "../../../src/core/supply";

const base: SupplyModel = validateSupplyModel({
  periods: 4,
  items: [
    { id: "A", family: "Bikes", price: 100, unitCost: 40, holdingCost: 1, backlogCost: 5, hoursPerUnit: { Line: 1 } },
    { id: "B", family: "Bikes", price: 50, unitCost: 20, holdingCost: 0.5, backlogCost: 3, hoursPerUnit: { Line: 0.5 } },
    { id: "C", family: "Parts", price: 10, unitCost: 4, holdingCost: 0.1, subcontractCost: 8, hoursPerUnit: { Line: 0.1 } },
  ],
  resources: [{ id: "Line", availableHours: 150, overtimeHoursCap: 20, regularCostPerHour: 10, overtimeCostPerHour: 15 }],
  demand: { A: [100, 120, 80, 100], B: [40, 40, 40, 40], C: [100, 100, 100, 100] },
});

/** A deterministic stand-in for the solver: everything demanded is made in its period. */
const fakePlanner: Planner = async (model) => {
  let cost = 0;
  let revenue = 0;
  const capacityUse: Record<string, number> = {};
  for (const resource of model.resources) {
    let needed = 0;
    for (const item of model.items) for (const d of model.demand[item.id]) needed += d * (item.hoursPerUnit[resource.id] ?? 0);
    const available = resource.availableHours.reduce((a, b) => a + b, 0);
    cost += needed * resource.regularCostPerHour;
    capacityUse[resource.id] = (100 * needed) / available;
  }
  for (const item of model.items) {
    const units = model.demand[item.id].reduce((a, b) => a + b, 0);
    cost += units * item.unitCost;
    revenue += units * (item.price ?? 0);
  }
  return { cost, revenue, margin: revenue - cost, fillRate: 1, onTimeFillRate: 1, averageInventory: 0, peakInventory: 0, capacityUse };
};

const zeroDelta = (summary: PlanSummary): PlanSummary => ({
  cost: 0,
  revenue: 0,
  margin: 0,
  fillRate: 0,
  onTimeFillRate: 0,
  averageInventory: 0,
  peakInventory: 0,
  capacityUse: Object.fromEntries(Object.keys(summary.capacityUse).map((r) => [r, 0])),
});

describe("applyScenario", () => {
  test("a scenario with no changes is an exact copy of the base, not the base itself", () => {
    const copy = applyScenario(base, { name: "As is", changes: [] });
    expect(copy).toEqual(base);
    expect(copy).not.toBe(base);
    expect(copy.items[0].subcontractCap).toEqual(base.items[0].subcontractCap);
  });

  test("demand up for a family over some periods, down for an item everywhere", () => {
    const model = applyScenario(base, {
      name: "Promo",
      changes: [
        { kind: "demand", family: "Bikes", percent: 10, from: 2, to: 3 },
        { kind: "demand", item: "C", percent: -50 },
      ],
    });
    expect(model.demand).toEqual({ A: [100, 132, 88, 100], B: [40, 44, 44, 40], C: [50, 50, 50, 50] });
    expect(base.demand.A).toEqual([100, 120, 80, 100]);
  });

  test("capacity lost by percent or hours (never below 0), a new shift adds hours", () => {
    const lost = applyScenario(base, { name: "Breakdown", changes: [{ kind: "capacity", resource: "Line", percent: -20, from: 3 }] });
    expect(lost.resources[0].availableHours).toEqual([150, 150, 120, 120]);
    const gone = applyScenario(base, { name: "Strike", changes: [{ kind: "capacity", resource: "Line", hours: -200, to: 1 }] });
    expect(gone.resources[0].availableHours).toEqual([0, 150, 150, 150]);
    const shift = applyScenario(base, { name: "Shift", changes: [{ kind: "shift", resource: "Line", hours: 80 }] });
    expect(shift.resources[0].availableHours).toEqual([230, 230, 230, 230]);
  });

  test("price and cost changes", () => {
    const model = applyScenario(base, {
      name: "Prices",
      changes: [
        { kind: "price", item: "A", percent: 5 },
        { kind: "cost", family: "Parts", value: 5 },
        { kind: "cost", field: "holdingCost", percent: 100 },
        { kind: "cost", field: "subcontractCost", percent: 25 },
      ],
    });
    // only C can be subcontracted; a percent leaves the others without a subcontract cost
    expect(model.items.map((i) => i.subcontractCost)).toEqual([undefined, undefined, 10]);
    expect(model.items.map((i) => i.price)).toEqual([105, 50, 10]);
    expect(model.items.map((i) => i.unitCost)).toEqual([40, 20, 5]);
    expect(model.items.map((i) => i.holdingCost)).toEqual([2, 1, 0.2]);
  });

  test.each<[Scenario["changes"][number], string]>([
    [{ kind: "demand", item: "Z", percent: 5 }, 'item "Z", which is not in the model'],
    [{ kind: "demand", family: "Cars", percent: 5 }, 'family "Cars", which no item belongs to'],
    [{ kind: "demand", percent: 5, from: 3, to: 5 }, "covers periods 3 to 5, but the plan has periods 1 to 4"],
    [{ kind: "demand", percent: -120 }, "more than everything there is"],
    [{ kind: "capacity", resource: "Press" }, 'resource "Press", which is not in the model'],
    [{ kind: "capacity", resource: "Line", percent: -10, hours: -5 }, "exactly one number: percent or hours"],
    [{ kind: "shift", resource: "Line", hours: -8 }, "positive number of hours"],
    [{ kind: "price", item: "A", value: -1 }, "cannot be negative"],
    [{ kind: "cost", item: "A", field: "subcontractCost", percent: 5 }, "item A has no subcontractCost: give a value instead"],
  ])("refuses %j", (change, message) => {
    const run = (): SupplyModel => applyScenario(base, { name: "Bad", changes: [change] });
    expect(run).toThrow(PlanningError);
    expect(run).toThrow(`Scenario "Bad", change 1 (${change.kind})`);
    expect(run).toThrow(message);
  });
});

describe("compareScenarios with a deterministic planner", () => {
  const scenarios: Scenario[] = [
    { name: "As is", changes: [] },
    { name: "Promo", changes: [{ kind: "demand", family: "Bikes", percent: 10 }] },
    { name: "Broken", changes: [{ kind: "capacity", resource: "Press", percent: -10 }] },
  ];

  test("no changes equals the base exactly; deltas are to the base; a bad scenario carries its message", async () => {
    const comparison = await compareScenarios(base, scenarios, fakePlanner);
    const [asIs, promo, broken] = comparison.scenarios;
    expect(asIs.summary).toEqual(comparison.base);
    expect(asIs.delta).toEqual(zeroDelta(comparison.base));
    // Bikes +10%: A 400 -> 440 units, B 160 -> 176 units
    expect(promo.delta?.revenue).toBeCloseTo(40 * 100 + 16 * 50, 9);
    expect(promo.delta?.cost).toBeCloseTo(40 * (40 + 10) + 16 * (20 + 5), 9);
    expect(broken.summary).toBeUndefined();
    expect(broken.error).toMatch(/resource "Press"/);
  });

  test("side-by-side table", async () => {
    const table = comparisonTable(await compareScenarios(base, scenarios, fakePlanner));
    expect(table[0]).toEqual(["figure", "base", "As is", "As is vs base", "Promo", "Promo vs base", "Broken", "Broken vs base"]);
    expect(table.map((row) => row[0])).toEqual([
      "figure",
      "cost",
      "revenue",
      "margin",
      "fill rate",
      "on-time fill rate",
      "average inventory",
      "peak inventory",
      "capacity use % Line",
      "error",
    ]);
    const revenue = table[2];
    expect(revenue[1]).toBe(40000 + 8000 + 4000);
    expect(revenue[4]).toBeCloseTo(56800, 9);
    expect(revenue[5]).toBeCloseTo(4800, 9);
    expect(revenue[6]).toBe("");
  });

  test("a base planned already is taken as it is: only the scenarios are planned, with the same result", async () => {
    let calls = 0;
    const counting: Planner = async (model) => {
      calls += 1;
      return fakePlanner(model);
    };
    const fresh = await compareScenarios(base, scenarios, counting);
    expect(calls).toBe(3);
    calls = 0;
    const reused = await compareScenarios(base, scenarios, counting, fresh.base);
    expect(calls).toBe(2);
    expect(reused).toEqual(fresh);
  });

  test("scenario names must be unique and not 'base'", async () => {
    await expect(compareScenarios(base, [{ name: "Base", changes: [] }], fakePlanner)).rejects.toThrow("used twice");
  });
});

describe("compareScenarios with the real optimiser (HiGHS)", () => {
  test("no changes equals the base exactly; losing capacity costs more, a shift no more", async () => {
    const planner = optimalPlanner();
    const comparison = await compareScenarios(
      base,
      [
        { name: "As is", changes: [] },
        { name: "Breakdown", changes: [{ kind: "capacity", resource: "Line", percent: -30, from: 2, to: 3 }] },
        { name: "Shift", changes: [{ kind: "shift", resource: "Line", hours: 40 }] },
      ],
      planner,
    );
    const [asIs, breakdown, shift] = comparison.scenarios;
    expect(asIs.error).toBeUndefined();
    expect(asIs.summary).toEqual(comparison.base);
    expect(asIs.delta).toEqual(zeroDelta(comparison.base));
    expect(breakdown.delta?.cost).toBeGreaterThan(0);
    expect(shift.delta?.cost).toBeLessThanOrEqual(1e-6);
    expect(comparison.base.fillRate).toBeCloseTo(1, 9);
  });
});

describe("parseScenarios", () => {
  test("reads a list or { scenarios: [...] }", () => {
    const list = [{ name: " Promo ", description: "spring", changes: [{ kind: "demand", family: "Bikes", percent: 10, from: 1, to: 3 }] }];
    expect(parseScenarios(list)).toEqual([
      { name: "Promo", description: "spring", changes: [{ kind: "demand", family: "Bikes", percent: 10, from: 1, to: 3 }] },
    ]);
    expect(parseScenarios({ scenarios: list })).toHaveLength(1);
  });

  test("lists every problem by path", () => {
    const run = (): unknown =>
      parseScenarios([
        { name: "", changes: [{ kind: "demand" }] },
        { name: "X", changes: [{ kind: "wish", percent: 1 }, { kind: "capacity", resource: "L", percent: "10", color: 1 }] },
      ]);
    expect(run).toThrow("scenarios[0].name must be a text");
    expect(run).toThrow("scenarios[0].changes[0].percent is missing");
    expect(run).toThrow("scenarios[1].changes[0].kind must be one of");
    expect(run).toThrow("scenarios[1].changes[1].color is not a known field");
    expect(run).toThrow("scenarios[1].changes[1].percent must be a number");
    expect(() => parseScenarios("x")).toThrow(PlanningError);
  });
});

describe("network scenarios: lanes, plants and demand moved between locations", () => {
  const network: SupplyModel = validateSupplyModel({
    periods: 3,
    locations: [{ id: "P1", kind: "plant" }, { id: "P2", kind: "plant" }, { id: "DC1", kind: "warehouse" }, { id: "DC2", kind: "warehouse" }],
    resources: [
      { id: "L1", location: "P1", availableHours: 100, overtimeHoursCap: 10 },
      { id: "Pack1", location: "P1", availableHours: 50 },
      { id: "L2", location: "P2", availableHours: 80 },
    ],
    items: [
      { id: "A", location: "P1", unitCost: 5, holdingCost: 1, hoursPerUnit: { L1: 1, Pack1: 0.5 } },
      { id: "A", location: "DC1", holdingCost: 1, lostSalesCost: 50 },
      { id: "A", location: "DC2", holdingCost: 1, lostSalesCost: 50 },
      { id: "B", location: "P2", unitCost: 5, holdingCost: 1, hoursPerUnit: { L2: 1 } },
      { id: "B", location: "DC1", holdingCost: 1, lostSalesCost: 50 },
    ],
    demand: { "A@P1": [0, 0, 0], "A@DC1": [10, 20, 30], "A@DC2": [5, 5, 5], "B@P2": [0, 0, 0], "B@DC1": [40, 40, 40] },
    lanes: [
      { from: "P1", to: "DC1", transitPeriods: 1, costPerUnit: 1, capacity: 60 },
      { from: "P1", to: "DC2", transitPeriods: 0, costPerUnit: 2 },
      { from: "P2", to: "DC1", transitPeriods: 0, costPerUnit: 1 },
    ],
  });

  it("closes a lane for the months given, or cuts its capacity by a percent", () => {
    const closed = applyScenario(network, { name: "Strike", changes: [{ kind: "lane", lane: "P1->DC1", percent: -100, from: 2, to: 3 }] });
    expect(closed.lanes?.[0].capacity).toEqual([60, 0, 0]);
    const cut = applyScenario(network, { name: "Fewer trucks", changes: [{ kind: "lane", lane: "P1->DC1", percent: -25 }] });
    expect(cut.lanes?.[0].capacity).toEqual([45, 45, 45]);
    expect(network.lanes?.[0].capacity).toEqual([60, 60, 60]);
    expect(applyScenario(network, { name: "No road", changes: [{ kind: "lane", lane: "P2->DC1", percent: -100 }] }).lanes?.[2].capacity).toEqual([0, 0, 0]);
    expect(() => applyScenario(network, { name: "Half road", changes: [{ kind: "lane", lane: "P2->DC1", percent: -50 }] })).toThrow(/lane P2->DC1 has no capacity limit, so it can only be closed/);
    expect(() => applyScenario(network, { name: "Sea", changes: [{ kind: "lane", lane: "P1->DC3", percent: -100 }] })).toThrow(/Scenario "Sea", change 1 \(lane\) names lane "P1->DC3", which is not in the model \(lanes: P1->DC1, P1->DC2, P2->DC1\)/);
  });

  it("takes every resource of a plant down by a percent; -100 also takes its overtime", () => {
    const half = applyScenario(network, { name: "P1 half", changes: [{ kind: "capacity", location: "P1", percent: -50 }] });
    expect(half.resources.map((r) => r.availableHours[0])).toEqual([50, 25, 80]);
    expect(half.resources[0].overtimeHoursCap[0]).toBe(10);
    const closed = applyScenario(network, { name: "P1 fire", changes: [{ kind: "capacity", location: "P1", percent: -100, from: 2 }] });
    expect(closed.resources[0].availableHours).toEqual([100, 0, 0]);
    expect(closed.resources[0].overtimeHoursCap).toEqual([10, 0, 0]);
    expect(() => applyScenario(network, { name: "DC fire", changes: [{ kind: "capacity", location: "DC1", percent: -100 }] })).toThrow(/names plant "DC1", which is not a plant of the model \(plants: P1, P2\)/);
    expect(() => applyScenario(network, { name: "Both", changes: [{ kind: "capacity", location: "P1", resource: "L1", percent: -10 }] })).toThrow(/exactly one of resource or location/);
  });

  it("moves a share of demand from one location to another, keeping the total, and scales demand at every location of an item", () => {
    const moved = applyScenario(network, { name: "Shop moves", changes: [{ kind: "move", source: "DC1", target: "DC2", percent: 20 }] });
    expect(moved.demand["A@DC1"]).toEqual([8, 16, 24]);
    expect(moved.demand["A@DC2"]).toEqual([7, 9, 11]);
    // B is not stocked at DC2: left where it is when no item is named
    expect(moved.demand["B@DC1"]).toEqual([40, 40, 40]);
    expect(() => applyScenario(network, { name: "B moves", changes: [{ kind: "move", item: "B", source: "DC1", target: "DC2", percent: 20 }] })).toThrow(/item B is not stocked at DC2/);
    const up = applyScenario(network, { name: "A up", changes: [{ kind: "demand", item: "A", percent: 10 }] });
    expect(up.demand["A@DC1"].map((v) => Math.round(v * 100) / 100)).toEqual([11, 22, 33]);
    expect(up.demand["A@DC2"].map((v) => Math.round(v * 100) / 100)).toEqual([5.5, 5.5, 5.5]);
  });

  it("re-plans a closed lane with the optimiser: what cannot arrive in time is lost", async () => {
    const planner = optimalPlanner();
    const comparison = await compareScenarios(network, [{ name: "Strike", changes: [{ kind: "lane", lane: "P2->DC1", percent: -100 }] }], planner);
    const strike = comparison.scenarios[0].summary;
    // B reaches DC1 only on the closed lane: all 120 units of B are lost, at 50 each
    expect(strike?.cost).toBeCloseTo(comparison.base.cost + 120 * 50 - 120 * (5 + 1), 6);
  });

  it("reads lane, move and plant changes from scenarios.json, naming what is missing", () => {
    expect(
      parseScenarios([{ name: "N", changes: [{ kind: "lane", lane: "P1->DC1", percent: -100 }, { kind: "move", source: "DC1", target: "DC2", percent: 10 }, { kind: "capacity", location: "P1", percent: -50 }] }])[0].changes.map((c) => c.kind),
    ).toEqual(["lane", "move", "capacity"]);
    expect(() => parseScenarios([{ name: "N", changes: [{ kind: "lane", percent: -100 }, { kind: "move", source: "DC1", percent: 10 }, { kind: "capacity", percent: -50 }] }])).toThrow(
      /scenarios\[0\]\.changes\[0\]\.lane is missing; scenarios\[0\]\.changes\[1\]\.target is missing; scenarios\[0\]\.changes\[2\] needs exactly one of resource or location/,
    );
  });
});
