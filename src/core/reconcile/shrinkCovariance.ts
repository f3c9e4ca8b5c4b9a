import { PlanningError } from "../errors";

/** A covariance matrix of forecast errors (row-major, size x size) and how it was estimated. */
export interface ErrorCovariance {
  matrix: Float64Array;
  size: number;
  /** Shrinkage intensity lambda in [0, 1]: 0 = the sample covariance, 1 = its diagonal alone. */
  lambda: number;
  /** Periods used: those in which every series has an error. */
  periods: number;
}

/**
 * The covariance of one-step forecast errors shrunk toward its diagonal (Schäfer & Strimmer, 2005, "A
 * shrinkage approach to large-scale covariance matrix estimation", target D of their table 2), as MinT
 * uses it (Wickramasuriya, Athanasopoulos & Hyndman, 2019, JASA 114(526), section 2.4) and as R's hts
 * (`shrink.estim`) and fabletools (`min_trace(method = "mint_shrink")`) compute it:
 *   W = lambda D + (1 - lambda) Sigma, Sigma = E'E / n (not centred), D = diag(Sigma),
 *   lambda = sum_{i != j} Var(r_ij) / sum_{i != j} r_ij^2, clamped to [0, 1],
 *   Var(r_ij) = (sum_t x_ti^2 x_tj^2 - n r_ij^2) / (n (n - 1)), x = E scaled by sqrt(diag(Sigma)),
 * with r the correlations of Sigma. A series whose errors are all 0 counts as uncorrelated with the others.
 * @param errors series x periods of one-step in-sample errors (actual - fitted); NaN = no error that
 *   period (e.g. before a seasonal model's first season): only periods where every series has one count
 * @throws PlanningError when series cover different periods, or fewer than 2 periods have every error
 * @example shrinkCovariance([[1, -1, 2, -2], [1, -1, 2, -2]]).lambda // 0 (perfectly correlated: no shrinkage)
 */
export function shrinkCovariance(errors: readonly (readonly number[])[]): ErrorCovariance {
  const size = errors.length;
  const length = errors[0]?.length ?? 0;
  errors.forEach((row, i) => {
    if (row.length !== length) throw new PlanningError(`The errors of series ${i + 1} cover ${row.length} periods but those of series 1 cover ${length}: give all for the same periods.`);
  });
  const complete: number[] = [];
  for (let t = 0; t < length; t++) if (errors.every((row) => Number.isFinite(row[t]))) complete.push(t);
  const n = complete.length;
  if (n < 2) {
    throw new PlanningError(`Only ${n} period${n === 1 ? " has" : "s have"} a one-step error for every series: MinT needs at least 2 (better 2 seasons); give more history or choose wls_struct.`);
  }
  const e = new Float64Array(size * n);
  errors.forEach((row, i) => complete.forEach((t, k) => (e[i * n + k] = row[t])));
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += e[i * n + k] * e[j * n + k];
      matrix[i * size + j] = matrix[j * size + i] = s / n;
    }
  }
  const scale = Array.from({ length: size }, (_, i) => Math.sqrt(matrix[i * size + i]));
  const x = new Float64Array(size * n);
  for (let i = 0; i < size; i++) for (let k = 0; k < n; k++) x[i * n + k] = scale[i] > 0 ? e[i * n + k] / scale[i] : 0;
  let variance = 0;
  let squared = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) {
      let fourth = 0;
      let cross = 0;
      for (let k = 0; k < n; k++) {
        const a = x[i * n + k];
        const b = x[j * n + k];
        fourth += a * a * b * b;
        cross += a * b;
      }
      const r = cross / n;
      variance += (fourth - n * r * r) / (n * (n - 1));
      squared += r * r;
    }
  }
  const lambda = squared > 0 ? Math.min(1, Math.max(0, variance / squared)) : 1;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) if (i !== j) matrix[i * size + j] *= 1 - lambda;
  }
  return { matrix, size, lambda, periods: n };
}
