import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { approvalReceipt, approvePlan, readAuditLog } from "../../src/cycle/approval";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { captureOutput, type CommandRun } from "./captureOutput";

function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

describe("sop verify", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-verify-"));
  const book = path.join(dir, "approved.xlsx");
  const receipt = path.join(dir, "receipt.json");

  beforeAll(async () => {
    const workbook = MemoryWorkbook.empty();
    const plan = { cycle: "2026-01", scenario: "Base", header: ["Item", "Measure", "2026-01"], rows: [["A", "Production", 10]], numberFormats: ["@", "@", "0"], totals: { supply: 10 } };
    await approvePlan(workbook, plan, "Ann Approver", "", new Date("2026-01-05T10:00:00Z"));
    fs.writeFileSync(book, await workbook.toXlsx());
    fs.writeFileSync(receipt, JSON.stringify(approvalReceipt((await readAuditLog(workbook))[0])));
  });

  test("an untouched workbook verifies with its receipt: exit 0", async () => {
    const run = await sop("verify", book, "--receipt", receipt);
    expect(run).toEqual({ code: 0, stdout: `${book}: 1 approved version and 1 receipt verified, unchanged.\n`, stderr: "" });
  });

  test("an edited cell is named and the exit code is 2", async () => {
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.readFile(book);
    const sheet = raw.getWorksheet("Plan 2026-01 v1") as ExcelJS.Worksheet;
    sheet.unprotect();
    sheet.getCell("C2").value = 12;
    const edited = path.join(dir, "edited.xlsx");
    await raw.xlsx.writeFile(edited);
    const run = await sop("verify", edited);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("CHANGED: Plan 2026-01 v1!C2: changed since approval; it now holds 12.\n");
    expect(run.stdout).toMatch(/CHANGED since approval \(1 approved version checked\)/);
  });

  test("refuses a file that is not a receipt, and a missing workbook", async () => {
    const notReceipt = path.join(dir, "other.json");
    fs.writeFileSync(notReceipt, '{"cycle": "2026-01"}');
    expect(await sop("verify", book, "--receipt", notReceipt)).toMatchObject({ code: 1, stderr: expect.stringMatching(/not an approval receipt/) });
    expect(await sop("verify", path.join(dir, "missing.xlsx"))).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
  });
});
