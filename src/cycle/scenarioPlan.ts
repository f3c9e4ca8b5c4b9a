/**
 * The plan that goes to approval for a chosen scenario: the base plan of SOP Supply Plan for "Base",
 * or, for a scenario step 4 compared, that scenario's model re-planned with the optimiser and laid out
 * as SOP Supply Plan is. Step 4 records the scenarios it compared in the workbook, so the approval
 * picks from that list (never free text) and writes what was compared.
 */
import { PlanningError } from "../core/errors";
import { summarisePlan } from "../core/reconcile/planSummary";
import { applyScenario, type Scenario } from "../core/reconcile/scenarios";
import { optimizeSupply } from "../core/supply/optimizeSupply";
import type { SupplyModel } from "../core/supply/model";
import type { Workbook } from "../workbook/workbook";
import { planTable, readPlanSheet, type PlanTable } from "./planSheet";
import { planRows } from "./supplyStep";
import { networkPlanRows } from "./networkPlan";
import { buildSupplyModel } from "./supplyModelFromWorkbook";

/** The scenario of the base plan (no change). */
export const BASE_SCENARIO = "Base";

/** Metadata key of the scenarios step 4 compared (JSON array of Scenario). */
export const COMPARED_SCENARIOS_KEY = "comparedScenarios";

/**
 * Record the scenarios step 4 compared, for the approval to choose from.
 * @example await recordComparedScenarios(book, [{ name: "Demand +10%", changes: [{ kind: "demand", percent: 10 }] }])
 */
export async function recordComparedScenarios(workbook: Workbook, scenarios: readonly Scenario[]): Promise<void> {
  await workbook.setMetadata(COMPARED_SCENARIOS_KEY, JSON.stringify(scenarios));
}

/** The scenarios step 4 last compared (none before step 4 has run). */
export async function comparedScenarios(workbook: Workbook): Promise<Scenario[]> {
  const text = await workbook.getMetadata(COMPARED_SCENARIOS_KEY);
  return text ? (JSON.parse(text) as Scenario[]) : [];
}

/**
 * The names a plan can be approved under: "Base", then each scenario step 4 compared.
 * @example await scenarioChoices(book) // ["Base", "Demand +10%", "M1 Capacity -10%"]
 */
export async function scenarioChoices(workbook: Workbook): Promise<string[]> {
  return [BASE_SCENARIO, ...(await comparedScenarios(workbook)).map((scenario) => scenario.name)];
}

/** What an approval is built from: the plan table, the model it plans (by location for a network), and its cost when re-planned here. */
export interface ApprovalBasis {
  table: PlanTable;
  model: SupplyModel;
  /** Total cost of a scenario's plan; undefined for the base (SOP Strategies holds it). */
  planCost?: number;
}

/** Each location's demand scaled as the scenario scaled the item's total, period by period. */
function scaledLocations(base: SupplyModel, scenario: SupplyModel, byLocation: Record<string, Record<string, number[]>>): Record<string, Record<string, number[]>> {
  return Object.fromEntries(
    Object.entries(byLocation).map(([item, locations]) => {
      const before = base.demand[item] ?? [];
      const after = scenario.demand[item] ?? [];
      const ratio = (t: number): number => (before[t] > 0 ? after[t] / before[t] : 1);
      return [item, Object.fromEntries(Object.entries(locations).map(([location, demand]) => [location, demand.map((d, t) => d * ratio(t))]))];
    }),
  );
}

/**
 * The plan to approve under a scenario: for "Base", SOP Supply Plan as it stands; for a scenario step 4
 * compared, its changes applied to the supply model and re-planned with the optimiser (as step 4 did to
 * compare it), laid out as SOP Supply Plan.
 * @throws PlanningError when the scenario was not among those step 4 compared (naming them), or the
 *   optimiser finds no plan for it
 * @example const { table } = await approvalBasis(book, "Demand +10%");
 */
export async function approvalBasis(workbook: Workbook, scenario: string = BASE_SCENARIO): Promise<ApprovalBasis> {
  // The plan sheet first: without step 3 there is nothing to approve, whatever else is missing.
  const base = await readPlanSheet(workbook);
  const inputs = await buildSupplyModel(workbook);
  if (scenario === BASE_SCENARIO) return { table: base, model: inputs.network ?? inputs.model };
  const compared = await comparedScenarios(workbook);
  const chosen = compared.find((candidate) => candidate.name === scenario);
  if (chosen === undefined) {
    const names = [BASE_SCENARIO, ...compared.map((candidate) => candidate.name)].map((name) => `"${name}"`).join(", ");
    throw new PlanningError(`The scenario "${scenario}" was not compared in step 4; choose one of ${names}, or run step 4 with it first.`);
  }
  const model = applyScenario(inputs.network ?? inputs.model, chosen);
  const outcome = await optimizeSupply(model);
  if (outcome.status !== "optimal") throw new PlanningError(`The scenario "${scenario}" has no plan to approve: ${outcome.message}`);
  const [header, ...rows] =
    inputs.network === undefined ? planRows(model, outcome.plan, inputs.periods, scaledLocations(inputs.model, model, inputs.byLocation)) : networkPlanRows(model, outcome.plan, inputs.periods, inputs.byLocation);
  return { table: planTable(header.map(String), rows), model, planCost: summarisePlan(model, outcome.plan).cost };
}
