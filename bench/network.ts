/**
 * Scale benchmark of the network supply optimiser (issue 14): seeded generated networks of items x
 * locations x resources x months (two plants, the other locations warehouses; each item made at one
 * plant on three of its resources, stocked at every location, shipped plant -> warehouse and plant ->
 * plant; capacity about 95 % of the average load, lanes and warehouse storage limited). Each size is
 * solved alone in a child process so its peak memory is its own; the plan is checked with `checkPlan`.
 * Reports state variables (stocking-point periods), LP variables and constraints, build and solve
 * time (wall and CPU), peak RSS, objective, and whether it meets the target (60 s, 2 GB).
 *
 *   npm run bench:network                                   the ladder 100, 300, 600, 750, 1000 items x 5 x 20 x 36
 *   node dist-cli/bench/network.js --one 1000 5 20 36 [ipm|simplex|choose]    one size, JSON on stdout
 *
 * Tried and measured (2026-12-07, CPU seconds): dual simplex needs under half the CPU of interior point
 * on these networks (100 items: 3.9 s against 10.5 s; 300 items: 21 s against 44 s), so the optimiser
 * uses it for models with lanes. Planning the items in groups, each on its share of every resource,
 * lane and storage limit (a decomposition to solve the groups on two cores at once), made the plan
 * 2.7-3.9 % dearer and needed more CPU in all, not less (300 items in 3 groups: 34 s against 21 s
 * whole; 100 items in 2 groups: 9.5 s against 4.0 s): each group's programme is tighter and harder than
 * its share of the whole, so it was dropped (commit 2951b09 on branch network holds it).
 *
 *   node dist-cli/bench/network.js --one 300 5 20 36 - 12     the first 12 months monthly, later quarters
 *
 * Tried 2026-12-07 (branch netspeed, 300 items, CPU seconds at load 5-7): quarterly buckets after the
 * first year (`bucketModel`, 36 periods -> 20, 179,500 variables against 321,320) made the programme
 * harder, not easier: dual simplex 95 s against 21 s monthly, with presolve off 49 s against 16 s;
 * interior point 27 s against 44 s monthly; with the network settings below 23.7 s against 9.8 s. Its
 * first year cost 30.18 M against 29.20 M in the monthly optimum (+3.3 %; alternative optima differ in
 * how they split cost between years, so this is indicative), so buckets are not used by default. HiGHS options on the monthly network (same optimum every time): presolve off
 * 15.8 s against 22.1 s at 300 items; presolve off with devex pricing 10.7 s at 300, 36.6 s at 600
 * (62 s with the defaults), 108.7 s and 1.15 GB at 1,000 (223 s and 1.37 GB), so networks are solved
 * that way (optimizeSupply); primal simplex 5x and PDLP 6.6x the CPU of dual simplex at 100 items.
 */

import { fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { loadHighs, type SolveOptions } from "../src/core/optimize/highsSolve";
import { mulberry32 } from "../src/core/random";
import { bucketModel, checkPlan, optimizeSupply, planCost } from "../src/core/supply";
import type { SupplyItem, SupplyLane, SupplyLocation, SupplyModel, SupplyPlan, SupplyResource } from "../src/core/supply";

const TARGET_SECONDS = 60;
const TARGET_MEGABYTES = 2048;
const SOLVE_LIMIT_SECONDS = 3600;

/** A generated network model (typed: sizes beyond the validator's single-site limit are planned here directly). */
export function generateNetwork(itemCount: number, locationCount: number, resourceCount: number, periods: number, seed = 14): SupplyModel {
  const rnd = mulberry32(seed);
  const plants = Math.min(2, locationCount);
  const locations: SupplyLocation[] = Array.from({ length: locationCount }, (_, k) => ({
    id: k < plants ? `P${k + 1}` : `W${k - plants + 1}`,
    kind: k < plants ? "plant" : "warehouse",
    storageCap: new Array<number>(periods).fill(Infinity),
  }));
  const resources: SupplyResource[] = Array.from({ length: resourceCount }, (_, r) => ({
    id: `R${r}`,
    location: locations[r % plants].id,
    availableHours: new Array<number>(periods).fill(0),
    overtimeHoursCap: new Array<number>(periods).fill(0),
    regularCostPerHour: 10,
    overtimeCostPerHour: 15,
  }));
  const items: SupplyItem[] = [];
  const demand: Record<string, number[]> = {};
  const load = new Array<number>(resourceCount).fill(0);
  for (let i = 0; i < itemCount; i++) {
    const home = i % plants;
    const own = resources.map((_, r) => r).filter((r) => r % plants === home);
    const uses = [0, 1, 2].map(() => own[Math.floor(rnd() * own.length)]);
    const level = 20 + 80 * rnd();
    const phase = rnd() * 12;
    const unitCost = Math.round(5 + 20 * rnd());
    locations.forEach((location, k) => {
      const key = `I${i}@${location.id}`;
      const share = location.kind === "plant" ? 0.2 : 1;
      demand[key] = Array.from({ length: periods }, (_, t) => Math.round(share * level * (1 + 0.3 * Math.sin((2 * Math.PI * (t + phase)) / 12)) * (0.8 + 0.4 * rnd())));
      const hoursPerUnit: Record<string, number> = {};
      if (k === home) for (const r of uses) hoursPerUnit[resources[r].id] = (hoursPerUnit[resources[r].id] ?? 0) + Math.round(10 * (0.2 + rnd())) / 10;
      const item: SupplyItem = {
        id: `I${i}`,
        location: location.id,
        unitCost: location.kind === "plant" ? unitCost : 0,
        holdingCost: unitCost * (location.kind === "plant" ? 0.015 : 0.02),
        backlogAllowed: true,
        backlogCost: unitCost * 0.2,
        lostSalesCost: unitCost * 4,
        subcontractCap: new Array<number>(periods).fill(location.kind === "warehouse" ? Math.round(level * 0.2) : 0),
        safetyStock: new Array<number>(periods).fill(location.kind === "warehouse" ? Math.round(level * 0.3) : 0),
        safetyStockPenalty: unitCost * 0.1,
        openingInventory: Math.round(level * 0.5),
        openingBacklog: 0,
        endInventoryTarget: 0,
        endBacklogMax: Infinity,
        hoursPerUnit,
        productionLeadTime: i % 3 === 0 ? 1 : 0,
      };
      if (location.kind === "warehouse") item.subcontractCost = unitCost * 2.5;
      if (location.kind === "plant" && k !== home) item.made = false;
      items.push(item);
    });
  }
  // hours: about 95 % of the average load of the demand each resource's items carry
  items.forEach((item) => {
    const total = locations.reduce((a, l) => a + demand[`${item.id}@${l.id}`].reduce((b, v) => b + v, 0), 0) / periods;
    for (const [rid, h] of Object.entries(item.hoursPerUnit)) load[Number(rid.slice(1))] += (h * total) / locations.length;
  });
  resources.forEach((r, k) => {
    r.availableHours = r.availableHours.map(() => Math.round(0.95 * load[k] * locations.length * (0.9 + 0.2 * rnd())));
    r.overtimeHoursCap = r.overtimeHoursCap.map(() => Math.round(0.1 * load[k] * locations.length));
  });
  const lanes: SupplyLane[] = [];
  for (const from of locations.filter((l) => l.kind === "plant")) {
    for (const to of locations) {
      if (to.id === from.id) continue;
      const perPeriod = (itemCount * 60 * (to.kind === "plant" ? 0.3 : 1)) / plants;
      lanes.push({
        id: `${from.id}->${to.id}`,
        from: from.id,
        to: to.id,
        transitPeriods: to.kind === "plant" ? 1 : 1 + Math.floor(rnd() * 2),
        costPerUnit: new Array<number>(periods).fill(Math.round(10 * (0.5 + rnd())) / 10),
        capacity: new Array<number>(periods).fill(Math.round(perPeriod)),
      });
    }
  }
  for (const location of locations) if (location.kind === "warehouse") location.storageCap = new Array<number>(periods).fill(itemCount * 120);
  return { periods, items, resources, demand, locations, lanes };
}

/** What one size measured. */
interface NetworkResult {
  items: number;
  locations: number;
  resources: number;
  periods: number;
  stockingPoints: number;
  /** Stocking-point periods: the state (inventory, backlog) the plan carries. */
  statePeriods: number;
  variables: number;
  constraints: number;
  buildSeconds: number;
  solveSeconds: number;
  cpuSeconds: number;
  peakRssMegabytes: number;
  status: string;
  objective: number | null;
  /** Cost of the first 12 months of the plan (what a rolling plan releases). */
  firstYearCost: number | null;
  /** Months planned monthly before quarters (absent: every month). */
  monthlyPeriods?: number;
  planChecked: boolean;
  note?: string;
}

const NEAR_MONTHS = 12;

/** Cost of a plan's first `months` periods (all monthly). */
function nearCost(model: SupplyModel, plan: SupplyPlan, months: number): number {
  const head = (values: readonly number[]): number[] => values.slice(0, months);
  const items = plan.items.map((p) => ({ ...p, production: head(p.production), subcontract: head(p.subcontract), inventory: head(p.inventory), backlog: head(p.backlog), lost: head(p.lost), safetyStockShortfall: head(p.safetyStockShortfall) }));
  const resources = plan.resources.map((r) => ({ ...r, hoursUsed: head(r.hoursUsed), overtimeHours: head(r.overtimeHours) }));
  const lanes = plan.lanes?.map((l) => ({ ...l, total: head(l.total) }));
  return planCost(model, items, resources, undefined, lanes).total;
}

async function runOne(items: number, locations: number, resources: number, periods: number, algorithm?: SolveOptions["solver"], monthlyPeriods?: number): Promise<NetworkResult> {
  const generated = generateNetwork(items, locations, resources, periods);
  const model = monthlyPeriods === undefined ? generated : bucketModel(generated, { monthlyPeriods }).model;
  const highs = await loadHighs();
  const cpu = process.cpuUsage();
  const outcome = await optimizeSupply(model, { highs, timeLimitSeconds: SOLVE_LIMIT_SECONDS, ...(algorithm === undefined ? {} : { solver: algorithm }) });
  const used = process.cpuUsage(cpu);
  const base = {
    items,
    locations,
    resources,
    periods,
    stockingPoints: model.items.length,
    statePeriods: model.items.length * periods,
    variables: outcome.variables,
    constraints: outcome.constraints,
    buildSeconds: outcome.buildSeconds,
    solveSeconds: outcome.solveSeconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    ...(monthlyPeriods === undefined ? {} : { monthlyPeriods }),
  };
  if (outcome.status !== "optimal") {
    return { ...base, peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024), status: outcome.status, objective: null, firstYearCost: null, planChecked: false, note: outcome.message };
  }
  const problems = checkPlan(model, outcome.plan);
  return {
    ...base,
    peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
    status: "optimal",
    objective: outcome.objective,
    firstYearCost: nearCost(model, outcome.plan, NEAR_MONTHS),
    planChecked: problems.length === 0,
    ...(problems.length > 0 ? { note: `checkPlan: ${problems.slice(0, 3).join("; ")}` } : {}),
  };
}

