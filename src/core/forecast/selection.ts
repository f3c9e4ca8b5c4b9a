/**
 * Per-series choice among candidate methods from their own rolling-origin errors, shrunk toward the
 * equal-weight combination when the evidence is thin.
 */

/** A candidate's rolling-origin errors (forecast minus actual, every origin and step pooled). */
export interface CandidateErrors {
  errors: readonly number[];
}

/**
 * Relative loss of each candidate: MAE / (lowest MAE) + RMSE / (lowest RMSE) over its rolling-origin
 * errors, so a choice serves both absolute (MASE) and squared (RMSSE) scaled errors; NaN for a candidate
 * without errors. 2 is the best possible.
 * @param candidates - errors per candidate
 * @returns one loss per candidate
 * @example relativeLosses([{ errors: [1, -1] }, { errors: [2, -2] }]) // [2, 4]
 */
export function relativeLosses(candidates: readonly CandidateErrors[]): number[] {
  const mae = candidates.map((c) => (c.errors.length > 0 ? c.errors.reduce((s, e) => s + Math.abs(e), 0) / c.errors.length : NaN));
  const rmse = candidates.map((c) => (c.errors.length > 0 ? Math.sqrt(c.errors.reduce((s, e) => s + e * e, 0) / c.errors.length) : NaN));
  const bestMae = Math.min(...mae.filter(Number.isFinite));
  const bestRmse = Math.min(...rmse.filter(Number.isFinite));
  const ratio = (value: number, best: number): number => (best > 0 ? value / best : value > 0 ? Infinity : 1);
  return mae.map((m, k) => (Number.isFinite(m) ? ratio(m, bestMae) + ratio(rmse[k], bestRmse) : NaN));
}

/**
 * Weights that select the candidate of lowest loss, shrunk toward equal weights as evidence thins:
 * w = λ·1[best] + (1 - λ)/k with λ = N / (N + N₀), N the number of rolling-origin errors behind the
 * choice and N₀ the prior count (a James-Stein-style shrinkage toward the equal-weight combination,
 * which the M competitions show is hard to beat when nothing is known about a series).
 * With `prior` weights given, the shrinkage is toward them instead: w = λ·1[best] + (1 - λ)·prior.
 * @param losses - one loss per candidate (NaN: not evaluated; such a candidate keeps its prior share)
 * @param evidence - N, errors behind the losses
 * @param priorCount - N₀, evidence worth as much as the prior
 * @param prior - weights without evidence, summing to 1 (default: equal)
 * @returns one weight per candidate, summing to 1
 * @example shrunkSelectionWeights([3, 2], 12, 12) // [0.25, 0.75]
 */
export function shrunkSelectionWeights(losses: readonly number[], evidence: number, priorCount: number, prior?: readonly number[]): number[] {
  const k = losses.length;
  let best = -1;
  losses.forEach((loss, i) => {
    if (Number.isFinite(loss) && (best < 0 || loss < losses[best])) best = i;
  });
  const lambda = best >= 0 ? evidence / (evidence + priorCount) : 0;
  return losses.map((_, i) => (1 - lambda) * (prior ? prior[i] : 1 / k) + (i === best ? lambda : 0));
}
