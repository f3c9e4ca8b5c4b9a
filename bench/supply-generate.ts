/**
 * The seeded supply models the supply benchmarks plan (bench/supply-scale.ts, bench/supply-replan.ts):
 * items x resources over 36 months.
 */

import { mulberry32 } from "../src/core/random";

/** Months in a generated model. */
export const PERIODS = 36;

export const r2 = (v: number): number => Math.round(v * 100) / 100;

/**
 * A seeded model: seasonal demand (+-30%), each item on 1-3 resources, capacity about 95% of the
 * average load with 15% overtime (so peaks need overtime, pre-building, subcontracting or backlog),
 * subcontracting dearer than making in house, safety stocks, backlog for 70% of items and lost sales
 * for the rest.
 */
export function generateModel(items: number, resources: number, seed = 1): unknown {
  const rnd = mulberry32(seed * 7919 + items * 31 + resources);
  const resourceIds = Array.from({ length: resources }, (_, r) => `R${r + 1}`);
  const load = new Array<number>(resources).fill(0);
  const demand: Record<string, number[]> = {};
  const itemList = Array.from({ length: items }, (_, i) => {
    const id = `I${i + 1}`;
    const base = 50 + 450 * rnd();
    const phase = 2 * Math.PI * rnd();
    demand[id] = Array.from({ length: PERIODS }, (_, t) => Math.round(base * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12 + phase)) * (0.85 + 0.3 * rnd())));
    const hoursPerUnit: Record<string, number> = {};
    const uses = 1 + Math.floor(3 * rnd());
    for (let k = 0; k < uses; k++) {
      const id = resourceIds[Math.floor(rnd() * resources)];
      hoursPerUnit[id] = (hoursPerUnit[id] ?? 0) + r2(0.1 + 0.9 * rnd());
    }
    for (const [id, h] of Object.entries(hoursPerUnit)) load[resourceIds.indexOf(id)] += h * base;
    const unitCost = r2(5 + 45 * rnd());
    const backlog = rnd() < 0.7;
    return {
      id,
      unitCost,
      holdingCost: r2(0.02 * unitCost + 0.1),
      ...(backlog ? { backlogCost: r2(0.1 * unitCost + 1) } : { lostSalesCost: r2(2 * unitCost + 10) }),
      subcontractCost: r2(1.3 * unitCost + 10 + 20 * rnd()),
      subcontractCap: Math.round(0.2 * base),
      safetyStock: Math.round(0.1 * base),
      openingInventory: Math.round(base),
      hoursPerUnit,
    };
  });
  const resourceList = resourceIds.map((id, r) => ({
    id,
    availableHours: Array.from({ length: PERIODS }, () => Math.round(0.95 * load[r] * (0.9 + 0.2 * rnd()))),
    overtimeHoursCap: Math.round(0.15 * load[r]),
    regularCostPerHour: 8,
    overtimeCostPerHour: 12,
  }));
  return { periods: PERIODS, items: itemList, resources: resourceList, demand };
}
