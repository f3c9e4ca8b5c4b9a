import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readAuditLog } from "../../src/cycle/approval";
import { runCycle } from "../../src/cycle/runCycle";
import { runPresentStep } from "../../src/cycle/presentStep";
import { scenarioChoices } from "../../src/cycle/scenarioPlan";
import { SHEETS } from "../../src/cycle/sheets";
import { diffApprovedVersions, writeVersionDiff } from "../../src/cycle/versionDiff";
import { verifyApprovals } from "../../src/cycle/verifyApprovals";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { captureOutput } from "../cli/captureOutput";

const sample = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");

/** Demand rows of a plan sheet, by item. */
function demandRows(values: (string | number | boolean | null)[][]): Map<string, number[]> {
  return new Map(values.filter((row) => row[2] === "Demand").map((row) => [String(row[0]), row.slice(3).map(Number)]));
}

describe("approving a chosen scenario", () => {
  let book: MemoryWorkbook;

  beforeAll(async () => {
    book = await MemoryWorkbook.fromXlsx(fs.readFileSync(sample));
    await runCycle(book, { demand: { horizon: 6 }, approver: "Ann Approver", scenario: "Demand +10%" });
    await runPresentStep(book, { decision: "approve", approver: "Bob Boss", comment: "base", scenario: "Base", identity: "signed-in" });
  }, 240_000);

  test("the scenarios to choose from are those step 4 compared, Base first", async () => {
    expect(await scenarioChoices(book)).toEqual(["Base", "Demand +10%", expect.stringMatching(/Capacity -10%$/)]);
  });

  test("the approved scenario's plan differs from the base exactly as the scenario says: every item's demand 10% higher", async () => {
    const [scenario, base] = await readAuditLog(book);
    expect(scenario).toMatchObject({ scenario: "Demand +10%", version: 1, identity: "self-declared" });
    expect(base).toMatchObject({ scenario: "Base", version: 2, identity: "signed-in" });
    expect(scenario.hash).not.toBe(base.hash);
    expect(book.sheetValues(base.sheet)).toEqual(book.sheetValues(SHEETS.supplyPlan));
    const baseDemand = demandRows(book.sheetValues(base.sheet));
    const scenarioDemand = demandRows(book.sheetValues(scenario.sheet));
    expect([...scenarioDemand.keys()]).toEqual([...baseDemand.keys()]);
    expect(baseDemand.size).toBe(40);
    for (const [item, demand] of baseDemand) {
      (scenarioDemand.get(item) ?? []).forEach((units, t) => expect(Math.abs(units - demand[t] * 1.1)).toBeLessThanOrEqual(0.011));
    }
    expect(scenario.totals.demand).toBeCloseTo(base.totals.demand * 1.1, 0);
    expect((await verifyApprovals(book)).changed).toBe(false);
  });

  test("the version diff shows the scenario's extra demand by item and month, and money rows", async () => {
    const diff = await diffApprovedVersions(book, "v2", "v1");
    const baseDemand = demandRows(book.sheetValues((await readAuditLog(book))[1].sheet));
    const demandChange = diff.rows.filter((row) => row[1] === "Demand (units)");
    expect(demandChange.length).toBe([...baseDemand.values()].filter((demand) => demand.some((units) => units > 0)).length);
    for (const row of demandChange) {
      const base = baseDemand.get(String(row[0])) ?? [];
      row.slice(2, -1).forEach((change, t) => expect(Math.abs(Number(change) - base[t] * 0.1)).toBeLessThanOrEqual(0.011));
    }
    expect(diff.rows.some((row) => row[1] === "Revenue")).toBe(true);
    await writeVersionDiff(book, "v2", "v1");
    expect(book.sheetValues(SHEETS.planDiff)[0][0]).toBe(`${diff.to} less ${diff.from}`);
    expect(book.sheetValues(SHEETS.planDiff).slice(1)).toEqual(diff.rows);
  });

  test("a scenario step 4 did not compare, or a version not approved, is refused with the choices", async () => {
    await expect(runPresentStep(book, { decision: "approve", approver: "Ann", scenario: "Demand +50%" })).rejects.toThrow(/"Demand \+50%" was not compared in step 4; choose one of "Base", "Demand \+10%"/);
    await expect(diffApprovedVersions(book, "v1", "v7")).rejects.toThrow(/no approved version "v7".*Plan 2026-01 v1, Plan 2026-01 v2/);
  });

  test("sop diff prints the changed rows and writes SOP Plan Diff with --out", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-diff-"));
    const file = path.join(dir, "approved.xlsx");
    fs.writeFileSync(file, await book.toXlsx());
    const out = path.join(dir, "compared.xlsx");
    const run = await captureOutput(() => main(["diff", file, "v2", "v1", "--out", out]));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Plan 2026-01 v1 less Plan 2026-01 v2: \d+ changed rows/);
    expect(run.stdout).toMatch(/Demand \(units\)/);
    expect((await MemoryWorkbook.fromXlsx(fs.readFileSync(out))).sheetNames()).toContain(SHEETS.planDiff);
  });
});
