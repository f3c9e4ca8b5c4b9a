import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { PlanningError } from "../../../src/core/errors";
import { redTomato } from "./fixtures";

describe("validateSupplyModel", () => {
  it("expands per-period scalars and fills documented defaults", () => {
    const m = validateSupplyModel(redTomato);
    expect(m.resources[0].availableHours).toEqual([0, 0, 0, 0, 0, 0]);
    expect(m.resources[0].overtimeHoursCap).toEqual([0, 0, 0, 0, 0, 0]);
    const item = m.items[0];
    expect(item.backlogAllowed).toBe(true);
    expect(item.subcontractCap).toEqual(new Array(6).fill(Infinity));
    expect(item.safetyStock).toEqual(new Array(6).fill(0));
    expect(item.endBacklogMax).toBe(0);
    expect(item.lostSalesCost).toBeUndefined();
    expect(m.workforce?.maxWorkers).toBe(Infinity);
    expect(m.workforce?.integerWorkers).toBe(false);
  });

  it("names the field of every problem", () => {
    const bad = {
      ...redTomato,
      items: [
        { ...redTomato.items[0], hoursPerUnit: { labour: -1, paint: 2 } },
        { ...redTomato.items[0], id: "tools", holdCost: 1 },
      ],
      demand: { tools: [1, 2, 3], other: [1, 2, 3, 4, 5, 6] },
    };
    let message = "";
    try {
      validateSupplyModel(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(PlanningError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/items\[0\]\.hoursPerUnit\.labour must be a number >= 0/);
    expect(message).toMatch(/items\[0\]\.hoursPerUnit\.paint names no resource/);
    expect(message).toMatch(/items\[1\]\.holdCost is not a known field/);
    expect(message).toMatch(/items\[1\]\.id "tools" is used twice/);
    expect(message).toMatch(/demand\.tools must have one value per period \(6\), not 3/);
    expect(message).toMatch(/demand\.other names no item/);
  });

  it("requires a backlog cost when backlog is allowed and overtime at least as dear as regular time", () => {
    expect(() => validateSupplyModel({ ...redTomato, items: [{ id: "a", unitCost: 1, holdingCost: 1, backlogAllowed: true, hoursPerUnit: {} }], demand: { a: [1, 1, 1, 1, 1, 1] } })).toThrow(
      /items\[0\]\.backlogCost must be a number when backlogAllowed is true/,
    );
    expect(() => validateSupplyModel({ ...redTomato, resources: [{ id: "labour", availableHours: 1, regularCostPerHour: 5, overtimeCostPerHour: 4 }] })).toThrow(
      /resources\[0\]\.overtimeCostPerHour must be >= regularCostPerHour/,
    );
  });

  it("rejects input that is not a model", () => {
    expect(() => validateSupplyModel(null)).toThrow(PlanningError);
    expect(() => validateSupplyModel({ periods: 0 })).toThrow(/periods must be a whole number >= 1/);
    expect(() => validateSupplyModel({ periods: 2, items: [], resources: [], demand: {} })).toThrow(/items must be a non-empty list/);
  });
});

describe("validateSupplyModel size limits", () => {
  const problem = (input: unknown): string => {
    try {
      validateSupplyModel(input);
    } catch (error) {
      expect(error).toBeInstanceOf(PlanningError);
      return (error as Error).message;
    }
    return "";
  };

  it("refuses periods beyond 120, naming the field, the value and the limit", () => {
    expect(problem({ ...redTomato, periods: 1e9 })).toMatch(/^periods is 1,000,000,000; a plan has at most 120 periods/);
    expect(problem({ ...redTomato, periods: 121 })).toMatch(/^periods is 121; a plan has at most 120 periods/);
  });

  it("refuses more items x periods than one plan holds and says how many items fit", () => {
    const items = Array.from({ length: 5001 }, (_, i) => ({ ...redTomato.items[0], id: `I${i}` }));
    expect(problem({ ...redTomato, periods: 36, items })).toMatch(
      /5,001 items and 1 resource over 36 periods: 180,072 item-periods, more than the 180,000 one plan holds .*Plan at most 4,999 items over 36 periods/,
    );
  });

  it("refuses more capacity entries than one plan holds", () => {
    const resources = ["a", "b", "c", "d", "e"].map((id) => ({ id, availableHours: 100 }));
    const hoursPerUnit = Object.fromEntries(resources.map((r) => [r.id, 1]));
    const items = Array.from({ length: 4000 }, (_, i) => ({ id: `I${i}`, unitCost: 1, holdingCost: 1, hoursPerUnit }));
    const demand = Object.fromEntries(items.map((item) => [item.id, 1]));
    expect(problem({ periods: 36, items, resources, demand })).toMatch(/^items\[\]\.hoursPerUnit hold 20,000 item-resource pairs over 36 periods: 720,000 capacity entries, more than the 540,000/);
  });

  it("plans a model at the limit's edge (120 periods)", () => {
    expect(validateSupplyModel({ ...redTomato, periods: 120, periodLabels: undefined, demand: { tools: 100 }, workforce: undefined }).periods).toBe(120);
  });
});
