import { fillRateSafetyStock, safetyStock, safetyStockFromForecastErrors, safetyStockFromHistory } from "../../../src/core/supply/safetyStock";
import { PlanningError } from "../../../src/core/errors";

// Chopra & Meindl, Supply Chain Management, ch. 12 (safety inventory): weekly demand 2,500 with
// standard deviation 500, lead time 2 weeks.
const weekly = { demandMean: 2500, demandStdDev: 500, leadTime: 2 };

describe("safetyStock", () => {
  it("reproduces Chopra & Meindl: CSL 0.90 needs 906 units", () => {
    expect(Math.round(safetyStock(0.9, weekly))).toBe(906);
  });

  it("reproduces Chopra & Meindl with lead-time uncertainty: d 2500/day, s_d 500, L 7, s_L 7, CSL 0.90 -> 22,491", () => {
    expect(Math.round(safetyStock(0.9, { demandMean: 2500, demandStdDev: 500, leadTime: 7, leadTimeStdDev: 7 }))).toBe(22491);
  });

  it("reproduces Chopra & Meindl's fill-rate example: fill rate 0.975, Q 10,000 -> about 67 units", () => {
    const r = fillRateSafetyStock(0.975, 10000, weekly);
    expect(r.expectedShortage).toBeCloseTo(250, 8);
    expect(Math.round(r.safetyStock)).toBe(67);
  });

  it("is 0 for a 50% service level and grows with the level", () => {
    expect(safetyStock(0.5, weekly)).toBeCloseTo(0, 10);
    expect(safetyStock(0.99, weekly)).toBeGreaterThan(safetyStock(0.95, weekly));
  });

  it("measures variability from a history (sample standard deviation) and from forecast errors (RMS error)", () => {
    // history 90,110,100,100: mean 100, sample sd sqrt(200/3) = 8.165; z(0.95) = 1.645 -> 13.43
    expect(safetyStockFromHistory([90, 110, 100, 100], 0.95, 1)).toBeCloseTo(1.6448536269514722 * Math.sqrt(200 / 3), 10);
    // errors -10, 10, -10: RMS 10; z(0.9) = 1.2816 -> 12.816 over one period, x sqrt(4) over four
    expect(safetyStockFromForecastErrors([100, 120, 80], [110, 110, 90], 0.9, 4)).toBeCloseTo(25.631031, 5);
  });

  it("rejects bad input with a planner-facing error", () => {
    expect(() => safetyStock(1.2, weekly)).toThrow(PlanningError);
    expect(() => safetyStock(0.9, { ...weekly, leadTime: 0 })).toThrow(/lead time/);
    expect(() => safetyStockFromHistory([5], 0.9, 1)).toThrow(/at least 2/);
    expect(() => fillRateSafetyStock(0.9, 0, weekly)).toThrow(/order quantity/);
    expect(() => safetyStockFromForecastErrors([1, 2], [1], 0.9, 1)).toThrow(/one forecast per actual/);
  });
});
