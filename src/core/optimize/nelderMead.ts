import { float64Views } from "../float64Views";

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /**
   * Initial simplex edge per coordinate (vertex i is x0 with `step[i]` added to coordinate i).
   * A single number applies to every coordinate. Default: 10% of |x0[i]|, or 0.1 where x0[i] is 0.
   */
  step?: number | readonly number[];
  /** Most iterations (reflection steps) before giving up. Default 500. */
  maxIterations?: number;
  /**
   * Relative convergence tolerance: stop when the spread of function values over the simplex is at
   * most `tolerance * (|best| + tolerance)`, the criterion of R's optim(method = "Nelder-Mead").
   * Default 1e-8.
   */
  tolerance?: number;
}

/** Outcome of {@link nelderMead}. */
export interface NelderMeadResult {
  /** Best point found. */
  x: Float64Array;
  /** Objective at `x`. */
  value: number;
  /** Iterations used. */
  iterations: number;
  /** Objective evaluations used. */
  evaluations: number;
  /** True when the tolerance was met before the iteration limit. */
  converged: boolean;
}

/**
 * Minimise a function of several variables with the Nelder-Mead downhill simplex method.
 *
 * Reflection 1, expansion 2, contraction 0.5, shrink 0.5 (Nelder & Mead, 1965; Lagarias et al.,
 * "Convergence properties of the Nelder-Mead simplex method in low dimensions", SIAM J. Optim. 9, 1998).
 * Unconstrained: a caller with bounds returns `Infinity` (or a penalty) outside them, or optimises
 * over a transformed variable. The objective receives a scratch array it must not keep.
 *
 * @param objective function to minimise; may return Infinity for infeasible points.
 * @param x0 starting point (should be feasible).
 * @param options step sizes, iteration limit and tolerance.
 * @returns the best point, its value and iteration counts.
 * @throws RangeError when x0 is empty.
 * @example
 * nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0]).x // ≈ [1, -2]
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  x0: readonly number[] | Float64Array,
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const d = x0.length;
  if (d === 0) throw new RangeError("nelderMead needs at least one variable");
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-8;
  const stride = d;
  const [simplex, values, centroid, reflected, trial] = float64Views((d + 1) * stride, d + 1, d, d, d);
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    const v = objective(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  // A vertex is evaluated from a copy, so no subarray view is allocated per evaluation.
  const evaluateVertex = (i: number): number => {
    const base = i * stride;
    for (let j = 0; j < d; j++) trial[j] = simplex[base + j];
    return evaluate(trial);
  };

  for (let j = 0; j < d; j++) simplex[j] = x0[j];
  for (let i = 1; i <= d; i++) {
    const base = i * stride;
    for (let j = 0; j < d; j++) simplex[base + j] = x0[j];
    const s = options.step;
    const step = typeof s === "number" ? s : s !== undefined ? s[i - 1] : x0[i - 1] !== 0 ? 0.1 * Math.abs(x0[i - 1]) : 0.1;
    simplex[base + i - 1] += step;
  }
  for (let i = 0; i <= d; i++) values[i] = evaluateVertex(i);

  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    let best = 0;
    let worst = 0;
    for (let i = 1; i <= d; i++) {
      if (values[i] < values[best]) best = i;
      if (values[i] > values[worst]) worst = i;
    }
    let second = best;
    for (let i = 0; i <= d; i++) if (i !== worst && values[i] > values[second]) second = i;
    const fBest = values[best];
    if (values[worst] <= fBest + tolerance * (Math.abs(fBest) + tolerance)) {
      converged = true;
      break;
    }
    iterations++;

    // Summed in vertex order from 0, as a running total per coordinate, then divided.
    for (let j = 0; j < d; j++) {
      let sum = 0;
      for (let i = 0; i <= d; i++) if (i !== worst) sum += simplex[i * stride + j];
      centroid[j] = sum / d;
    }

    const wBase = worst * stride;
    for (let j = 0; j < d; j++) reflected[j] = 2 * centroid[j] - simplex[wBase + j];
    const fReflected = evaluate(reflected);

    if (fReflected < fBest) {
      for (let j = 0; j < d; j++) trial[j] = 3 * centroid[j] - 2 * simplex[wBase + j];
      const fExpanded = evaluate(trial);
      const accepted = fExpanded < fReflected ? trial : reflected;
      for (let j = 0; j < d; j++) simplex[wBase + j] = accepted[j];
      values[worst] = Math.min(fExpanded, fReflected);
      continue;
    }
    if (fReflected < values[second]) {
      for (let j = 0; j < d; j++) simplex[wBase + j] = reflected[j];
      values[worst] = fReflected;
      continue;
    }
    const outside = fReflected < values[worst];
    for (let j = 0; j < d; j++) {
      trial[j] = outside ? 1.5 * centroid[j] - 0.5 * simplex[wBase + j] : 0.5 * (centroid[j] + simplex[wBase + j]);
    }
    const fContracted = evaluate(trial);
    if (fContracted < (outside ? fReflected : values[worst])) {
      for (let j = 0; j < d; j++) simplex[wBase + j] = trial[j];
      values[worst] = fContracted;
      continue;
    }
    const bBase = best * stride;
    for (let i = 0; i <= d; i++) {
      if (i === best) continue;
      const base = i * stride;
      for (let j = 0; j < d; j++) simplex[base + j] = 0.5 * (simplex[bBase + j] + simplex[base + j]);
      values[i] = evaluateVertex(i);
    }
  }

  let best = 0;
  for (let i = 1; i <= d; i++) if (values[i] < values[best]) best = i;
  return {
    x: simplex.slice(best * stride, (best + 1) * stride),
    value: values[best],
    iterations,
    evaluations,
    converged,
  };
}
