import { seriesClass } from "./calibration";
import { combineValues } from "./combination";
import type { CombinationRule } from "./combination";
import type { Forecaster } from "./model";
import { rollingOrigins } from "./rollingOrigin";
import { relativeLosses, shrunkSelectionWeights } from "./selection";
import { tryFit } from "./tryFit";

/** How a series' own history weights automatic mode's consensus against its single members. */
export interface EvidencePlan {
  /** Ids of members that may also be chosen alone (e.g. "ets", "theta"). */
  singles: readonly string[];
  /** Rolling origins per series. */
  origins: number;
  /** N₀: rolling-origin errors worth as much as the prior. */
  priorCount: number;
  /** Shrink toward equal weights over consensus and singles ("equal") or toward the consensus alone ("consensus"). */
  prior: "equal" | "consensus";
  /** Select the candidate of lowest loss ("select") or weight every candidate by 1 / loss² ("inverse"), before shrinking. */
  weighting?: "select" | "inverse";
  /** Calibration classes (calibration.ts seriesClass) the evidence is gathered for; others keep the consensus (default: all). */
  classes?: readonly string[];
  /** Automatic ARIMA at the origins: searched again ("search", default) or refitted in the order it chose on the whole history ("order"). */
  originArima?: "search" | "order";
  /** N₀ of a per-series interval factor from the same origins' errors (calibration.ts ownErrorScale, trial 5: studied, not adopted; the bench's `--interval-n0`); none: the table's width alone. */
  intervalPriorCount?: number;
}

/** A member as it is fitted again at each rolling origin. */
export interface OriginMember {
  id: string;
  /** Point forecasts `steps` ahead from a training part; undefined when the member cannot be fitted to it. */
  forecastMean(training: readonly number[], seasonLength: number, steps: number): number[] | undefined;
}

/**
 * A member refitted at each origin by a forecaster (its whole recipe, e.g. an automatic search).
 * @param id - the member's id
 * @param forecaster - how it is fitted
 * @returns the origin member
 * @example originMemberOf("theta", thetaForecaster).forecastMean(y, 12, 6)
 */
export function originMemberOf(id: string, forecaster: Forecaster): OriginMember {
  return { id, forecastMean: (training, seasonLength, steps) => tryFit(forecaster, training, seasonLength)?.forecast(steps, []).mean };
}

/** One forecast error at a rolling origin: how many steps ahead, and each candidate's error there. */
export interface OriginError {
  /** Steps ahead of the origin (1 = the first period after it). */
  step: number;
  /** Forecast minus actual of the consensus (first) and of each single member (NaN where it could not be fitted). */
  errors: number[];
}

/** Per-series weights of the consensus (first) and of each single member (in the plan's order). */
export interface EvidenceWeights {
  weights: number[];
  /** Rolling-origin errors behind them (0: no origin fitted; the weights are then the prior's). */
  evidence: number;
  /** The errors themselves, per origin and step. */
  originErrors: OriginError[];
}

/**
 * Weights ∝ 1 / loss² (Bates & Granger 1969 weight by inverse squared error; a loss of 2 is the best
 * possible, see relativeLosses), shrunk toward `prior` by λ = N / (N + N₀); a candidate without a
 * finite loss keeps only its prior share.
 */
function shrunkInverseWeights(losses: readonly number[], evidence: number, priorCount: number, prior: readonly number[]): number[] {
  const raw = losses.map((loss) => (Number.isFinite(loss) && loss > 0 ? 1 / (loss * loss) : 0));
  const total = raw.reduce((s, v) => s + v, 0);
  const lambda = total > 0 ? evidence / (evidence + priorCount) : 0;
  return raw.map((v, k) => (1 - lambda) * prior[k] + (total > 0 ? (lambda * v) / total : 0));
}

/** Fewest periods an origin leaves to fit on. */
const MIN_TRAINING = 8;

/**
 * Periods held out at the oldest origin, by season length: the M3 horizons (6 years, 8 quarters,
 * 18 months; 8 otherwise), the planning horizons of each kind of data.
 * @param seasonLength - season length m
 * @returns the span
 * @example evidenceSpan(12) // 18
 */
export function evidenceSpan(seasonLength: number): number {
  if (seasonLength === 1) return 6;
  return seasonLength === 12 ? 18 : 8;
}

/**
 * Weights of automatic mode's consensus and of single members for one series, from the series' own
 * rolling-origin errors (Tashman 2000): at `plan.origins` origins over the last min(span, n/4) periods
 * ({@link evidenceSpan}), the members are fitted again (`members`, the costly ones by a cheaper recipe,
 * e.g. ETS in the form chosen on the whole history), the consensus is their combination by `rule`, and
 * every candidate forecasts to the end of the history. Candidates are scored by {@link relativeLosses}
 * and the best selected with weights shrunk toward the prior ({@link shrunkSelectionWeights}).
 * @param history - observations
 * @param seasonLength - season length m
 * @param members - the consensus's members, as fitted at the origins
 * @param rule - how the consensus combines them
 * @param plan - singles, origins, N₀ and prior
 * @returns the weights (consensus first), the prior's when no origin can be fitted or the series is
 *   not of `plan.classes`
 * @example memberEvidence(y, 12, [{ id: "theta", forecaster: thetaForecaster }], "median", plan).weights
 */
export function memberEvidence(
  history: readonly number[],
  seasonLength: number,
  members: readonly OriginMember[],
  rule: CombinationRule,
  plan: EvidencePlan,
): EvidenceWeights {
  const inClass = !plan.classes || plan.classes.includes(seriesClass(seasonLength, history.length));
  const origins = inClass ? rollingOrigins(history.length, evidenceSpan(seasonLength), plan.origins, MIN_TRAINING) : [];
  const originErrors: OriginError[] = [];
  for (const origin of origins) {
    const training = history.slice(0, origin);
    const steps = history.length - origin;
    const means = new Map<string, number[]>();
    for (const member of members) {
      const mean = member.forecastMean(training, seasonLength, steps);
      if (mean) means.set(member.id, mean);
    }
    if (means.size === 0) continue;
    const forecasts = [...means.values()];
    for (let i = 0; i < steps; i++) {
      const candidates = [combineValues(forecasts.map((f) => f[i]), rule), ...plan.singles.map((id) => means.get(id)?.[i] ?? NaN)].map((f) => f - history[origin + i]);
      originErrors.push({ step: i + 1, errors: candidates });
    }
  }
  // each candidate's errors, origin after origin (the consensus first)
  const errors = Array.from({ length: plan.singles.length + 1 }, (_, k) => originErrors.map((point) => point.errors[k]).filter(Number.isFinite));
  const evidence = errors[0].length;
  const prior = plan.prior === "consensus" ? errors.map((_, k) => (k === 0 ? 1 : 0)) : undefined;
  if (evidence === 0) return { weights: prior ?? errors.map(() => 1 / errors.length), evidence, originErrors };
  const losses = relativeLosses(errors.map((e) => ({ errors: e })));
  const weights =
    plan.weighting === "inverse"
      ? shrunkInverseWeights(losses, evidence, plan.priorCount, prior ?? errors.map(() => 1 / errors.length))
      : shrunkSelectionWeights(losses, evidence, plan.priorCount, prior);
  return { weights, evidence, originErrors };
}
