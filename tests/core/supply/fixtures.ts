import { mulberry32 } from "../../../src/core/random";

/** Supply models shared by the supply tests. */

/**
 * Red Tomato Tools, Chopra & Meindl, Supply Chain Management (3rd-6th ed.), ch. 8 "Aggregate planning
 * in a supply chain", section "Aggregate planning using linear programming": 6 months of demand
 * 1600, 3000, 3200, 3800, 2200, 2200; 80 workers at the start, 20 days x 8 h = 160 regular hours per
 * worker-month at $4/h (wage $640), overtime $6/h up to 10 h per worker-month, hiring $300, layoff
 * $500, material $10 per unit, 4 labour hours per unit, holding $2 per unit-month, backlog $5 per
 * unit-month, subcontracting $30 per unit, inventory 1000 at the start and >= 500 at the end, no
 * backlog at the end. Published optimum: $422,275 for the LP (Table 8-3), $422,660 with whole workers.
 */
export const redTomato = {
  periods: 6,
  periodLabels: ["Jan", "Feb", "Mar", "Apr", "May", "Jun"],
  items: [{ id: "tools", unitCost: 10, holdingCost: 2, backlogCost: 5, subcontractCost: 30, openingInventory: 1000, endInventoryTarget: 500, hoursPerUnit: { labour: 4 } }],
  resources: [{ id: "labour", availableHours: 0, overtimeCostPerHour: 6 }],
  demand: { tools: [1600, 3000, 3200, 3800, 2200, 2200] },
  workforce: { resource: "labour", initialWorkers: 80, hoursPerWorker: 160, overtimeHoursPerWorker: 10, wagePerWorker: 640, hireCost: 300, layoffCost: 500 },
};


/** A random multi-item, multi-resource model (JSON form) whose capacity is sometimes tight. */
export function randomModel(seed: number, items: number, resources: number, periods: number): Record<string, unknown> {
  const rnd = mulberry32(seed);
  const ids = Array.from({ length: resources }, (_, r) => `R${r}`);
  const demand: Record<string, number[]> = {};
  const itemList = Array.from({ length: items }, (_, i) => {
    const id = `I${i}`;
    demand[id] = Array.from({ length: periods }, () => Math.round(50 + 100 * rnd()));
    const hoursPerUnit: Record<string, number> = {};
    for (const r of ids) if (rnd() < 0.6) hoursPerUnit[r] = Math.round(10 * rnd()) / 10 + 0.1;
    const backlog = rnd() < 0.7;
    return {
      id,
      unitCost: Math.round(20 * rnd()),
      holdingCost: 0.5 + rnd(),
      ...(backlog ? { backlogCost: 2 + 3 * rnd() } : {}),
      lostSalesCost: 50 + 50 * rnd(),
      subcontractCost: 40 + 20 * rnd(),
      subcontractCap: Math.round(30 * rnd()),
      safetyStock: Math.round(20 * rnd()),
      ...(rnd() < 0.5 ? { safetyStockPenalty: 3 } : {}),
      openingInventory: Math.round(100 * rnd()),
      hoursPerUnit,
    };
  });
  const resourceList = ids.map((id) => ({
    id,
    availableHours: Array.from({ length: periods }, () => Math.round(items * 60 * (0.4 + 0.6 * rnd()))),
    overtimeHoursCap: Math.round(items * 10 * rnd()),
    regularCostPerHour: 10,
    overtimeCostPerHour: 15,
  }));
  return { periods, items: itemList, resources: resourceList, demand };
}
