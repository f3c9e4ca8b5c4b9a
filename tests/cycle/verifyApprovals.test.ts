import ExcelJS from "exceljs";
import { approvalReceipt, approvePlan, auditRow, AUDIT_HEADER, chainHash, readAuditLog, rejectPlan, type AuditEntry, type PlanForApproval } from "../../src/cycle/approval";
import { cellDigests, contentHash } from "../../src/cycle/contentHash";
import { SHEETS } from "../../src/cycle/sheets";
import { verifyApprovals } from "../../src/cycle/verifyApprovals";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const plan = (production: number): PlanForApproval => ({
  cycle: "2026-01",
  scenario: "Base",
  header: ["Item", "Measure", "2026-01", "2026-02"],
  rows: [
    ["A", "Production", production, 12],
    ["B", "Production", 5, 6],
  ],
  numberFormats: ["@", "@", "#,##0", "#,##0"],
  totals: { supply: production + 23 },
});

/** A workbook with two approvals and a rejection between them. */
async function approvedBook(): Promise<MemoryWorkbook> {
  const book = MemoryWorkbook.empty();
  await approvePlan(book, plan(10), "Ann Approver", "first", new Date("2026-01-05T10:00:00Z"));
  await rejectPlan(book, plan(11), "Bob Boss", "too much overtime", new Date("2026-01-06T10:00:00Z"));
  await approvePlan(book, plan(11), { name: "Bob Boss", identity: "signed-in" }, "second", new Date("2026-01-07T10:00:00Z"));
  return book;
}

/** Edit a saved workbook as someone with Excel would: unprotect a sheet, change a cell, save. */
async function editedInExcel(book: MemoryWorkbook, sheet: string, address: string, value: ExcelJS.CellValue): Promise<MemoryWorkbook> {
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.load((await book.toXlsx()) as unknown as ArrayBuffer);
  const target = raw.getWorksheet(sheet) as ExcelJS.Worksheet;
  target.unprotect();
  target.getCell(address).value = value;
  return MemoryWorkbook.fromXlsx(new Uint8Array((await raw.xlsx.writeBuffer()) as ArrayBuffer));
}

/** Rewrite the log and its sheet as a forger with the add-in's code would (hashes recomputed). */
async function forgeLog(book: MemoryWorkbook, log: AuditEntry[]): Promise<void> {
  let previous = "";
  const chained: AuditEntry[] = [];
  for (const entry of log) {
    const link = { ...entry, chain: await chainHash(previous, { ...entry, chain: undefined }) };
    chained.push(link);
    previous = link.chain;
  }
  await book.setMetadata("auditLog", JSON.stringify(chained));
  await book.writeBlocks([{ sheet: SHEETS.auditLog, topLeft: "A1", values: [AUDIT_HEADER, ...chained.map(auditRow)] }], { protect: [SHEETS.auditLog] });
}

