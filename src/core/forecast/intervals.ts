import { PlanningError } from "../errors";
import { normalQuantile } from "../normalQuantile";
import type { PredictionInterval } from "./model";

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
