import { PlanningError } from "../errors";
import type { PredictionInterval } from "./model";

/**
 * Inverse of the standard normal distribution function (the z value with P(Z <= z) = p).
 *
 * Acklam's rational approximation with one Halley refinement step (absolute error below 1e-12).
 * @param p - probability, 0 < p < 1
 * @returns z such that Phi(z) = p
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = 0.5 * erfc(-x / Math.SQRT2) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Complementary error function (Numerical Recipes erfcc, relative error below 1.2e-7, refined by Halley above). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * Check interval levels given by a planner: each a number strictly between 0 and 100.
 * @param levels - coverage levels in percent, e.g. [80, 95]
 * @throws PlanningError when a level is not a number in (0, 100)
 * @example validateLevels([80, 95]) // passes
 */
export function validateLevels(levels: readonly number[]): void {
  for (const level of levels) {
    if (typeof level !== "number" || !Number.isFinite(level) || level <= 0 || level >= 100) {
      throw new PlanningError(
        `Interval level ${String(level)} is not valid: give a coverage in percent strictly between 0 and 100, e.g. 80 or 95.`,
      );
    }
  }
}

/**
 * Central normal prediction intervals: mean ± z(0.5 + level/200) · sd for each step.
 * @param mean - point forecast per step
 * @param sd - forecast standard deviation per step (same length as mean)
 * @param levels - coverage levels in percent
 * @param lowerBound - optional floor for the lower bounds (e.g. 0 for demand that cannot be negative)
 * @returns one interval per level, in the order given
 * @example normalIntervals([10], [1], [95]) // [{ level: 95, lower: [8.04], upper: [11.96] }]
 */
export function normalIntervals(
  mean: readonly number[],
  sd: readonly number[],
  levels: readonly number[],
  lowerBound = -Infinity,
): PredictionInterval[] {
  return levels.map((level) => {
    const z = normalQuantile(0.5 + level / 200);
    return {
      level,
      lower: mean.map((m, i) => Math.max(lowerBound, m - z * sd[i])),
      upper: mean.map((m, i) => m + z * sd[i]),
    };
  });
}
