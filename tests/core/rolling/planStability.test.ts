import { planStability } from "../../../src/core/rolling";
import { row } from "./snapshotRows";

describe("planStability", () => {
  const months = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
  const plan = (cycle: number, production: (number | null)[], consensus: number[]) =>
    production.map((p, i) => row(months[cycle], "A", months[cycle + i], i + 1, { production: p, consensus: consensus[i] }));
  const snapshots = [
    ...plan(0, [100, 100, 100, 100], [100, 100, 100, 100]),
    ...plan(1, [110, 90, 100, 100], [100, 100, 100, 100]),
    ...plan(2, [null, null, null, null], [100, 100, 100, 100]),
    ...plan(3, [100, 100, 100], [130, 100, 100]),
  ];

  test("moved units over the next three months against the previous cycle, checked by hand", () => {
    const s = planStability(snapshots);
    expect(s.cycles.map((c) => [c.cycle, c.previousCycle])).toEqual([
      ["2026-02", "2026-01"],
      ["2026-04", "2026-02"], // March approved no plan: April is compared with February
    ]);
    // February: Feb 110 vs 100, Mar 90 vs 100, Apr 100 vs 100 -> 20 of 300
    expect(s.cycles[0]).toMatchObject({ months: ["2026-02", "2026-03", "2026-04"], points: 3, movedUnits: 20, previousUnits: 300 });
    expect(s.cycles[0].moved).toBeCloseTo(20 / 300, 12);
    // April: Apr 100 vs 100, May 100 vs 100; June was beyond February's plan
    expect(s.cycles[1]).toMatchObject({ months: ["2026-04", "2026-05"], movedUnits: 0, previousUnits: 200 });
    expect(s.averageMoved).toBeCloseTo(20 / 500, 12);
  });

  test("consensus, and one month ahead only", () => {
    const s = planStability(snapshots, "consensus", 1);
    expect(s.cycles.map((c) => c.movedUnits)).toEqual([0, 0, 30]);
    expect(s.cycles[2].moved).toBeCloseTo(0.3, 12);
  });

  test("bad months", () => {
    expect(() => planStability(snapshots, "production", 0)).toThrow("whole number of months from 1, not 0");
    expect(planStability([]).averageMoved).toBeNull();
  });
});
