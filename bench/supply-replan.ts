/**
 * Re-plan benchmark: how long the optimiser takes to re-plan after one number changes, cold (the model
 * built and solved from scratch) against warm (the kept HiGHS model changed in place and re-solved from
 * the base plan's basis, or a new model started from the basis stored in the plan file), on the seeded
 * 1,000 items x 20 resources x 36 months model of bench:supply. Each warm optimum is checked against a
 * cold solve of the same model.
 *
 *   npm run bench:replan            writes out/bench-replan.json
 *   node dist-cli/bench/supply-replan.js 100 10     a smaller size
 */

import * as fs from "fs";
import * as path from "path";
import { HighsSession } from "../src/core/optimize/highsSession";
import { loadHighs } from "../src/core/optimize/highsSolve";
import { optimizeSupply, validateSupplyModel, type SupplyModel, type SupplyOutcome } from "../src/core/supply";
import { generateModel } from "./supply-generate";

interface Timed {
  label: string;
  /** Wall-clock seconds (the machine may be shared: compare cpuSeconds too). */
  seconds: number;
  /** CPU seconds of this process (user + system) over the same call. */
  cpuSeconds: number;
  objective: number;
  warm: boolean;
}

/** A copy of the model with one item's demand in one month scaled. */
function withDemand(model: SupplyModel, item: number, month: number, factor: number): SupplyModel {
  const id = model.items[item].id;
  const demand = { ...model.demand, [id]: model.demand[id].map((d, t) => (t === month ? Math.round(d * factor) : d)) };
  return { ...model, demand };
}

/** A copy of the model with one resource's regular hours in one month scaled. */
function withCapacity(model: SupplyModel, resource: number, month: number, factor: number): SupplyModel {
  const resources = model.resources.map((r, k) => (k === resource ? { ...r, availableHours: r.availableHours.map((h, t) => (t === month ? h * factor : h)) } : r));
  return { ...model, resources };
}

async function timed(label: string, run: () => Promise<SupplyOutcome>): Promise<Timed & { outcome: SupplyOutcome }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const outcome = await run();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (outcome.status !== "optimal") throw new Error(`${label}: ${outcome.message}`);
  return { label, seconds, cpuSeconds: (used.user + used.system) / 1e6, objective: outcome.objective, warm: outcome.warm, outcome };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

async function main(): Promise<void> {
  const [items, resources] = [Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 20)];
  const highs = await loadHighs();
  const base = validateSupplyModel(generateModel(items, resources));
  const session = new HighsSession(highs);
  const rows: Timed[] = [];
  const report = (t: Timed, note = ""): void => {
    rows.push({ label: t.label, seconds: t.seconds, cpuSeconds: t.cpuSeconds, objective: t.objective, warm: t.warm });
    process.stdout.write(`${t.label.padEnd(46)} ${t.seconds.toFixed(2).padStart(8)} s wall ${t.cpuSeconds.toFixed(2).padStart(8)} s CPU  ${t.warm ? "warm" : "cold"}  objective ${t.objective.toFixed(2)}${note}\n`);
  };

  const cold = await timed("cold: base plan", () => optimizeSupply(base, { session }));
  report(cold);
  const baseBasis = cold.outcome.status === "optimal" ? cold.outcome.basis : undefined;

  const checks: { change: string; warmCpu: number; coldCpu: number; cpuSpeedup: number; wallSpeedup: number; sameOptimum: boolean }[] = [];
  const compare = async (change: string, model: SupplyModel): Promise<void> => {
    const warm = await timed(`warm: ${change}`, () => optimizeSupply(model, { session }));
    const again = await timed(`cold: ${change}`, () => optimizeSupply(model, { highs }));
    const same = relative(warm.objective, again.objective) < 1e-7;
    checks.push({ change, warmCpu: warm.cpuSeconds, coldCpu: again.cpuSeconds, cpuSpeedup: again.cpuSeconds / warm.cpuSeconds, wallSpeedup: again.seconds / warm.seconds, sameOptimum: same });
    report(warm, `  (${(again.cpuSeconds / warm.cpuSeconds).toFixed(1)}x less CPU, ${(again.seconds / warm.seconds).toFixed(1)}x less wall time; same optimum: ${same})`);
    report(again);
  };
  const demandChanged = withDemand(base, 7, 4, 1.5);
  await compare("demand of one item in one month +50%", demandChanged);
  await optimizeSupply(base, { session });
  await compare("capacity of one resource in one month -20%", withCapacity(base, 2, 9, 0.8));

  const fromFile = await timed("from stored basis: demand change (new model)", () => optimizeSupply(demandChanged, { highs, ...(baseBasis ? { startBasis: baseBasis } : {}) }));
  report(fromFile);

  await optimizeSupply(base, { session });
  const scenarioStart = performance.now();
  const scenarioCpu = process.cpuUsage();
  for (let k = 0; k < 10; k++) {
    const scenario = k % 2 === 0 ? withDemand(base, (37 * k) % items, k, 1.1 + 0.05 * k) : withCapacity(base, k % resources, k, 0.85);
    const s = await timed(`warm: scenario ${k + 1}`, () => optimizeSupply(scenario, { session }));
    report(s);
  }
  const scenarioSeconds = (performance.now() - scenarioStart) / 1000;
  const scenarioUsed = process.cpuUsage(scenarioCpu);
  const scenarioCpuSeconds = (scenarioUsed.user + scenarioUsed.system) / 1e6;
  process.stdout.write(`10 scenarios warm: ${scenarioSeconds.toFixed(2)} s wall, ${scenarioCpuSeconds.toFixed(2)} s CPU in all (cold base alone: ${cold.seconds.toFixed(2)} s wall, ${cold.cpuSeconds.toFixed(2)} s CPU)\n`);
  session.dispose();

  const outDir = path.resolve("out");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, "bench-replan.json");
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, items, resources, periods: base.periods, solves: rows, checks, tenScenariosWarmSeconds: scenarioSeconds, tenScenariosWarmCpuSeconds: scenarioCpuSeconds }, null, 1));
  process.stdout.write(`written to ${file}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:replan: ${(e as Error).message}\n`);
  process.exit(1);
});
