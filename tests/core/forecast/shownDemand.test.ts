import { shownDemand } from "../../../src/core/forecast";

describe("shownDemand", () => {
  test("floors demand at 0 and rounds to the cent, without a negative zero", () => {
    expect(shownDemand([-3.2, 289.804, 259.006, 0.004, -0.001])).toEqual([0, 289.8, 259.01, 0, 0]);
    expect(Object.is(shownDemand([-0.001])[0], -0)).toBe(false);
  });

  test("an empty series stays empty", () => {
    expect(shownDemand([])).toEqual([]);
  });
});
