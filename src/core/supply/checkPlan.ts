/**
 * Checks a plan against the model independently of the solver: every inventory balance, capacity,
 * overtime, subcontract, safety-stock, end-of-horizon and workforce constraint, recomputed from the
 * plan's own quantities. Used by tests (every plan the engine returns must pass) and available to
 * the cycle to vet a plan a planner edited by hand.
 */

import { periodName, type SupplyModel } from "./model";
import type { SupplyPlan } from "./plan";

/** Absolute tolerance per unit of magnitude (1e-6 x max(1, |value|)). */
const RELATIVE = 1e-6;

/**
 * Lists every constraint the plan breaks, as sentences naming item or resource and period; an empty
 * list means the plan is feasible.
 *   balance: I_{t-1} - S_{t-1} + P_t + C_t + L_t - I_t + S_t = D_t (opening values at t = 0)
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

  model.items.forEach((item, i) => {
    const p = plan.items[i];
    const demand = model.demand[item.id];
    const series = { production: p.production, subcontract: p.subcontract, inventory: p.inventory, backlog: p.backlog, lost: p.lost };
    for (const [name, values] of Object.entries(series)) {
      values.forEach((v, t) => {
        if (!(v >= -RELATIVE)) problems.push(`${item.id}: ${name} in ${when(t)} is ${v}, below 0`);
      });
    }
    for (let t = 0; t < T; t++) {
      const before = t === 0 ? item.openingInventory - item.openingBacklog : p.inventory[t - 1] - p.backlog[t - 1];
      const lhs = before + p.production[t] + p.subcontract[t] + p.lost[t] - p.inventory[t] + p.backlog[t];
      if (!near(lhs, demand[t])) problems.push(`${item.id}: inventory does not balance in ${when(t)} (supply and stock give ${lhs}, demand is ${demand[t]})`);
      if (!atMost(p.lost[t], demand[t])) problems.push(`${item.id}: lost sales in ${when(t)} exceed demand`);
      if (item.lostSalesCost === undefined && p.lost[t] > RELATIVE) problems.push(`${item.id}: demand is lost in ${when(t)} but lost sales are not allowed`);
      if (!item.backlogAllowed && p.backlog[t] > RELATIVE) problems.push(`${item.id}: backlog in ${when(t)} but backlog is not allowed`);
      if (!atMost(p.subcontract[t], item.subcontractCost === undefined ? 0 : item.subcontractCap[t])) problems.push(`${item.id}: subcontracting in ${when(t)} exceeds its limit`);
      const floor = item.safetyStock[t];
      const covered = p.inventory[t] + (item.safetyStockPenalty === undefined ? 0 : p.safetyStockShortfall[t]);
      if (!atMost(floor, covered)) problems.push(`${item.id}: inventory in ${when(t)} is below the safety stock of ${floor}`);
    }
    const approved = model.timeFence?.production[item.id];
    const fenced = approved === undefined ? 0 : (model.timeFence?.periods ?? 0);
    const hard = model.timeFence?.changeCost === undefined;
    const whole = (v: number): boolean => Math.abs(v - Math.round(v)) <= RELATIVE * Math.max(1, Math.abs(v));
    for (let t = 0; t < T; t++) {
      const made = p.production[t];
      if (t < fenced && hard) {
        if (approved !== undefined && !near(made, approved[t])) problems.push(`${item.id}: production in ${when(t)} is ${made} but the frozen approved plan makes ${approved[t]}`);
        continue;
      }
      if (item.wholeUnits === true && (!whole(made) || !whole(p.subcontract[t]))) problems.push(`${item.id}: ${made} made in ${when(t)} is not a whole number of units`);
      if (item.lotSize !== undefined && !whole(made / item.lotSize)) problems.push(`${item.id}: ${made} made in ${when(t)} is not a multiple of the lot size ${item.lotSize}`);
      if (item.minOrderQuantity !== undefined && made > RELATIVE && !atMost(item.minOrderQuantity, made)) problems.push(`${item.id}: ${made} made in ${when(t)} is below the minimum order quantity ${item.minOrderQuantity}`);
    }
    if (!atMost(item.endInventoryTarget, p.inventory[T - 1])) problems.push(`${item.id}: end inventory ${p.inventory[T - 1]} is below the target ${item.endInventoryTarget}`);
    if (!atMost(p.backlog[T - 1], item.endBacklogMax)) problems.push(`${item.id}: end backlog ${p.backlog[T - 1]} exceeds ${item.endBacklogMax}`);
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
    }
  }
  return problems;
}