function inChild(size: number[]): Promise<NetworkResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--one", ...size.map(String)], { silent: true });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as NetworkResult) : reject(new Error(`size ${size.join("x")} exited with ${code}`))));
  });
}

const fits = (r: NetworkResult): boolean => r.status === "optimal" && r.solveSeconds + r.buildSeconds <= TARGET_SECONDS && r.peakRssMegabytes <= TARGET_MEGABYTES;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--one") {
    const [items, locations, resources, periods] = args.slice(1, 5).map(Number);
    const algorithm = args[5] === undefined || args[5] === "-" ? undefined : (args[5] as SolveOptions["solver"]);
    const monthly = args[6] === undefined ? undefined : Number(args[6]);
    process.stdout.write(JSON.stringify(await runOne(items, locations, resources, periods, algorithm, monthly)));
    return;
  }
  const ladder = [100, 300, 600, 750, 1000].map((items) => [items, 5, 20, 36]);
  const results: NetworkResult[] = [];
  for (const size of ladder) {
    const r = await inChild(size);
    results.push(r);
    process.stdout.write(
      `${r.items} items x ${r.locations} locations x ${r.resources} resources x ${r.periods} months: ${r.statePeriods.toLocaleString("en-US")} state periods, ` +
        `${r.variables.toLocaleString("en-US")} variables, ${r.constraints.toLocaleString("en-US")} constraints; build ${r.buildSeconds.toFixed(2)} s, solve ${r.solveSeconds.toFixed(1)} s wall, ` +
        `${r.cpuSeconds.toFixed(1)} s CPU, peak ${r.peakRssMegabytes} MB; ${r.status}${r.objective === null ? "" : ` ${r.objective.toFixed(2)}`}${r.planChecked ? ", plan checked" : ""}${r.note ? ` (${r.note})` : ""}\n`,
    );
  }
  const largest = results.filter(fits).pop();
  const full = results[results.length - 1];
  process.stdout.write(
    fits(full)
      ? `The full size meets the target (${TARGET_SECONDS} s, ${TARGET_MEGABYTES} MB).\n`
      : `The full size misses the target of ${TARGET_SECONDS} s and ${TARGET_MEGABYTES} MB (wall time on this machine; see CPU seconds under load). ` +
          `Largest size within it: ${largest === undefined ? "none of the ladder" : `${largest.items} items x ${largest.locations} x ${largest.resources} x ${largest.periods}`}.\n`,
  );
  const out = path.join(process.cwd(), "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-network.json"), JSON.stringify({ measured: new Date().toISOString(), results }, null, 1));
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
