/**
 * A workbook saved in LibreOffice (headless, as `soffice --convert-to xlsx`) keeps what the add-in
 * relies on: its tables save again, the cycle runs, approved plans read back protected and verify, and
 * the add-in's records are found (and made very hidden again). Needs LibreOffice (Debian:
 * libreoffice-calc-nogui); without it the tests are skipped with a message.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { SHEETS } from "../../src/cycle/sheets";
import { verifyApprovals } from "../../src/cycle/verifyApprovals";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { captureOutput } from "../cli/captureOutput";
import { hasLibreOffice, saveInLibreOffice } from "./libreOffice";

const sample = path.join(__dirname, "..", "..", "assets", "sample-sop.xlsx");
const available = hasLibreOffice();
if (!available) console.warn("LibreOffice round trip tests skipped: soffice is not installed (Debian package libreoffice-calc-nogui).");
const describeWithLibreOffice = available ? describe : describe.skip;

describeWithLibreOffice("a workbook saved in LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-libreoffice-"));

  test("the LibreOffice-saved sample runs the whole cycle, and its approved plan survives a second LibreOffice save: protected, verified against its receipt", async () => {
    const saved = saveInLibreOffice(sample, dir);
    const planned = path.join(dir, "planned.xlsx");
    const receipt = path.join(dir, "receipt.json");
    const run = await captureOutput(() => main(["run", saved, "--out", planned, "--approve", "Dana Planner", "--receipt", receipt, "--horizon", "6"]));
    expect(run).toMatchObject({ code: 0, stderr: expect.not.stringMatching(/unexpected problem/) });
    expect(run.stdout).toMatch(/Approved by Dana Planner/);

    const resaved = saveInLibreOffice(planned, dir);
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync(resaved));
    const sheets = await book.listSheets();
    expect(sheets.filter((sheet) => sheet.protected).map((sheet) => sheet.name).sort()).toEqual([SHEETS.auditLog, "Plan 2026-01 v1"].sort());
    expect(await book.metadataVisibility()).toBe("hidden");
    const report = await verifyApprovals(book);
    expect(report.changed).toBe(false);
    expect(report.findings).toEqual([expect.objectContaining({ kind: "warning", where: "_sop_meta", message: expect.stringMatching(/was hidden, not very hidden/) })]);
    const verified = await captureOutput(() => main(["verify", resaved, "--receipt", receipt]));
    expect(verified.code).toBe(0);

    const again = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(await again.metadataVisibility()).toBe("veryHidden");
    expect((await again.listSheets()).find((sheet) => sheet.name === "Plan 2026-01 v1")?.protected).toBe(true);
  }, 240_000);

  test("a file whose formulas were written without their values is refused by step 1, naming the cell, and reads right once LibreOffice has saved it", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Sales").addRows([
      ["Item", "Jan 2024", "Feb 2024", "Mar 2024"],
      ["A-1", 10, 11, 12],
      ["A-2", { formula: "B2*2" }, { formula: "C2*2" }, { formula: "D2*2" }],
    ]);
    const written = path.join(dir, "formulas.xlsx");
    await source.xlsx.writeFile(written);
    const before = await captureOutput(() => main(["inspect", written]));
    expect(before.stdout).toContain("Sales!B3 holds a formula (=B2*2) whose value was not saved with the file (and 2 more cells of Sales): step 1 reads such cells as blank.");
    const after = await captureOutput(() => main(["history", saveInLibreOffice(written, dir), "--out", path.join(dir, "history.csv")]));
    expect(after.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, "history.csv"), "utf8")).toContain("A-2,,2024-02,22");
  }, 120_000);
});
