import { PlanningError } from "../../../src/core/errors";
import {
  aggregate,
  changeGroupTotal,
  changeItemValue,
  disaggregate,
  disaggregateSeries,
  type HierarchyItem,
} from "../../../src/core/reconcile";

describe("disaggregate (=SOP.DISAGGREGATE), largest remainder", () => {
  test("hand-computed splits", () => {
    expect(disaggregate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(disaggregate(10, [1, 1, 1], 2)).toEqual([3.34, 3.33, 3.33]);
    // 7 x (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 -> floors 3, 2, 1, the one left goes to the largest remainder (0.5)
    expect(disaggregate(7, [5, 3, 2])).toEqual([4, 2, 1]);
    expect(disaggregate(-10, [1, 1, 1])).toEqual([-4, -3, -3]);
    expect(disaggregate(5, [0, 2, 0])).toEqual([0, 5, 0]);
  });

  test("disaggregate then aggregate gives back the total to the cent (and to the unit)", () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 500; trial++) {
      const total = Math.round(random() * 1e7) / 100;
      const weights: number[] = Array.from({ length: 1 + Math.floor(random() * 30) }, () => (random() < 0.2 ? 0 : random() * 1000));
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const cents = disaggregate(total, weights, 2);
      expect(Math.round(cents.reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total * 100));
      const units = disaggregate(Math.round(total), weights);
      expect(units.reduce((a, b) => a + b, 0)).toBe(Math.round(total));
      // every part is within one unit of its exact share
      const sum = weights.reduce((a, b) => a + b, 0);
      units.forEach((u, i) => expect(Math.abs(u - (Math.round(total) * weights[i]) / sum)).toBeLessThan(1));
    }
  });

  test("per period: history shares or each period's forecast mix", () => {
    expect(disaggregateSeries([10, 20], [1, 3])).toEqual([
      [2, 5],
      [8, 15],
    ]);
    expect(
      disaggregateSeries(
        [10, 10],
        [
          [1, 0],
          [1, 1],
        ],
      ),
    ).toEqual([
      [5, 0],
      [5, 10],
    ]);
  });

  test("bad weights are refused in planner words", () => {
    expect(() => disaggregate(10, [1, -1])).toThrow("Weights cannot be negative, but value 2 is -1");
    expect(() => disaggregate(10, [0, 0])).toThrow("All weights are 0");
    expect(() => disaggregate(10, [])).toThrow(PlanningError);
    expect(() => disaggregate(Number.NaN, [1])).toThrow("not a number");
    expect(() => disaggregate(10, [1], 1.5)).toThrow("Decimals");
    expect(() => disaggregateSeries([1, 2], [[1], [1]])).toThrow("Weights of item 1 cover 1 periods but there are 2 totals");
  });
});

describe("hierarchy: roll-up and consistent changes", () => {
  const items: HierarchyItem[] = [
    { id: "a", levels: { family: "F", region: "EU" } },
    { id: "b", levels: { family: "F", region: "US" } },
    { id: "c", levels: { family: "G", region: "EU" } },
  ];
  const values = [
    [1, 2],
    [3, 4],
    [5, 6],
  ];

  test("aggregate to families and regions", () => {
    expect(aggregate(items, values, "family")).toEqual([
      { key: "F", members: ["a", "b"], values: [4, 6] },
      { key: "G", members: ["c"], values: [5, 6] },
    ]);
    expect(aggregate(items, values, "region").map((g) => g.values)).toEqual([
      [6, 8],
      [3, 4],
    ]);
  });

  test("a new family total rescales its items in proportion; other levels follow", () => {
    const view = changeGroupTotal(items, values, "family", "F", 0, 8);
    expect(view.values).toEqual([
      [2, 2],
      [6, 4],
      [5, 6],
    ]);
    expect(view.groups.family[0].values).toEqual([8, 6]);
    expect(view.groups.region.find((g) => g.key === "EU")?.values).toEqual([7, 8]);
    expect(values[0]).toEqual([1, 2]);
  });

  test("a new item value updates its family", () => {
    const view = changeItemValue(items, values, "a", 1, 5);
    expect(view.groups.family[0].values).toEqual([4, 9]);
  });

  test("bad input", () => {
    expect(() => changeGroupTotal(items, values, "family", "H", 0, 1)).toThrow('no family "H"');
    expect(() => changeGroupTotal(items, [[0, 1], [0, 1], [1, 1]], "family", "F", 0, 5)).toThrow("all 0 in period 1");
    expect(() => changeItemValue(items, values, "z", 0, 1)).toThrow('no item "z"');
    expect(() => changeItemValue(items, values, "a", 2, 1)).toThrow("Period 3 is outside the plan, which has 2 periods");
    expect(() => aggregate(items, values.slice(0, 2), "family")).toThrow("3 items but 2 rows");
    expect(() => aggregate(items, values, "channel")).toThrow("Item a has no channel");
  });
});
