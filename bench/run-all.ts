/**
 * Runs every benchmark in turn (forecast on M3, supply scale, scenarios, whole cycle headless and in
 * the browser preview) as separate processes, so that each starts with a clean heap. Usage: npm run bench
 */
import { spawnSync } from "child_process";
import * as path from "path";

const BENCHES = ["forecast-m3.js", "supply-scale.js", "scenarios.js", "cycle.js", "preview-cycle.js"];

let failed = 0;
for (const bench of BENCHES) {
  process.stdout.write(`\n=== ${bench.replace(/\.js$/, "")} ===\n`);
  const result = spawnSync(process.execPath, [path.join(__dirname, bench)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
