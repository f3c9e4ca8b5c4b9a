/**
 * Benchmark of steps 1 to 5 in the browser preview, as a planner runs them: a generated 500-item
 * workbook (the sample's generator, 125 items per family, 36 months) opened with "Open .xlsx", then each
 * step's Run button pressed in the task pane in Debian's Chromium (HiGHS in its Web Worker).
 * Needs the built dist/ (npm run build). Target: under 60 s for steps 1 to 5.
 * Usage: npm run bench:preview
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { buildSampleWorkbook, sampleData } from "../scripts/make-sample";
import { openPreview, runStep } from "../tests/browser/previewHarness";

const STEPS: [string, string, string][] = [
  ["gather", "Check the workbook", "1 gather & check"],
  ["demand", "Forecast demand", "2 demand forecast (18 months)"],
  ["supply", "Plan supply", "3 supply plan (chase, level, optimal)"],
  ["reconcile", "Compare scenarios", "4 reconcile + scenarios"],
  ["present", "Record the decision", "5 summary + approval"],
];

async function main(): Promise<void> {
  const perFamily = 125;
  const bytes = Buffer.from((await buildSampleWorkbook(sampleData(20240101, perFamily)).xlsx.writeBuffer()) as ArrayBuffer);
  const preview = await openPreview();
  const { page } = preview;
  try {
    const started = performance.now();
    await page.getByTestId("open-xlsx").setInputFiles({ name: "bench-500.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
    await page.getByText("bench-500.xlsx", { exact: true }).waitFor({ timeout: 120_000 });
    const timings: [string, number][] = [["open workbook", performance.now() - started]];
    for (const [id, button, label] of STEPS) {
      if (id === "present") {
        await page.locator("#sop-step-tab-present").click();
        const panel = page.locator("#sop-step-panel-present");
        await panel.getByLabel("Decision").selectOption("approve");
        await panel.getByLabel("Your name").fill("Benchmark");
      }
      const t = performance.now();
      await runStep(page, id, button);
      timings.push([label, performance.now() - t]);
    }
    const stepsTotal = timings.slice(1).reduce((s, [, ms]) => s + ms, 0);
    const lines = [
      `S&OP cycle in the browser preview (Chromium), ${perFamily * 4} items x 36 months`,
      ...timings.map(([label, ms]) => `  ${label.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s`),
      `  ${"steps 1-5".padEnd(40)} ${(stepsTotal / 1000).toFixed(2).padStart(7)} s   (target < 60 s)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const out = path.join(__dirname, "..", "..", "out");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "bench-preview.json"), JSON.stringify({ items: perFamily * 4, timings: Object.fromEntries(timings), stepsSeconds: stepsTotal / 1000 }, null, 2));
    if (preview.pageErrors.length > 0) throw new Error(`The page reported errors: ${preview.pageErrors.join("; ")}`);
  } finally {
    await preview.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
