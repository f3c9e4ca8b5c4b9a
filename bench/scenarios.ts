/**
 * Scenario benchmark: `npm run bench:reconcile [-- --items 500] [--periods 36] [--planner optimal|fake]`.
 * Builds a deterministic supply model (500 items in 10 families on 5 resources over 36 periods by
 * default), compares 10 scenarios against the base with the real planner (HiGHS least-cost plan),
 * and prints the time per plan and in total (target: under 60 s), the comparison table, and the time
 * of the pure step-4 calculations (gap analysis, financial view, ABC-XYZ) on the same data. Writes
 * out/bench-scenarios.json.
 */
import * as fs from "fs";
import * as path from "path";
import {
  compareScenarios,
  comparisonTable,
  gapAnalysis,
  portfolioFinancials,
  type Planner,
  type Scenario,
  type PlanSummary,
} from "../src/core/reconcile";
import { optimalPlanner } from "../src/core/reconcile/optimalPlanner";
import { abcXyz } from "../src/core/segmentation";
import { validateSupplyModel, type SupplyModel } from "../src/core/supply";

interface BenchOptions {
  items: number;
  periods: number;
  planner: "optimal" | "fake";
}

function parseOptions(args: readonly string[]): BenchOptions {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const planner = value("planner") ?? "optimal";
  if (planner !== "optimal" && planner !== "fake") throw new Error("--planner must be optimal or fake");
  return { items: Number(value("items") ?? 500), periods: Number(value("periods") ?? 36), planner };
}

/** Park-Miller generator, so every run plans the same model. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const RESOURCES = ["R1", "R2", "R3", "R4", "R5"];
const FAMILIES = Array.from({ length: 10 }, (_, f) => `F${String(f + 1).padStart(2, "0")}`);

function buildModel(items: number, periods: number): SupplyModel {
  const random = generator(20261125);
  const load = new Array<number>(RESOURCES.length).fill(0);
  const itemList = [];
  const demand: Record<string, number[]> = {};
  for (let i = 0; i < items; i++) {
    const id = `I${String(i + 1).padStart(4, "0")}`;
    const price = Math.round(20 + random() * 180);
    const unitCost = Math.round(price * (0.4 + random() * 0.2) * 100) / 100;
    const hoursPerUnit: Record<string, number> = {};
    const first = i % RESOURCES.length;
    hoursPerUnit[RESOURCES[first]] = Math.round((0.1 + random() * 0.9) * 100) / 100;
    if (random() < 0.4) hoursPerUnit[RESOURCES[(first + 1) % RESOURCES.length]] = Math.round((0.05 + random() * 0.3) * 100) / 100;
    const level = 50 + random() * 450;
    const phase = random() * 2 * Math.PI;
    const series = Array.from({ length: periods }, (_, t) =>
      Math.round(level * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12 + phase)) * (0.85 + random() * 0.3)),
    );
    demand[id] = series;
    const mean = series.reduce((a, b) => a + b, 0) / periods;
    RESOURCES.forEach((r, k) => (load[k] += mean * (hoursPerUnit[r] ?? 0)));
    itemList.push({
      id,
      family: FAMILIES[i % FAMILIES.length],
      price,
      unitCost,
      holdingCost: Math.round(unitCost * 0.02 * 100) / 100,
      backlogAllowed: true,
      backlogCost: Math.round(price * 0.05 * 100) / 100,
      lostSalesCost: price * 2,
      ...(random() < 0.3 ? { subcontractCost: Math.round(unitCost * 1.4 * 100) / 100 } : {}),
      openingInventory: Math.round(mean * 0.5),
      hoursPerUnit,
    });
  }
  return validateSupplyModel({
    periods,
    items: itemList,
    resources: RESOURCES.map((id, k) => ({
      id,
      availableHours: Math.round(load[k] * 1.02),
      overtimeHoursCap: Math.round(load[k] * 0.12),
      regularCostPerHour: 25,
      overtimeCostPerHour: 38,
    })),
    demand,
  });
}

const SCENARIOS: Scenario[] = [
  { name: "As is", changes: [] },
  { name: "Demand +10%", changes: [{ kind: "demand", percent: 10 }] },
  { name: "Demand -10%", changes: [{ kind: "demand", percent: -10 }] },
  { name: "F01 promotion", changes: [{ kind: "demand", family: "F01", percent: 25, from: 1, to: 6 }] },
  { name: "R1 breakdown", changes: [{ kind: "capacity", resource: "R1", percent: -30, from: 4, to: 9 }] },
  { name: "R2 short 200 h", changes: [{ kind: "capacity", resource: "R2", hours: -200, from: 1, to: 3 }] },
  { name: "R3 new shift", changes: [{ kind: "shift", resource: "R3", hours: 500 }] },
  { name: "Price +5%", changes: [{ kind: "price", percent: 5 }] },
  { name: "F02 cost +8%", changes: [{ kind: "cost", family: "F02", percent: 8 }] },
  {
    name: "Combined",
    changes: [
      { kind: "demand", family: "F03", percent: 15 },
      { kind: "shift", resource: "R1", hours: 300, from: 7, to: 12 },
      { kind: "cost", field: "subcontractCost", percent: 10 },
    ],
  },
];

/** Times each call of a planner. */
function timed(planner: Planner, seconds: number[]): Planner {
  return async (model) => {
    const started = performance.now();
    const summary = await planner(model);
    seconds.push((performance.now() - started) / 1000);
    return summary;
  };
}

