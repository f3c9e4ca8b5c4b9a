/**
 * Round trips and request sizes of the S&OP cycle on Office.js: steps 1 to 6 on the sample's generator
 * (4 families, 36 months of history) through OfficeWorkbook over the strict fake Excel, as the task
 * pane runs them. Per step: context.sync() calls, and the largest request and response (bytes as JSON,
 * cells). Targets: at most 10 syncs per step at 500 items; every request under 2 MB and every response
 * under Excel on the web's 5 MB at 500 and 5,000 items.
 * Usage: npm run bench:office [-- --items 500,5000]
 */
import * as fs from "fs";
import * as path from "path";
import { officeCycleCosts, type StepCost } from "../tests/workbook/fakeCycle";

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

function row(cost: StepCost): string {
  const request = `${megabytes(cost.largestRequest.bytes)}, ${cost.largestRequest.cells} cells`;
  const response = `${megabytes(cost.largestResponse.bytes)}, ${cost.largestResponse.cells} cells`;
  return `  ${cost.step.padEnd(12)} ${String(cost.syncs).padStart(5)}  ${request.padStart(24)}  ${response.padStart(24)}\n`;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--items");
  const sizes = (flag > 0 ? process.argv[flag + 1] : "500,5000").split(",").map(Number);
  const results: { items: number; costs: StepCost[] }[] = [];
  process.stdout.write("S&OP cycle on Office.js (strict fake Excel): round trips and largest request/response per step\n");
  for (const items of sizes) {
    process.stdout.write(`${items} items x 36 months\n  ${"step".padEnd(12)} ${"syncs".padStart(5)}  ${"largest request".padStart(24)}  ${"largest response".padStart(24)}\n`);
    const costs = await officeCycleCosts(Math.max(1, Math.round(items / 4)), (cost) => process.stdout.write(row(cost)));
    results.push({ items, costs });
  }
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-office.json"), JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
