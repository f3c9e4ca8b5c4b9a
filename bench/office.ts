/**
 * Round trips and request sizes of the S&OP cycle on Office.js: steps 1 to 6 on the sample's generator
 * (4 families, 36 months of history) through OfficeWorkbook over the strict fake Excel, as the task
 * pane runs them. Per step: context.sync() calls, and the largest request and response (bytes as JSON,
 * cells). Targets: at most 10 syncs per step at 500 items; every request under 2 MB and every response
 * under Excel on the web's 5 MB at 500 and 5,000 items. Then once more at the first size with a raw-data
 * sheet of 1,000,000 order lines (6 columns) beside the mapped tables: the cells each step reads of it
 * (a header and a sample at most; a full read would be 6,000,000 cells, over Excel's 5,000,000 per read).
 * Usage: npm run bench:office [-- --items 500,5000] [--raw-rows 1000000 (0: none)]
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
  return `  ${cost.step.padEnd(12)} ${String(cost.syncs).padStart(5)}  ${request.padStart(24)}  ${response.padStart(24)}  ${String(cost.cellsRead).padStart(10)}  ${String(cost.rawCellsRead).padStart(9)}\n`;
}

function tableHeader(title: string): string {
  const columns = ["largest request", "largest response"].map((name) => name.padStart(24)).join("  ");
  return `${title}\n  ${"step".padEnd(12)} ${"syncs".padStart(5)}  ${columns}  ${"cells read".padStart(10)}  ${"raw sheet".padStart(9)}\n`;
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--items");
  const sizes = (flag > 0 ? process.argv[flag + 1] : "500,5000").split(",").map(Number);
  const rawFlag = process.argv.indexOf("--raw-rows");
  const rawRows = rawFlag > 0 ? Number(process.argv[rawFlag + 1]) : 1_000_000;
  const runs = [...sizes.map((items) => ({ items, rawRows: 0 })), ...(rawRows > 0 ? [{ items: sizes[0], rawRows }] : [])];
  const results: { items: number; rawRows: number; costs: StepCost[] }[] = [];
  process.stdout.write("S&OP cycle on Office.js (strict fake Excel): round trips, largest request/response and cells read per step\n");
  for (const { items, rawRows: raw } of runs) {
    const title = raw > 0 ? `${items} items x 36 months, beside a raw sheet of ${raw.toLocaleString("en-US")} order lines x 6 columns` : `${items} items x 36 months`;
    process.stdout.write(tableHeader(title));
    const costs = await officeCycleCosts(Math.max(1, Math.round(items / 4)), (cost) => process.stdout.write(row(cost)), raw);
    results.push({ items, rawRows: raw, costs });
  }
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-office.json"), JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
