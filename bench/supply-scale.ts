/**
 * Scale benchmark of the supply optimiser: seeded generated models of items x resources x 36 periods
 * (10x3, 100x10, 1000x20, 5000x50). For each: variables, constraints, build time (arrays, and LP
 * text), HiGHS solve time, peak memory (max RSS of a child process that solves that size alone), the
 * objective, and the objective of an independent solver on the same LP file (GLPK's glpsol for the
 * small sizes, COIN-OR Clp where installed for the larger ones).
 *
 *   npm run bench:supply            all sizes; writes out/bench-supply.json
 *   node dist-cli/bench/supply-scale.js --one 1000 20 [ipm|simplex|choose]   one size, JSON on stdout
 *   (without an algorithm the engine's default: simplex below 50,000 variables, interior point above)
 */

import { execFileSync, fork } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { toCplexLp } from "../src/core/optimize/highsLinearProgram";
import { loadHighs, type SolveOptions } from "../src/core/optimize/highsSolve";
import { buildSupplyLp, checkPlan, optimizeSupply, validateSupplyModel } from "../src/core/supply";
import { generateModel, PERIODS, r2 } from "./supply-generate";

const SIZES: [number, number][] = [
  [10, 3],
  [100, 10],
  [1000, 20],
  [5000, 50],
];
/** Independent solver per size: glpsol is fast enough only for the small ones (OFFICE-NOTES), Clp above. */
const REFERENCE_LIMIT_SECONDS = 1200;
const SOLVE_LIMIT_SECONDS = 1800;



/** What one size measured. */
interface SizeResult {
  items: number;
  resources: number;
  periods: number;
  variables: number;
  constraints: number;
  nonzeros: number;
  buildSeconds: number;
  lpTextSeconds: number;
  lpTextMegabytes: number;
  solveSeconds: number;
  /** CPU seconds of the solve (the machine is shared, so wall time can be longer). */
  solveCpuSeconds: number;
  status: string;
  objective: number | null;
  planChecked: boolean;
  /** How hard the plan is pressed: resource-periods at full regular hours, with overtime, and units subcontracted / backlogged. */
  pressure?: { fullResourcePeriods: number; overtimeResourcePeriods: number; resourcePeriods: number; subcontractUnits: number; backlogUnitPeriods: number };
  peakRssMegabytes: number;
  solver: string;
  reference?: { solver: string; objective: number | null; seconds: number; note?: string };
  note?: string;
}

/** Solves one size in this process and returns the measurements (the LP file is written for the reference solver). */
async function runOne(items: number, resources: number, solver: SolveOptions["solver"], lpFile: string): Promise<SizeResult> {
  const highs = await loadHighs();
  const model = validateSupplyModel(generateModel(items, resources));
  let started = performance.now();
  const { lp } = buildSupplyLp(model);
  const buildSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const text = toCplexLp(lp);
  const lpTextSeconds = (performance.now() - started) / 1000;
  fs.writeFileSync(lpFile, text);
  const base = {
    items,
    resources,
    periods: PERIODS,
    variables: lp.numCols,
    constraints: lp.numRows,
    nonzeros: lp.rowValues.length,
    buildSeconds,
    lpTextSeconds,
    lpTextMegabytes: r2(text.length / 1e6),
    solver: `HiGHS ${highs.version.string} (wasm, ${solver ?? "engine default"})`,
  };
  const cpu = process.cpuUsage();
  try {
    const outcome = await optimizeSupply(model, { highs, timeLimitSeconds: SOLVE_LIMIT_SECONDS, ...(solver === undefined ? {} : { solver }) });
    const used = process.cpuUsage(cpu);
    const solveCpuSeconds = (used.user + used.system) / 1e6 - outcome.buildSeconds;
    const peak = process.resourceUsage().maxRSS / 1024;
    if (outcome.status !== "optimal") {
      return { ...base, solveSeconds: outcome.solveSeconds, solveCpuSeconds, status: outcome.status, objective: null, planChecked: false, peakRssMegabytes: Math.round(peak), note: outcome.message };
    }
    const problems = checkPlan(model, outcome.plan);
    const plan = outcome.plan;
    const sum = (rows: number[][]): number => rows.reduce((a, row) => a + row.reduce((b, v) => b + v, 0), 0);
    const pressure = {
      fullResourcePeriods: sum(plan.resources.map((r) => r.hoursUsed.map((h, t) => (h >= r.regularHours[t] * (1 - 1e-9) ? 1 : 0)))),
      overtimeResourcePeriods: sum(plan.resources.map((r) => r.overtimeHours.map((h) => (h > 1e-6 ? 1 : 0)))),
      resourcePeriods: resources * PERIODS,
      subcontractUnits: Math.round(sum(plan.items.map((p) => p.subcontract))),
      backlogUnitPeriods: Math.round(sum(plan.items.map((p) => p.backlog))),
    };
    return {
      pressure,
      ...base,
      buildSeconds: outcome.buildSeconds,
      solveSeconds: outcome.solveSeconds,
      solveCpuSeconds,
      status: outcome.status,
      objective: outcome.objective,
      planChecked: problems.length === 0,
      peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
      ...(problems.length > 0 ? { note: `checkPlan: ${problems.slice(0, 3).join("; ")}` } : {}),
    };
  } catch (e) {
    return { ...base, solveSeconds: NaN, solveCpuSeconds: NaN, status: "error", objective: null, planChecked: false, peakRssMegabytes: Math.round(process.resourceUsage().maxRSS / 1024), note: (e as Error).message };
  }
}

