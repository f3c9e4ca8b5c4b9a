/**
 * Rough-cut capacity check (SOP-GUIDE step 3): the hours a production plan needs on each resource in
 * each period against the hours available, before any optimisation.
 */

import { PlanningError } from "../errors";

/** Load of each resource per period; every matrix is [resource][period]. */
export interface RoughCutCapacity {
  /** Hours needed: load_rt = sum_i hoursPerUnit_ir x plan_it. */
  load: number[][];
  /** load / available (Infinity when hours are needed and none are available, 0 when neither). */
  utilisation: number[][];
  /** True where the load exceeds the hours available. */
  overloaded: boolean[][];
}

function checkMatrix(m: readonly (readonly number[])[], rows: number, cols: number, name: string, rowName: string): void {
  if (m.length !== rows) throw new PlanningError(`${name} must have one row per ${rowName} (${rows}), not ${m.length}.`);
  m.forEach((row, k) => {
    if (row.length !== cols) throw new PlanningError(`${name} row ${k + 1} must have ${cols} values, not ${row.length}.`);
    row.forEach((v, c) => {
      if (!Number.isFinite(v) || v < 0) throw new PlanningError(`${name} row ${k + 1}, column ${c + 1} must be a number >= 0 (it is ${v}).`);
    });
  });
}

/**
 * Rough-cut capacity of a plan.
 * @param plan units per [item][period].
 * @param hoursPerUnit hours per unit per [item][resource].
 * @param available hours available per [resource][period].
 * @throws PlanningError when the shapes do not match or a value is negative or not a number.
 * @example roughCutCapacity([[10, 20]], [[2]], [[30, 30]]).overloaded // [[false, true]]
 */
export function roughCutCapacity(plan: readonly (readonly number[])[], hoursPerUnit: readonly (readonly number[])[], available: readonly (readonly number[])[]): RoughCutCapacity {
  const items = plan.length;
  const periods = plan[0]?.length ?? 0;
  const resources = available.length;
  if (items === 0 || periods === 0) throw new PlanningError("The plan is empty: give units per item (rows) and period (columns).");
  checkMatrix(plan, items, periods, "The plan", "item");
  checkMatrix(hoursPerUnit, items, resources, "Hours per unit", "item (as in the plan)");
  checkMatrix(available, resources, periods, "Available hours", "resource");
  const load = available.map(() => new Array<number>(periods).fill(0));
  for (let i = 0; i < items; i++) {
    for (let r = 0; r < resources; r++) {
      const h = hoursPerUnit[i][r];
      if (h !== 0) for (let t = 0; t < periods; t++) load[r][t] += h * plan[i][t];
    }
  }
  const utilisation = load.map((row, r) => row.map((h, t) => (available[r][t] > 0 ? h / available[r][t] : h > 0 ? Infinity : 0)));
  const overloaded = load.map((row, r) => row.map((h, t) => h > available[r][t] * (1 + 1e-12)));
  return { load, utilisation, overloaded };
}

/**
 * Utilisation matrix only (for =SOP.CAPACITY): load / available per [resource][period].
 * @example capacityUtilisation([[10, 20]], [[2]], [[40, 40]]) // [[0.5, 1]]
 */
export function capacityUtilisation(plan: readonly (readonly number[])[], hoursPerUnit: readonly (readonly number[])[], available: readonly (readonly number[])[]): number[][] {
  return roughCutCapacity(plan, hoursPerUnit, available).utilisation;
}
