import { capacityUtilisation, roughCutCapacity } from "../../../src/core/supply/roughCutCapacity";
import { PlanningError } from "../../../src/core/errors";

describe("roughCutCapacity", () => {
  it("loads each resource with hours per unit x plan (hand-computed)", () => {
    // items A (2 h on R1, 1 h on R2), B (0 h on R1, 3 h on R2); plan A 10,20; B 5,5
    const r = roughCutCapacity([[10, 20], [5, 5]], [[2, 1], [0, 3]], [[30, 30], [30, 40]]);
    expect(r.load).toEqual([[20, 40], [25, 35]]);
    expect(r.utilisation[0]).toEqual([20 / 30, 40 / 30]);
    expect(r.overloaded).toEqual([[false, true], [false, false]]);
  });

  it("reports infinite utilisation where hours are needed but none available", () => {
    expect(capacityUtilisation([[1, 0]], [[1]], [[0, 0]])).toEqual([[Infinity, 0]]);
  });

  it("rejects shapes that do not match", () => {
    expect(() => roughCutCapacity([[1, 2]], [[1, 1]], [[5, 5]])).toThrow(PlanningError);
    expect(() => roughCutCapacity([[1, 2]], [[1]], [[5]])).toThrow(/2 values/);
  });
});
