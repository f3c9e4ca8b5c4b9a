/**
 * Automatic choice of a non-seasonal ARIMA model: the stepwise search of Hyndman & Khandakar (2008), as R's
 * forecast::auto.arima(y, seasonal = FALSE).
 */
import { difference, differencesNeeded, isConstant } from "./differencing";
import { fitArima, type ArimaFit } from "./fit";
import { rootsOutside } from "./roots";

/** Largest AR and MA orders searched (R's max.p = max.q = 5), further capped at a third of the series. */
export const MAX_ORDER = 5;
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
 * Whether auto.arima keeps a fitted model: every root of the AR polynomial 1 - phi_1 z - ... and of the MA
 * polynomial 1 + theta_1 z + ... has modulus at least MIN_ROOT_MODULUS (R's myarima() rejects models
 * closer to non-stationarity or non-invertibility).
 *
 * @param fit a fitted model.
 * @returns true when the model is usable.
 * @example
 * hasSafeRoots(fitArima(y, { p: 1, d: 0, q: 0, constant: true })!)
 */
export function hasSafeRoots(fit: ArimaFit): boolean {
  return rootsOutside(fit.phi, MIN_ROOT_MODULUS, -1) && rootsOutside(fit.theta, MIN_ROOT_MODULUS);
}

/**
 * Automatic ARIMA as R's forecast::auto.arima(y, seasonal = FALSE) with its defaults (stepwise, AICc,
 * approximation = FALSE), after Hyndman & Khandakar, "Automatic time series forecasting: the forecast package
 * for R", J. Statistical Software 27(3), 2008, section 3.2:
 *
 * 1. A constant series gets ARIMA(0,0,0) with its mean. Otherwise d = number of differences from repeated
 *    KPSS tests at 5%, at most 2 (differencesNeeded). When the d-th difference is constant, the model is
 *    ARIMA(0,d,0) with that constant as drift or mean (d <= 1) or without constant (d = 2).
 * 2. A constant (mean for d = 0, drift for d = 1) is allowed when d <= 1. Fit ARIMA(2,d,2), (0,d,0), (1,d,0)
 *    and (0,d,1), with the constant when allowed, and (0,d,0) without it; keep the lowest AICc.
 * 3. Repeatedly try the neighbours of the current best (p +- 1, q +- 1, both together, then the constant
 *    toggled) in R's order, moving to the first one with a lower AICc, until none improves. p and q are
 *    each capped at 5 and at a third of the series length (R's max.order = 5 on p + q applies only to its
 *    non-stepwise search); below 10 values the start is (1,d,1).
 * A model is rejected when its fit fails or an AR or MA root has modulus below 1.01 (hasSafeRoots); a fit
 * whose likelihood maximisation stays that close to the unit circle for three steps is abandoned early. AIC
 * replaces AICc for series of 3 values or fewer, as R.
 *
 * Follows R's search step by step, including its quirks (after (0,d,0) without constant wins the start, the
 * search goes on with the constant). Differs from R where R's AICc formula turns negative for tiny series
 * (see fitArima) and in not rejecting fits whose numerical Hessian R finds non-positive-definite.
 *
 * @param y the series.
 * @returns the chosen fit, or null when no model could be fitted.
 * @example
 * autoArima(Float64Array.from(annualSales))?.order // e.g. { p: 0, d: 1, q: 1, constant: true }
 */
export function autoArima(y: Float64Array): ArimaFit | null {
  const n = y.length;
  if (n === 0) return null;
  if (isConstant(y)) return fitArima(y, { p: 0, d: 0, q: 0, constant: true }, { fixedIntercept: mean(y) });
  const d = differencesNeeded(y, MAX_DIFFERENCES);
  const dx = difference(y, d);
  if (dx.length === 0) return null;
  if (isConstant(dx)) {
    return d === 2
      ? fitArima(y, { p: 0, d, q: 0, constant: false })
      : fitArima(y, { p: 0, d, q: 0, constant: true }, { fixedIntercept: mean(dx) });
  }
  const maxP = Math.min(MAX_ORDER, Math.floor(n / 3));
  const maxQ = Math.min(MAX_ORDER, Math.floor(n / 3));
  const useAic = n <= 3;
  const allowConstant = d <= 1;

  const tried = new Map<string, number>();
  let best: ArimaFit | null = null;
  let bestIc = Infinity;
  /** Fit a model not tried yet; true when it beats the best so far (and becomes it). */
  const improves = (p: number, q: number, constant: boolean): boolean => {
    const key = `${p},${q},${constant}`;
    if (tried.has(key)) return false;
    const fit = fitArima(y, { p, d, q, constant }, { abandonBelow: MIN_ROOT_MODULUS });
    const criterion = fit === null || !hasSafeRoots(fit) ? Infinity : useAic ? fit.aic : fit.aicc;
    const ic = Number.isNaN(criterion) ? Infinity : criterion;
    tried.set(key, ic);
    if (!(ic < bestIc)) return false;
    best = fit;
    bestIc = ic;
    return true;
  };

  let constant = allowConstant;
  const start = n < 10 ? 1 : 2;
  let p = Math.min(start, maxP);
  let q = Math.min(start, maxQ);
  improves(p, q, constant);
  if (improves(0, 0, constant)) p = q = 0;
  if (maxP > 0 && improves(1, 0, constant)) [p, q] = [1, 0];
  if (maxQ > 0 && improves(0, 1, constant)) [p, q] = [0, 1];
  if (constant && improves(0, 0, false)) p = q = 0;

  let before = -1;
  while (before < tried.size) {
    before = tried.size;
    if (p > 0 && improves(p - 1, q, constant)) {
      p--;
      continue;
    }
    if (q > 0 && improves(p, q - 1, constant)) {
      q--;
      continue;
    }
    if (p < maxP && improves(p + 1, q, constant)) {
      p++;
      continue;
    }
    if (q < maxQ && improves(p, q + 1, constant)) {
      q++;
      continue;
    }
    if (q > 0 && p > 0 && improves(p - 1, q - 1, constant)) {
      p--;
      q--;
      continue;
    }
    if (q < maxQ && p > 0 && improves(p - 1, q + 1, constant)) {
      p--;
      q++;
      continue;
    }
    if (q > 0 && p < maxP && improves(p + 1, q - 1, constant)) {
      p++;
      q--;
      continue;
    }
    if (q < maxQ && p < maxP && improves(p + 1, q + 1, constant)) {
      p++;
      q++;
      continue;
    }
    if (allowConstant && improves(p, q, !constant)) constant = !constant;
  }
  return best;
}
