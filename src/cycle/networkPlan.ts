/**
 * Step 3 over a supply network: the plan by location on SOP Supply Plan (each item's totals, as a
 * single-site plan shows them, each followed by its rows at each location) and the transfers along
 * lanes on SOP Transfers (from, to, item, month shipped and arriving, units, cost).
 */
import { planTransfers, shownFillRate, type SupplyItem, type SupplyModel, type SupplyPlan } from "../core/supply";
import { isMade, stockingPointKey } from "../core/supply/model";
import { formatNumber } from "../workbook/numberFormat";
import type { CellInput } from "../workbook/workbook";
import type { ResultTable } from "./stepTypes";
import { CENTS_FORMAT, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { locationMeasure, planServiceOf, type PlanTable } from "./planSheet";
import { planMeasures, type PlanMeasure } from "./supplyStep";
import { receiptsByItem } from "../core/supply/supplyLp";

/** Measures of a stocking point that concern its customers: shown only where the item is sold. */
const DEMAND_MEASURES: readonly PlanMeasure[] = ["Demand", "Backlog", "Lost", "Safety stock"];

/**
 * Whether a network's item has the measure at a stocking point: production and subcontracting where it
 * is made, receipts where some arrive, demand, backlog, lost sales and safety stock where it is sold,
 * inventory everywhere.
 */
function shown(model: SupplyModel, item: SupplyItem, measure: PlanMeasure, sold: boolean, receipts: readonly number[]): boolean {
  if (measure === "Production" || measure === "Subcontract") return isMade(model, item);
  if (measure === "Receipts") return receipts.some((units) => units > 0);
  return sold || !DEMAND_MEASURES.includes(measure);
}

/**
 * The rows of SOP Supply Plan for a network plan: Item, Family, Measure, then one column per month.
 * Each item's measures are its totals over its locations (so every reader of the plan by item reads
 * them as a single-site plan), each followed by the item's rows at its locations ("Inventory at DC1";
 * Production and Subcontract only at the plants that make it; Demand, Backlog, Lost and Safety stock
 * only where it is sold, so "Demand at" rows are the demand series step 6 monitors).
 * @param byLocation each item's demand by location (the locations where it is sold)
 * @example networkPlanRows(model, plan, periods, byLocation).find((row) => row[2] === "Production at P1")
 */
export function networkPlanRows(model: SupplyModel, plan: SupplyPlan, periods: readonly string[], byLocation: Record<string, Record<string, number[]>>): (string | number)[][] {
  const rows: (string | number)[][] = [["Item", "Family", "Measure", ...periods]];
  const ids = [...new Set(model.items.map((item) => item.id))];
  const receipts = receiptsByItem(model);
  for (const id of ids) {
    const points = model.items.map((item, i) => ({ item, i })).filter(({ item }) => item.id === id);
    const family = points[0].item.family ?? "";
    const values = (measure: PlanMeasure, i: number): readonly number[] => {
      const p = plan.items[i];
      const item = model.items[i];
      const byMeasure: Record<PlanMeasure, readonly number[]> = {
        Demand: model.demand[stockingPointKey(item)],
        Production: p.production,
        Subcontract: p.subcontract,
        Receipts: receipts[i],
        Inventory: p.inventory,
        Backlog: p.backlog,
        Lost: p.lost,
        "Safety stock": item.safetyStock,
      };
      return byMeasure[measure];
    };
    for (const measure of planMeasures(model)) {
      const total = periods.map((_, t) => points.reduce((s, { i }) => s + values(measure, i)[t], 0));
      rows.push([id, family, measure, ...total.map(roundCents)]);
      for (const { item, i } of points) {
        if (shown(model, item, measure, (item.location ?? "") in (byLocation[id] ?? {}), receipts[i])) rows.push([id, family, locationMeasure(measure, item.location ?? ""), ...values(measure, i).map(roundCents)]);
      }
    }
  }
  return rows;
}

/** Headers of SOP Transfers. */
export const TRANSFER_HEADERS = ["From", "To", "Item", "Month shipped", "Month arriving", "Units", "Cost"] as const;

/** Number formats of SOP Transfers' columns. */
export const TRANSFER_FORMATS = ["@", "@", "@", "@", "@", CENTS_FORMAT, WHOLE_FORMAT];

/**
 * The rows of SOP Transfers: one per lane, item and month with units shipped (planTransfers' order:
 * lanes as on SOP Lanes, then items, then months), with the month they arrive ("after the horizon" when
 * the transit ends beyond it) and their transport cost; a header row first.
 * @example transferRows(model, plan, periods)[1] // ["P1", "DC1", "CH-101", "2026-01", "2026-02", 120, 240]
 */
export function transferRows(model: SupplyModel, plan: SupplyPlan, periods: readonly string[]): CellInput[][] {
  const costOf = new Map((model.lanes ?? []).map((lane) => [lane.id, lane.costPerUnit]));
  const shipped = planTransfers(model, plan.lanes ?? []).filter((move) => roundCents(move.units) > 0);
  return [
    [...TRANSFER_HEADERS],
    ...shipped.map((move) => {
      const t = periods.indexOf(move.period);
      return [move.from, move.to, move.item, move.period, periods.includes(move.arrives) ? move.arrives : "after the horizon", roundCents(move.units), roundCents(move.units * (costOf.get(move.lane)?.[t] ?? 0))];
    }),
  ];
}

/** Units shipped and transport cost of each lane over the horizon, lanes in model order. */
function laneTotals(model: SupplyModel, plan: SupplyPlan): { id: string; units: number; cost: number; fullMonths: number }[] {
  return (plan.lanes ?? []).map((lanePlan, k) => ({
    id: lanePlan.laneId,
    units: lanePlan.total.reduce((a, b) => a + b, 0),
    cost: lanePlan.total.reduce((a, units, t) => a + units * (model.lanes?.[k].costPerUnit[t] ?? 0), 0),
    fullMonths: lanePlan.total.filter((units, t) => lanePlan.capacity[t] !== Infinity && units >= lanePlan.capacity[t] - 0.005).length,
  }));
}

/**
 * Step 3's sentence on a network plan's transfers: units moved, transport cost and the busiest lane.
 * @example transferSummary(model, plan) // "Transfers: 23,456 units on 7 lanes for 61,230 in transport; busiest Plant Oslo->DC North, 8,000 units (full in 5 months). SOP Transfers lists each shipment."
 */
export function transferSummary(model: SupplyModel, plan: SupplyPlan): string {
  const lanes = laneTotals(model, plan);
  const whole = (v: number): string => formatNumber(roundCents(v), WHOLE_FORMAT);
  const busiest = lanes.reduce<(typeof lanes)[number] | undefined>((best, lane) => (best === undefined || lane.units > best.units ? lane : best), undefined);
  const units = lanes.reduce((s, lane) => s + lane.units, 0);
  const cost = lanes.reduce((s, lane) => s + lane.cost, 0);
  if (busiest === undefined || units <= 0) return `Transfers: none on ${lanes.length} lanes.`;
  return (
    `Transfers: ${whole(units)} units on ${lanes.length} lanes for ${whole(cost)} in transport; busiest ${busiest.id}, ${whole(busiest.units)} units` +
    `${busiest.fullMonths > 0 ? ` (full in ${busiest.fullMonths} month${busiest.fullMonths === 1 ? "" : "s"})` : ""}. SOP Transfers lists each shipment.`
  );
}

/**
 * The step report's table of lanes: units shipped, transport cost and months at the lane's limit.
 * @example laneTable(model, plan).rows[0] // ["Plant Oslo->DC North", 8000, 9600, 5]
 */
export function laneTable(model: SupplyModel, plan: SupplyPlan): ResultTable {
  return {
    title: "Transfers by lane (whole horizon)",
    headers: ["Lane", "Units", "Transport cost", "Months full"],
    rows: laneTotals(model, plan).map((lane) => [lane.id, roundCents(lane.units), roundCents(lane.cost), lane.fullMonths]),
    numberFormats: ["@", WHOLE_FORMAT, WHOLE_FORMAT, WHOLE_FORMAT],
  };
}

/**
 * What step 3 says of a network plan: its locations and lanes, where each item's rows are, and how
 * safety stock, opening stock and lead times were placed.
 * @example networkAssumptions(model)[0] // "The plan covers 5 locations (2 plants, 3 warehouses) and 7 lanes. ..."
 */
export function networkAssumptions(model: SupplyModel): string[] {
  const locations = model.locations ?? [];
  const plants = locations.filter((l) => l.kind === "plant").length;
  const leadTimes = model.items.filter((item) => (item.productionLeadTime ?? 0) > 0).length;
  return [
    `The plan covers ${locations.length} locations (${plants} plant${plants === 1 ? "" : "s"}, ${locations.length - plants} warehouse${locations.length - plants === 1 ? "" : "s"}) and ${(model.lanes ?? []).length} lanes. ` +
      "SOP Supply Plan shows each item's totals, each followed by its rows at each location; SOP Transfers lists every shipment.",
    "Each item's safety stock is split over the locations where it is sold by their forecast error, and its opening inventory by their demand, unless an item master kept per location gives them (with the unit cost there) or SOP Item Locations gives the opening inventory.",
    ...(leadTimes > 0 ? [`${leadTimes} item-plant pairs take more than the month to make (SOP Item Locations: Production lead time): what starts in a month is in stock that many months later.`] : []),
  ];
}

/** Headers of the summary's table by location (step 5). */
export const LOCATION_SUMMARY_HEADERS = ["Location", "Demand (units)", "Fill rate %"] as const;

/**
 * Step 5's figures by location of a network plan: each location that sells, its demand over the
 * horizon and its fill rate (planService over the items stocked there, read from their rows at that
 * location); no rows without locations.
 * @param model the model the plan was made for (a network model has locations)
 * @param table the plan as SOP Supply Plan holds it
 * @example locationSummary(model, table)[0] // ["DC North", 52340.5, 0.987]
 */
export function locationSummary(model: SupplyModel, table: PlanTable): (string | number)[][] {
  return (model.locations ?? []).flatMap((location) => {
    const items = model.items.filter((item) => item.location === location.id);
    const demand = items.reduce((s, item) => s + (model.demand[stockingPointKey(item)] ?? []).reduce((a, b) => a + b, 0), 0);
    if (demand <= 0) return [];
    return [[location.id, roundCents(demand), roundShare(shownFillRate(planServiceOf({ ...model, items }, table).fillRate))]];
  });
}
