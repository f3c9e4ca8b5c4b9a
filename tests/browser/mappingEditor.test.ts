/**
 * Step 1's mapping editor and the forecast-to-consensus view in the task pane (headless Chromium over
 * the built dist/; run `npm run build` first): an override typed into SOP Overrides shows in the
 * consensus view of its item; a planner cuts the sample's history to its first 24 months in the
 * editor and step 1 then reads 24; an export the proposal reads wrong (outlet and key account columns
 * it does not know) is corrected in the editor, previewed, accepted, and step 1 then reads it exactly.
 * Screenshots: mapping-editor.png and consensus-view.png.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { exportBook } from "../cycle/mappingFixtures";
import { openPreview, runStep, SCREENSHOTS, type OpenPreview } from "./previewHarness";

let preview: OpenPreview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  expect(preview.pageErrors).toEqual([]);
  await preview?.close();
});

/** Select a cell of the shown sheet and type into it as a planner would, then Enter. */
async function typeInto(address: string, text: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/** The mapping editor of step 1, opened. */
async function openEditor(): Promise<Locator> {
  await page.locator("#sop-step-tab-gather").click();
  const editor = page.getByRole("region", { name: "Data mapping" });
  await editor.getByRole("button", { name: "Correct the mapping" }).click();
  await editor.getByLabel("Item").waitFor({ timeout: 30_000 });
  return editor;
}

/** Choose the entry of a drop-down of the editor whose text starts with `text`. */
async function choose(editor: Locator, label: string, text: string): Promise<void> {
  const select = editor.getByLabel(label, { exact: true });
  const value = await select.locator("option").filter({ hasText: new RegExp(`^${text}`) }).first().getAttribute("value");
  await select.selectOption(value ?? "");
}

/** Preview, check what it says, accept. */
async function previewAndAccept(editor: Locator, expected: RegExp): Promise<string> {
  await editor.getByRole("button", { name: "Preview what step 1 reads" }).click();
  const shown = editor.getByRole("region", { name: "Mapping preview" }).filter({ hasText: expected });
  await shown.waitFor({ timeout: 30_000 });
  const text = (await shown.textContent()) ?? "";
  await editor.getByRole("button", { name: "Accept this mapping" }).click();
  await editor.getByRole("status").filter({ hasText: "Saved in this workbook" }).waitFor();
  return text;
}

test("the consensus view shows the statistical forecast, the sales override typed in SOP Overrides and the consensus of the item picked", async () => {
  expect(await runStep(page, "gather", "Check the workbook")).toMatch(/^Found 40 items with 36 periods/);
  await page.locator("#sop-step-tab-demand").click();
  await page.locator("#sop-step-panel-demand").getByLabel("Months to forecast").fill("3");
  await runStep(page, "demand", "Forecast demand", /^Forecast 40 items for 3 months/);
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "SOP Overrides", exact: true }).click();
  for (const [address, text] of [["A2", "sales"], ["B2", "CH-102"], ["C2", "Feb-26"], ["D2", "900"], ["G2", "Trade fair"]]) await typeInto(address, text);
  await runStep(page, "demand", "Forecast demand", /^Forecast 40 items for 3 months/);

  const panel = page.getByRole("region", { name: "Forecast to consensus" });
  await panel.getByRole("button", { name: "Show an item's consensus" }).click();
  await panel.getByLabel("Item").selectOption({ label: "CH-102" });
  const table = panel.getByRole("table", { name: "Consensus of CH-102" });
  await table.waitFor({ timeout: 30_000 });
  expect(await table.locator("thead th").allTextContents()).toEqual(["Month", "Statistical", "Sales", "Consensus"]);
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  expect(rows.map((row) => row[0])).toEqual(["2026-01", "2026-02", "2026-03"]);
  expect(rows[1].slice(2)).toEqual(["900", "900"]);
  expect(rows[0][2]).toBe("");
  expect(rows[0][3]).toBe(rows[0][1]);
  expect(await panel.textContent()).toContain("Why: sales 2026-02: Trade fair");
  await panel.getByRole("figure").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "consensus-view.png"), animations: "disabled" });
});

test("a planner cuts the sample's history to 24 months in the editor; step 1 then reads 24", async () => {
  const editor = await openEditor();
  expect(await editor.getByLabel("Sales history in").inputValue()).toBe("SalesHistory");
  expect(await editor.getByLabel("Item", { exact: true }).locator("option:checked").textContent()).toMatch(/^A: Item ID/);
  await choose(editor, "Last period", "Y: ");
  const shown = await previewAndAccept(editor, /24 months \(2023-01 to 2024-12\)/);
  expect(shown).toMatch(/Rows: 40 read = 40 used \+ 0 left out/);
  expect(await runStep(page, "gather", "Check the workbook", /with 24 periods/)).toMatch(/^Found 40 items with 24 periods of history \(2023-01 to 2024-12\)/);
  const mapped = page.locator("#sop-step-panel-gather").getByRole("table", { name: "Mapped data" });
  expect(await mapped.locator("tbody tr").first().textContent()).toContain("as you corrected it");
});

