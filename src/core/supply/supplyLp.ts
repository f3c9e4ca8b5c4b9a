/**
 * The supply model as a linear programme (SOP-GUIDE "Aggregate (supply) planning as a linear
 * programme"; Chopra & Meindl, Supply Chain Management, ch. 8).
 *
 * Per item i and period t: production P, subcontracting C, inventory I, backlog S, lost sales L,
 * safety-stock shortfall U; per resource r and period t: overtime hours O; with a workforce: workers
 * W, hires H, layoffs F.
 *
 *   min  sum (unitCost + sum_r h_ir regCost_r) P + subCost C + hold I + backlogCost S + lostCost L
 *        + ssPenalty U + sum (otCost_r - regCost_r) O + wage W + hireCost H + layoffCost F
 *   s.t. I_{t-1} - S_{t-1} + P_t + C_t + L_t - I_t + S_t = D_t              (balance)
 *        sum_i h_ir P_it - O_rt [- hoursPerWorker W_t] <= available_rt       (capacity)
 *        O_rt - overtimePerWorker W_t <= overtimeCap_rt                      (workforce overtime)
 *        W_t - W_{t-1} - H_t + F_t = 0                                       (workforce balance)
 *        I_t + U_t >= SS_t                                                   (penalised safety stock)
 *        P_t - lot N_t = 0, N_t integer                                      (lot size)
 *        P_t - moq Y_t >= 0, P_t - M Y_t <= 0, Y_t binary                    (minimum order quantity)
 *        P_t - A+_t + A-_t = approved_t, cost changeCost (A+ + A-)           (soft time fence, t < F)
 *        P_t = approved_t                                                    (hard time fence, t < F)
 *        bounds: C <= subcontractCap, L <= D, O <= overtimeCap, I >= SS (hard floor),
 *        I_T >= end target, S_T <= end backlog max, S = 0 where backlog is not allowed.
 *
 * Network models (docs/supply-model.md, "Locations and lanes") key every per-item block by stocking
 * point (item x location); the same rows then read
 *
 *   I_{t-1} - S_{t-1} + P_{t-L} + C_t + sum_in X_{lane, t - transit} - sum_out X_{lane, t}
 *        + L_t - I_t + S_t = D_t - receipts_t                               (balance)
 *   sum_items X_{lane, t} <= laneCapacity_t                                 (lane capacity)
 *   sum_out X_{lane, t} <= I_{t-1} + P_{t-L} + C_t + sum_in X_{lane, t - transit} + receipts_t
 *                                                                           (ships only stock on hand)
 *   sum_items v_i I_it <= storageCap_lt                                     (storage at location l)
 *
 * with production only where the item is made (plants, the single site) and started no later than
 * L periods before the horizon ends, transfers X only of items stocked at both ends of a lane and only
 * when they arrive within the horizon, capacity rows over the items of the resource's plant, costs
 * taken per period (`costAt`), and per-period caps on backlog (S_t <= backlogCap_t) and hires
 * (H_t <= hireCap_t) as bounds. A model without locations, lead times or receipts gives the rows above.
 *
 * A column that could only be 0 is left out rather than fixed at 0 (S_T when no end backlog is
 * allowed, C where the cap is 0, L where demand is 0, O where overtime is capped at 0, U where the
 * safety stock is 0); its index is -1 and the plan reads 0 for it.
 *
 * Whole-unit items have integer P and C. M, the most one period can usefully make, is the item's whole
 * demand plus opening backlog, its highest safety stock, its end target, its highest fenced production
 * and one lot. A hard-fenced period is fixed by its bounds (no lot or minimum-order rows there: the
 * approved quantity stands as approved).
 *
 * Regular cost is charged on every hour worked and the overtime premium on overtime hours, so the
 * regular labour cost of a plan is regCost x (hours used - overtime hours).
 */

import { LinearProgramBuilder, type LinearProgram } from "../optimize/highsLinearProgram";
import { arrivalPeriods, costAt, isMade, stockingPointKey, type SupplyModel } from "./model";