describe("verifyApprovals", () => {
  test("an untouched workbook verifies: two approved versions, no finding; plan and audit log are protected", async () => {
    const book = await approvedBook();
    const report = await verifyApprovals(book);
    expect(report).toEqual({ versions: 2, receipts: 0, findings: [], changed: false });
    const sheets = await book.listSheets();
    expect(sheets.filter((sheet) => sheet.protected).map((sheet) => sheet.name).sort()).toEqual(["Plan 2026-01 v1", "Plan 2026-01 v2", SHEETS.auditLog].sort());
    const log = await readAuditLog(book);
    expect(log.map((entry) => entry.identity)).toEqual(["self-declared", "self-declared", "signed-in"]);
    expect(book.sheetValues(SHEETS.auditLog)[3].slice(10)).toEqual(["signed-in", log[2].chain]);
  });

  test("names the sheet and cell of an edited plan, with what it now holds", async () => {
    const book = await editedInExcel(await approvedBook(), "Plan 2026-01 v1", "C2", 99);
    const report = await verifyApprovals(book);
    expect(report.changed).toBe(true);
    expect(report.findings).toEqual([{ kind: "changed", where: "Plan 2026-01 v1!C2", message: "changed since approval; it now holds 99." }]);
  });

  test("a deleted audit row breaks the chain, and the sheet that lost its row is named", async () => {
    const book = await approvedBook();
    const log = await readAuditLog(book);
    await book.setMetadata("auditLog", JSON.stringify(log.slice(1)));
    const report = await verifyApprovals(book);
    expect(report.changed).toBe(true);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "changed", where: "audit row 1 (rejected 2026-01)", message: expect.stringMatching(/a row before it was deleted/) }),
        expect.objectContaining({ kind: "changed", where: "Plan 2026-01 v1", message: expect.stringMatching(/no audit row/) }),
        expect.objectContaining({ kind: "changed", where: SHEETS.auditLog, message: expect.stringMatching(/shows 3 rows; the add-in's log holds 2/) }),
      ]),
    );
  });

  test("an edited audit row breaks the chain at the row after it, and the audit sheet's cell is named", async () => {
    const book = await editedInExcel(await approvedBook(), SHEETS.auditLog, "D2", "Someone Else");
    const log = await readAuditLog(book);
    await book.setMetadata("auditLog", JSON.stringify([{ ...log[0], who: "Someone Else" }, ...log.slice(1)]));
    const report = await verifyApprovals(book);
    expect(report.findings.map((finding) => finding.where)).toEqual(["audit row 1 (approved Plan 2026-01 v1)", `${SHEETS.auditLog}`]);
    expect(report.findings[1].message).toMatch(/is not protected/);
  });

  test("a plan edited with every hash recomputed passes the in-workbook checks, and its receipt catches it", async () => {
    const original = await approvedBook();
    const receipt = approvalReceipt((await readAuditLog(original))[0]);
    const book = await editedInExcel(original, "Plan 2026-01 v1", "C2", 99);
    await book.protectSheet("Plan 2026-01 v1");
    const content = await book.read("Plan 2026-01 v1");
    const [first, ...rest] = await readAuditLog(book);
    await forgeLog(book, [{ ...first, hash: await contentHash(content), cells: await cellDigests(content) }, ...rest]);
    expect((await verifyApprovals(book)).changed).toBe(false);
    const report = await verifyApprovals(book, [receipt]);
    expect(report.changed).toBe(true);
    expect(report.findings).toEqual(
      expect.arrayContaining([
        { kind: "changed", where: "Plan 2026-01 v1", message: "recomputed, does not match the content hash on the receipt: the plan is not the one approved." },
        expect.objectContaining({ where: "receipt for Plan 2026-01 v1", message: expect.stringMatching(/^says content hash/) }),
      ]),
    );
    expect((await verifyApprovals(original, [receipt])).changed).toBe(false);
  });

  test("rows written before the hash chain read with a note, and still have their content checked", async () => {
    const book = await approvedBook();
    const log = await readAuditLog(book);
    const old = log.map(({ chain: _chain, cells: _cells, identity: _identity, ...fields }) => fields);
    await book.setMetadata("auditLog", JSON.stringify(old));
    const oldSheet = [AUDIT_HEADER, ...old.map(auditRow)].map((row) => row.slice(0, 10));
    await book.writeBlocks([{ sheet: SHEETS.auditLog, topLeft: "A1", values: oldSheet }], { protect: [SHEETS.auditLog], replace: true });
    const report = await verifyApprovals(book);
    expect(report.changed).toBe(false);
    expect(report.findings).toContainEqual(expect.objectContaining({ kind: "note", where: "audit rows 1, 2, 3", message: expect.stringMatching(/before the audit log had a hash chain/) }));
    const edited = await editedInExcel(book, "Plan 2026-01 v2", "D3", 0);
    expect((await verifyApprovals(edited)).findings).toContainEqual(
      expect.objectContaining({ kind: "changed", where: "Plan 2026-01 v2", message: expect.stringMatching(/cannot be named/) }),
    );
  });
});