test("an export read wrong is corrected in the editor: outlet as location, key account for reporting; step 1 then reads it exactly", async () => {
  await page.getByTestId("open-xlsx").setInputFiles({
    name: "export.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await (await exportBook()).xlsx.writeBuffer()),
  });
  await page.getByRole("tab", { name: "Export", exact: true }).waitFor();
  const gather = page.locator("#sop-step-panel-gather");
  await gather.getByRole("button", { name: "Check the workbook" }).click();
  await gather.getByRole("alert").filter({ hasText: /blocks? steps 2 to 6/ }).waitFor({ timeout: 60_000 });

  const editor = await openEditor();
  await choose(editor, "Header row", "Row 3:");
  await choose(editor, "Item", "A: Material");
  await choose(editor, "Location", "B: Outlet");
  await choose(editor, "Customer (for reporting)", "C: Key account");
  await choose(editor, "First period", "D: Jan 2025");
  await choose(editor, "Last period", "G: Apr 2025");
  await editor.getByRole("button", { name: "Preview what step 1 reads" }).click();
  await editor.getByRole("region", { name: "Mapping preview" }).waitFor({ timeout: 30_000 });
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name: "Export", exact: true }).click();
  await editor.getByRole("region", { name: "Mapping preview" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "mapping-editor.png"), animations: "disabled" });
  const shown = await previewAndAccept(editor, /2 items \(4 item x location series\), 4 months/);
  expect(shown).toMatch(/Quantity: 110 in = 110 used \+ 0 left out/);
  expect(shown).toContain("2 customer/channel totals kept for reporting");

  expect(await runStep(page, "gather", "Check the workbook", /^Found 2 items/)).toMatch(/^Found 2 items at 2 locations \(4 item x location series\) with 4 periods of history \(2025-01 to 2025-04\), 0 resources\. 0 errors/);
  const byCustomer = gather.getByRole("table", { name: "History by customer" });
  const rows = await byCustomer.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  expect(rows).toEqual([
    ["Acme", "", "86"],
    ["Bolt", "", "24"],
    ["Total", "", "110"],
  ]);
});

test("a sheet per month, which the drop-downs cannot show: the editor says so instead of failing on its header", async () => {
  const source = new ExcelJS.Workbook();
  for (const [name, quantity] of [["Jan 2025", 10], ["Feb 2025", 20], ["Mar 2025", 30]] as const) {
    source.addWorksheet(name).addRows([["SKU", "Plant", "Qty"], ["A-1", "1000", quantity], ["A-1", "2000", quantity + 1]]);
  }
  await page.getByTestId("open-xlsx").setInputFiles({
    name: "months.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await source.xlsx.writeBuffer()),
  });
  await page.getByRole("tab", { name: "Mar 2025", exact: true }).waitFor();
  const editor = await openEditor();
  const note = editor.getByTestId("mapping-note");
  expect(await note.textContent()).toMatch(/^Step 1 reads 3 sheets, one per month \("Jan 2025" to "Mar 2025"\)/);
  await page.screenshot({ path: path.join(SCREENSHOTS, "mapping-editor-sheet-per-month.png"), animations: "disabled" });
  expect(await runStep(page, "gather", "Check the workbook", /periods of history/)).toMatch(/^Found 1 item at 2 locations \(2 item x location series\) with 3 periods of history \(2025-01 to 2025-03\), 0 resources\. 0 errors and 0 warnings/);
});

test("versions a planner names: 'Actual' beside 'Version B' is refused by the proposal, and read once the planner picks the measure in the editor", async () => {
  const source = new ExcelJS.Workbook();
  source.addWorksheet("Versions").addRows([
    ["SKU", "Version", "Jan 2025", "Feb 2025", "Mar 2025"],
    ["A-1", "Actual", 10, 11, 12],
    ["A-1", "Version B", 90, 90, 90],
    ["A-2", "Actual", 5, 6, 7],
    ["A-2", "Version B", 80, 80, 80],
  ]);
  await page.getByTestId("open-xlsx").setInputFiles({
    name: "versions.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await source.xlsx.writeBuffer()),
  });
  await page.getByRole("tab", { name: "Versions", exact: true }).waitFor();
  const editor = await openEditor();
  await choose(editor, "Sales history in", "Sheet Versions");
  await choose(editor, "Layout", "Periods across");
  await choose(editor, "Header row", "Row 1:");
  await choose(editor, "Item", "A: SKU");
  await choose(editor, "Measure (key figure)", "B: Version");
  expect(await editor.getByLabel("Measure read as demand").locator("option").allTextContents()).toEqual(["Actual", "Version B"]);
  await editor.getByLabel("Measure read as demand").selectOption("Actual");
  await choose(editor, "First period", "C: Jan 2025");
  await choose(editor, "Last period", "E: Mar 2025");
  await page.screenshot({ path: path.join(SCREENSHOTS, "mapping-editor-measure.png"), animations: "disabled" });
  const shown = await previewAndAccept(editor, /2 items, 3 months/);
  expect(shown).toMatch(/Quantity: 561 in = 51 used \+ 510 left out/);
  expect(await runStep(page, "gather", "Check the workbook", /periods of history/)).toMatch(/^Found 2 items with 3 periods of history \(2025-01 to 2025-03\), 0 resources\. 0 errors/);
});
