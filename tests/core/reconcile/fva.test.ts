import { PlanningError } from "../../../src/core/errors";
import { forecastValueAdded } from "../../../src/core/reconcile";

describe("forecastValueAdded", () => {
  const actual = [100, 100, 100, 100];
  const steps = [
    { name: "naive", forecast: [80, 120, 80, 120] }, // WMAPE 80 / 400 = 20%
    { name: "statistical", forecast: [95, 105, 95, 105] }, // 20 / 400 = 5%
    { name: "sales override", forecast: [130, 130, 130, 130] }, // 120 / 400 = 30%: the override hurts
  ];

  test("WMAPE by default, in percentage points; a harmful override shows negative value added", () => {
    const rows = forecastValueAdded(actual, steps);
    expect(rows.map((r) => r.step)).toEqual(["naive", "statistical", "sales override"]);
    expect(rows.map((r) => r.error)).toEqual([20, 5, 30]);
    expect(rows.map((r) => r.vsNaive)).toEqual([0, 15, -10]);
    expect(rows.map((r) => r.vsPrevious)).toEqual([0, 15, -25]);
  });

  test("other metrics: MAE in units", () => {
    const rows = forecastValueAdded(actual, steps, "mae");
    expect(rows.map((r) => r.error)).toEqual([20, 5, 30]);
    expect(rows[2].vsNaive).toBe(-10);
  });

  test("MAPE and sMAPE come from the shared metrics", () => {
    expect(forecastValueAdded(actual, steps, "mape")[1].error).toBeCloseTo(5, 12);
    // sMAPE of the statistical step: 200 x 5/195 and 200 x 5/205, alternating
    const smape = (200 * 5) / 195 / 2 + (200 * 5) / 205 / 2;
    expect(forecastValueAdded(actual, steps, "smape")[1].error).toBeCloseTo(smape, 10);
  });

  test("bad input", () => {
    expect(() => forecastValueAdded(actual, steps.slice(0, 1))).toThrow("at least one later step");
    expect(() => forecastValueAdded(actual, [steps[0], { name: "statistical", forecast: [1, 2] }])).toThrow(
      "Actuals has 4 periods but the statistical forecast has 2",
    );
    expect(() => forecastValueAdded([0, 0], [{ name: "n", forecast: [1, 1] }, { name: "s", forecast: [1, 1] }])).toThrow(PlanningError);
    expect(() => forecastValueAdded(actual, steps, "mse" as never)).toThrow("Unknown error metric");
  });
});
