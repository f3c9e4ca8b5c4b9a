/**
 * Benchmark of the whole S&OP cycle, steps 1 to 5, on a generated workbook (the sample's generator,
 * 500 items by default, 36 months of history, 3 resources), through the same in-memory workbook the
 * browser preview uses, step 4 taking step 3's plan as its base as `sop run` and the task pane do, and
 * step 2's forecasts on worker threads as `sop run` runs them (threadForecaster).
 * Each step's time and the memory so far go to stderr as it ends; peak RSS and peak JavaScript heap
 * at the end, with the processor seconds (user + system) of each step, the figure to quote on a shared
 * machine. Targets: 500 items under 60 s; 5,000 items under 2 minutes and 1.5 GB.
 * Usage: npm run bench:cycle [-- --items 5000 | --items-per-family 125] (items are spread over 4 families)
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { threadForecaster } from "../src/cli/threadForecaster";
import { runDemandStep } from "../src/cycle/demandStep";
import { runGatherStep } from "../src/cycle/gatherStep";
import { runPresentStep } from "../src/cycle/presentStep";
import { runReconcileStep } from "../src/cycle/reconcileStep";
import { runSupplyStep, type SupplyResult } from "../src/cycle/supplyStep";
import { MemoryWorkbook } from "../src/workbook/memoryWorkbook";
import { buildSampleWorkbook, sampleData } from "../scripts/make-sample";

/** Items per family from `--items N` (spread over the sample's 4 families) or `--items-per-family N`; 125 by default. */
function itemsPerFamily(argv: string[]): number {
  const items = argv.indexOf("--items");
  if (items > 0) return Math.max(1, Math.ceil(Number(argv[items + 1]) / 4));
  const flag = argv.indexOf("--items-per-family");
  return flag > 0 ? Number(argv[flag + 1]) : 125;
}

async function main(): Promise<void> {
  const perFamily = itemsPerFamily(process.argv);
  const bytes = new Uint8Array((await buildSampleWorkbook(sampleData(20240101, perFamily)).xlsx.writeBuffer()) as ArrayBuffer);
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 50);
  const cpuSeconds = (since?: NodeJS.CpuUsage): number => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
  };
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const book = await MemoryWorkbook.fromXlsx(bytes);
  const timings: [string, number][] = [["open workbook", performance.now() - started]];
  const cpu: [string, number][] = [["open workbook", cpuSeconds(cpuStart)]];
  const time = async (label: string, step: () => Promise<unknown>): Promise<void> => {
    const t = performance.now();
    const c = process.cpuUsage();
    await step();
    timings.push([label, performance.now() - t]);
    cpu.push([label, cpuSeconds(c)]);
    process.stderr.write(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s (${cpuSeconds(c).toFixed(1)} s processor), RSS so far ${(peak / 2 ** 20).toFixed(0)} MB\n`);
  };
  await time("1 gather & check", () => runGatherStep(book));
  await time("2 demand forecast (18 months)", () => runDemandStep(book, { horizon: 18 }, {}, threadForecaster()));
  let supply: SupplyResult | undefined;
  await time("3 supply plan (chase, level, optimal)", async () => (supply = await runSupplyStep(book)));
  await time("4 reconcile + 2 scenarios (base from step 3)", () => runReconcileStep(book, {}, {}, supply));
  await time("5 summary + approval", () => runPresentStep(book, { decision: "approve", approver: "Benchmark" }));
  await time("save .xlsx", () => book.toXlsx());
  clearInterval(sampler);
  const total = performance.now() - started;
  const totalCpu = cpuSeconds(cpuStart);
  const items = perFamily * 4;
  const lines = [
    `S&OP cycle, steps 1-5, on ${items} items x 36 months (in-memory workbook, Node ${process.version})`,
    `  ${"".padEnd(44)}   wall  processor`,
    ...timings.map(([label, ms], k) => `  ${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s ${cpu[k][1].toFixed(2).padStart(7)} s`),
    `  ${"total".padEnd(44)} ${(total / 1000).toFixed(2).padStart(7)} s ${totalCpu.toFixed(2).padStart(7)} s   (target < 60 s at 500 items, < 120 s at 5,000)`,
    `  peak memory (RSS)                        ${(peak / 2 ** 20).toFixed(0).padStart(7)} MB`,
    `  peak JavaScript heap used                ${(peakHeap / 2 ** 20).toFixed(0).padStart(7)} MB`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-cycle.json"), JSON.stringify({ items, timings: Object.fromEntries(timings), processorSeconds: Object.fromEntries(cpu), totalSeconds: total / 1000, totalProcessorSeconds: totalCpu, peakMb: peak / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 }, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
