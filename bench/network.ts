/**
 * Scale benchmark of the network supply optimiser (issue 14): seeded generated networks of items x
 * locations x resources x months (two plants, the other locations warehouses; each item made at one
 * plant on three of its resources, stocked at every location, shipped plant -> warehouse and plant ->
 * plant; capacity about 95 % of the average load, lanes and warehouse storage limited). Each size is
 * solved alone in a child process so its peak memory is its own; the plan is checked with `checkPlan`.
 * Reports state variables (stocking-point periods), LP variables and constraints, build and solve
 * time (wall and CPU), peak RSS, objective, and whether it meets the target (60 s, 2 GB).
 *
 *   npm run bench:network [-- --whole]       the ladder (see main); --whole adds the whole 1000-item programme
 *   node dist-cli/bench/network.js --one 1000 5 20 36 [parts [ipm|simplex|choose]]    one size, JSON on stdout
 *
 * A size in parts is planned by `optimizeSupplyInParts` with a pool of two worker threads (the two
 * cores), so its wall time is about half its CPU time on a quiet machine.
 */

import { fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { LinearProgram } from "../src/core/optimize/highsLinearProgram";
import { loadHighs, type LpSolution, type SolveOptions } from "../src/core/optimize/highsSolve";
import type { LpSolver } from "../src/core/optimize/lpSolver";
import { mulberry32 } from "../src/core/random";
import { checkPlan, optimizeSupply, optimizeSupplyInParts } from "../src/core/supply";
import type { SupplyItem, SupplyLane, SupplyLocation, SupplyModel, SupplyResource } from "../src/core/supply";

/** Solves programmes in `threads` worker threads, each with its own HiGHS, one programme per free thread. */
function workerPool(threads: number): { solve: LpSolver; close: () => Promise<void> } {
  const workers = Array.from({ length: threads }, () => new Worker(path.join(__dirname, "networkWorker.js")));
  const idle = [...workers];
  const waiting: (() => void)[] = [];
  let next = 0;
  const solve: LpSolver = async (lp: LinearProgram, options: SolveOptions) => {
    while (idle.length === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    const worker = idle.pop() as Worker;
    const id = next++;
    try {
      return await new Promise<LpSolution>((resolve, reject) => {
        const onMessage = (m: { id: number; solution: LpSolution }): void => {
          if (m.id !== id) return;
          worker.off("message", onMessage);
          resolve(m.solution);
        };
        worker.on("message", onMessage);
        worker.once("error", reject);
        worker.postMessage({ id, lp, options });
      });
    } finally {
      idle.push(worker);
      waiting.shift()?.();
    }
  };
  return { solve, close: async () => void (await Promise.all(workers.map((w) => w.terminate()))) };
}

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
  /** 1: the whole programme; more: planned in that many parts, two at a time (optimizeSupplyInParts). */
  parts: number;
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
  planChecked: boolean;
  note?: string;
}

async function runOne(items: number, locations: number, resources: number, periods: number, parts: number, algorithm?: SolveOptions["solver"]): Promise<NetworkResult> {
  const model = generateNetwork(items, locations, resources, periods);
  const cpu = process.cpuUsage();
  let outcome;
  if (parts > 1) {
    const pool = workerPool(Math.min(2, os.cpus().length));
    outcome = await optimizeSupplyInParts(model, parts, { lpSolver: pool.solve, timeLimitSeconds: SOLVE_LIMIT_SECONDS, ...(algorithm === undefined ? {} : { solver: algorithm }) });
    await pool.close();
  } else outcome = await optimizeSupply(model, { highs: await loadHighs(), timeLimitSeconds: SOLVE_LIMIT_SECONDS, ...(algorithm === undefined ? {} : { solver: algorithm }) });
  const used = process.cpuUsage(cpu);
  const base = {
    parts,
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
  };
  if (outcome.status !== "optimal") {
    return { ...base, peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024), status: outcome.status, objective: null, planChecked: false, note: outcome.message };
  }
  const problems = checkPlan(model, outcome.plan);
  return {
    ...base,
    peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
    status: "optimal",
    objective: outcome.objective,
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
    const [items, locations, resources, periods, parts] = args.slice(1, 6).map(Number);
    const algorithm = args[6] as SolveOptions["solver"] | undefined;
    process.stdout.write(JSON.stringify(await runOne(items, locations, resources, periods, parts || 1, algorithm)));
    return;
  }
  // whole programmes up to 300 items, and in parts of about 100 items (the gap to the whole optimum
  // measured where the whole is solved); `--whole` also solves the whole 1000-item programme
  const ladder = [
    [100, 5, 20, 36, 1],
    [300, 5, 20, 36, 1],
    [300, 5, 20, 36, 3],
    ...(args.includes("--whole") ? [[1000, 5, 20, 36, 1]] : []),
    [1000, 5, 20, 36, 10],
  ];
  const results: NetworkResult[] = [];
  for (const size of ladder) {
    const r = await inChild(size);
    results.push(r);
    const whole = results.find((w) => w.parts === 1 && w.items === r.items && w.objective !== null);
    const gap = r.parts > 1 && whole?.objective && r.objective !== null ? `, ${((100 * (r.objective - whole.objective)) / whole.objective).toFixed(2)} % above the whole optimum` : "";
    process.stdout.write(
      `${r.parts > 1 ? `in ${r.parts} parts: ` : ""}${r.items} items x ${r.locations} locations x ${r.resources} resources x ${r.periods} months: ${r.statePeriods.toLocaleString("en-US")} state periods, ` +
        `${r.variables.toLocaleString("en-US")} variables, ${r.constraints.toLocaleString("en-US")} constraints; build ${r.buildSeconds.toFixed(2)} s, solve ${r.solveSeconds.toFixed(1)} s wall, ` +
        `${r.cpuSeconds.toFixed(1)} s CPU, peak ${r.peakRssMegabytes} MB; ${r.status}${r.objective === null ? "" : ` ${r.objective.toFixed(2)}`}${r.planChecked ? ", plan checked" : ""}${gap}${r.note ? ` (${r.note})` : ""}\n`,
    );
  }
  const largest = results.filter((r) => r.parts === 1 && fits(r)).pop();
  const full = results[results.length - 1];
  process.stdout.write(
    fits(full)
      ? `The full size, planned in ${full.parts} parts, meets the target (${TARGET_SECONDS} s, ${TARGET_MEGABYTES} MB).\n`
      : `The full size misses the target of ${TARGET_SECONDS} s and ${TARGET_MEGABYTES} MB (wall time on this machine; see CPU seconds under load). ` +
          `Largest whole programme within it: ${largest === undefined ? "none of the ladder" : `${largest.items} items x ${largest.locations} x ${largest.resources} x ${largest.periods}`}.\n`,
  );
  const out = path.join(process.cwd(), "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-network.json"), JSON.stringify({ measured: new Date().toISOString(), results }, null, 1));
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
