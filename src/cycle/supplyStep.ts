import { PlanningError } from "../core/errors";
import { compareStrategies, DEFAULT_MIP_GAP, periodName, shownFillRate, type ResourcePlan, type StrategySummary, type SupplyModel, type SupplyPlan } from "../core/supply";
import { formatNumber } from "../workbook/numberFormat";
import { acceptedNote, readAcceptance } from "./errorGate";
import type { CellInput, Workbook } from "../workbook/workbook";
import { throwIfCancelled } from "./cancellation";
import { CENTS_FORMAT, PERCENT_FORMAT, periodFormats, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { locationMeasure, planNumberFormats } from "./planSheet";
import { periodWord } from "./planningBuckets";
import { SHEETS } from "./sheets";
import type { StepMessage, StepReport, StepRunOptions } from "./stepTypes";
import { buildSupplyModel, type SupplyInputs } from "./supplyModelFromWorkbook";
import { checkSupplySize } from "../core/supply/validateSupplyModel";
import { networkSizeNotice } from "../core/supply/networkSize";
import { laneTable, networkAssumptions, networkPlanRows, TRANSFER_FORMATS, transferRows, transferSummary } from "./networkPlan";
import { releaseHighs, type LpBasis } from "../core/optimize/highsSolve";
import { receiptsByItem } from "../core/supply/supplyLp";

/** Measures of SOP Supply Plan, one row each per item, in this order. */
export const PLAN_MEASURES = ["Demand", "Production", "Subcontract", "Inventory", "Backlog", "Lost", "Safety stock"] as const;

/** A measure of SOP Supply Plan: {@link PLAN_MEASURES}, or Receipts in a book with SOP Receipts. */
export type PlanMeasure = (typeof PLAN_MEASURES)[number] | "Receipts";

/**
 * The measures SOP Supply Plan shows for a model, in order: {@link PLAN_MEASURES}, with "Receipts"
 * (units already on the way, from SOP Receipts) after Subcontract when the model has scheduled receipts.
 * @example planMeasures(model).slice(1, 4) // ["Production", "Subcontract", "Receipts"] with receipts
 */
export function planMeasures(model: SupplyModel): PlanMeasure[] {
  if ((model.scheduledReceipts?.length ?? 0) === 0) return [...PLAN_MEASURES];
  const at = PLAN_MEASURES.indexOf("Subcontract") + 1;
  return [...PLAN_MEASURES.slice(0, at), "Receipts", ...PLAN_MEASURES.slice(at)];
}

export interface SupplyResult {
  model: SupplyModel;
  plan: SupplyPlan;
  strategies: StrategySummary[];
  periods: string[];
  report: StepReport;
  /** The optimal plan's final simplex basis (a linear plan only): step 4 re-plans each scenario from it. */
  basis?: LpBasis;
}

/** The measure of SOP Capacity that holds hours used as a share of regular hours. */
export const UTILISATION_MEASURE = "Utilisation %";

/** The measures of SOP Capacity that hold a resource's regular hours and the hours the plan uses. */
export const CAPACITY_HOURS = { regular: "Regular hours", used: "Hours used" } as const;

/** Columns of the strategy comparison, on SOP Strategies (which adds a Note) and in the pane. */
/** SOP Strategies' headers, backlog counted in unit-periods of the plan ("unit-months", "unit-weeks"). */
function strategyHeaders(period: string): string[] {
  return ["Strategy", "Total cost", "Fill rate %", `Backlog (unit-${period}s)`, "Revenue at risk", "Peak inventory"];
}
/** Number formats of SOP Strategies' columns (as strategyHeaders, then Note); the pane's table shows the same. */
const STRATEGY_FORMATS = ["@", CENTS_FORMAT, PERCENT_FORMAT, WHOLE_FORMAT, WHOLE_FORMAT, WHOLE_FORMAT, "@"];

/**
 * The most whole-unit item-months the cycle plans in whole units (a mixed-integer programme): 1,000
 * items x 18 months took 30 s of processor time in step 3 (`npm run bench:cycle -- --items 1000`);
 * 5,000 x 18 made the HiGHS solver abort out of memory after 4 minutes.
 */
export const WHOLE_UNIT_ITEM_MONTHS = 18_000;

/**
 * The model to plan: as given, or, when its whole-unit items x months exceed the limit, with every
 * item planned in fractional units (a linear programme, whose cost is a lower bound of the whole-unit
 * plan's), so a large workbook gets a plan instead of a solver that runs out of memory.
 * @param model the supply model read from the workbook
 * @param limit the most whole-unit item-months planned in whole units
 * @returns the model to plan and how many items it plans in fractional units instead of whole ones
 * @example withinWholeUnitLimit(model, 18_000).relaxed // 0 for the sample's 40 items x 18 months
 */
export function withinWholeUnitLimit(model: SupplyModel, limit = WHOLE_UNIT_ITEM_MONTHS): { model: SupplyModel; relaxed: number } {
  const whole = model.items.filter((item) => item.wholeUnits === true).length;
  if (whole * model.periods <= limit) return { model, relaxed: 0 };
  const items = model.items.map((item) => {
    const fractional = { ...item };
    delete fractional.wholeUnits;
    return fractional;
  });
  return { model: { ...model, items }, relaxed: whole };
}

/**
 * What the plan assumes that the planner did not type, one sentence each (SOP Strategies shows them
 * under the cost by kind, the step report repeats them).
 * @example planAssumptions(model, 0.001)[0] // "Each item ends the horizon with at least its safety stock ..."
 */
export function planAssumptions(model: SupplyModel, mipGap: number | undefined, relaxed = 0): string[] {
  const lines = ["Each item ends the horizon with at least its safety stock (end-of-horizon target), so the plan does not run stock down in the last months."];
  // a network plans each item at each of its locations: those are what is counted here
  const points = model.locations === undefined ? "items" : "stocking points (items at their locations)";
  if (relaxed > 0) {
    lines.push(
      `${formatNumber(relaxed, WHOLE_FORMAT)} ${points} are counted in pieces but planned in fractional units: ${formatNumber(relaxed * model.periods, WHOLE_FORMAT)} item-months is more than the ` +
        `${formatNumber(WHOLE_UNIT_ITEM_MONTHS, WHOLE_FORMAT)} planned in whole units within the cycle's time and memory. Round production up to whole pieces, or plan one family at a time for whole units.`,
    );
  }
  const whole = model.items.filter((item) => item.wholeUnits === true).length;
  if (whole > 0) {
    lines.push(
      `${whole} of ${model.items.length} ${points} are counted in pieces and planned in whole units` +
        (mipGap === undefined ? "." : `; the plan's cost is within ${formatNumber(Math.max(0, mipGap), "0.00%")} of the best possible (the optimiser stops within ${formatNumber(model.mipGap ?? DEFAULT_MIP_GAP, "0.0%")}).`),
    );
  }
  const fence = model.timeFence;
  if (fence !== undefined && fence.periods > 0) {
    lines.push(
      `The first ${fence.periods} month(s) (${periodName(model, 0)}${fence.periods > 1 ? ` to ${periodName(model, fence.periods - 1)}` : ""}) keep the last approved plan's production for ${Object.keys(fence.production).length} items` +
        (fence.changeCost === undefined
          ? "."
          : `; moving a unit there costs ${formatNumber(fence.changeCost, CENTS_FORMAT)}` +
            (model.items.every((item) => fence.changeCost !== undefined && fence.changeCost >= (item.price ?? item.unitCost))
              ? ", more than any lost sale, so it moves only when nothing else can be planned."
              : " (Planning Settings: Cost per unit changed), so it moves where that is cheaper than keeping it.")),
    );
  } else if (fence !== undefined) {
    lines.push("No month is frozen (Planning Settings: Frozen months 0): the plan may change every month of the last approved plan.");
  }
  lines.push("Fill rate counts units shipped in the month they are wanted: backlog served later and lost demand count against it.");
  return lines;
}

/**
 * The measure of SOP Supply Plan holding an item's demand at one location (a workbook with locations).
 * @example locationDemandMeasure("North") // "Demand at North"
 */
export function locationDemandMeasure(location: string): string {
  return locationMeasure("Demand", location);
}

/**
 * The rows of SOP Supply Plan: Item, Family, Measure, then one column per period, rounded to cents.
 * With locations, each item's Demand (its total) is followed by its demand at each location; with
 * scheduled receipts, a Receipts row follows Subcontract.
 * @param byLocation each item's demand by location (empty without locations)
 */
export function planRows(model: SupplyModel, plan: SupplyPlan, periods: readonly string[], byLocation: SupplyInputs["byLocation"] = {}): (string | number)[][] {
  const rows: (string | number)[][] = [["Item", "Family", "Measure", ...periods]];
  const receipts = receiptsByItem(model);
  plan.items.forEach((itemPlan, i) => {
    const item = model.items[i];
    const measures: Record<PlanMeasure, readonly number[]> = {
      Demand: model.demand[item.id],
      Production: itemPlan.production,
      Subcontract: itemPlan.subcontract,
      Receipts: receipts[i],
      Inventory: itemPlan.inventory,
      Backlog: itemPlan.backlog,
      Lost: itemPlan.lost,
      "Safety stock": item.safetyStock,
    };
    for (const measure of planMeasures(model)) {
      rows.push([item.id, item.family ?? "", measure, ...measures[measure].map(roundCents)]);
      if (measure !== "Demand") continue;
      for (const [location, demand] of Object.entries(byLocation[item.id] ?? {})) rows.push([item.id, item.family ?? "", locationDemandMeasure(location), ...demand.map(roundCents)]);
    }
  });
  return rows;
}

/**
 * What step 3 warns of a month a resource is planned beyond its regular hours: the share of regular
 * hours as SOP Capacity shows it, or, for a month with no regular hours at all (where SOP Capacity
 * leaves the share blank), the hours planned on it.
 * @param resource the resource's plan
 * @param t the month, from 0
 * @param period the month's name
 * @returns the warning, in the words and number formats of SOP Capacity
 * @example overloadWarning(packing, 0, "2026-01") // "Packing has no regular hours in 2026-01 but is planned for 250.00 hours."
 */
function overloadWarning(resource: ResourcePlan, t: number, period: string): string {
  const share = resource.utilisation[t];
  return Number.isFinite(share)
    ? `${resource.resourceId} is loaded to ${formatNumber(roundShare(share), PERCENT_FORMAT)} of regular hours in ${period}.`
    : `${resource.resourceId} has no regular hours in ${period} but is planned for ${formatNumber(roundCents(resource.hoursUsed[t]), CENTS_FORMAT)} hours.`;
}

/**
 * Step 3, supply: plan production, subcontracting and inventory for the consensus demand with the
 * chase, level and optimal (least total cost, HiGHS) strategies, and write the optimal plan to SOP
 * Supply Plan, capacity use per resource and period with the value of one more hour to SOP Capacity,
 * and the three strategies side by side to SOP Strategies.
 * @throws PlanningError when step 2 has not run or the optimiser finds no plan (with its reason)
 */
export async function runSupplyStep(workbook: Workbook, options: StepRunOptions = {}): Promise<SupplyResult> {
  options.onProgress?.({ fraction: 0.05, message: "Building the supply model" });
  const built = await buildSupplyModel(workbook, options.settings);
  const { periods, byLocation } = built;
  const planned = built.network ?? built.model;
  checkSupplySize(planned.periods, planned.items.length, planned.resources.length);
  const { model, relaxed } = withinWholeUnitLimit(planned);
  // a network too large to plan within a minute is said before the solve starts, in the progress line
  const sizeNotice = networkSizeNotice(model);
  options.onProgress?.({ fraction: 0.2, message: sizeNotice ?? `Optimising ${model.items.length} items on ${model.resources.length} resources over ${periods.length} months` });
  const comparison = await compareStrategies(model);
  // the solver's memory is not needed again until step 4: freed before the sheets are written
  releaseHighs();
  throwIfCancelled(options.signal);
  if (comparison.optimal.status !== "optimal") throw new PlanningError(comparison.optimal.message);
  const plan = comparison.optimal.plan;

  const utilisation = (u: number): number | null => (Number.isFinite(u) ? roundShare(u) : null);
  const capacityRows: CellInput[][] = [["Resource", "Measure", ...periods]];
  for (const resource of plan.resources) {
    capacityRows.push([resource.resourceId, CAPACITY_HOURS.regular, ...resource.regularHours.map(roundCents)]);
    capacityRows.push([resource.resourceId, "Overtime hours", ...resource.overtimeHours.map(roundCents)]);
    capacityRows.push([resource.resourceId, CAPACITY_HOURS.used, ...resource.hoursUsed.map(roundCents)]);
    capacityRows.push([resource.resourceId, UTILISATION_MEASURE, ...resource.utilisation.map(utilisation)]);
    capacityRows.push([resource.resourceId, "Value of 1 more hour", ...resource.hourValue.map(roundCents)]);
  }
  const strategyLines = comparison.summary.map((s) => [s.strategy, roundCents(s.totalCost), roundShare(shownFillRate(s.fillRate)), roundCents(s.backlogUnitPeriods), roundCents(s.revenueAtRisk), roundCents(s.peakInventory)]);
  const assumptions = [
    ...(built.network === undefined ? [] : networkAssumptions(model)),
    ...planAssumptions(model, comparison.optimal.mipGap, relaxed),
    ...(built.safetyStockNote === undefined ? [] : [built.safetyStockNote]),
    ...(built.receiptsNote === undefined ? [] : [built.receiptsNote]),
  ];
  const strategyRows: CellInput[][] = [
    [...strategyHeaders(periodWord(periods)), "Note"],
    ...strategyLines.map((line, i) => [...line, comparison.summary[i].message ?? ""]),
    [],
    ["Optimal cost by kind", "Amount"],
    ...Object.entries(plan.cost).map(([kind, amount]) => [kind, roundCents(amount)]),
    [],
    ["Assumptions"],
    ...assumptions.map((text) => [text]),
  ];
  await replaceSheets(
    workbook,
    {
      [SHEETS.supplyPlan]: { rows: built.network === undefined ? planRows(model, plan, periods, byLocation) : networkPlanRows(model, plan, periods, byLocation), numberFormats: planNumberFormats(periods) },
      ...(built.network === undefined ? {} : { [SHEETS.transfers]: { rows: transferRows(model, plan, periods), numberFormats: TRANSFER_FORMATS } }),
      [SHEETS.capacity]: {
        rows: capacityRows,
        numberFormats: capacityRows.map((row) => periodFormats(2, periods, row[1] === UTILISATION_MEASURE ? PERCENT_FORMAT : CENTS_FORMAT)),
      },
      [SHEETS.strategies]: { rows: strategyRows, numberFormats: STRATEGY_FORMATS },
    },
    options.overwrite,
  );
  options.onProgress?.({ fraction: 1, message: "Supply plan written" });

  const overloads = plan.resources.flatMap((r) => r.utilisation.flatMap((u, t) => (roundShare(u) > 1 ? [overloadWarning(r, t, periods[t])] : [])));
  const best = comparison.summary.find((s) => s.strategy === "optimal");
  return {
    model,
    plan,
    strategies: comparison.summary,
    periods,
    ...(comparison.optimal.basis === undefined ? {} : { basis: comparison.optimal.basis }),
    report: {
      summary:
        `Optimal plan costs ${roundCents(plan.cost.total).toLocaleString("en-US")} with a fill rate of ${formatNumber(shownFillRate(best?.fillRate ?? 0), PERCENT_FORMAT)} ` +
        `(backlog ${formatNumber(roundCents(plan.service.backlogUnitPeriods), WHOLE_FORMAT)} unit-${periodWord(periods)}s, revenue at risk ${formatNumber(roundCents(plan.service.revenueAtRisk), WHOLE_FORMAT)}); ` +
        `${overloads.length} resource-${periodWord(periods)}s use overtime or subcontracting beyond regular hours.` +
        (built.network === undefined ? "" : ` ${transferSummary(model, plan)}`),
      messages: [
        ...acceptedNote(await readAcceptance(workbook)),
        ...(sizeNotice === undefined ? [] : [{ level: "warning" as const, text: sizeNotice }]),
        ...(built.network === undefined ? networkNote(byLocation) : []),
        ...assumptions.map((text) => ({ level: "info" as const, text })),
        ...overloads.slice(0, 20).map((text) => ({ level: "warning" as const, text })),
      ],
      tables: [
        {
          title: "Strategies",
          headers: strategyHeaders(periodWord(periods)),
          rows: strategyLines,
          numberFormats: STRATEGY_FORMATS,
        },
        {
          title: "Capacity use % (regular hours)",
          headers: ["Resource", ...periods],
          rows: plan.resources.map((r) => [r.resourceId, ...r.utilisation.map(utilisation)]),
          numberFormats: periodFormats(1, periods, PERCENT_FORMAT),
        },
        ...(built.network === undefined ? [] : [laneTable(model, plan)]),
      ],
    },
  };
}

/** What step 3 says of a workbook with locations: the plan is for each item's total, not per location. */
function networkNote(byLocation: SupplyInputs["byLocation"]): StepMessage[] {
  const locations = new Set(Object.values(byLocation).flatMap((demand) => Object.keys(demand)));
  if (locations.size === 0) return [];
  return [
    {
      level: "warning",
      text:
        `Your demand is by item and location (${locations.size} locations): this plan makes each item's demand summed over its locations on the shared resources, ` +
        `without stock, capacity or transport by location: add the sheets SOP Locations and SOP Lanes to plan by location. SOP Supply Plan shows each item's demand at each location under its Demand row.`,
    },
  ];
}
