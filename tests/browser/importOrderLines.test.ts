/**
 * Step 1's Import file in the browser preview (built dist/, headless Chromium): a small order-line CSV
 * picked in the pane is read by DuckDB-wasm from dist/ (no network), the report shows the
 * reconciliation and the service, and the saved workbook holds the history by item x location x month.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { openPreview, saveWorkbook, type OpenPreview } from "./previewHarness";

const LINES = [
  "Order Date,Order,Customer,SKU,Ship-from,Qty,Requested Date,Delivered Date",
  "2024-01-05,SO1,C1,A,DC1,10,2024-01-10,2024-01-09",
  "2024-01-31,SO2,C2,A,DC1,5,2024-02-02,2024-02-04",
  '2024-02-15,SO3,C1,A,DC2,"1,200",2024-02-20,2024-02-20',
  "2024-03-01,SO4,C3,B,DC1,7,2024-03-05,",
  "2024-13-01,SO5,C3,B,DC1,3,2024-03-05,2024-03-06",
].join("\n");

let preview: OpenPreview;

beforeAll(async () => {
  preview = await openPreview();
});

afterAll(async () => {
  await preview?.close();
});

test("a CSV of order lines picked in step 1 becomes SOP Order History, with its reconciliation and service shown", async () => {
  const { page } = preview;
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-import-")), "lines.csv");
  fs.writeFileSync(csv, `${LINES}\n`);
  await page.getByLabel("Order-line file").setInputFiles(csv);
  const report = page.getByRole("status").filter({ hasText: "Imported in" });
  const problem = page.getByRole("alert");
  await report.or(problem).first().waitFor({ timeout: 120_000 });
  expect(await problem.count()).toBe(0);
  const text = await report.innerText();
  expect(text).toContain("Rows in 5 = used 4 + left out 1");
  expect(text).toContain("left out, unreadable order date: 1 row (quantity 3); line 6");
  expect(text).toContain("OTIF 66.7%, on time 66.7%, in full 100.0% of 3 lines measured (0 overdue, 1 open not yet due)");
  const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(await saveWorkbook(page)));
  expect(await book.read("SOP Order History")).toEqual([
    ["Item", "Location", "2024-01", "2024-02", "2024-03"],
    ["A", "DC1", 15, 0, 0],
    ["A", "DC2", null, 1200, 0],
    ["B", "DC1", null, null, 7],
  ]);
  expect(preview.pageErrors).toEqual([]);
});

test("a planning book's lines whose measures could each be demand are refused, then read once the planner names the measure", async () => {
  const { page } = preview;
  const csv = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-import-")), "versions.csv");
  fs.writeFileSync(csv, "Month,Material,Version,Value\n2024-01-01,A,Actual,10\n2024-01-01,A,Version B,9\n2024-02-01,A,Actual,11\n2024-02-01,A,Version B,8\n");
  const problem = page.getByRole("alert").filter({ hasText: "which of them is demand is not guessed" });
  await page.getByLabel("Order-line file").setInputFiles(csv);
  await problem.waitFor({ timeout: 120_000 });
  expect(await problem.innerText()).toContain("Name it (Measure read as demand beside step 1's Import file");
  await page.getByLabel("Measure read as demand").fill("Version B");
  await page.getByLabel("Order-line file").setInputFiles(csv);
  const report = page.getByRole("status").filter({ hasText: "Imported in" });
  await report.waitFor({ timeout: 120_000 });
  expect(await report.innerText()).toContain('measure = "Version" (read as demand: its "Version B" lines)');
  const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(await saveWorkbook(page)));
  expect((await book.read("SOP Order History")).slice(1)).toEqual([["A", 9, 8]]);
  expect(preview.pageErrors).toEqual([]);
});
