/**
 * Checks a plan against the model independently of the solver: every inventory balance, capacity,
 * overtime, subcontract, safety-stock, end-of-horizon and workforce constraint, recomputed from the
 * plan's own quantities. Used by tests (every plan the engine returns must pass) and available to
 * the cycle to vet a plan a planner edited by hand.
 */

import { arrivalPeriods, isMade, periodName, stockingPointKey, stockingPointName, type SupplyModel } from "./model";
import type { SupplyPlan } from "./plan";

/** Absolute tolerance per unit of magnitude (1e-6 x max(1, |value|)). */
const RELATIVE = 1e-6;

/**
 * Lists every constraint the plan breaks, as sentences naming item or resource and period; an empty
 * list means the plan is feasible.
 *   balance: I_{t-1} - S_{t-1} + P_{t-L} + C_t + arrivals_t - shipments_t + receipts_t + L_t - I_t + S_t
 *     = D_t per stocking point (opening values at t = 0; arrivals are what each lane shipped transit
 *     periods earlier), production only where the item is made and arriving within the horizon;
 *   lanes: units shipped >= 0 and no more than the point holds (stock, made, arriving), only of items
 *     stocked at both ends, total <= the lane's capacity, none
 *     arriving after the horizon; storage: sum of inventory x volume per unit <= the location's limit;
 *   backlog S_it <= backlogCap_it; hires H_t <= hireCap_t;
 *   capacity: sum_i h_ir P_it <= regular_rt + O_rt, regular_rt = available_rt (+ hoursPerWorker W_t)
 *   overtime: O_rt <= cap_rt (+ overtimeHoursPerWorker W_t); subcontract C_it <= cap_it
 *   safety stock: I_it >= SS_it (hard) or I_it + U_it >= SS_it (penalised); I_iT >= end target;
 *   S_iT <= end backlog max; L_it <= D_it; workforce W_t = W_{t-1} + H_t - F_t within [min, max];
 *   whole units, lot-size multiples and minimum orders (0 or >= MOQ) outside hard-fenced periods;
 *   a hard time fence's periods make exactly the approved production.
 * @param model the validated model; plan any plan of it (chase, level, optimal or edited).
 * @example checkPlan(model, plan) // [] when every constraint holds
 */