/** Objective of the same LP file by glpsol or clp (null when it did not finish). */
function reference(lpFile: string, items: number): SizeResult["reference"] {
  const useClp = items >= 1000;
  const solver = useClp ? "clp" : "glpsol";
  const started = performance.now();
  try {
    const output = useClp
      ? execFileSync("clp", [lpFile, "-solve"], { encoding: "utf8", timeout: REFERENCE_LIMIT_SECONDS * 1000, maxBuffer: 1 << 26 })
      : execFileSync("glpsol", ["--lp", lpFile, "-o", `${lpFile}.sol`], { encoding: "utf8", timeout: REFERENCE_LIMIT_SECONDS * 1000, maxBuffer: 1 << 26 });
    const seconds = (performance.now() - started) / 1000;
    const text = useClp ? output : fs.readFileSync(`${lpFile}.sol`, "utf8");
    const match = useClp ? /Optimal objective\s+([-0-9.e+]+)/.exec(text) : /Objective:\s+obj = ([-0-9.e+]+) \(MINimum\)/.exec(text);
    return { solver, objective: match ? Number(match[1]) : null, seconds, ...(match ? {} : { note: "no optimum in the output" }) };
  } catch (e) {
    const seconds = (performance.now() - started) / 1000;
    return { solver, objective: null, seconds, note: `did not finish: ${(e as Error).message.split("\n")[0]}` };
  }
}

function which(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs one size in a child process so its peak memory is its own. */
function inChild(items: number, resources: number): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--one", String(items), String(resources)], { execArgv: ["--max-old-space-size=4096"], stdio: ["ignore", "pipe", "inherit", "ipc"] });
    child.on("message", (m) => resolve(m as SizeResult));
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`size ${items}x${resources} exited with code ${code}`));
    });
  });
}

function row(r: SizeResult): string {
  const ref = r.reference;
  const refText = ref === undefined ? "-" : ref.objective === null ? `${ref.solver}: ${ref.note ?? "none"}` : `${ref.solver} ${ref.objective.toFixed(2)} in ${ref.seconds.toFixed(1)} s`;
  return [
    `${r.items}x${r.resources}x${r.periods}`.padEnd(12),
    String(r.variables).padStart(9),
    String(r.constraints).padStart(8),
    `${r.buildSeconds.toFixed(2)} s`.padStart(9),
    `${r.solveSeconds.toFixed(2)} s`.padStart(10),
    `${r.peakRssMegabytes} MB`.padStart(9),
    r.status.padEnd(9),
    (r.objective === null ? "-" : r.objective.toFixed(2)).padStart(16),
    refText,
  ].join(" ");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = path.resolve("out");
  fs.mkdirSync(outDir, { recursive: true });
  if (args[0] === "--one") {
    const [items, resources] = [Number(args[1]), Number(args[2])];
    const solver = args[3] as SolveOptions["solver"];
    const result = await runOne(items, resources, solver, path.join(outDir, `supply-${items}x${resources}.lp`));
    if (process.send) process.send(result);
    else process.stdout.write(`${JSON.stringify(result, null, 1)}\n`);
    return;
  }
  const results: SizeResult[] = [];
  const hasGlpsol = which("glpsol");
  const hasClp = which("clp");
  process.stdout.write(`size         variables constraints  build      solve   peak RSS status            objective  independent solver\n`);
  for (const [items, resources] of SIZES) {
    const result = await inChild(items, resources);
    const lpFile = path.join(outDir, `supply-${items}x${resources}.lp`);
    if ((items < 1000 && hasGlpsol) || (items >= 1000 && hasClp)) result.reference = reference(lpFile, items);
    fs.rmSync(lpFile, { force: true });
    fs.rmSync(`${lpFile}.sol`, { force: true });
    results.push(result);
    process.stdout.write(`${row(result)}\n`);
    if (result.note) process.stdout.write(`             note: ${result.note}\n`);
  }
  const file = path.join(outDir, "bench-supply.json");
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: 2, periods: PERIODS, results }, null, 1));
  process.stdout.write(`written to ${file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:supply: ${(e as Error).message}\n`);
  process.exit(1);
});
