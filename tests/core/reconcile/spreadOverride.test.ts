import { coherenceError, spreadOverrides, structureFromLevels } from "../../../src/core/reconcile";

/** Items a, b in family F and c in family G, each at locations X and Y (regions: X in North, Y in South). */
const structure = structureFromLevels(
  ["a", "b", "c"].flatMap((item) =>
    ["X", "Y"].map((location) => ({ id: `${item}@${location}`, levels: { family: item === "c" ? "G" : "F", item, location, region: location === "X" ? "North" : "South" } })),
  ),
  ["family", "item", "region", "location"],
);
/** Reconciled bottom forecasts a@X, a@Y, b@X, b@Y, c@X, c@Y over two periods. */
const bottom = [[10, 10], [30, 10], [20, 10], [40, 10], [5, 5], [5, 5]];
const valueOf = (values: number[][], level: string, name: string, t: number): number => values[structure.nodes.findIndex((n) => n.level === level && n.name === name)][t];

test("a family override is spread over its item x location series in proportion to them, and every level follows", () => {
  const { values, bottom: next } = spreadOverrides(structure, bottom, [{ node: "F", period: 0, value: 200 }]);
  expect(next.map((row) => row[0])).toEqual([20, 60, 40, 80, 5, 5]);
  expect(next.map((row) => row[1])).toEqual([10, 10, 10, 10, 5, 5]);
  expect(valueOf(values, "family", "F", 0)).toBe(200);
  expect(valueOf(values, "total", "Total", 0)).toBe(210);
  expect(valueOf(values, "location", "X", 0)).toBe(65);
  expect(valueOf(values, "region", "South", 0)).toBe(145);
  expect(coherenceError(structure, values)).toBeLessThan(1e-9);
});

test("a location override (the other path of the grouped structure) changes the items at it, and their families follow", () => {
  const { values } = spreadOverrides(structure, bottom, [{ node: "X", period: 1, value: 60 }]);
  expect(valueOf(values, "location", "X", 1)).toBeCloseTo(60, 12);
  expect(valueOf(values, "item", "a", 1)).toBeCloseTo(10 + 24, 12);
  expect(valueOf(values, "family", "G", 1)).toBeCloseTo(12 + 5, 12);
  expect(coherenceError(structure, values)).toBeLessThan(1e-9);
});

test("with decimals, the parts are rounded and still add up exactly to the override", () => {
  const { values, bottom: next } = spreadOverrides(structure, bottom, [{ node: "Total", period: 1, value: 100 }], 0);
  expect(next.map((row) => row[1])).toEqual([20, 20, 20, 20, 10, 10]);
  expect(valueOf(values, "total", "Total", 1)).toBe(100);
});

test("a group whose series are all 0 is split equally", () => {
  const zeros = bottom.map((row) => row.map(() => 0));
  expect(spreadOverrides(structure, zeros, [{ node: "c", level: "item", period: 0, value: 8 }]).bottom.map((row) => row[0])).toEqual([0, 0, 0, 0, 4, 4]);
});

test("an unknown series, a period outside the forecast and a negative value are refused by name", () => {
  expect(() => spreadOverrides(structure, bottom, [{ node: "Z", period: 0, value: 1 }])).toThrow('There is no series "Z" to override');
  expect(() => spreadOverrides(structure, bottom, [{ node: "F", period: 2, value: 1 }])).toThrow("The override of F in period 3 is outside the forecast, which has 2 periods.");
  expect(() => spreadOverrides(structure, bottom, [{ node: "F", period: 0, value: -5 }])).toThrow("give a number of 0 or more");
});

test("two series of the same name must be told apart by level", () => {
  const clash = structureFromLevels([{ id: "A@A", levels: { item: "A", location: "A" } }], ["item", "location"]);
  expect(() => spreadOverrides(clash, [[1]], [{ node: "A", period: 0, value: 2 }])).toThrow('Two series are named "A" (item and location)');
  expect(spreadOverrides(clash, [[1]], [{ node: "A", level: "location", period: 0, value: 2 }]).bottom).toEqual([[2]]);
});
