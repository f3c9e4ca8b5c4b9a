/**
 * Automatic choice of an ARIMA model: the stepwise search of Hyndman & Khandakar (2008), as R's
 * forecast::auto.arima(y) (seasonal when the season length m > 1).
 */
import { difference, differencesNeeded, isConstant, seasonalDifference, seasonalDifferencesNeeded } from "./differencing";
import { fitArima, type ArimaFit, type ArimaOrder } from "./fit";
import { rootsOutside } from "./roots";

/** Largest AR and MA orders searched (R's max.p = max.q = 5), further capped at a third of the series. */
export const MAX_ORDER = 5;
/** Largest seasonal AR and MA orders searched (R's max.P = max.Q = 2), further capped at a third of the seasons. */
export const MAX_SEASONAL_ORDER = 2;
/** Most models the stepwise search fits (R's nmodels). */
export const MAX_MODELS = 94;
/** Most differences (R's max.d). */
export const MAX_DIFFERENCES = 2;
/** Smallest modulus R's auto.arima accepts for the roots of the AR and MA polynomials (forecast 8.20: 1 + 1e-2). */
export const MIN_ROOT_MODULUS = 1.01;

function mean(x: Float64Array): number {
  let s = 0;
  for (let t = 0; t < x.length; t++) s += x[t];
  return s / x.length;
}

/**
 * Whether auto.arima keeps a fitted model: every root of the AR polynomial phi(z) Phi(z^m) and of the MA
 * polynomial theta(z) Theta(z^m) has modulus at least MIN_ROOT_MODULUS (R's myarima() rejects models
 * closer to non-stationarity or non-invertibility). A root w of Phi gives roots of modulus |w|^(1/m) in z, so
 * the seasonal factors are held to MIN_ROOT_MODULUS^m.
 *
 * @param fit a fitted model.
 * @returns true when the model is usable.
 * @example
 * hasSafeRoots(fitArima(y, { p: 1, d: 0, q: 0, constant: true })!)
 */
export function hasSafeRoots(fit: ArimaFit): boolean {
  const seasonal = MIN_ROOT_MODULUS ** (fit.order.seasonal?.m ?? 1);
  return (
    rootsOutside(fit.phi, MIN_ROOT_MODULUS, -1) &&
    rootsOutside(fit.theta, MIN_ROOT_MODULUS) &&
    rootsOutside(fit.seasonalPhi, seasonal, -1) &&
    rootsOutside(fit.seasonalTheta, seasonal)
  );
}

/** One point of the stepwise search: orders and whether a constant is included. */
interface Candidate {
  p: number;
  q: number;
  P: number;
  Q: number;
  constant: boolean;
}

/**
 * Automatic ARIMA as R's forecast::auto.arima(y) with its defaults (stepwise, AICc, approximation = FALSE),
 * after Hyndman & Khandakar, "Automatic time series forecasting: the forecast package for R", J. Statistical
 * Software 27(3), 2008, section 3.2, and forecast 8.20's R/newarima2.R:
 *
 * 1. A constant series gets ARIMA(0,0,0) with its mean. With a season (m > 1) and more than 2 m values, D = 1
 *    seasonal difference when the STL seasonal strength exceeds 0.64 (seasonalDifferencesNeeded, R's
 *    nsdiffs default); then d = number of differences of the seasonally differenced series from repeated KPSS
 *    tests at 5%, at most 2 (differencesNeeded). When the fully differenced series is constant, the model is
 *    ARIMA(0,d,0)(0,D,0) with that constant as drift or mean (d + D <= 1) or without constant.
 * 2. Orders are capped: p, q at 5 and a third of the series; P, Q at 2 and a third of the number of seasons;
 *    p, q also at m - 1 when a seasonal term is possible. A constant (mean for d + D = 0, drift for
 *    d + D = 1) is allowed only then. Fit ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0) and
 *    (0,d,1)(0,D,1), with the constant when allowed, and (0,d,0)(0,D,0) without it (seasonal terms only where
 *    allowed); keep the lowest AICc.
 * 3. Repeatedly try the neighbours of the current best in R's order (P -1, Q -1, P +1, Q +1, both together;
 *    then the same for p and q; then the constant toggled), moving to the first one with a lower AICc, until
 *    none improves or 94 models were fitted. Below 10 values the start is (1,d,1)(0,D,0).
 * A model is rejected when its fit fails or an AR or MA root has modulus below 1.01 (hasSafeRoots); a fit
 * whose likelihood maximisation stays that close to the unit circle for three steps is abandoned early. AIC
 * replaces AICc for series of 3 values or fewer, as R.
 *
 * Follows R's search step by step, including its quirks (after (0,d,0) without constant wins the start, the
 * search goes on with the constant). Differs from R where R's AICc formula turns negative for tiny series
 * (see fitArima), in not rejecting fits whose numerical Hessian R finds non-positive-definite, and in
 * fitting by exact likelihood throughout where R searches by conditional sums of squares (approximation =
 * TRUE, its default for series longer than 150 or seasons longer than 12) and refits only the winner.
 *
 * @param y the series.
 * @param m season length (1 for the non-seasonal search, R's auto.arima(y, seasonal = FALSE)).
 * @returns the chosen fit, or null when no model could be fitted.
 * @example
 * autoArima(Float64Array.from(monthlySales), 12)?.order // e.g. { p: 1, d: 0, q: 0, constant: true, seasonal: { P: 0, D: 1, Q: 1, m: 12 } }
 */
