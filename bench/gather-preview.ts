/**
 * The pane's "Import file" in the browser preview, as a planner uses it: a seeded CSV of 1 million
 * order lines (bench/orderLinesData, generated into the system's temporary folder, not timed) picked
 * in step 1's Import file with monthly buckets, in Debian's Chromium; DuckDB-wasm reads the file from
 * disk in its Web Worker and the history is written into the preview's workbook. Reports the time
 * from picking the file to the report on screen. Needs the built dist/ (npm run build).
 *
 *   npm run bench:gather-preview              1 million lines; writes out/bench-gather-preview.json
 *   node dist-cli/bench/gather-preview.js --lines 100000
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { openPreview, ROOT } from "../tests/browser/previewHarness";
import { writeOrderLines } from "./orderLinesData";

async function run(): Promise<void> {
  const lineArg = process.argv.indexOf("--lines");
  const lines = lineArg > 0 ? Number(process.argv[lineArg + 1]) : 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-bench-gather-preview-"));
  const csv = path.join(dir, "order-lines.csv");
  const preview = await openPreview();
  try {
    await writeOrderLines(csv, lines);
    const megabytes = Math.round(fs.statSync(csv).size / 1e6);
    const { page } = preview;
    const started = performance.now();
    await page.getByLabel("Order-line file").setInputFiles(csv);
    const report = page.getByRole("status").filter({ hasText: "Imported in" });
    await report.waitFor({ timeout: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    const text = await report.innerText();
    process.stdout.write(`${text}\n\n${lines.toLocaleString("en-US")} order lines (${megabytes} MB CSV) in the preview's pane: ${seconds.toFixed(1)} s, load average ${os.loadavg()[0].toFixed(1)}\n`);
    if (preview.pageErrors.length > 0) throw new Error(`the page threw: ${preview.pageErrors.join("; ")}`);
    fs.mkdirSync(path.join(ROOT, "out"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "out", "bench-gather-preview.json"), `${JSON.stringify({ lines, csvMegabytes: megabytes, seconds, loadAverage: os.loadavg()[0] }, null, 2)}\n`);
  } finally {
    await preview.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
});
