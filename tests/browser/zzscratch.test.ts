import { openPreview, runStep, type OpenPreview } from "./previewHarness";
let p: OpenPreview;
beforeAll(async () => { p = await openPreview(); });
afterAll(async () => { await p?.close(); });
test("scratch", async () => {
  const page = p.page;
  const shot = async (id: string, name: string) => {
    const tables = page.locator(`#sop-step-panel-${id} section`);
    const n = await tables.count();
    for (let i = 0; i < n; i++) {
      await tables.nth(i).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/${name}-t${i}.png`, animations: "disabled" });
    }
  };
  await runStep(page, "gather", "Check the workbook"); await shot("gather", "1");
  await runStep(page, "demand", "Forecast demand"); await shot("demand", "2");
  await runStep(page, "supply", "Plan supply"); await shot("supply", "3");
  await runStep(page, "reconcile", "Compare scenarios"); await shot("reconcile", "4");
  await runStep(page, "present", "Record the decision"); await shot("present", "5");
});
