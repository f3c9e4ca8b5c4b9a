/**
 * Time buckets for a long horizon (the S&OP rolling horizon: near months in detail, far months coarse):
 * the first months of a monthly model stay monthly and the later ones are grouped into quarters (or
 * other buckets), so the optimiser plans a third of the far periods. Only the near months' plan is
 * released; the far buckets reserve capacity, lanes and stock for what comes later.
 *
 * A bucket carries its months' demand, hours, overtime, subcontracting and lane capacity summed; its
 * safety stock, backlog cap and end target are those of its last month and its storage limit the
 * lowest of its months (stock is counted at period ends); unit costs and prices are the months'
 * average, holding and backlog costs (per unit and period) their sum. Lead times and transit stay in
 * months (`arrivalPeriods`). A penalised safety-stock shortfall costs its penalty once per bucket,
 * not per month. Models with a workforce plan are not bucketed (wages and hours per worker are per
 * month).
 */

import { PlanningError } from "../errors";
import type { PeriodCostField, SupplyItem, SupplyModel } from "./model";
import { costAt, stockingPointKey } from "./model";

/** How a horizon is bucketed. */
export interface BucketOptions {
  /** Periods kept monthly from the start (e.g. 12). */
  monthlyPeriods: number;
  /** Months per later bucket (default 3, quarters). */
  bucketMonths?: number;
}

/** A bucketed model and, for each of its periods, the months (periods of the monthly model) it holds. */
export interface BucketedModel {
  model: SupplyModel;
  months: number[][];
}

const sum = (values: readonly number[], months: readonly number[]): number => months.reduce((a, t) => a + values[t], 0);
const last = (values: readonly number[], months: readonly number[]): number => values[months[months.length - 1]];
const least = (values: readonly number[], months: readonly number[]): number => Math.min(...months.map((t) => values[t]));

/** Per-unit costs average over a bucket; per-unit-per-period costs add up. */
const SUMMED: readonly PeriodCostField[] = ["holdingCost", "backlogCost"];
const FIELDS: readonly PeriodCostField[] = ["unitCost", "holdingCost", "backlogCost", "lostSalesCost", "subcontractCost", "price"];

/**
 * Groups the periods of a monthly model after the first `monthlyPeriods` into buckets of
 * `bucketMonths` (the last bucket may be shorter).
 * @param model a validated monthly model (no `periodMonths`).
 * @throws PlanningError when the model has a workforce plan, a time fence beyond the monthly periods,
 *   or is already bucketed.
 * @example bucketModel(model, { monthlyPeriods: 12 }).model.periods // 36 months -> 12 + 8 = 20
 */
export function bucketModel(model: SupplyModel, options: BucketOptions): BucketedModel {
  const size = options.bucketMonths ?? 3;
  const monthly = Math.min(model.periods, Math.max(0, Math.floor(options.monthlyPeriods)));
  if (!Number.isInteger(size) || size < 1) throw new PlanningError(`Months per bucket must be a whole number of 1 or more (got ${size}).`, "invalidNumber");
  if (model.periodMonths !== undefined) throw new PlanningError("The model is already in time buckets.", "invalidValue");
  if (model.workforce !== undefined) throw new PlanningError("Far months cannot be planned in quarters with a workforce plan (wages and hours per worker are monthly): plan every month.", "invalidValue");
  if (model.timeFence !== undefined && model.timeFence.periods > monthly) {
    throw new PlanningError(`The time fence covers ${model.timeFence.periods} months but only the first ${monthly} are planned monthly: keep at least the fenced months monthly.`, "invalidValue");
  }
  const months: number[][] = [];
  for (let t = 0; t < monthly; t++) months.push([t]);
  for (let t = monthly; t < model.periods; t += size) months.push(Array.from({ length: Math.min(size, model.periods - t) }, (_, k) => t + k));
  const bucketOf = new Int32Array(model.periods);
  months.forEach((list, b) => list.forEach((t) => (bucketOf[t] = b)));
  const by = (values: readonly number[], rule: (v: readonly number[], m: readonly number[]) => number): number[] => months.map((m) => rule(values, m));

  const items: SupplyItem[] = model.items.map((item) => {
    const costByPeriod: Partial<Record<PeriodCostField, number[]>> = {};
    for (const field of FIELDS) {
      if (item[field] === undefined && item.costByPeriod?.[field] === undefined) continue;
      const perMonth = Array.from({ length: model.periods }, (_, t) => costAt(item, field, t));
      costByPeriod[field] = SUMMED.includes(field) ? by(perMonth, sum) : months.map((m) => sum(perMonth, m) / m.length);
    }
    const out: SupplyItem = {
      ...item,
      costByPeriod,
      subcontractCap: by(item.subcontractCap, sum),
      safetyStock: by(item.safetyStock, last),
    };
    if (item.backlogCap !== undefined) out.backlogCap = by(item.backlogCap, last);
    return out;
  });
  const bucketed: SupplyModel = {
    ...model,
    periods: months.length,
    periodMonths: months.map((m) => m.length),
    items,
    resources: model.resources.map((r) => ({ ...r, availableHours: by(r.availableHours, sum), overtimeHoursCap: by(r.overtimeHoursCap, sum) })),
    demand: Object.fromEntries(model.items.map((item) => [stockingPointKey(item), by(model.demand[stockingPointKey(item)], sum)])),
  };
  if (model.periodLabels !== undefined) {
    const labels = model.periodLabels;
    bucketed.periodLabels = months.map((m) => (m.length === 1 ? labels[m[0]] : `${labels[m[0]]}..${labels[m[m.length - 1]]}`));
  }
  if (model.locations !== undefined) bucketed.locations = model.locations.map((l) => ({ ...l, storageCap: by(l.storageCap, least) }));
  if (model.lanes !== undefined) {
    bucketed.lanes = model.lanes.map((lane) => ({ ...lane, costPerUnit: months.map((m) => sum(lane.costPerUnit, m) / m.length), capacity: by(lane.capacity, sum) }));
  }
  if (model.scheduledReceipts !== undefined) bucketed.scheduledReceipts = model.scheduledReceipts.map((r) => ({ ...r, period: bucketOf[r.period] }));
  return { model: bucketed, months };
}
