import { PlanningError } from "../errors";
import type { SupplyModel } from "../supply/model";
import type { PlanSummary, Planner } from "./planSummary";
import { applyScenario, type Scenario } from "./scenarios";

/** The planned outcome of one scenario, or why it has none. */
export interface ScenarioResult {
  name: string;
  /** The plan's figures; absent when the scenario could not be planned. */
  summary?: PlanSummary;
  /** summary - base, figure by figure; absent with the summary. */
  delta?: PlanSummary;
  /** The planner-facing reason the scenario has no plan (bad change, infeasible plan). */
  error?: string;
}

/** The base plan and every scenario beside it. */
export interface ScenarioComparison {
  base: PlanSummary;
  scenarios: ScenarioResult[];
}

/**
 * Plan the base and each scenario (its changes applied to a copy of the base) with the given planner,
 * and compare them side by side as deltas to the base. Scenarios are planned one after another. A
 * scenario whose changes are invalid or whose plan fails with a PlanningError gets that message
 * instead of figures; the others still run.
 * @param base the base supply model
 * @param scenarios what-ifs to compare; names must be unique and not "base"
 * @param planner plans one model (the real one solves the supply LP; tests inject a fake)
 * @param plannedBase the base's figures when the caller already has them from this planner (the base
 *   is then not planned again); they must be what `planner(base)` gives
 * @throws PlanningError when names repeat, or when the base itself cannot be planned
 * @example await compareScenarios(base, [{ name: "Shift", changes: [{ kind: "shift", resource: "Line 1", hours: 80 }] }], planner)
 */
export async function compareScenarios(
  base: SupplyModel,
  scenarios: readonly Scenario[],
  planner: Planner,
  plannedBase?: PlanSummary,
): Promise<ScenarioComparison> {
  const names = new Set<string>(["base"]);
  for (const s of scenarios) {
    if (names.has(s.name.trim().toLowerCase())) {
      throw new PlanningError(`Scenario name "${s.name}" is used twice (or is "base"): give every scenario its own name.`);
    }
    names.add(s.name.trim().toLowerCase());
  }
  const baseSummary = plannedBase ?? (await planner(structuredClone(base)));
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    try {
      const summary = await planner(applyScenario(base, scenario));
      results.push({ name: scenario.name, summary, delta: summaryDelta(summary, baseSummary) });
    } catch (error) {
      if (!(error instanceof PlanningError)) throw error;
      results.push({ name: scenario.name, error: error.message });
    }
  }
  return { base: baseSummary, scenarios: results };
}

/**
 * Figure-by-figure difference of two plan summaries (a - b); capacity use is compared for the
 * resources of `a` (a resource missing from b counts as NaN).
 * @example summaryDelta(s, s).cost // 0
 */
export function summaryDelta(a: PlanSummary, b: PlanSummary): PlanSummary {
  const capacityUse: Record<string, number> = {};
  for (const [resource, use] of Object.entries(a.capacityUse)) capacityUse[resource] = use - (b.capacityUse[resource] ?? Number.NaN);
  return {
    cost: a.cost - b.cost,
    revenue: a.revenue - b.revenue,
    margin: a.margin - b.margin,
    fillRate: a.fillRate - b.fillRate,
    onTimeFillRate: a.onTimeFillRate - b.onTimeFillRate,
    averageInventory: a.averageInventory - b.averageInventory,
    peakInventory: a.peakInventory - b.peakInventory,
    capacityUse,
  };
}
