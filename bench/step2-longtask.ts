/**
 * How long step 2 holds the task pane's thread in Chromium: the browser preview (Debian's Chromium,
 * the built dist/) runs step 1, then step 2 through the task pane while a PerformanceObserver records
 * every "longtask" (a main-thread task over 50 ms); prints the longest and their total, on the bundled
 * sample (40 items) and on a generated 500-item workbook. Target: longest task under 200 ms on the
 * sample (the forecasts run in a Web Worker; Office warns the user when an add-in keeps a core busy).
 * Needs the built dist/ (npm run build). Usage: npm run bench:longtask
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { buildSampleWorkbook, sampleData } from "../scripts/make-sample";
import { openPreview, runStep } from "../tests/browser/previewHarness";

interface LongTasks {
  longest: number;
  total: number;
  count: number;
  workers: string[];
}

/** Run step 2 (18 months) and return the long tasks the page's thread had meanwhile. */
async function step2LongTasks(page: Page): Promise<LongTasks> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { sopLongTasks: number[] }).sopLongTasks = tasks;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => tasks.push(entry.duration))).observe({ type: "longtask" });
  });
  await runStep(page, "demand", "Forecast demand", /^Forecast \d+ items/);
  const tasks = await page.evaluate(() => (window as unknown as { sopLongTasks: number[] }).sopLongTasks);
  return { longest: Math.max(0, ...tasks), total: tasks.reduce((sum, ms) => sum + ms, 0), count: tasks.length, workers: page.workers().map((worker) => worker.url()) };
}

/** Open the preview (on the sample, or on the given workbook), run steps 1 and 2, and measure step 2. */
async function measure(workbook?: { name: string; bytes: Buffer }): Promise<LongTasks> {
  const preview = await openPreview();
  const { page } = preview;
  try {
    if (workbook) {
      await page.getByTestId("open-xlsx").setInputFiles({ name: workbook.name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: workbook.bytes });
      await page.getByText(workbook.name, { exact: true }).waitFor({ timeout: 120_000 });
    }
    await runStep(page, "gather", "Check the workbook");
    const tasks = await step2LongTasks(page);
    if (preview.pageErrors.length > 0) throw new Error(`The page reported errors: ${preview.pageErrors.join("; ")}`);
    return tasks;
  } finally {
    await preview.close();
  }
}

async function main(): Promise<void> {
  const perFamily = 125;
  const bytes = Buffer.from((await buildSampleWorkbook(sampleData(20240101, perFamily)).xlsx.writeBuffer()) as ArrayBuffer);
  const results: [string, LongTasks][] = [
    ["sample, 40 items", await measure()],
    [`generated, ${perFamily * 4} items`, await measure({ name: "bench-500.xlsx", bytes })],
  ];
  const lines = [
    "Step 2 (18 months) in the browser preview (Chromium): main-thread long tasks (> 50 ms)",
    ...results.map(([label, r]) => `  ${label.padEnd(24)} longest ${r.longest.toFixed(0).padStart(5)} ms   ${String(r.count).padStart(3)} long tasks, ${r.total.toFixed(0).padStart(6)} ms in all`),
    "  target: longest under 200 ms on the sample",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  const out = path.join(__dirname, "..", "..", "out");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "bench-step2-longtask.json"), JSON.stringify(Object.fromEntries(results), null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
