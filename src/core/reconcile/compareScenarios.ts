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
 * @throws PlanningError when names repeat, or when the base itself cannot be planned
 * @example await compareScenarios(base, [{ name: "Shift", changes: [{ kind: "shift", resource: "Line 1", hours: 80 }] }], planner)
 */
export async function compareScenarios(
  base: SupplyModel,
  scenarios: readonly Scenario[],
  planner: Planner,
): Promise<ScenarioComparison> {
  const names = new Set<string>(["base"]);
  for (const s of scenarios) {
    if (names.has(s.name.trim().toLowerCase())) {
      throw new PlanningError(`Scenario name "${s.name}" is used twice (or is "base"): give every scenario its own name.`);
    }
    names.add(s.name.trim().toLowerCase());
  }
  const baseSummary = await planner(structuredClone(base));
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

/** One row of the side-by-side table: a figure's name, then its value for the base and for each scenario and its delta. */
export type ComparisonRow = [string, ...(number | string)[]];

const FIGURES: readonly [string, (s: PlanSummary) => number][] = [
  ["cost", (s) => s.cost],
  ["revenue", (s) => s.revenue],
  ["margin", (s) => s.margin],
  ["fill rate", (s) => s.fillRate],
  ["on-time fill rate", (s) => s.onTimeFillRate],
  ["average inventory", (s) => s.averageInventory],
  ["peak inventory", (s) => s.peakInventory],
];

/**
 * The comparison as a table for a sheet or a CSV file: a header row ("figure", "base", then for each
 * scenario its name and "<name> vs base"), then one row per figure and one per resource's capacity use.
 * A scenario without a plan has empty cells, and its message stands in a last "error" row.
 * @example comparisonTable(c)[0] // ["figure", "base", "Shift", "Shift vs base"]
 */
export function comparisonTable(comparison: ScenarioComparison): ComparisonRow[] {
  const header: ComparisonRow = ["figure", "base", ...comparison.scenarios.flatMap((s) => [s.name, `${s.name} vs base`])];
  const row = (label: string, pick: (s: PlanSummary) => number): ComparisonRow => [
    label,
    pick(comparison.base),
    ...comparison.scenarios.flatMap((s): (number | string)[] => (s.summary && s.delta ? [pick(s.summary), pick(s.delta)] : ["", ""])),
  ];
  const rows = FIGURES.map(([label, pick]) => row(label, pick));
  for (const resource of Object.keys(comparison.base.capacityUse)) {
    rows.push(row(`capacity use % ${resource}`, (s) => s.capacityUse[resource] ?? Number.NaN));
  }
  if (comparison.scenarios.some((s) => s.error !== undefined)) {
    rows.push(["error", "", ...comparison.scenarios.flatMap((s) => [s.error ?? "", ""])]);
  }
  return [header, ...rows];
}
