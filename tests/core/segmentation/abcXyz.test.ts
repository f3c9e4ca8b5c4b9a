import { PlanningError } from "../../../src/core/errors";
import { abcXyz } from "../../../src/core/segmentation";

describe("abcXyz (=SOP.ABCXYZ), hand-computed", () => {
  const history = [
    [20, 15, 15], // value 50, cv = 2.357 / 16.667 = 0.141
    [10, 10, 10], // 30, cv 0
    [0, 5, 5], // 10, cv = 2.357 / 3.333 = 0.707
    [0, 0, 5], // 5, cv = 2.357 / 1.667 = 1.414
    [5, 0, 0], // 5, cv 1.414
  ];

  test("ABC by cumulative value share (80/95), XYZ by coefficient of variation (0.5/1.0)", () => {
    const classes = abcXyz(history);
    expect(classes.map((c) => c.segment)).toEqual(["AX", "AX", "BY", "BZ", "CZ"]);
    expect(classes.map((c) => c.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.95, 1]);
    expect(classes[0].cv).toBeCloseTo(Math.sqrt(50 / 9) / (50 / 3), 12);
    expect(classes[2].cv).toBeCloseTo(Math.SQRT1_2, 12);
    expect(classes[3].cv).toBeCloseTo(Math.SQRT2, 12);
  });

  test("unit values change the ranking: value = volume x unit value", () => {
    // values 50, 30, 100, 5, 5 of 190: item 3 first; 3 then 1 then 2 are below 0.8 before them
    const classes = abcXyz(history, [1, 1, 10, 1, 1]);
    expect(classes.map((c) => c.abc)).toEqual(["A", "A", "A", "B", "C"]);
    expect(classes[2].share).toBeCloseTo(100 / 190, 12);
  });

  test("an item with no sales is CZ; cut-offs can be changed", () => {
    const classes = abcXyz([[10, 10], [0, 0]]);
    expect(classes[1].segment).toBe("CZ");
    expect(classes[1].cv).toBe(Number.POSITIVE_INFINITY);
    expect(abcXyz(history, undefined, { abcCutoffs: [0.5, 0.9], xyzCutoffs: [0.1, 0.8] }).map((c) => c.segment)).toEqual([
      "AY",
      "BX",
      "BY",
      "CZ",
      "CZ",
    ]);
  });

  test("bad input", () => {
    expect(() => abcXyz([])).toThrow(PlanningError);
    expect(() => abcXyz([[1, 2], [1]])).toThrow("Item 2 has 1 periods of history but item 1 has 2");
    expect(() => abcXyz([[1, -2]])).toThrow("Item 1, period 2 must be a quantity of 0 or more");
    expect(() => abcXyz([[1]], [1, 2])).toThrow("2 unit values for 1 items");
    expect(() => abcXyz([[0, 0]])).toThrow("Every item has a value of 0");
    expect(() => abcXyz([[1]], undefined, { abcCutoffs: [0.95, 0.8] })).toThrow("ABC cut-offs");
  });
});
