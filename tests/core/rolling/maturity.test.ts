import { assessMaturity, type CycleRecord, type MaturityEvidence } from "../../../src/core/rolling";

const good: CycleRecord = {
  cycle: "",
  onTime: true,
  statisticalForecast: true,
  overrides: [
    { role: "Sales", count: 4, withReason: 4 },
    { role: "Marketing", count: 1, withReason: 1 },
  ],
  scenarios: 2,
  approved: true,
  planAdherence: 1.02,
};
const cycles = (n: number, record: Partial<CycleRecord> = {}): CycleRecord[] =>
  Array.from({ length: n }, (_, i) => ({ ...good, ...record, cycle: `2026-${String(i + 1).padStart(2, "0")}` }));
const evidence = (over: Partial<MaturityEvidence> = {}): MaturityEvidence => ({
  cycles: cycles(8),
  accuracyCycles: 7,
  consensusValueAdded: 4.2,
  roleValueAdded: [
    { role: "Sales", vsStatistical: 1.5 },
    { role: "Marketing", vsStatistical: 0.3 },
  ],
  ...over,
});

describe("assessMaturity", () => {
  test("a new workbook is ad hoc and is told to run cycles", () => {
    const a = assessMaturity({ cycles: [], accuracyCycles: 0, consensusValueAdded: null, roleValueAdded: [] });
    expect(a).toMatchObject({ stage: 1, name: "Ad hoc" });
    expect(a.nextSteps).toEqual(["Run 3 more monthly cycles on this workbook.", "Approve the supply plan in step 5 every cycle."]);
  });

  test("every criterion met: stage 5, nothing left to lift", () => {
    const a = assessMaturity(evidence());
    expect(a).toMatchObject({ stage: 5, name: "Synchronised and continuously improving", nextSteps: [] });
    expect(a.criteria.every((c) => c.met && c.toLift === "")).toBe(true);
    expect(a.criteria.find((c) => c.criterion === "Overrides carry reasons")?.evidence).toBe("Reasons on 40 of 40 (100%) overrides.");
  });

  test("overrides without reasons hold the process at stage 2, whatever is measured above", () => {
    const a = assessMaturity(evidence({ cycles: cycles(8, { overrides: [{ role: "Sales", count: 5, withReason: 1 }] }) }));
    expect(a.stage).toBe(2);
    expect(a.nextSteps).toHaveLength(2); // a second role, and reasons
    expect(a.criteria.find((c) => c.criterion === "Overrides carry reasons")?.evidence).toBe("Reasons on 8 of 40 (20%) overrides.");
  });

  test("a harmful override keeps stage 4 and names the role", () => {
    const a = assessMaturity(evidence({ roleValueAdded: [{ role: "Sales", vsStatistical: -2.5 }] }));
    expect(a.stage).toBe(4);
    expect(a.nextSteps).toEqual(["Find why Sales's overrides do not beat the statistical forecast, and override less where they do not."]);
    expect(a.criteria.find((c) => c.criterion === "Every override adds value")?.evidence).toBe("Sales -2.5 points over statistical.");
  });

  test("accuracy not yet tracked stops at stage 3", () => {
    const a = assessMaturity(evidence({ accuracyCycles: 2, consensusValueAdded: null }));
    expect(a.stage).toBe(3);
    expect(a.nextSteps[0]).toBe("Keep entering actuals each month: 4 more judged cycles are needed.");
  });

  test("an impossible record is refused", () => {
    expect(() => assessMaturity(evidence({ cycles: cycles(1, { overrides: [{ role: "Sales", count: 1, withReason: 2 }] }) }))).toThrow("Cycle 2026-01, role Sales: 2 overrides with reasons out of 1");
  });
});