export function checkPlan(model: SupplyModel, plan: SupplyPlan): string[] {
  const problems: string[] = [];
  const T = model.periods;
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
  const atMost = (a: number, b: number): boolean => a <= b + RELATIVE * Math.max(1, Math.abs(a), Math.abs(b));
  const when = (t: number): string => periodName(model, t);
  const wf = model.workforce;
  const lanes = model.lanes ?? [];

  // arrivals and shipments per stocking point, read from the plan's lanes and the model's receipts
  const keyIndex = new Map(model.items.map((item, i) => [stockingPointKey(item), i]));
  const arriving = model.items.map(() => new Array<number>(T).fill(0));
  const leaving = model.items.map(() => new Array<number>(T).fill(0));
  for (const r of model.scheduledReceipts ?? []) {
    const i = keyIndex.get(r.stockingPoint);
    if (i !== undefined) arriving[i][r.period] += r.quantity;
  }
  lanes.forEach((lane, k) => {
    const shipments = plan.lanes?.[k];
    if (shipments === undefined) return;
    const total = new Array<number>(T).fill(0);
    const arrives = arrivalPeriods(model, lane.transitPeriods);
    for (const [itemId, units] of Object.entries(shipments.shipped)) {
      const from = keyIndex.get(`${itemId}@${lane.from}`);
      const to = keyIndex.get(`${itemId}@${lane.to}`);
      if (from === undefined || to === undefined) {
        if (units.some((v) => v > RELATIVE)) problems.push(`lane ${lane.id}: ships ${itemId}, which is not stocked at both ${lane.from} and ${lane.to}`);
        continue;
      }
      units.forEach((v, t) => {
        if (!(v >= -RELATIVE)) problems.push(`lane ${lane.id}: ${itemId} shipped in ${when(t)} is ${v}, below 0`);
        total[t] += v;
        leaving[from][t] += v;
        if (arrives[t] < T) arriving[to][arrives[t]] += v;
        else if (v > RELATIVE) problems.push(`lane ${lane.id}: ${itemId} shipped in ${when(t)} arrives after the horizon (${lane.transitPeriods} periods in transit)`);
      });
    }
    total.forEach((v, t) => {
      if (!atMost(v, lane.capacity[t])) problems.push(`lane ${lane.id}: ${v} units shipped in ${when(t)} exceed its capacity of ${lane.capacity[t]}`);
    });
  });
  if (lanes.length > 0 && plan.lanes === undefined) problems.push("the plan has no lane shipments but the model has lanes");

  model.items.forEach((item, i) => {
    const p = plan.items[i];
    const name = stockingPointName(item);
    const demand = model.demand[stockingPointKey(item)];
    const lead = item.productionLeadTime ?? 0;
    const made = isMade(model, item);
    const series = { production: p.production, subcontract: p.subcontract, inventory: p.inventory, backlog: p.backlog, lost: p.lost };
    for (const [kind, values] of Object.entries(series)) {
      values.forEach((v, t) => {
        if (!(v >= -RELATIVE)) problems.push(`${name}: ${kind} in ${when(t)} is ${v}, below 0`);
      });
    }
    const ready = arrivalPeriods(model, lead);
    const madeReady = new Array<number>(T).fill(0);
    ready.forEach((at, t) => {
      if (at < T) madeReady[at] += p.production[t];
    });
    for (let t = 0; t < T; t++) {
      const before = t === 0 ? item.openingInventory - item.openingBacklog : p.inventory[t - 1] - p.backlog[t - 1];
      const madeBefore = madeReady[t];
      const lhs = before + madeBefore + p.subcontract[t] + arriving[i][t] - leaving[i][t] + p.lost[t] - p.inventory[t] + p.backlog[t];
      if (p.production[t] > RELATIVE && !made) problems.push(`${name}: ${p.production[t]} made in ${when(t)} but the item is not made at ${item.location ?? "this site"}`);
      if (p.production[t] > RELATIVE && ready[t] >= T) problems.push(`${name}: production started in ${when(t)} is ready only after the horizon (lead time ${lead})`);
      if (!atMost(p.backlog[t], item.backlogCap?.[t] ?? Infinity)) problems.push(`${name}: backlog ${p.backlog[t]} in ${when(t)} exceeds its cap of ${item.backlogCap?.[t]}`);
      if (!near(lhs, demand[t])) problems.push(`${name}: inventory does not balance in ${when(t)} (supply and stock give ${lhs}, demand is ${demand[t]})`);
      const onHand = (t === 0 ? item.openingInventory : p.inventory[t - 1]) + madeBefore + p.subcontract[t] + arriving[i][t];
      if (!atMost(leaving[i][t], onHand)) problems.push(`${name}: ships ${leaving[i][t]} in ${when(t)} but holds only ${onHand} (stock, made and arriving)`);
      if (!atMost(p.lost[t], demand[t])) problems.push(`${name}: lost sales in ${when(t)} exceed demand`);
      if (item.lostSalesCost === undefined && p.lost[t] > RELATIVE) problems.push(`${name}: demand is lost in ${when(t)} but lost sales are not allowed`);
      if (!item.backlogAllowed && p.backlog[t] > RELATIVE) problems.push(`${name}: backlog in ${when(t)} but backlog is not allowed`);
      if (!atMost(p.subcontract[t], item.subcontractCost === undefined ? 0 : item.subcontractCap[t])) problems.push(`${name}: subcontracting in ${when(t)} exceeds its limit`);
      const floor = item.safetyStock[t];
      const covered = p.inventory[t] + (item.safetyStockPenalty === undefined ? 0 : p.safetyStockShortfall[t]);
      if (!atMost(floor, covered)) problems.push(`${name}: inventory in ${when(t)} is below the safety stock of ${floor}`);
    }
    const approved = model.timeFence?.production[stockingPointKey(item)];
    const fenced = approved === undefined ? 0 : (model.timeFence?.periods ?? 0);
    const hard = model.timeFence?.changeCost === undefined;
    const whole = (v: number): boolean => Math.abs(v - Math.round(v)) <= RELATIVE * Math.max(1, Math.abs(v));
    for (let t = 0; t < T; t++) {
      const made = p.production[t];
      if (t < fenced && hard) {
        if (approved !== undefined && !near(made, approved[t])) problems.push(`${name}: production in ${when(t)} is ${made} but the frozen approved plan makes ${approved[t]}`);
        continue;
      }
      if (item.wholeUnits === true && (!whole(made) || !whole(p.subcontract[t]))) problems.push(`${name}: ${made} made in ${when(t)} is not a whole number of units`);
      if (item.lotSize !== undefined && !whole(made / item.lotSize)) problems.push(`${name}: ${made} made in ${when(t)} is not a multiple of the lot size ${item.lotSize}`);
      if (item.minOrderQuantity !== undefined && made > RELATIVE && !atMost(item.minOrderQuantity, made)) problems.push(`${name}: ${made} made in ${when(t)} is below the minimum order quantity ${item.minOrderQuantity}`);
    }
    if (!atMost(item.endInventoryTarget, p.inventory[T - 1])) problems.push(`${name}: end inventory ${p.inventory[T - 1]} is below the target ${item.endInventoryTarget}`);
    if (!atMost(p.backlog[T - 1], item.endBacklogMax)) problems.push(`${name}: end backlog ${p.backlog[T - 1]} exceeds ${item.endBacklogMax}`);
  });

  const load = model.resources.map(() => new Array<number>(T).fill(0));
  model.items.forEach((item, i) => {
    model.resources.forEach((r, k) => {
      const h = item.hoursPerUnit[r.id] ?? 0;
      for (let t = 0; t < T; t++) load[k][t] += h * plan.items[i].production[t];
    });
  });
  model.resources.forEach((r, k) => {
    const overtime = plan.resources[k].overtimeHours;
    const isWorkforce = wf !== undefined && wf.resource === r.id && plan.workforce !== undefined;
    for (let t = 0; t < T; t++) {
      const workers = isWorkforce && plan.workforce !== undefined ? plan.workforce.workers[t] : 0;
      const regular = r.availableHours[t] + (isWorkforce && wf !== undefined ? wf.hoursPerWorker * workers : 0);
      const overtimeCap = r.overtimeHoursCap[t] + (isWorkforce && wf !== undefined ? wf.overtimeHoursPerWorker * workers : 0);
      if (!(overtime[t] >= -RELATIVE)) problems.push(`${r.id}: overtime in ${when(t)} is below 0`);
      if (!atMost(load[k][t], regular + overtime[t])) problems.push(`${r.id}: ${load[k][t]} hours needed in ${when(t)} but only ${regular} regular + ${overtime[t]} overtime planned`);
      if (!atMost(overtime[t], overtimeCap)) problems.push(`${r.id}: overtime ${overtime[t]} hours in ${when(t)} exceeds the limit ${overtimeCap}`);
    }
  });

  if (wf !== undefined && plan.workforce !== undefined) {
    const { workers, hires, layoffs } = plan.workforce;
    for (let t = 0; t < T; t++) {
      const before = t === 0 ? wf.initialWorkers : workers[t - 1];
      if (!near(workers[t], before + hires[t] - layoffs[t])) problems.push(`workforce: workers in ${when(t)} do not equal last period's plus hires minus layoffs`);
      if (!atMost(wf.minWorkers, workers[t]) || !atMost(workers[t], wf.maxWorkers)) problems.push(`workforce: ${workers[t]} workers in ${when(t)} is outside ${wf.minWorkers}..${wf.maxWorkers}`);
      if (hires[t] < -RELATIVE || layoffs[t] < -RELATIVE) problems.push(`workforce: negative hires or layoffs in ${when(t)}`);
      if (!atMost(hires[t], wf.hireCap?.[t] ?? Infinity)) problems.push(`workforce: ${hires[t]} hires in ${when(t)} exceed the cap of ${wf.hireCap?.[t]}`);
    }
  }
  (model.locations ?? []).forEach((location) => {
    for (let t = 0; t < T; t++) {
      if (location.storageCap[t] === Infinity) continue;
      let used = 0;
      model.items.forEach((item, i) => {
        if (item.location === location.id) used += plan.items[i].inventory[t] * (item.volumePerUnit ?? 1);
      });
      if (!atMost(used, location.storageCap[t])) problems.push(`${location.id}: ${used} in storage at the end of ${when(t)} exceeds its limit of ${location.storageCap[t]}`);
    }
  });
  return problems;
}
