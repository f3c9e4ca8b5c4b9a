import { compareScenarios, gapAnalysis, portfolioFinancials, summarisePlan, type Scenario, type ScenarioComparison } from "../core/reconcile";
import { optimalPlanner } from "../core/reconcile/optimalPlanner";
import { releaseHighs } from "../core/optimize/highsSolve";
import { openLpSession } from "../core/optimize/lpSolver";
import { sameData } from "../core/sameData";
import type { CellInput, Workbook } from "../workbook/workbook";
import { throwIfCancelled } from "./cancellation";
import { CENTS_FORMAT, PERCENT_FORMAT, periodFormats, replaceSheets, roundCents, roundShare, WHOLE_FORMAT } from "./ownedSheets";
import { planServiceOf, readPlanSheet, servedUnits } from "./planSheet";
import { recordComparedScenarios } from "./scenarioPlan";
import { scenarioSheet } from "./scenarioSheet";
import { SHEETS } from "./sheets";
import type { StepReport, StepRunOptions } from "./stepTypes";
import { withinWholeUnitLimit, type SupplyResult } from "./supplyStep";
import { monthsPerPeriod } from "./planningBuckets";
import { buildSupplyModel, PLANNING_DEFAULTS } from "./supplyModelFromWorkbook";
import { networkScenarios, type NetworkScenarioOptions } from "./networkScenarios";
import { readIfPresent } from "./ownedSheets";

/** What-if settings of step 4 (with the network's when the workbook has one). */
export interface ReconcileOptions extends NetworkScenarioOptions {
  /** Demand change of the demand scenario, in percent (+10 = 10% more demand for every item). */
  demandChange?: number;
  /** Capacity change of the capacity scenario, in percent of every resource's regular hours. */
  capacityChange?: number;
  /** Extra hours per month of the "extra shift" scenario on the most loaded resource. */
  shiftHours?: number;
}

/** The measure of SOP Reconcile's family gap that is money; the others are units. */
const REVENUE_AT_RISK = "Revenue at risk";
/** The family row of SOP Reconcile holding stock on hand at the start less backlog owed (its Total column); the Gap row's Total counts it. */
const OPENING_STOCK = "Opening stock";

/**
 * What the family gap means, beside the headline's revenue at risk: the gap counts supply short of
 * demand over the horizon, so units shipped late are not in it.
 */
export const GAP_NOTE =
  "Gap by family is the plan's supply plus opening stock less demand (above 0: stock left; below 0: short); its value is the supply short of demand at price. Units the plan ships late are not in it: they are in the revenue at risk above, as step 3 and the summary count it.";

/** Step 3's optimal plan, the model it planned and its final basis, as the run that called step 3 holds them. */
export type PlannedSupply = Pick<SupplyResult, "model" | "plan" | "basis">;

export interface ReconcileResult {
  comparison: ScenarioComparison;
  report: StepReport;
}

/**
 * The scenarios step 4 compares with the base: demand up or down, capacity up or down, and an extra
 * shift on the most loaded resource.
 */
export function standardScenarios(options: ReconcileOptions, mostLoaded: string | undefined): Scenario[] {
  const scenarios: Scenario[] = [];
  const demand = options.demandChange ?? 10;
  const capacity = options.capacityChange ?? -10;
  if (demand !== 0) scenarios.push({ name: `Demand ${demand > 0 ? "+" : ""}${demand}%`, changes: [{ kind: "demand", percent: demand }] });
  if (capacity !== 0 && mostLoaded) {
    scenarios.push({ name: `${mostLoaded} Capacity ${capacity > 0 ? "+" : ""}${capacity}%`, changes: [{ kind: "capacity", resource: mostLoaded, percent: capacity }] });
  }
  if ((options.shiftHours ?? 0) > 0 && mostLoaded) {
    scenarios.push({ name: `Extra Shift on ${mostLoaded}`, changes: [{ kind: "shift", resource: mostLoaded, hours: options.shiftHours ?? 0 }] });
  }
  return scenarios;
}

