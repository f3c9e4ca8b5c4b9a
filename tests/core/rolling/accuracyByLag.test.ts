import { accuracyByLag, judgedForecasts } from "../../../src/core/rolling";
import { row } from "./snapshotRows";

describe("accuracyByLag", () => {
  const snapshots = [
    row("2026-01", "A", "2026-01", 1, { consensus: 100, statistical: 95, family: "F" }),
    row("2026-01", "A", "2026-02", 2, { consensus: 100, family: "F" }),
    row("2026-01", "B", "2026-01", 1, { consensus: 50, family: "F" }),
    row("2026-02", "A", "2026-02", 1, { consensus: 110, statistical: 115, family: "F" }),
    row("2026-02", "A", "2026-03", 2, { consensus: 120, family: "F" }),
  ];
  const actuals = [
    { item: "A", location: "", period: "2026-01", quantity: 90 },
    { item: "A", location: "", period: "2026-02", quantity: 120 },
    { item: "B", location: "", period: "2026-01", quantity: 40 },
  ];

  test("item A by lag, checked by hand; the month without an actual is not judged", () => {
    const a = accuracyByLag(snapshots, actuals).filter((r) => r.level === "item" && r.key === "A");
    expect(a.map((r) => r.lag)).toEqual([1, 2]);
    // lag 1: (90, 100) and (120, 110): 20 / 210; over and under cancel in the bias
    expect(a[0]).toMatchObject({ cycles: 2, points: 2, actual: 210, forecast: 210, mae: 10, bias: 0 });
    expect(a[0].wmape).toBeCloseTo(20 / 210, 12);
    // lag 2: only cycle 2026-01's forecast of February (100 against 120) is known
    expect(a[1]).toMatchObject({ cycles: 1, points: 1, mae: 20 });
    expect(a[1].wmape).toBeCloseTo(20 / 120, 12);
    expect(a[1].bias).toBeCloseTo(-20 / 120, 12);
  });

  test("family and total pool the item-month errors; no location level without locations", () => {
    const rows = accuracyByLag(snapshots, actuals);
    const family = rows.find((r) => r.level === "family" && r.lag === 1);
    expect(family).toMatchObject({ key: "F", cycles: 2, points: 3, actual: 250 });
    expect(family?.wmape).toBeCloseTo(30 / 250, 12);
    expect(family?.bias).toBeCloseTo(10 / 250, 12);
    expect(rows.filter((r) => r.level === "total").map((r) => r.key)).toEqual(["Total", "Total"]);
    expect(rows.some((r) => r.level === "location")).toBe(false);
  });

  test("the statistical figure can be judged instead, and lags can be cut", () => {
    const rows = accuracyByLag(snapshots, actuals, { figure: "statistical", maxLag: 1 }).filter((r) => r.key === "A");
    expect(rows).toHaveLength(1);
    expect(rows[0].mae).toBe(5); // |90 - 95| and |120 - 115|
  });

  test("locations give item @ location keys and a location level", () => {
    const located = [row("2026-01", "A", "2026-01", 1, { consensus: 10, location: "North" }), row("2026-01", "A", "2026-01", 1, { consensus: 30, location: "South" })];
    const rows = accuracyByLag(located, [
      { item: "A", location: "North", period: "2026-01", quantity: 20 },
      { item: "A", location: "South", period: "2026-01", quantity: 30 },
    ]);
    expect(rows.filter((r) => r.level === "item").map((r) => [r.key, r.mae])).toEqual([
      ["A @ North", 10],
      ["A @ South", 0],
    ]);
    expect(rows.filter((r) => r.level === "location").map((r) => r.key)).toEqual(["North", "South"]);
  });

  test("actuals of zero volume give no WMAPE or bias rather than an error", () => {
    const rows = accuracyByLag([row("2026-01", "A", "2026-01", 1, { consensus: 5 })], [{ item: "A", location: "", period: "2026-01", quantity: 0 }]);
    expect(rows[0]).toMatchObject({ wmape: null, bias: null, mae: 5 });
  });

  test("bad input names the row", () => {
    expect(() => judgedForecasts(snapshots, [{ item: "A", location: "", period: "2026-01", quantity: Number.NaN }])).toThrow("Actual row 1 (A, 2026-01)");
    expect(() => judgedForecasts([row("2026-01", "A", "2026-01", 0, { consensus: 1 })], actuals)).toThrow("Snapshot row 1 (cycle 2026-01, A, 2026-01) has lag 0");
    expect(() => judgedForecasts([snapshots[0], row("2026-01", "A", "2026-02", 2, { consensus: 1, roles: { Sales: Number.NaN } })], actuals)).toThrow(
      "Snapshot row 2 (cycle 2026-01, A, 2026-02) has a forecast that is not a number",
    );
  });
});
