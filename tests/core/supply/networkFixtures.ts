import { mulberry32 } from "../../../src/core/random";

/**
 * A random supply network (JSON form): two plants and three warehouses, items stocked at some of them,
 * lanes with transit times, costs and capacities, production lead times, scheduled receipts, storage
 * limits and per-period unit costs. Lost sales are allowed everywhere and opening stock covers every
 * safety stock, so a plan always exists; capacity, lanes and storage are tight enough to bind.
 */
export function randomNetwork(seed: number, itemCount = 3, periods = 6): Record<string, unknown> {
  const rnd = mulberry32(seed);
  const round = (v: number, step = 1): number => Math.round(v / step) * step;
  const locations = [
    { id: "P1", kind: "plant" },
    { id: "P2", kind: "plant" },
    { id: "W1", kind: "warehouse" },
    { id: "W2", kind: "warehouse" },
    { id: "W3", kind: "warehouse" },
  ];
  const resources = [
    { id: "P1-line", location: "P1", availableHours: Array.from({ length: periods }, () => round(40 + 60 * rnd())), overtimeHoursCap: 10, regularCostPerHour: 5, overtimeCostPerHour: 9 },
    { id: "P1-pack", location: "P1", availableHours: round(60 + 40 * rnd()), regularCostPerHour: 2, overtimeCostPerHour: 2 },
    { id: "P2-line", location: "P2", availableHours: round(50 + 50 * rnd()), overtimeHoursCap: 20, regularCostPerHour: 4, overtimeCostPerHour: 7 },
  ];
  const items: Record<string, unknown>[] = [];
  const demand: Record<string, number[]> = {};
  const receipts: Record<string, unknown>[] = [];
  for (let k = 0; k < itemCount; k++) {
    const id = `I${k}`;
    const base = { holdingCost: round(0.5 + rnd(), 0.1), backlogCost: round(2 + 2 * rnd(), 0.1), lostSalesCost: round(40 + 30 * rnd()), volumePerUnit: round(0.5 + rnd(), 0.5) };
    for (const location of locations) {
      if (location.kind === "warehouse" && rnd() < 0.25) continue;
      const plant = location.kind === "plant";
      const safety = plant ? 0 : round(5 * rnd());
      const entry: Record<string, unknown> = {
        id,
        location: location.id,
        ...base,
        holdingCost: round(base.holdingCost * (plant ? 0.8 : 1.2), 0.01),
        safetyStock: safety,
        openingInventory: safety + round(10 * rnd()),
      };
      if (plant && rnd() < 0.25) entry.made = false;
      else if (plant) {
        entry.unitCost = rnd() < 0.5 ? round(8 + 4 * rnd()) : Array.from({ length: periods }, () => round(8 + 4 * rnd()));
        entry.hoursPerUnit = location.id === "P1" ? { "P1-line": round(0.5 + rnd(), 0.1), "P1-pack": round(0.2 + 0.3 * rnd(), 0.1) } : { "P2-line": round(0.6 + rnd(), 0.1) };
        if (rnd() < 0.5) entry.productionLeadTime = 1;
      }
      if (!plant && rnd() < 0.3) {
        entry.subcontractCost = round(30 + 10 * rnd());
        entry.subcontractCap = round(5 + 10 * rnd());
      }
      if (!plant && rnd() < 0.3) entry.backlogCap = round(5 + 10 * rnd());
      items.push(entry);
      demand[`${id}@${location.id}`] = Array.from({ length: periods }, () => (plant && rnd() < 0.6 ? 0 : round(10 + 30 * rnd())));
      if (!plant && rnd() < 0.3) receipts.push({ item: id, location: location.id, period: 1 + Math.floor(rnd() * periods), quantity: round(5 + 20 * rnd()) });
    }
  }
  const lanes = [
    { from: "P1", to: "W1", transitPeriods: 1, costPerUnit: round(1 + rnd(), 0.1), capacity: round(30 + 30 * rnd()) },
    { from: "P1", to: "W2", transitPeriods: 2, costPerUnit: round(1 + rnd(), 0.1) },
    { from: "P2", to: "W2", transitPeriods: 1, costPerUnit: Array.from({ length: periods }, () => round(1 + 2 * rnd(), 0.1)), capacity: round(20 + 30 * rnd()) },
    { from: "P2", to: "W3", transitPeriods: 0, costPerUnit: round(2 + rnd(), 0.1) },
    { from: "W1", to: "W3", transitPeriods: 1, costPerUnit: round(0.5 + rnd(), 0.1), capacity: 15 },
    { from: "P1", to: "P2", transitPeriods: 1, costPerUnit: round(0.5 + rnd(), 0.1) },
  ];
  const storage = (location: string): number =>
    items.filter((i) => i.location === location).reduce((a, i) => a + ((i.openingInventory as number) + 30) * (i.volumePerUnit as number), 0) + receipts.filter((r) => r.location === location).reduce((a, r) => a + (r.quantity as number), 0);
  const located = locations.map((l) => (l.id === "P2" || l.id === "W2" ? { ...l, storageCap: round(storage(l.id)) } : l));
  return { periods, locations: located, resources, items, demand, lanes, scheduledReceipts: receipts };
}