/**
 * Step 4, reconcile: the gap between consensus demand and planned supply by item, family and
 * resource, in units and money (revenue at risk); the money view of the plan; and the what-if
 * scenarios re-planned with the optimiser and compared side by side with the base.
 * Writes SOP Reconcile (units and hours in cents as SOP Supply Plan and SOP Capacity show them, money
 * in whole units as SOP Scenarios shows it) and SOP Scenarios.
 * @param workbook the workbook steps 1 to 3 ran on
 * @param options the what-if changes
 * @param run progress, cancellation and the overwrite question
 * @param planned step 3's result from the same run: when the model step 4 reads from the workbook is
 *   exactly the model step 3 planned, step 3's optimal plan is the base and the base is not solved
 *   again (the same model gives the same plan); otherwise the base is planned as every scenario is
 * @throws PlanningError when step 3 has not run
 * @example const supply = await runSupplyStep(book); await runReconcileStep(book, { demandChange: 10 }, {}, supply);
 */
export async function runReconcileStep(workbook: Workbook, options: ReconcileOptions = {}, run: StepRunOptions = {}, planned?: PlannedSupply): Promise<ReconcileResult> {
  run.onProgress?.({ fraction: 0.05, message: "Reading the plan" });
  const built = await buildSupplyModel(workbook, run.settings);
  const { periods } = built;
  // planned as step 3 plans it, so a large workbook's scenarios stay within the solver's memory
  const { model } = withinWholeUnitLimit(built.model);
  const plan = await readPlanSheet(workbook);
  const planOf = new Map(plan.items.map((item) => [item.id, item.measures]));
  const zeros = periods.map(() => 0);
  const supplyOf = (id: string): number[] => {
    const m = planOf.get(id);
    return m ? (m.Production ?? zeros).map((p, t) => p + (m.Subcontract ?? zeros)[t] + (m.Receipts ?? zeros)[t]) : zeros;
  };
  const gaps = gapAnalysis(
    model.items.map((item) => ({
      id: item.id,
      levels: { family: item.family ?? "" },
      price: item.price ?? 0,
      demand: model.demand[item.id],
      supply: supplyOf(item.id),
      openingInventory: item.openingInventory,
      openingBacklog: item.openingBacklog,
      hoursPerUnit: item.hoursPerUnit,
    })),
    model.resources.map((r) => ({ id: r.id, capacity: r.availableHours })),
  );
  const money = portfolioFinancials(
    model.items.map((item) => {
      const m = planOf.get(item.id) ?? {};
      return { plan: { sales: servedUnits(m), production: supplyOf(item.id), inventory: m.Inventory ?? zeros }, price: item.price ?? 0, unitCost: item.unitCost };
    }),
    (PLANNING_DEFAULTS.holdingRate * monthsPerPeriod(built.data.bucket)) / 12,
  );
  throwIfCancelled(run.signal);

  const mostLoaded = [...gaps.resources].sort((a, b) => Math.max(...b.utilisation.filter(Number.isFinite)) - Math.max(...a.utilisation.filter(Number.isFinite)))[0]?.key;
  // a network is re-planned by location: scenarios act on its lanes, plants and locations too
  const planning = built.network === undefined ? model : withinWholeUnitLimit(built.network).model;
  const scenarios = [...standardScenarios(options, mostLoaded), ...networkScenarios(planning, plan, await readIfPresent(workbook, SHEETS.transfers), options)];
  const plannedBase = planned !== undefined && sameData(planned.model, planning) ? summarisePlan(planning, planned.plan) : undefined;
  run.onProgress?.({ fraction: 0.2, message: `Re-planning ${scenarios.length + (plannedBase ? 0 : 1)} scenarios` });
  // One kept HiGHS model (in this thread, or in the pane's worker) re-plans each scenario from step 3's
  // basis when this is step 3's model (at 1,000 items a tenth of the processor time of a cold solve),
  // else from the last plan's basis.
  const session = await openLpSession();
  const startBasis = plannedBase === undefined ? undefined : planned?.basis;
  let comparison: ScenarioComparison;
  try {
    comparison = await compareScenarios(planning, scenarios, optimalPlanner({ ...(session ? { session } : {}), ...(startBasis ? { startBasis } : {}) }), plannedBase);
  } finally {
    session?.dispose();
    releaseHighs();
  }
  throwIfCancelled(run.signal);
  await recordComparedScenarios(workbook, scenarios);

  const familyRows: CellInput[][] = [["Family", "Measure", ...periods, "Total"]];
  for (const family of gaps.groups.family ?? []) {
    const line = (measure: string, values: number[]): CellInput[] => [family.key, measure, ...values.map(roundCents), roundCents(values.reduce((s, v) => s + v, 0))];
    const gapLine = [...line("Gap", family.gap).slice(0, -1), roundCents(family.totals.gap)];
    familyRows.push(
      [family.key, OPENING_STOCK, ...periods.map(() => null), roundCents(family.opening)],
      line("Demand", family.demand),
      line("Supply", family.supply),
      gapLine,
      line(REVENUE_AT_RISK, family.revenueAtRisk),
    );
  }
  const resourceRows: CellInput[][] = [["Resource", "Measure", ...periods]];
  for (const r of gaps.resources) {
    resourceRows.push([r.key, "Capacity (h)", ...r.capacity.map(roundCents)], [r.key, "Load of demand (h)", ...r.load.map(roundCents)], [r.key, "Gap (h)", ...r.gap.map(roundCents)]);
  }
  const p = money.periods;
  const moneyRows: CellInput[][] = [
    ["Money view", "", ...periods, "Total"],
    ...([
      ["Revenue", p.revenue, money.totals.revenue],
      ["Cost of goods", p.costOfGoods, money.totals.costOfGoods],
      ["Gross margin", p.grossMargin, money.totals.grossMargin],
      ["Inventory value", p.inventoryValue, money.totals.endingInventoryValue],
      ["Holding cost", p.holdingCost, money.totals.holdingCost],
    ] as const).map(([label, values, total]) => [label, "", ...values.map(roundCents), roundCents(total)]),
  ];
  const scenarioRows = scenarioSheet(comparison);
  const familyEnd = familyRows.length + 2;
  const resourceEnd = familyEnd + resourceRows.length + 1;
  await replaceSheets(
    workbook,
    {
      [SHEETS.reconcile]: [
        { rows: familyRows, numberFormats: familyRows.map((row) => row.map((_, c) => (c < 2 ? "@" : row[1] === REVENUE_AT_RISK ? WHOLE_FORMAT : CENTS_FORMAT))) },
        { rows: resourceRows, topLeft: `A${familyEnd}`, numberFormats: periodFormats(2, periods, CENTS_FORMAT) },
        { rows: moneyRows, topLeft: `A${resourceEnd}`, numberFormats: [...periodFormats(2, periods, WHOLE_FORMAT), WHOLE_FORMAT] },
      ],
      [SHEETS.scenarios]: scenarioRows,
    },
    run.overwrite,
  );
  run.onProgress?.({ fraction: 1, message: "Reconciliation written" });

  // The headline is the plan's own revenue at risk (planService: demand not shipped on time x price),
  // the figure step 3 reports and step 5 summarises; the family gap below counts only supply short of demand.
  const atRisk = planServiceOf(planning, plan).revenueAtRisk;
  return {
    comparison,
    report: {
      summary:
        `Revenue at risk ${roundCents(atRisk).toLocaleString("en-US")} over ${periods.length} months (demand the plan does not ship on time, at price); planned revenue ${roundCents(money.totals.revenue).toLocaleString("en-US")}, ` +
        `gross margin ${roundCents(money.totals.grossMargin).toLocaleString("en-US")}. ${scenarios.length} scenarios compared with the base.`,
      messages: [
        { level: "info" as const, text: GAP_NOTE },
        ...comparison.scenarios.filter((s) => s.error).map((s) => ({ level: "error" as const, text: `${s.name}: ${s.error}` })),
      ],
      tables: [
        {
          title: "Gap by family (units, whole horizon)",
          headers: ["Family", "Demand", "Supply", "Gap (supply + opening - demand)", "Value of supply short", "Fill rate %"],
          rows: (gaps.groups.family ?? []).map((f) => [f.key, roundCents(f.totals.demand), roundCents(f.totals.supply), roundCents(f.totals.gap), roundCents(f.totals.revenueAtRisk), roundShare(f.fillRate)]),
          numberFormats: ["@", CENTS_FORMAT, CENTS_FORMAT, CENTS_FORMAT, WHOLE_FORMAT, PERCENT_FORMAT],
        },
        { title: "Scenarios", headers: scenarioRows.rows[0].map(String), rows: scenarioRows.rows.slice(1), numberFormats: scenarioRows.numberFormats.slice(1) },
      ],
    },
  };
}
