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
