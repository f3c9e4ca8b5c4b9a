/**
 * Runs the everyday benchmarks in turn (forecast on M3 and one call's latency, supply scale, scenarios,
 * coherent forecasts, the rolling closed loop, whole cycle headless and in the browser preview) as
 * separate processes, so that each starts with a clean heap. The long ones (network, gather, office,
 * re-plan) run on their own npm scripts. Usage: npm run bench
 */
import { spawnSync } from "child_process";
import * as path from "path";

const BENCHES = ["forecast-m3.js", "auto-speed.js", "supply-scale.js", "scenarios.js", "mint.js", "rolling.js", "cycle.js", "preview-cycle.js"];

let failed = 0;
for (const bench of BENCHES) {
  process.stdout.write(`\n=== ${bench.replace(/\.js$/, "")} ===\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, bench)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
