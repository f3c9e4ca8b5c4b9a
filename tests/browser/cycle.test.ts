/**
 * The whole monthly cycle as a planner runs it in the browser preview (headless Chromium over the
 * built dist/; run `npm run build` first): the six steps in order on the sample through the task pane,
 * the approved plan as a protected sheet, Save .xlsx reopened in Node with the approval audited and its
 * hash matching, a second approval kept beside the first, and monitoring. A screenshot of each step is
 * written as step-<n>-<name>.png (into docs/screenshots/ for the README with `npm run screenshots`).
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readAuditLog, verifyApproval } from "../../src/cycle/approval";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { openPreview, runStep, saveWorkbook, SCREENSHOTS, type OpenPreview } from "./previewHarness";

const FIRST = "Plan 2026-01 v1";
const SECOND = "Plan 2026-01 v2";
const APPROVER = "Dana Planner";

let preview: OpenPreview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await preview?.close();
});

/** The step's panel in the task pane. */
function panel(id: string) {
  return page.locator(`#sop-step-panel-${id}`);
}

/** The tab of a sheet under the grid. */
function sheetTab(name: string) {
  return page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true });
}

/**
 * Show the sheet the step wrote in the grid, bring the step's summary into view in the pane and save
 * a screenshot of the preview as <file>.png in SCREENSHOTS.
 */
async function screenshot(id: string, sheet: string, file: string): Promise<void> {
  await sheetTab(sheet).click();
  await page.getByRole("grid", { name: `Sheet ${sheet}` }).waitFor();
  await panel(id).getByRole("status").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, `${file}.png`), animations: "disabled" });
}

/** Approve the plan in step 5 as Dana Planner and return the summary. */
async function approve(comment: string, expectedSheet: string): Promise<string> {
  await page.locator("#sop-step-tab-present").click();
  await panel("present").getByLabel("Decision").selectOption("approve");
  await panel("present").getByLabel("Your name").fill(APPROVER);
  await panel("present").getByLabel("Comment").fill(comment);
  return runStep(page, "present", "Record the decision", new RegExp(`"${expectedSheet}"`));
}

/** Save through Save .xlsx and open the downloaded bytes in Node. */
async function saveAndReopen(): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(fs.readFileSync(await saveWorkbook(page)));
}

test("step 1 checks the sample workbook and prepares the planning sheets", async () => {
  expect(await runStep(page, "gather", "Check the workbook")).toMatch(/^Found 40 items with 36 periods of history/);
  await screenshot("gather", "SOP Clean History", "step-1-gather");
});

test("step 2 forecasts the horizon the planner asks for, in a Web Worker, off the pane's thread", async () => {
  await page.locator("#sop-step-tab-demand").click();
  await panel("demand").getByLabel("Months to forecast").fill("12");
  expect(page.workers()).toHaveLength(0);
  expect(await runStep(page, "demand", "Forecast demand")).toMatch(/^Forecast 40 items for 12 months \(2026-01 to 2026-12\)/);
  expect(page.workers().map((worker) => path.basename(new URL(worker.url()).pathname))).toEqual(["sop-forecasts.js"]);
  const chart = panel("demand").getByRole("region", { name: "History, forecast and interval" });
  await expect(chart.getByRole("img", { name: /History, forecast and interval: CH-101: History, Forecast, Lower 80%, Upper 80% over 36 periods/ }).count()).resolves.toBe(1);
  await chart.getByLabel("Item").selectOption({ label: "TB-103" });
  await chart.getByRole("img", { name: /: TB-103:/ }).waitFor();
  await screenshot("demand", "SOP Forecast", "step-2-demand");
});

test("step 3 plans supply with HiGHS in a Web Worker, off the pane's thread", async () => {
  expect(page.workers()).toHaveLength(1);
  expect(await runStep(page, "supply", "Plan supply")).toMatch(/^Optimal plan costs/);
  expect(page.workers()).toHaveLength(2);
  const optimal = panel("supply").getByRole("table", { name: "Strategies" }).getByRole("row").filter({ hasText: /^optimal/ });
  expect(await optimal.innerText()).toMatch(/^optimal\s+\d{1,3}(,\d{3})*\.\d\d\s+\d{1,3}\.\d%\s/);
  await screenshot("supply", "SOP Supply Plan", "step-3-supply");
});

test("step 4 compares the scenarios with the default changes", async () => {
  await page.locator("#sop-step-tab-reconcile").click();
  await expect(panel("reconcile").getByLabel("Demand change in scenario (%)").inputValue()).resolves.toBe("10");
  expect(await runStep(page, "reconcile", "Compare scenarios")).not.toBe("");
  const scenarios = panel("reconcile").getByRole("table", { name: "Scenarios" });
  const fillRate = await scenarios.getByRole("row").filter({ hasText: /^Fill Rate \(%\)/ }).innerText();
  expect(fillRate).toMatch(/^Fill Rate \(%\)\s+\d{2,3}\.\d%\s+\d{2,3}\.\d%\s+-?\d+\.\d%/);
  await sheetTab("SOP Scenarios").click();
  const baseCost = await page.getByRole("grid", { name: "Sheet SOP Scenarios" }).locator('[data-address="B2"]').innerText();
  expect(baseCost).toMatch(/^\d{1,3}(,\d{3})+$/);
  await screenshot("reconcile", "SOP Scenarios", "step-4-reconcile");
});