export function autoArima(y: Float64Array, m = 1): ArimaFit | null {
  const n = y.length;
  if (n === 0) return null;
  if (isConstant(y)) return fitArima(y, { p: 0, d: 0, q: 0, constant: true }, { fixedIntercept: mean(y) });
  const seasonal = m > 1;
  const D = seasonal ? seasonalDifferencesNeeded(y, m) : 0;
  const sx = seasonalDifference(y, m, D);
  const d = differencesNeeded(sx, MAX_DIFFERENCES);
  const dx = difference(sx, d);
  if (dx.length === 0) return null;
  const orderOf = (c: Candidate): ArimaOrder => ({
    p: c.p,
    d,
    q: c.q,
    constant: c.constant,
    ...(seasonal ? { seasonal: { P: c.P, D, Q: c.Q, m } } : {}),
  });
  if (isConstant(dx)) {
    const white = { p: 0, q: 0, P: 0, Q: 0 };
    return d + D >= 2
      ? fitArima(y, orderOf({ ...white, constant: false }))
      : fitArima(y, orderOf({ ...white, constant: true }), { fixedIntercept: mean(dx) });
  }
  const maxSP = seasonal ? Math.min(MAX_SEASONAL_ORDER, Math.floor(n / 3 / m)) : 0;
  const maxSQ = maxSP;
  let maxP = Math.min(MAX_ORDER, Math.floor(n / 3));
  let maxQ = Math.min(MAX_ORDER, Math.floor(n / 3));
  if (seasonal && maxSP > 0) maxP = Math.min(maxP, m - 1);
  if (seasonal && maxSQ > 0) maxQ = Math.min(maxQ, m - 1);
  const useAic = n <= 3;
  const allowConstant = d + D <= 1;

  const tried = new Map<string, number>();
  let best: ArimaFit | null = null;
  let bestIc = Infinity;
  /** Fit a model not tried yet; true when it beats the best so far (and becomes it). */
  const improves = (c: Candidate): boolean => {
    const key = `${c.p},${c.q},${c.P},${c.Q},${c.constant}`;
    if (tried.has(key) || tried.size >= MAX_MODELS) return false;
    const fit = fitArima(y, orderOf(c), { abandonBelow: MIN_ROOT_MODULUS, differenced: dx });
    const criterion = fit === null || !hasSafeRoots(fit) ? Infinity : useAic ? fit.aic : fit.aicc;
    const ic = Number.isNaN(criterion) ? Infinity : criterion;
    tried.set(key, ic);
    if (!(ic < bestIc)) return false;
    best = fit;
    bestIc = ic;
    return true;
  };

  let constant = allowConstant;
  const short = n < 10;
  let current: Candidate = {
    p: Math.min(short ? 1 : 2, maxP),
    q: Math.min(short ? 1 : 2, maxQ),
    P: short ? 0 : Math.min(1, maxSP),
    Q: short ? 0 : Math.min(1, maxSQ),
    constant,
  };
  improves(current);
  const starts: Candidate[] = [{ p: 0, q: 0, P: 0, Q: 0, constant }];
  if (maxP > 0 || maxSP > 0) starts.push({ p: maxP > 0 ? 1 : 0, q: 0, P: maxSP > 0 ? 1 : 0, Q: 0, constant });
  if (maxQ > 0 || maxSQ > 0) starts.push({ p: 0, q: maxQ > 0 ? 1 : 0, P: 0, Q: maxSQ > 0 ? 1 : 0, constant });
  if (constant) starts.push({ p: 0, q: 0, P: 0, Q: 0, constant: false });
  for (const start of starts) if (improves(start)) current = { ...start, constant };

  // R's neighbourhood, in R's order: seasonal moves, then non-seasonal ones (dP, dQ) / (dp, dq).
  const moves: readonly (readonly [number, number])[] = [
    [-1, 0],
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1],
  ];
  let before = -1;
  while (before < tried.size && tried.size < MAX_MODELS) {
    before = tried.size;
    let moved = false;
    for (const [dP, dQ] of moves) {
      const P = current.P + dP;
      const Q = current.Q + dQ;
      if (P < 0 || Q < 0 || P > maxSP || Q > maxSQ) continue;
      const next = { ...current, P, Q, constant };
      if (improves(next)) {
        current = next;
        moved = true;
        break;
      }
    }
    if (moved) continue;
    for (const [dp, dq] of moves) {
      const p = current.p + dp;
      const q = current.q + dq;
      if (p < 0 || q < 0 || p > maxP || q > maxQ) continue;
      const next = { ...current, p, q, constant };
      if (improves(next)) {
        current = next;
        moved = true;
        break;
      }
    }
    if (moved) continue;
    if (allowConstant && improves({ ...current, constant: !constant })) {
      constant = !constant;
      current = { ...current, constant };
    }
  }
  return best;
}
