import { etsFitFrom, fitEts, improveSeasons, type EtsFit } from "./fit";
import { ADDITIVE, NONE } from "./kernel";
import type { EtsSpec } from "./spec";

/** Longest season R's ets() models; longer seasons are ignored in automatic selection. */
export const MAX_ETS_SEASON = 24;

/**
 * Selection runs in two passes for speed: every candidate gets one Nelder-Mead run to this relative
 * tolerance; those whose AICc is then within REFINE_MARGIN of the best are refitted from there with
 * restarts and the default tolerance (the others cannot plausibly win).
 */
const FIRST_PASS_TOLERANCE = 1e-4;
const REFINE_MARGIN = 10;
/** Seasonal-state corrections (improveSeasons) tried on each refined seasonal candidate. */
export const SEASON_PASSES = 2;

/**
 * The candidate forms of R's ets() with default settings for a series: errors A and M, trends N, A and
 * Ad, seasons N, A and M; multiplicative error or season only when every value is positive; season only
 * when 1 < m <= 24 and the series is longer than m; no multiplicative trend; A error with M season excluded.
 *
 * @param y the series.
 * @param m season length.
 * @returns the forms to fit.
 * @example
 * etsCandidates(Float64Array.of(1, 2, 3), 1).length // 6 (A/M error x N/A/Ad trend)
 */
export function etsCandidates(y: Float64Array, m: number): EtsSpec[] {
  let positive = true;
  for (let t = 0; t < y.length; t++) if (!(y[t] > 0)) positive = false;
  const seasonal = m > 1 && m <= MAX_ETS_SEASON && y.length > m;
  const candidates: EtsSpec[] = [];
  for (const error of positive ? (["A", "M"] as const) : (["A"] as const)) {
    for (const trend of ["N", "A", "Ad"] as const) {
      for (const season of seasonal ? (["N", "A", "M"] as const) : (["N"] as const)) {
        if (season === "M" && (error === "A" || !positive)) continue;
        candidates.push({ error, trend, season });
      }
    }
  }
  return candidates;
}

/**
 * The fit R's ets() returns for a constant series: simple exponential smoothing with alpha = 0.99999
 * and the first value as initial level (a perfect fit, zero variance).
 */
function constantFit(y: Float64Array): EtsFit | null {
  const model = { error: ADDITIVE, trend: NONE, season: NONE, m: 1, alpha: 0.99999, beta: 0, gamma: 0, phi: 1 };
  return etsFitFrom(y, { error: "A", trend: "N", season: "N" }, model, Float64Array.of(y[0], 0, 0), 2);
}

/**
 * Automatic ETS: fit every candidate form ({@link etsCandidates}) by maximum likelihood (a quick
 * Nelder-Mead run each; then, for those within 10 AICc of the best, a refit with restarts and up to two
 * corrections of the seasonal initial states, see improveSeasons) and keep the one with the lowest AICc, as R's forecast::ets(y) (Hyndman et al. 2008, section 7.2). A constant
 * series gets R's answer for it, ETS(A,N,N) with alpha = 0.99999.
 *
 * @param y the series.
 * @param m season length.
 * @returns the best fit, or null when no form could be fitted (series too short).
 * @example
 * selectEts(Float64Array.from(monthlySales), 12)?.spec // e.g. { error: "M", trend: "Ad", season: "M" }
 */
export function selectEts(y: Float64Array, m: number): EtsFit | null {
  let constant = true;
  for (let t = 1; t < y.length; t++) if (y[t] !== y[0]) constant = false;
  if (constant) return constantFit(y);
  const fits: EtsFit[] = [];
  const initialStates = new Map<number, Float64Array>();
  for (const spec of etsCandidates(y, m)) {
    const fit = fitEts(y, spec, m, { restarts: 0, tolerance: FIRST_PASS_TOLERANCE, initialStates });
    if (fit !== null && Number.isFinite(fit.aicc)) fits.push(fit);
  }
  let best: EtsFit | null = null;
  const threshold = Math.min(...fits.map((fit) => fit.aicc)) + REFINE_MARGIN;
  for (const fit of fits) {
    if (fit.aicc > threshold) continue;
    const refined = fitEts(y, fit.spec, m, { from: fit });
    const candidate = improveSeasons(y, refined !== null && refined.aicc < fit.aicc ? refined : fit, m, SEASON_PASSES);
    if (best === null || candidate.aicc < best.aicc) best = candidate;
  }
  return best;
}
