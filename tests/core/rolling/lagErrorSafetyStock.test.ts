import { lagErrorSafetyStocks } from "../../../src/core/rolling";
import { row } from "./snapshotRows";

describe("lagErrorSafetyStocks", () => {
  const z95 = 1.6448536269514722;
  // actual demand is 100 every month; each cycle forecasts its next two months
  const snapshots = [
    row("2026-01", "A", "2026-01", 1, { consensus: 110 }),
    row("2026-01", "A", "2026-02", 2, { consensus: 120 }), // lead-time error 200 - 230 = -30
    row("2026-02", "A", "2026-02", 1, { consensus: 90 }),
    row("2026-02", "A", "2026-03", 2, { consensus: 70 }), // 200 - 160 = +40
    row("2026-03", "A", "2026-03", 1, { consensus: 100 }),
    row("2026-03", "A", "2026-04", 2, { consensus: 100 }), // April not known yet: not counted
  ];
  const actuals = ["2026-01", "2026-02", "2026-03"].map((period) => ({ item: "A", location: "", period, quantity: 100 }));
  const request = { item: "A", leadTime: 2, serviceLevel: 0.95, holdoutRmse: 10 };

  test("z x RMSE of the error summed over the lead time, once enough cycles exist", () => {
    const [s] = lagErrorSafetyStocks(snapshots, actuals, [request], { minCycles: 2 });
    expect(s).toMatchObject({ item: "A", location: "", source: "lagError", cycles: 2, minCycles: 2 });
    expect(s.leadTimeRmse).toBeCloseTo(Math.sqrt((900 + 1600) / 2), 10);
    expect(s.safetyStock).toBeCloseTo(z95 * Math.sqrt(1250), 8);
  });

  test("a one-month lead time is z x the lag-1 RMSE", () => {
    const [s] = lagErrorSafetyStocks(snapshots, actuals, [{ ...request, leadTime: 1 }], { minCycles: 3 });
    expect(s.cycles).toBe(3);
    expect(s.leadTimeRmse).toBeCloseTo(Math.sqrt((100 + 100 + 0) / 3), 10);
  });

  test("too few cycles: the holdout RMSE with the supply step's sqrt(L) rule", () => {
    const [s, other] = lagErrorSafetyStocks(snapshots, actuals, [request, { ...request, item: "B" }]);
    expect(s).toMatchObject({ source: "holdout", cycles: 2, minCycles: 6 });
    expect(s.safetyStock).toBeCloseTo(z95 * Math.sqrt(2) * 10, 8);
    expect(other).toMatchObject({ item: "B", source: "holdout", cycles: 0 });
  });

  test("bad input names the item", () => {
    expect(() => lagErrorSafetyStocks(snapshots, actuals, [{ ...request, leadTime: 1.5 }])).toThrow("Item A: the lead time must be a whole number of months");
    expect(() => lagErrorSafetyStocks(snapshots, actuals, [{ ...request, serviceLevel: 1 }])).toThrow("Item A: A service level must be strictly between 0 and 1");
    expect(() => lagErrorSafetyStocks(snapshots, actuals, [{ ...request, holdoutRmse: -1 }])).toThrow("holdout RMSE must be a number >= 0");
  });
});
