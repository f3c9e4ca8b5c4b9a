import { choleskyFactor, choleskySolve } from "../cholesky";
import { float64Views } from "../float64Views";

/** Options of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtOptions {
  /** Most Jacobian evaluations (outer iterations). Default 100. */
  maxIterations?: number;
  /** Stop when an accepted step lowers the sum of squares by at most this fraction of it. Default 1e-10. */
  tolerance?: number;
  /** Called with each accepted point; returning true stops the search there (converged is then false). */
  stop?: (x: Float64Array) => boolean;
}

/** Outcome of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtResult {
  /** Best point found. */
  x: Float64Array;
  /** Sum of squared residuals at `x`. */
  value: number;
  /** Outer iterations (Jacobians) used. */
  iterations: number;
  /** Residual-vector evaluations used. */
  evaluations: number;
  /** True when a stopping rule was met before the iteration limit. */
  converged: boolean;
}

/** Finite-difference step of the forward-difference Jacobian, relative to max(|x_j|, 1). */
const DIFFERENCE_STEP = 1e-7;
/** Damping limits: give up raising it beyond the upper one (no descent left within rounding). */
const MAX_DAMPING = 1e16;
const MIN_DAMPING = 1e-12;
/** Stop when every coordinate of a step moves by less than this fraction of max(|x_j|, 1). */
const STEP_TOLERANCE = 1e-9;

/**
 * Dennis-Gay-Welsch secant update of the second-order part A of the Hessian of 0.5 sum r_i^2 (the sum of
 * r_i times the Hessians of r_i, which Gauss-Newton leaves out): after a step s, with y the change of the
 * gradient J'r and y# = (J_new - J_old)' r_new, size A by min(1, |s'y#| / |s'As|), then
 * A += ((y# - As) y' + y (y# - As)') / y's - ((y# - As)'s) y y' / (y's)^2 (Dennis, Gay & Welsch, "An adaptive
 * nonlinear least-squares algorithm", ACM TOMS 7, 1981; NL2SOL). Skipped when y's <= 0.
 */
function updateCurvature(
  A: Float64Array,
  s: Float64Array,
  y: Float64Array,
  ySharp: Float64Array,
  g: Float64Array,
  previousG: Float64Array,
  As: Float64Array,
  k: number,
): void {
  let ys = 0;
  for (let a = 0; a < k; a++) {
    y[a] = g[a] - previousG[a];
    ys += y[a] * s[a];
  }
  if (!(ys > 0)) return;
  let sAs = 0;
  let sySharp = 0;
  for (let a = 0; a < k; a++) {
    let v = 0;
    for (let b = 0; b < k; b++) v += A[a * k + b] * s[b];
    As[a] = v;
    sAs += s[a] * v;
    sySharp += s[a] * ySharp[a];
  }
  const size = sAs !== 0 ? Math.min(1, Math.abs(sySharp / sAs)) : 1;
  let ws = 0;
  for (let a = 0; a < k; a++) {
    As[a] = ySharp[a] - size * As[a];
    ws += As[a] * s[a];
  }
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      A[a * k + b] = size * A[a * k + b] + (As[a] * y[b] + y[a] * As[b]) / ys - (ws * y[a] * y[b]) / (ys * ys);
    }
  }
}

/**
 * Minimise a sum of squares sum_i r_i(x)^2 by Levenberg-Marquardt steps (Levenberg 1944; Marquardt, "An
 * algorithm for least-squares estimation of nonlinear parameters", SIAM J. Appl. Math. 11, 1963) with a secant
 * estimate of the curvature Gauss-Newton leaves out (NL2SOL's augmented model, see updateCurvature): from the
 * forward-difference Jacobian J, step by (J'J + A + lambda diag(J'J)) delta = -J'r, A = 0 at the start. After a
 * step that lowers the sum, lambda is multiplied by max(1/3, 1 - (2 rho - 1)^3), rho the ratio of actual to
 * predicted reduction; after one that does not, by 2, 4, 8, ... (Madsen, Nielsen & Tingleff, "Methods for
 * non-linear least squares problems", 2004, section 3.2). Converges in a few iterations near a solution, also
 * where the residuals stay large and curved (ARMA likelihoods near a unit root) and Gauss-Newton alone crawls.
 *
 * The residual function fills `out` and returns false for an infeasible point (treated as an infinite sum);
 * it receives a scratch array it must not keep.
 *
 * @param residuals computes r(x) into out; returns false when x is infeasible.
 * @param x0 starting point (must be feasible).
 * @param m number of residuals.
 * @param options iteration limit, tolerance, a stop rule.
 * @returns the best point, its sum of squares and counts.
 * @throws RangeError when x0 is infeasible.
 * @example
 * levenbergMarquardt((x, out) => { out[0] = x[0] - 1; out[1] = 10 * (x[1] - x[0] * x[0]); return true; }, [0, 0], 2).x // ≈ [1, 1]
 */
