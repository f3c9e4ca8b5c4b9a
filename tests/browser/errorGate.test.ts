/**
 * Errors gate the cycle in the task pane (headless Chromium over the built dist/; run `npm run build`
 * first): a workbook with a duplicated item x location opens in the preview; step 1 lists the errors
 * with their cells and no green tick; step 2 refuses with the same list until the planner accepts the
 * errors with a reason, which then runs it.
 */
import type { Page } from "playwright-core";
import { FIXTURE_MONTHS, twoLocationBook } from "../cycle/locationFixture";
import { openPreview, type OpenPreview } from "./previewHarness";

let preview: OpenPreview;
let page: Page;

beforeAll(async () => {
  preview = await openPreview();
  page = preview.page;
  const book = await twoLocationBook([["A-1", "North", ...FIXTURE_MONTHS.map(() => 1)]]);
  await page.getByTestId("open-xlsx").setInputFiles({
    name: "duplicated.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await book.toXlsx()),
  });
  await page.getByRole("tab", { name: "Sales", exact: true }).waitFor();
});

afterAll(async () => {
  await preview?.close();
});

test("step 1 lists the duplicate with its cell and marks the step as blocked, not done", async () => {
  const panel = page.locator("#sop-step-panel-gather");
  await panel.getByRole("button", { name: "Check the workbook" }).click();
  const gate = panel.getByRole("alert").filter({ hasText: "1 error blocks steps 2 to 6" });
  await gate.waitFor({ timeout: 60_000 });
  expect(await gate.getByRole("list", { name: "Errors of step 1" }).textContent()).toMatch(/Sales!A8: The item A-1 at location North appears twice \(first at Sales!A2\)/);
  await page.getByRole("tab", { name: "Step 1, Gather & check data, errors to fix or accept" }).waitFor();
});

test("step 2 refuses with the list until the errors are accepted with a reason, then runs", async () => {
  await page.locator("#sop-step-tab-demand").click();
  const panel = page.locator("#sop-step-panel-demand");
  await panel.getByLabel("Months to forecast").fill("3");
  await panel.getByRole("button", { name: "Forecast demand" }).click();
  const gate = panel.getByRole("alert").filter({ hasText: "1 error blocks steps 2 to 6" });
  await gate.waitFor({ timeout: 60_000 });
  expect(await gate.textContent()).toContain("Sales!A8");
  expect(await gate.getByRole("button", { name: "Accept and run" }).isDisabled()).toBe(true);
  await gate.getByLabel("Accept with reason").fill("test order row");
  await gate.getByRole("button", { name: "Accept and run" }).click();
  const summary = panel.getByRole("status").filter({ hasText: /^Forecast 6 item x location series for 3 months/ });
  await summary.waitFor({ timeout: 60_000 });
  expect(await panel.textContent()).toContain('accepted on');
  expect(await panel.getByRole("alert").count()).toBe(0);
});