const fakePlanner: Planner = async (model): Promise<PlanSummary> => {
  let revenue = 0;
  for (const item of model.items) revenue += (item.price ?? 0) * model.demand[item.id].reduce((a, b) => a + b, 0);
  return { cost: 0, revenue, margin: revenue, fillRate: 1, onTimeFillRate: 1, averageInventory: 0, peakInventory: 0, capacityUse: {} };
};

function pureStepFour(model: SupplyModel): Record<string, number> {
  const times: Record<string, number> = {};
  const time = (name: string, run: () => unknown): void => {
    const started = performance.now();
    run();
    times[name] = (performance.now() - started) / 1000;
  };
  const history = model.items.map((item) => model.demand[item.id]);
  const supply = history.map((row) => row.map((d, t) => (t % 7 === 3 ? d * 0.9 : d)));
  time("gapAnalysis", () =>
    gapAnalysis(
      model.items.map((item, i) => ({
        id: item.id,
        levels: { family: item.family ?? "" },
        price: item.price ?? 0,
        demand: history[i],
        supply: supply[i],
        hoursPerUnit: item.hoursPerUnit,
      })),
      model.resources.map((r) => ({ id: r.id, capacity: r.availableHours })),
    ),
  );
  time("portfolioFinancials", () =>
    portfolioFinancials(
      model.items.map((item, i) => ({
        plan: { sales: history[i], production: supply[i], inventory: history[i].map(() => 10) },
        price: item.price ?? 0,
        unitCost: item.unitCost,
      })),
      0.02,
    ),
  );
  time("abcXyz", () => abcXyz(history, model.items.map((item) => item.price ?? 0)));
  return times;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const base = buildModel(options.items, options.periods);
  console.log(`Scenario benchmark: ${options.items} items x ${options.periods} periods, ${RESOURCES.length} resources, ${SCENARIOS.length} scenarios, planner ${options.planner}`);
  const seconds: number[] = [];
  const planner = timed(options.planner === "optimal" ? optimalPlanner() : fakePlanner, seconds);
  const started = performance.now();
  const comparison = await compareScenarios(base, SCENARIOS, planner);
  const total = (performance.now() - started) / 1000;
  const table = comparisonTable(comparison);
  for (const row of table) {
    console.log(row.map((cell, k) => (typeof cell === "number" ? cell.toFixed(k === 0 ? 0 : 2) : cell).toString().padStart(k === 0 ? 20 : 14)).join(" "));
  }
  const failures = comparison.scenarios.filter((s) => s.error !== undefined);
  const asIs = comparison.scenarios[0];
  const identical = JSON.stringify(asIs.summary) === JSON.stringify(comparison.base);
  console.log(`\nplans: base + ${SCENARIOS.length} scenarios, ${failures.length} failed`);
  console.log(`seconds per plan: ${seconds.map((s) => s.toFixed(2)).join(", ")}`);
  console.log(`total ${total.toFixed(2)} s (target < 60 s): ${total < 60 ? "PASS" : "FAIL"}`);
  console.log(`"As is" equals the base exactly: ${identical ? "yes" : "NO"}`);
  const pure = pureStepFour(base);
  console.log(`pure step-4 calculations on the same data (s): ${Object.entries(pure).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(", ")}`);
  const out = path.join("out", "bench-scenarios.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify({ options, totalSeconds: total, secondsPerPlan: seconds, identical, failures, pure, table }, null, 2));
  console.log(`written ${out}`);
  if (failures.length > 0 || !identical) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