/** Column and row indices of the supply LP (-1 where a variable does not exist). */
export interface SupplyLpIndex {
  /** [item][period] column indices. */
  production: Int32Array[];
  subcontract: Int32Array[];
  inventory: Int32Array[];
  backlog: Int32Array[];
  lost: Int32Array[];
  shortfall: Int32Array[];
  /** [item][period] lot-count (N), order (Y) and time-fence change (A+, A-) columns. */
  lots: Int32Array[];
  orders: Int32Array[];
  fenceUp: Int32Array[];
  fenceDown: Int32Array[];
  /** [item][period] balance rows (their bounds hold the demand). */
  balanceRow: Int32Array[];
  /** [resource][period] overtime-hours columns and capacity rows. */
  overtime: Int32Array[];
  capacityRow: Int32Array[];
  /** Workforce columns per period (empty without a workforce). */
  workers: Int32Array;
  hires: Int32Array;
  layoffs: Int32Array;
  /** Index of the workforce resource, or -1. */
  workforceResource: number;
  /** Transfer columns per lane and item: [period of shipping], with the stocking points at both ends. */
  transfers: LaneTransfers[];
  /** [lane][period] lane-capacity rows (-1 where the lane has no limit). */
  laneRow: Int32Array[];
  /** [location][period] storage rows (-1 where the location has no limit). */
  storageRow: Int32Array[];
}

/** The transfer columns of one item on one lane. */
export interface LaneTransfers {
  /** Lane index in the model. */
  lane: number;
  /** Index (in model.items) of the stocking point shipped from, and of the one shipped to. */
  from: number;
  to: number;
  /** [period of shipping] column indices (-1 where the shipment would arrive after the horizon). */
  columns: Int32Array;
}

/**
 * The item moves each lane can carry: one entry per lane and item stocked at both of its ends, lanes
 * in model order, items in the order of the lane's origin.
 */
export function laneItems(model: SupplyModel): { lane: number; from: number; to: number }[] {
  const position = new Map(model.items.map((item, i) => [stockingPointKey(item), i]));
  const out: { lane: number; from: number; to: number }[] = [];
  (model.lanes ?? []).forEach((lane, k) => {
    model.items.forEach((item, i) => {
      if (item.location !== lane.from) return;
      const to = position.get(stockingPointKey({ id: item.id, location: lane.to }));
      if (to !== undefined) out.push({ lane: k, from: i, to });
    });
  });
  return out;
}

/** Units arriving at each stocking point per period from scheduled receipts: [item][period]. */
export function receiptsByItem(model: SupplyModel): number[][] {
  const position = new Map(model.items.map((item, i) => [stockingPointKey(item), i]));
  const out = model.items.map(() => new Array<number>(model.periods).fill(0));
  for (const r of model.scheduledReceipts ?? []) {
    const i = position.get(r.stockingPoint);
    if (i !== undefined) out[i][r.period] += r.quantity;
  }
  return out;
}

/** A supply model turned into a programme, with the map back to plan quantities. */
export interface SupplyLp {
  lp: LinearProgram;
  index: SupplyLpIndex;
}

/** For each item, the resources it uses and the hours per unit on each (hours > 0 only). */
export function resourceUse(model: SupplyModel): { resource: number; hours: number }[][] {
  const position = new Map(model.resources.map((r, k) => [r.id, k]));
  return model.items.map((item) => {
    const uses: { resource: number; hours: number }[] = [];
    for (const [id, hours] of Object.entries(item.hoursPerUnit)) {
      const r = position.get(id);
      if (r !== undefined && hours > 0) uses.push({ resource: r, hours });
    }
    return uses;
  });
}

/**
 * The most one period can usefully make of each stocking point's item (the M of its minimum-order
 * rows): the whole demand and opening backlog, highest safety stock and end target of the item at every
 * location, its highest fenced production and one lot.
 */
function mostPerPeriod(model: SupplyModel): number[] {
  const sumOf = (values: readonly number[]): number => values.reduce((a, v) => a + v, 0);
  const byId = new Map<string, number>();
  for (const item of model.items) {
    const need = sumOf(model.demand[stockingPointKey(item)]) + item.openingBacklog + Math.max(0, ...item.safetyStock) + item.endInventoryTarget;
    byId.set(item.id, (byId.get(item.id) ?? 0) + need);
  }
  return model.items.map((item) => {
    const fenced = model.timeFence?.production[stockingPointKey(item)] ?? [];
    return (byId.get(item.id) ?? 0) + Math.max(0, ...fenced) + Math.max(item.lotSize ?? 0, item.minOrderQuantity ?? 0);
  });
}

/** For a lead time in months: the period each period's output arrives in, and the periods arriving in each. */
export interface LeadTiming {
  /** [period started] period of arrival (>= periods: after the horizon). */
  at: Int32Array;
  /** [period of arrival] the periods whose output arrives then. */
  from: number[][];
}

/**
 * The timing of every lead time of a model, computed once per lead (`arrivalPeriods`): with monthly
 * periods `from[t]` is [t - lead], with coarse far periods it may hold none or several periods.
 */
