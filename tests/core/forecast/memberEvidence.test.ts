import { AUTO_CANDIDATES, AUTO_DESIGN, SEASONAL_DESIGN, automaticFit } from "../../../src/core/forecast/auto";
import { evidenceSpan, memberEvidence, originMemberOf } from "../../../src/core/forecast/memberEvidence";
import type { EvidencePlan } from "../../../src/core/forecast/memberEvidence";
import { shrunkSelectionWeights } from "../../../src/core/forecast/selection";
import { etsName, etsSpecFromName } from "../../../src/core/forecast/ets";
import { naiveForecaster } from "../../../src/core/forecast/naive";
import { driftForecaster } from "../../../src/core/forecast/drift";

const members = [originMemberOf("naive", naiveForecaster), originMemberOf("drift", driftForecaster)];
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

  it("returns each origin's errors by step ahead, consensus first", () => {
    // Origin 34 of the line 5 + 2t: naive forecasts 71 and misses by -2 per step, drift is exact, their mean misses by -1 per step.
    const line = Array.from({ length: 40 }, (_, t) => 5 + 2 * t);
    const { originErrors } = memberEvidence(line, 1, members, "mean", plan);
    expect(originErrors.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3]);
    expect(originErrors.slice(0, 3).map((e) => e.errors)).toEqual([
      [-1, 0],
      [-2, 0],
      [-3, 0],
    ]);
  });

  it("keeps the prior when the history is too short for an origin", () => {
    const short = [3, 4, 6, 5, 7, 8, 9, 8];
    expect(memberEvidence(short, 1, members, "mean", plan)).toEqual({ weights: [0.5, 0.5], evidence: 0, originErrors: [] });
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

describe("automatic mode with per-series evidence", () => {
  // Ten years of a strong multiplicative season on a level that drifts, with a little fixed noise.
  const noise = [0.3, -0.5, 0.8, -0.2, 0.1, -0.7, 0.4, 0.6, -0.3, -0.1, 0.2, -0.4];
  const seasonal = Array.from({ length: 120 }, (_, t) => (200 + 0.5 * t) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12)) + 3 * noise[(t * 7) % 12]);

  it("weights the mean of seasonal ETS, seasonal ARIMA and Theta against each alone by the series' own errors, and says so", () => {
    const fit = automaticFit(seasonal, 12);
    expect(fit.method).toBe("auto: ets+arima+theta");
    expect(fit.notes.some((n) => /^weighted by \d+ rolling-origin errors of this series: combination \d+%, automatic ETS \d+%, automatic ARIMA \d+%, Theta \d+%$/.test(n))).toBe(true);
    const without = automaticFit(seasonal, 12, { ...SEASONAL_DESIGN, evidence: undefined }).model.forecast(12, [95]).mean;
    const ets = AUTO_CANDIDATES.ets.fit(seasonal, { seasonLength: 12 }).forecast(12, [95]).mean;
    const withEvidence = fit.model.forecast(12, [95]).mean;
    const distance = (a: number[]) => a.reduce((s, v, i) => s + Math.abs(v - ets[i]), 0);
    expect(distance(withEvidence)).toBeLessThan(distance(without));
  });

  it("leaves the point forecasts alone when a series' own origin errors scale its intervals (calibration trial 5's variant)", () => {
    const plain = automaticFit(seasonal, 12).model.forecast(12, [80, 95]);
    const design = { ...SEASONAL_DESIGN, evidence: { ...SEASONAL_DESIGN.evidence!, intervalPriorCount: 12 } };
    const own = automaticFit(seasonal, 12, design).model.forecast(12, [80, 95]);
    expect(own.mean).toEqual(plain.mean);
    const halfWidth = (f: typeof plain) => f.intervals[1].upper[0] - f.mean[0];
    expect(halfWidth(own)).not.toBeCloseTo(halfWidth(plain), 6);
  });

  it("keeps the consensus for a long non-seasonal history", () => {
    const long = Array.from({ length: 60 }, (_, t) => 50 + t + noise[t % 12]);
    const fit = automaticFit(long, 1);
    expect(fit.notes.some((n) => n.startsWith("weighted by"))).toBe(false);
    expect(fit.model.forecast(6, [95]).mean).toEqual(automaticFit(long, 1, { ...AUTO_DESIGN, evidence: undefined }).model.forecast(6, [95]).mean);
  });
});