export function levenbergMarquardt(
  residuals: (x: Float64Array, out: Float64Array) => boolean,
  x0: readonly number[] | Float64Array,
  m: number,
  options: LevenbergMarquardtOptions = {},
): LevenbergMarquardtResult {
  const k = x0.length;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const x = Float64Array.from(x0);
  const trial = new Float64Array(k);
  const [r, rTrial, firstJ, secondJ] = float64Views(m, m, m * k, m * k);
  let J = firstJ;
  let previousJ = secondJ;
  const normal = new Float64Array(k * k);
  const curvature = new Float64Array(k * k);
  const factor = new Float64Array(k * k);
  const g = new Float64Array(k);
  const previousG = new Float64Array(k);
  const s = new Float64Array(k);
  const y = new Float64Array(k);
  const ySharp = new Float64Array(k);
  const As = new Float64Array(k);
  const delta = new Float64Array(k);
  let evaluations = 1;
  const sumOfSquares = (v: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < m; i++) total += v[i] * v[i];
    return total;
  };
  if (!residuals(x, r)) throw new RangeError("levenbergMarquardt needs a feasible starting point");
  let value = sumOfSquares(r);
  if (k === 0) return { x, value, iterations: 0, evaluations, converged: true };
  let lambda = 1e-3;
  let growth = 2;
  let iterations = 0;
  let converged = false;
  let stepped = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    [J, previousJ] = [previousJ, J];
    for (let j = 0; j < k; j++) {
      const h = DIFFERENCE_STEP * Math.max(Math.abs(x[j]), 1);
      trial.set(x);
      trial[j] = x[j] + h;
      evaluations++;
      let sign = 1;
      if (!residuals(trial, rTrial)) {
        trial[j] = x[j] - h;
        evaluations++;
        sign = -1;
        if (!residuals(trial, rTrial)) rTrial.set(r);
      }
      for (let i = 0; i < m; i++) J[i * k + j] = (sign * (rTrial[i] - r[i])) / h;
    }
    normal.fill(0);
    g.fill(0);
    ySharp.fill(0);
    for (let i = 0; i < m; i++) {
      const row = i * k;
      const ri = r[i];
      for (let a = 0; a < k; a++) {
        const ja = J[row + a];
        g[a] += ja * ri;
        if (stepped) ySharp[a] += (ja - previousJ[row + a]) * ri;
        for (let b = 0; b <= a; b++) normal[a * k + b] += ja * J[row + b];
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) normal[b * k + a] = normal[a * k + b];
    if (stepped) updateCurvature(curvature, s, y, ySharp, g, previousG, As, k);
    for (;;) {
      for (let a = 0; a < k * k; a++) factor[a] = normal[a] + curvature[a];
      for (let a = 0; a < k; a++) {
        factor[a * k + a] += lambda * Math.max(normal[a * k + a], 1e-12 * value);
        delta[a] = -g[a];
      }
      let accepted = false;
      if (choleskyFactor(factor, k, 0)) {
        choleskySolve(factor, k, delta, 1);
        for (let j = 0; j < k; j++) trial[j] = x[j] + delta[j];
        evaluations++;
        if (residuals(trial, rTrial)) {
          const trialValue = sumOfSquares(rTrial);
          let predicted = 0;
          for (let a = 0; a < k; a++) {
            let Hd = 0;
            for (let b = 0; b < k; b++) Hd += (normal[a * k + b] + curvature[a * k + b]) * delta[b];
            predicted -= delta[a] * (g[a] + 0.5 * Hd);
          }
          if (trialValue < value) {
            accepted = true;
            let small = true;
            for (let j = 0; j < k; j++) if (Math.abs(delta[j]) > STEP_TOLERANCE * Math.max(Math.abs(x[j]), 1)) small = false;
            converged = value - trialValue <= tolerance * value || small;
            const rho = predicted > 0 ? (0.5 * (value - trialValue)) / predicted : 0;
            lambda = Math.max(lambda * Math.max(1 / 3, 1 - Math.pow(2 * rho - 1, 3)), MIN_DAMPING);
            growth = 2;
            for (let j = 0; j < k; j++) s[j] = delta[j];
            previousG.set(g);
            x.set(trial);
            r.set(rTrial);
            value = trialValue;
            stepped = true;
            if (options.stop?.(x) === true) return { x, value, iterations, evaluations, converged: false };
          }
        }
      }
      if (accepted) break;
      lambda *= growth;
      growth *= 2;
      if (lambda > MAX_DAMPING) {
        converged = true;
        break;
      }
    }
  }
  return { x, value, iterations, evaluations, converged };
}
