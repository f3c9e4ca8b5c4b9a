import { evidenceSpan, memberEvidence } from "../../../src/core/forecast/memberEvidence";
import type { EvidencePlan } from "../../../src/core/forecast/memberEvidence";
import { shrunkSelectionWeights } from "../../../src/core/forecast/selection";
import { etsName, etsSpecFromName } from "../../../src/core/forecast/ets";
import { naiveForecaster } from "../../../src/core/forecast/naive";
import { driftForecaster } from "../../../src/core/forecast/drift";

const members = [
  { id: "naive", forecaster: naiveForecaster },
  { id: "drift", forecaster: driftForecaster },
];
const plan: EvidencePlan = { singles: ["drift"], origins: 2, priorCount: 9, prior: "equal" };

describe("per-series evidence for automatic mode's members", () => {
  it("holds out the planning horizon of each kind of data", () => {
    expect([evidenceSpan(1), evidenceSpan(4), evidenceSpan(12), evidenceSpan(7)]).toEqual([6, 8, 18, 8]);
  });

  it("selects the member that forecast the series' own held-out periods best, shrunk by N / (N + N0)", () => {
    // A straight line: drift is exact at origins 34 and 37 (6 + 3 errors), the mean of naive and drift is not.
    const line = Array.from({ length: 40 }, (_, t) => 5 + 2 * t);
    const equal = memberEvidence(line, 1, members, "mean", plan);
    expect(equal.evidence).toBe(9);
    expect(equal.weights).toEqual([0.25, 0.75]);
    const towardConsensus = memberEvidence(line, 1, members, "mean", { ...plan, prior: "consensus" });
    expect(towardConsensus.weights).toEqual([0.5, 0.5]);
  });

  it("keeps the prior when the history is too short for an origin", () => {
    const short = [3, 4, 6, 5, 7, 8, 9, 8];
    expect(memberEvidence(short, 1, members, "mean", plan)).toEqual({ weights: [0.5, 0.5], evidence: 0 });
    expect(memberEvidence(short, 1, members, "mean", { ...plan, prior: "consensus" }).weights).toEqual([1, 0]);
  });

  it("shrinks toward given prior weights", () => {
    expect(shrunkSelectionWeights([3, 2], 12, 12, [1, 0])).toEqual([0.5, 0.5]);
  });

  it("reads an ETS form back from its name", () => {
    const spec = { error: "M", trend: "Ad", season: "M" } as const;
    expect(etsSpecFromName(etsName(spec))).toEqual(spec);
    expect(etsSpecFromName("ARIMA(0,1,1)")).toBeUndefined();
  });
});
