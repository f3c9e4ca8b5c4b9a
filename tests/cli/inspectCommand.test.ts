import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runInspectCommand } from "../../src/cli/inspectCommand";
import { PlanningError } from "../../src/core/errors";
import { proposeMapping, saveMapping } from "../../src/cycle/mapping";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { captureOutput } from "./captureOutput";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await captureOutput(() => runInspectCommand(args));
  return { code, out: stdout, err: stderr };
}

describe("sop inspect", () => {
  it("reports the sample's tables, what the mapping recognises and the validation summary", async () => {
    const { code, out } = await run(["assets/sample-sop.xlsx"]);
    expect(code).toBe(0);
    expect(out).toContain("SalesHistory  'Sales History'!A1:AK41  40 rows");
    expect(out).toContain("history:   40 items x 36 periods (2023-01 .. 2025-12), periods across columns");
    expect(out).toContain("40 items in 4 families");
    expect(out).toContain("hours per unit: Assembly, Finishing, Packing");
    expect(out).toContain("resources: 3 (Assembly, Finishing, Packing)");
    expect(out).toContain("capacity:  3 resources x 24 periods (2026-01 .. 2027-12)");
    expect(out).toContain("Data mapping (proposed; not saved yet)");
    expect(out).toMatch(/Validation: 0 errors, \d+ warnings/);
    expect(out).toContain("'Sales History'!I4");
  });

  it("uses the mapping saved in the workbook and prints JSON on request", async () => {
    const book = await MemoryWorkbook.fromXlsx(fs.readFileSync("assets/sample-sop.xlsx"));
    await saveMapping(book, await proposeMapping(book));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-inspect-")), "mapped.xlsx");
    fs.writeFileSync(file, await book.toXlsx());
    const { code, out } = await run([file, "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.mappingSaved).toBe(true);
    expect(report.mapping.history.periods).toHaveLength(36);
    expect(report.validation.errors).toBe(0);
  });

  it("says why a history it refuses was not read: quarters name no calendar month", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Sales").addRows([
      ["Item", "Q1 2024", "Q2 2024", "Q3 2024", "Q4 2024"],
      ["A-1", 10, 12, 11, 14],
    ]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-inspect-")), "quarters.xlsx");
    await book.xlsx.writeFile(file);
    const { code, out } = await run([file]);
    expect(code).toBe(0);
    expect(out).toContain('  note:      Sales!B1: "Q1 2024" names a period step 1 cannot place on the calendar');
    expect(out).toMatch(/No sales history was found: Sales!B1: "Q1 2024" names a period .* Select the range, table or sheet that holds your demand history\./);
  });

  it("refuses a usage mistake and a bad file with a planner-readable error", async () => {
    await expect(run([])).rejects.toThrow("Give one workbook: sop inspect book.xlsx [--json] [--all]");
    await expect(run(["a.xlsx", "--fast"])).rejects.toThrow("Unknown option --fast. Usage: sop inspect");
    await expect(run(["no/such/file.xlsx"])).rejects.toThrow('Cannot read "no/such/file.xlsx": no such file.');
    const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sop-inspect-")), "junk.xlsx");
    fs.writeFileSync(junk, "this is not a workbook");
    await expect(run([junk])).rejects.toBeInstanceOf(PlanningError);
    await expect(run([junk])).rejects.toThrow("This file is not an Excel workbook (.xlsx) or is damaged");
    const csv = path.join(path.dirname(junk), "sales.csv");
    fs.writeFileSync(csv, "Item,Jan 2024\nA,1\n");
    await expect(run([csv])).rejects.toThrow(`"${csv}" is a text file: this command reads an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx, or put its order lines into a workbook with sop gather`);
  });
});
