import { PlanningError } from "../errors";
import { disaggregate } from "./disaggregate";
import { sumUp, type SummingStructure } from "./summingMatrix";

/** A planner's number for one series in one period, at any level (a family, a region, an item at a location). */
export interface NodeOverride {
  /** The series' name. */
  node: string;
  /** Its level, needed only when two series share a name (an item and a location both called "A"). */
  level?: string;
  /** Period index, 0 = the first forecast period. */
  period: number;
  value: number;
}

/**
 * Apply overrides at any level and keep every level coherent: each override sets its series in its
 * period by rescaling the bottom series under it in proportion to their current (reconciled) values,
 * negative ones counted as 0 and all equally when they are all 0; every series is then added up again.
 * Overrides apply in the order given, so a later override of a series inside an earlier one's group
 * changes that group's total (override the group last to keep its number).
 * @param bottom reconciled bottom series x periods, in bottom order
 * @param decimals when given, the parts are rounded to this many decimals so that they add up exactly
 *   to the override (largest remainder, see `disaggregate`); else they are exact shares
 * @returns every series (node order) and the bottom series after the overrides
 * @throws PlanningError for an unknown or ambiguous series, a period outside the forecast, or a value
 *   that is negative or not a number
 * @example spreadOverrides(structure, [[10], [30]], [{ node: "T", period: 0, value: 60 }]).bottom // [[15], [45]]
 */
export function spreadOverrides(
  structure: SummingStructure,
  bottom: readonly (readonly number[])[],
  overrides: readonly NodeOverride[],
  decimals?: number,
): { values: number[][]; bottom: number[][] } {
  const next = bottom.map((row) => [...row]);
  const periods = next[0]?.length ?? 0;
  for (const override of overrides) {
    const node = findNode(structure, override);
    const where = `The override of ${override.node} in period ${override.period + 1}`;
    if (!Number.isInteger(override.period) || override.period < 0 || override.period >= periods) {
      throw new PlanningError(`${where} is outside the forecast, which has ${periods} periods.`);
    }
    if (!Number.isFinite(override.value) || override.value < 0) throw new PlanningError(`${where} is ${override.value}: give a number of 0 or more.`);
    const { members } = structure.nodes[node];
    const current = members.map((j) => Math.max(0, next[j][override.period]));
    const total = current.reduce((a, b) => a + b, 0);
    const weights = total > 0 ? current : current.map(() => 1);
    const parts = decimals === undefined ? weights.map((w) => (override.value * w) / weights.reduce((a, b) => a + b, 0)) : disaggregate(override.value, weights, decimals);
    members.forEach((j, k) => (next[j][override.period] = parts[k]));
  }
  return { values: sumUp(structure, next), bottom: next };
}

function findNode(structure: SummingStructure, override: NodeOverride): number {
  const found = structure.nodes.flatMap((node, i) => (node.name === override.node && (override.level === undefined || node.level === override.level) ? [i] : []));
  if (found.length === 0) throw new PlanningError(`There is no series "${override.node}"${override.level ? ` at level ${override.level}` : ""} to override: check the name.`);
  if (found.length > 1) {
    const levels = found.map((i) => structure.nodes[i].level || "unnamed").join(" and ");
    throw new PlanningError(`Two series are named "${override.node}" (${levels}): say which level the override is for.`);
  }
  return found[0];
}