export function leadTiming(model: Pick<SupplyModel, "periods" | "periodMonths">): (lead: number) => LeadTiming {
  const known = new Map<number, LeadTiming>();
  return (lead) => {
    let timing = known.get(lead);
    if (timing === undefined) {
      const at = arrivalPeriods(model, lead);
      const from: number[][] = Array.from({ length: model.periods }, () => []);
      at.forEach((a, t) => {
        if (a < model.periods) from[a].push(t);
      });
      timing = { at, from };
      known.set(lead, timing);
    }
    return timing;
  };
}

/**
 * Builds the supply LP of a validated model.
 * @param model a model from `validateSupplyModel`.
 * @returns the programme and the index of its variables and capacity rows.
 * @example const { lp, index } = buildSupplyLp(model); solveLinearProgram(highs, lp)
 */
export function buildSupplyLp(model: SupplyModel): SupplyLp {
  const T = model.periods;
  const b = new LinearProgramBuilder();
  const uses = resourceUse(model);
  const none = (): Int32Array => new Int32Array(T).fill(-1);
  const wf = model.workforce;
  const workforceResource = wf === undefined ? -1 : model.resources.findIndex((r) => r.id === wf.resource);
  const timing = leadTiming(model);

  const production: Int32Array[] = [];
  const subcontract: Int32Array[] = [];
  const inventory: Int32Array[] = [];
  const backlog: Int32Array[] = [];
  const lost: Int32Array[] = [];
  const shortfall: Int32Array[] = [];
  const fence = model.timeFence;
  model.items.forEach((item, i) => {
    let labourCost = 0;
    for (const u of uses[i]) labourCost += u.hours * model.resources[u.resource].regularCostPerHour;
    const made = isMade(model, item);
    const lead = item.productionLeadTime ?? 0;
    const p = none();
    const c = none();
    const inv = none();
    const s = none();
    const l = none();
    const u = none();
    const demand = model.demand[stockingPointKey(item)];
    const penalised = item.safetyStockPenalty !== undefined;
    const approved = fence?.production[stockingPointKey(item)];
    const whole = item.wholeUnits === true;
    for (let t = 0; t < T; t++) {
      const frozen = approved !== undefined && t < (fence?.periods ?? 0) && fence?.changeCost === undefined;
      const productionCost = costAt(item, "unitCost", t) + labourCost;
      if (!made || timing(lead).at[t] >= T) p[t] = -1;
      else p[t] = frozen ? b.addColumn(`p${i}_${t}`, productionCost, approved[t], approved[t]) : b.addColumn(`p${i}_${t}`, productionCost, 0, Infinity, whole && item.lotSize === undefined);
      if (item.subcontractCost !== undefined && item.subcontractCap[t] > 0) {
        c[t] = b.addColumn(`c${i}_${t}`, costAt(item, "subcontractCost", t), 0, item.subcontractCap[t], whole);
      }
      const floor = penalised ? 0 : item.safetyStock[t];
      inv[t] = b.addColumn(`i${i}_${t}`, costAt(item, "holdingCost", t), t === T - 1 ? Math.max(floor, item.endInventoryTarget) : floor, Infinity);
      const backlogMax = Math.min(item.backlogCap?.[t] ?? Infinity, t === T - 1 ? item.endBacklogMax : Infinity);
      if (item.backlogAllowed && backlogMax > 0) s[t] = b.addColumn(`s${i}_${t}`, costAt(item, "backlogCost", t), 0, backlogMax);
      if (item.lostSalesCost !== undefined && demand[t] > 0) l[t] = b.addColumn(`l${i}_${t}`, costAt(item, "lostSalesCost", t), 0, demand[t]);
      if (penalised && item.safetyStock[t] > 0) u[t] = b.addColumn(`u${i}_${t}`, item.safetyStockPenalty ?? 0, 0, item.safetyStock[t]);
    }
    production.push(p);
    subcontract.push(c);
    inventory.push(inv);
    backlog.push(s);
    lost.push(l);
    shortfall.push(u);
  });

  const lots: Int32Array[] = [];
  const orders: Int32Array[] = [];
  const fenceUp: Int32Array[] = [];
  const fenceDown: Int32Array[] = [];
  model.items.forEach((item, i) => {
    const n = none();
    const y = none();
    const up = none();
    const down = none();
    const approved = fence?.production[stockingPointKey(item)];
    const fenced = approved === undefined ? 0 : (fence?.periods ?? 0);
    const soft = fence?.changeCost !== undefined;
    for (let t = 0; t < T; t++) {
      if (production[i][t] < 0) continue;
      if (t < fenced && soft) {
        up[t] = b.addColumn(`ap${i}_${t}`, fence?.changeCost ?? 0, 0, Infinity);
        down[t] = b.addColumn(`am${i}_${t}`, fence?.changeCost ?? 0, 0, Infinity);
      }
      if (t < fenced && !soft) continue;
      if (item.lotSize !== undefined) n[t] = b.addColumn(`n${i}_${t}`, 0, 0, Infinity, true);
      if (item.minOrderQuantity !== undefined) y[t] = b.addColumn(`y${i}_${t}`, 0, 0, 1, true);
    }
    lots.push(n);
    orders.push(y);
    fenceUp.push(up);
    fenceDown.push(down);
  });

  const overtime: Int32Array[] = model.resources.map((res, r) => {
    const o = none();
    const perWorker = r === workforceResource && wf !== undefined ? wf.overtimeHoursPerWorker : 0;
    for (let t = 0; t < T; t++) {
      const cap = res.overtimeHoursCap[t];
      if (cap > 0 || perWorker > 0) {
        o[t] = b.addColumn(`o${r}_${t}`, res.overtimeCostPerHour - res.regularCostPerHour, 0, perWorker > 0 ? Infinity : cap);
      }
    }
    return o;
  });

  const workers = new Int32Array(wf === undefined ? 0 : T);
  const hires = new Int32Array(workers.length);
  const layoffs = new Int32Array(workers.length);
  if (wf !== undefined) {
    for (let t = 0; t < T; t++) {
      workers[t] = b.addColumn(`w${t}`, wf.wagePerWorker, wf.minWorkers, wf.maxWorkers, wf.integerWorkers);
      hires[t] = b.addColumn(`h${t}`, wf.hireCost, 0, wf.hireCap?.[t] ?? Infinity, wf.integerWorkers);
      layoffs[t] = b.addColumn(`f${t}`, wf.layoffCost, 0, Infinity, wf.integerWorkers);
    }
  }

  const moves = laneItems(model);
  const lanes = model.lanes ?? [];
  const transfers: LaneTransfers[] = moves.map((move) => {
    const lane = lanes[move.lane];
    const columns = none();
    for (let t = 0; t < T && timing(lane.transitPeriods).at[t] < T; t++) columns[t] = b.addColumn(`x${move.lane}_${move.from}_${t}`, lane.costPerUnit[t], 0, Infinity);
    return { ...move, columns };
  });
  const inbound: LaneTransfers[][] = model.items.map(() => []);
  const outbound: LaneTransfers[][] = model.items.map(() => []);
  for (const x of transfers) {
    inbound[x.to].push(x);
    outbound[x.from].push(x);
  }
  const receipts = receiptsByItem(model);

  const cols: number[] = [];
  const coefs: number[] = [];
  const push = (col: number, coef: number): void => {
    if (col >= 0) {
      cols.push(col);
      coefs.push(coef);
    }
  };
  const balanceRow: Int32Array[] = model.items.map((item, i) => {
    const demand = model.demand[stockingPointKey(item)];
    const lead = item.productionLeadTime ?? 0;
    const rows = none();
    for (let t = 0; t < T; t++) {
      cols.length = 0;
      coefs.length = 0;
      let rhs = demand[t] - receipts[i][t];
      if (t === 0) rhs += item.openingBacklog - item.openingInventory;
      else {
        push(inventory[i][t - 1], 1);
        push(backlog[i][t - 1], -1);
      }
      for (const started of timing(lead).from[t]) push(production[i][started], 1);
      for (const x of inbound[i]) for (const shipped of timing(lanes[x.lane].transitPeriods).from[t]) push(x.columns[shipped], 1);
      for (const x of outbound[i]) push(x.columns[t], -1);
      push(subcontract[i][t], 1);
      push(lost[i][t], 1);
      push(inventory[i][t], -1);
      push(backlog[i][t], 1);
      rows[t] = b.addRow(`bal${i}_${t}`, cols, coefs, "=", rhs);
    }
    return rows;
  });

  // A stocking point ships only what it holds: stock from the month before, what is made or bought and
  // what arrives this month. Without this row a point could ship units it never had and owe them as
  // backlog, which no customer asked for.
  model.items.forEach((item, i) => {
    if (outbound[i].length === 0) return;
    const lead = item.productionLeadTime ?? 0;
    for (let t = 0; t < T; t++) {
      cols.length = 0;
      coefs.length = 0;
      for (const x of outbound[i]) push(x.columns[t], 1);
      if (cols.length === 0) continue;
      if (t > 0) push(inventory[i][t - 1], -1);
      for (const started of timing(lead).from[t]) push(production[i][started], -1);
      push(subcontract[i][t], -1);
      for (const x of inbound[i]) for (const shipped of timing(lanes[x.lane].transitPeriods).from[t]) push(x.columns[shipped], -1);
      b.addRow(`ship${i}_${t}`, cols, coefs, "<=", receipts[i][t] + (t === 0 ? item.openingInventory : 0));
    }
  });

  const most = mostPerPeriod(model);
  model.items.forEach((item, i) => {
    const approved = fence?.production[stockingPointKey(item)];
    for (let t = 0; t < T; t++) {
      const p = production[i][t];
      if (p < 0) continue;
      if (lots[i][t] >= 0) b.addRow(`lot${i}_${t}`, [p, lots[i][t]], [1, -(item.lotSize ?? 1)], "=", 0);
      if (orders[i][t] >= 0) {
        b.addRow(`moq${i}_${t}`, [p, orders[i][t]], [1, -(item.minOrderQuantity ?? 0)], ">=", 0);
        b.addRow(`mx${i}_${t}`, [p, orders[i][t]], [1, -most[i]], "<=", 0);
      }
      if (approved !== undefined && fenceUp[i][t] >= 0) b.addRow(`fence${i}_${t}`, [p, fenceUp[i][t], fenceDown[i][t]], [1, -1, 1], "=", approved[t]);
    }
  });

  const itemsOf: { item: number; hours: number }[][] = model.resources.map(() => []);
  uses.forEach((list, i) => list.forEach((u) => itemsOf[u.resource].push({ item: i, hours: u.hours })));
  const capacityRow: Int32Array[] = model.resources.map((res, r) => {
    const rows = none();
    for (let t = 0; t < T; t++) {
      cols.length = 0;
      coefs.length = 0;
      for (const { item, hours } of itemsOf[r]) push(production[item][t], hours);
      push(overtime[r][t], -1);
      if (r === workforceResource && wf !== undefined) push(workers[t], -wf.hoursPerWorker);
      rows[t] = b.addRow(`cap${r}_${t}`, cols, coefs, "<=", res.availableHours[t]);
    }
    return rows;
  });

  if (wf !== undefined) {
    for (let t = 0; t < T; t++) {
      cols.length = 0;
      coefs.length = 0;
      push(workers[t], 1);
      if (t > 0) push(workers[t - 1], -1);
      push(hires[t], -1);
      push(layoffs[t], 1);
      b.addRow(`wf${t}`, cols, coefs, "=", t === 0 ? wf.initialWorkers : 0);
      if (wf.overtimeHoursPerWorker > 0) {
        const o = overtime[workforceResource][t];
        b.addRow(`otw${t}`, [o, workers[t]], [1, -wf.overtimeHoursPerWorker], "<=", model.resources[workforceResource].overtimeHoursCap[t]);
      }
    }
  }

  model.items.forEach((item, i) => {
    for (let t = 0; t < T; t++) {
      if (shortfall[i][t] >= 0) b.addRow(`ss${i}_${t}`, [inventory[i][t], shortfall[i][t]], [1, 1], ">=", item.safetyStock[t]);
    }
  });

  const laneRow: Int32Array[] = lanes.map((lane, k) => {
    const rows = none();
    const onLane = transfers.filter((x) => x.lane === k);
    for (let t = 0; t < T; t++) {
      if (lane.capacity[t] === Infinity) continue;
      cols.length = 0;
      coefs.length = 0;
      for (const x of onLane) push(x.columns[t], 1);
      if (cols.length > 0) rows[t] = b.addRow(`lane${k}_${t}`, cols, coefs, "<=", lane.capacity[t]);
    }
    return rows;
  });

  const storageRow: Int32Array[] = (model.locations ?? []).map((location, k) => {
    const rows = none();
    const stocked = model.items.map((item, i) => ({ item, i })).filter(({ item }) => item.location === location.id);
    for (let t = 0; t < T; t++) {
      if (location.storageCap[t] === Infinity || stocked.length === 0) continue;
      cols.length = 0;
      coefs.length = 0;
      for (const { item, i } of stocked) push(inventory[i][t], item.volumePerUnit ?? 1);
      rows[t] = b.addRow(`store${k}_${t}`, cols, coefs, "<=", location.storageCap[t]);
    }
    return rows;
  });

  return {
    lp: b.build(),
    index: {
      production, subcontract, inventory, backlog, lost, shortfall, lots, orders, fenceUp, fenceDown, balanceRow, overtime, capacityRow, workers, hires, layoffs, workforceResource,
      transfers, laneRow, storageRow,
    },
  };
}
