/**
 * Projected inventory (SOP-GUIDE): I_t = I_{t-1} + supply_t - demand_t, with the shortfall carried as
 * backlog (mode "backlog") or lost (mode "lost").
 */

import { PlanningError } from "../errors";

/** What happens to demand that cannot be served from stock. */
export type ShortageMode = "backlog" | "lost";

/** Options of a projection. */
export interface ProjectionOptions {
  mode: ShortageMode;
  /** Backlog owed at the start (backlog mode only), default 0. */
  openingBacklog?: number;
}

/** Per-period projection. */
export interface InventoryProjection {
  /** Inventory at period end. */
  inventory: number[];
  /** Backlog at period end (all zeros in lost mode). */
  backlog: number[];
  /** Demand lost in the period (all zeros in backlog mode). */
  lost: number[];
  /** Units shipped to customers in the period (current demand and backlog). */
  served: number[];
}

/** Stock and backlog at the end of one period, and what was shipped to customers and lost in it. */
export interface SettledPeriod {
  stock: number;
  owed: number;
  served: number;
  lost: number;
}

/**
 * One period of the projection: `available` units (stock on hand plus what arrived) meet the backlog
 * owed and the period's demand; in backlog mode what is short is owed next period, in lost mode it is lost.
 * @example settlePeriod(30, 0, 50, "backlog") // { stock: 0, owed: 20, served: 30, lost: 0 }
 */
export function settlePeriod(available: number, owed: number, demand: number, mode: ShortageMode): SettledPeriod {
  if (mode === "backlog") {
    const net = available - owed - demand;
    const next = Math.max(net, 0);
    return { stock: next, owed: Math.max(-net, 0), served: available - next, lost: 0 };
  }
  const served = Math.min(available, demand + owed);
  return { stock: available - served, owed: 0, served, lost: demand + owed - served };
}

function checkSeries(values: readonly number[], name: string): void {
  values.forEach((v, t) => {
    if (!Number.isFinite(v) || v < 0) throw new PlanningError(`${name} in period ${t + 1} must be a number >= 0 (it is ${v}).`);
  });
}

/**
 * Projects inventory period by period from the opening stock, supply and demand.
 * Backlog mode: net_t = I_{t-1} - B_{t-1} + supply_t - demand_t, I_t = max(net_t, 0), B_t = max(-net_t, 0).
 * Lost mode: served_t = min(I_{t-1} + supply_t, demand_t), lost_t = demand_t - served_t.
 * @param opening inventory on hand at the start (>= 0).
 * @param supply receipts per period (>= 0), same length as demand.
 * @param demand demand per period (>= 0).
 * @param options shortage mode and opening backlog.
 * @throws PlanningError when lengths differ or a value is negative or not a number.
 * @example projectedInventory(100, [50, 50], [80, 200], { mode: "backlog" }).backlog // [0, 80]
 */
export function projectedInventory(opening: number, supply: readonly number[], demand: readonly number[], options: ProjectionOptions): InventoryProjection {
  if (supply.length !== demand.length) {
    throw new PlanningError(`Supply has ${supply.length} periods but demand has ${demand.length}; give one supply value per demand period.`);
  }
  checkSeries([opening], "Opening inventory");
  checkSeries(supply, "Supply");
  checkSeries(demand, "Demand");
  const openingBacklog = options.openingBacklog ?? 0;
  checkSeries([openingBacklog], "Opening backlog");
  const n = demand.length;
  const out: InventoryProjection = { inventory: new Array(n), backlog: new Array(n), lost: new Array(n), served: new Array(n) };
  let stock = opening;
  let owed = openingBacklog;
  for (let t = 0; t < n; t++) {
    const settled = settlePeriod(stock + supply[t], owed, demand[t], options.mode);
    out.served[t] = settled.served;
    out.lost[t] = settled.lost;
    stock = settled.stock;
    owed = settled.owed;
    out.inventory[t] = stock;
    out.backlog[t] = owed;
  }
  return out;
}

/**
 * Projection as rows for a worksheet (=SOP.INVENTORY): one row per period of
 * [inventory, backlog, lost, served].
 * @param mode "backlog" (default) or "lost".
 * @example inventoryProjection(100, [50, 50], [80, 200]) // [[70, 0, 0, 80], [0, 80, 0, 120]]
 */
export function inventoryProjection(opening: number, supply: readonly number[], demand: readonly number[], mode: ShortageMode = "backlog", openingBacklog = 0): number[][] {
  const p = projectedInventory(opening, supply, demand, { mode, openingBacklog });
  return p.inventory.map((v, t) => [v, p.backlog[t], p.lost[t], p.served[t]]);
}
