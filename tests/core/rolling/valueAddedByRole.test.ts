import { valueAddedByCycle, valueAddedByRole } from "../../../src/core/rolling";
import { row } from "./snapshotRows";

describe("valueAddedByRole", () => {
  const snapshots = [
    row("2026-01", "A", "2026-01", 1, { naive: 80, statistical: 95, roles: { Sales: 100 }, consensus: 100 }),
    row("2026-02", "A", "2026-02", 1, { naive: 100, statistical: 115, roles: { Marketing: 110 }, consensus: 110 }),
    row("2026-02", "A", "2026-03", 2, { consensus: 130 }),
  ];
  const actuals = [
    { item: "A", location: "", period: "2026-01", quantity: 90 },
    { item: "A", location: "", period: "2026-02", quantity: 120 },
  ];

  test("naive, statistical, each role alone, consensus: WMAPE in percent, checked by hand", () => {
    const report = valueAddedByRole(snapshots, actuals);
    expect(report).toMatchObject({ cycles: 2, points: 2 });
    const steps = report?.steps ?? [];
    expect(steps.map((s) => [s.step, s.kind, s.changed])).toEqual([
      ["Naive", "naive", 0],
      ["Statistical", "statistical", 0],
      ["Marketing", "role", 1],
      ["Sales", "role", 1],
      ["Consensus", "consensus", 2],
    ]);
    const pct = (units: number): number => (100 * units) / 210;
    // naive misses 10 + 20, statistical 5 + 5, Marketing alone 5 + 10, Sales alone 10 + 5, consensus 10 + 10
    [30, 10, 15, 15, 20].forEach((units, i) => expect(steps[i].error).toBeCloseTo(pct(units), 10));
    expect(steps[1].vsNaive).toBeCloseTo(pct(20), 10);
    expect(steps[3].vsStatistical).toBeCloseTo(-pct(5), 10); // Sales made the forecast worse
    expect(steps[4].vsStatistical).toBeCloseTo(-pct(10), 10);
  });

  test("one lag only, and cycle by cycle", () => {
    expect(valueAddedByRole(snapshots, actuals, { lag: 2 })).toBeNull(); // March has no actual yet
    const byCycle = valueAddedByCycle(snapshots, actuals, { metric: "mae" });
    expect(byCycle.map((c) => c.cycle)).toEqual(["2026-01", "2026-02"]);
    expect(byCycle[0].report.steps.map((s) => s.error)).toEqual([10, 5, 10, 10]); // naive, statistical, Sales, consensus
  });

  test("no volume to judge gives null", () => {
    expect(valueAddedByRole(snapshots, [])).toBeNull();
    expect(valueAddedByRole(snapshots, [{ item: "A", location: "", period: "2026-01", quantity: 0 }])).toBeNull();
  });
});
