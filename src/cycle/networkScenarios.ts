/**
 * The what-ifs step 4 adds for a supply network: the busiest lane closed, the busiest plant losing
 * capacity, and demand moved from the busiest location to the next one (customers served elsewhere).
 */
import type { Scenario } from "../core/reconcile/scenarios";
import type { SupplyModel } from "../core/supply/model";
import type { CellValue } from "../workbook/workbook";
import { locationMeasure, type PlanTable } from "./planSheet";

/** The network what-if settings of step 4 (0 leaves a scenario out). */
export interface NetworkScenarioOptions {
  /** Capacity change of the busiest plant, in percent of its resources' regular hours (default -50). */
  plantChange?: number;
  /** Share of the busiest location's demand moved to the next busiest, in percent (default 20). */
  moveShare?: number;
}

/** Sum over the horizon of one measure of the plan table, over every item. */
function total(table: PlanTable, measure: string): number {
  return table.items.reduce((s, item) => s + (item.measures[measure] ?? []).reduce((a, b) => a + b, 0), 0);
}

/** The key with the largest value (first on ties), or undefined for none. */
function largest(values: ReadonlyMap<string, number>): string | undefined {
  return [...values.entries()].reduce<[string, number] | undefined>((best, entry) => (best === undefined || entry[1] > best[1] ? entry : best), undefined)?.[0];
}

/**
 * Step 4's network scenarios for a network model (none without locations): "Lane <busiest> closed"
 * (the lane SOP Transfers shows carrying most units), "<plant> capacity <change>%" (the plant making
 * most; "<plant> closed" at -100%, when its overtime goes too), and "<share>% of <location> demand to <location>" (the location selling most to the next).
 * @param model the network model step 3 planned
 * @param plan SOP Supply Plan as step 3 wrote it
 * @param transfers SOP Transfers' rows (header first), as step 3 wrote them
 * @example networkScenarios(model, plan, transfers).map((s) => s.name) // ["Lane P1->DC1 closed", "P1 capacity -50%", "20% of DC1 demand to DC2"]
 */
export function networkScenarios(model: SupplyModel, plan: PlanTable, transfers: readonly (readonly CellValue[])[], options: NetworkScenarioOptions = {}): Scenario[] {
  const locations = model.locations ?? [];
  if (locations.length === 0) return [];
  const scenarios: Scenario[] = [];
  const shipped = new Map<string, number>();
  for (const row of transfers.slice(1)) {
    const lane = `${String(row[0])}->${String(row[1])}`;
    shipped.set(lane, (shipped.get(lane) ?? 0) + (typeof row[5] === "number" ? row[5] : 0));
  }
  const lane = largest(shipped);
  if (lane !== undefined && model.lanes?.some((l) => l.id === lane)) scenarios.push({ name: `Lane ${lane} closed`, changes: [{ kind: "lane", lane, percent: -100 }] });
  const plantChange = options.plantChange ?? -50;
  const made = new Map(locations.filter((l) => l.kind === "plant").map((l) => [l.id, total(plan, locationMeasure("Production", l.id))]));
  const plant = largest(made);
  if (plantChange !== 0 && plant !== undefined && model.resources.some((r) => r.location === plant)) {
    scenarios.push({ name: plantChange === -100 ? `${plant} closed` : `${plant} capacity ${plantChange > 0 ? "+" : ""}${plantChange}%`, changes: [{ kind: "capacity", location: plant, percent: plantChange }] });
  }
  const share = options.moveShare ?? 20;
  const sold = new Map(locations.map((l) => [l.id, total(plan, locationMeasure("Demand", l.id))]).filter(([, units]) => (units as number) > 0) as [string, number][]);
  const source = largest(sold);
  if (source !== undefined) sold.delete(source);
  const target = largest(sold);
  if (share > 0 && source !== undefined && target !== undefined) {
    const both = model.items.some((item) => item.location === source && model.items.some((other) => other.id === item.id && other.location === target));
    if (both) scenarios.push({ name: `${share}% of ${source} demand to ${target}`, changes: [{ kind: "move", source, target, percent: share }] });
  }
  return scenarios;
}