test("step 5 approves the plan: the grid shows the new sheet, its quantities in cents as SOP Supply Plan shows them", async () => {
  const summary = await approve("Agreed in the executive S&OP meeting.", FIRST);
  expect(summary).toMatch(new RegExp(`^Plan 2026-01: Approved by ${APPROVER}: written to "${FIRST}" \\(protected\\)`));
  await sheetTab(FIRST).waitFor();
  const fillRate = panel("present").getByRole("table", { name: "Executive summary" }).getByRole("row").filter({ hasText: /^Fill rate %/ });
  expect(await fillRate.innerText()).toMatch(/^Fill rate %\s+\d{1,3}\.\d%$/);
  await screenshot("present", FIRST, "step-5-present");
  const firstDemand = page.getByRole("grid", { name: `Sheet ${FIRST}` }).locator('[data-address="D2"]');
  expect(await firstDemand.innerText()).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/);
});

test("the saved workbook holds the approved sheet, protected, and the audit row whose hash matches it", async () => {
  const book = await saveAndReopen();
  const sheet = (await book.listSheets()).find((s) => s.name === FIRST);
  expect(sheet?.protected).toBe(true);
  const log = await readAuditLog(book);
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ decision: "approved", who: APPROVER, sheet: FIRST, version: 1, comment: "Agreed in the executive S&OP meeting." });
  expect(log[0].hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(verifyApproval(book, log[0])).resolves.toBe(true);
});

test("approving again writes version 2 and keeps version 1 as it was approved", async () => {
  await approve("Re-approved after the pricing review.", SECOND);
  await sheetTab(SECOND).waitFor();
  expect(await sheetTab(FIRST).isVisible()).toBe(true);
  const book = await saveAndReopen();
  const log = await readAuditLog(book);
  expect(log.map((entry) => [entry.sheet, entry.who])).toEqual([
    [FIRST, APPROVER],
    [SECOND, APPROVER],
  ]);
  const sheets = await book.listSheets();
  for (const entry of log) {
    expect(sheets.find((s) => s.name === entry.sheet)?.protected).toBe(true);
    await expect(verifyApproval(book, entry)).resolves.toBe(true);
  }
});

test("step 6 monitors the latest approved plan: no actuals yet for the sample", async () => {
  expect(await runStep(page, "execute", "Check plan vs actual")).toMatch(new RegExp(`^No actuals yet for ${SECOND} \\(it starts in 2026-01\\)`));
  await screenshot("execute", "SOP Monitor", "step-6-monitor");
  expect(preview.pageErrors).toEqual([]);
});

test("step 5 approves a scenario picked from those step 4 compared, and Verify finds every approved version unchanged", async () => {
  await page.locator("#sop-step-tab-present").click();
  const scenario = panel("present").getByLabel("Scenario to approve");
  await page.waitForFunction(() => [...document.querySelectorAll("#sop-step-panel-present option")].some((option) => option.textContent === "Demand +10%"));
  expect(await scenario.locator("option").allInnerTexts()).toEqual(["Base (the plan of step 3)", "Demand +10%", expect.stringMatching(/Capacity -10%$/)]);
  await scenario.selectOption("Demand +10%");
  await approve("The demand upside is the plan.", "Plan 2026-01 v3");
  const log = await readAuditLog(await saveAndReopen());
  expect(log.map((entry) => entry.scenario)).toEqual(["Base", "Base", "Demand +10%"]);
  expect(log[2].identity).toBe("self-declared");
  const verify = page.getByRole("region", { name: "Verify approved plans" });
  await verify.getByRole("button", { name: "Verify approved plans" }).click();
  await verify.getByText("3 approved version(s) verified: unchanged.").waitFor();
  expect(preview.pageErrors).toEqual([]);
});

test("step 6's Start next cycle asks for the actuals of the approved plan's first month before it rolls on", async () => {
  await page.locator("#sop-step-tab-execute").click();
  const start = page.getByRole("region", { name: "Start next cycle" });
  await start.getByRole("button", { name: "Start next cycle" }).click();
  await start.getByRole("alert").getByText("Type the actuals of 2026-01 into your history (a new month after 2025-12), save, then start the next cycle.").waitFor();
  await start.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, "step-6-start-next-cycle.png"), animations: "disabled" });
  expect(preview.pageErrors).toEqual([]);
});
