import ExcelJS from "exceljs";
import { approvePlan, PlanForApproval, readAuditLog, rejectPlan, verifyApproval } from "../../src/cycle/approval";
import { contentHash } from "../../src/cycle/contentHash";
import { CENTS_FORMAT } from "../../src/cycle/ownedSheets";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import type { Workbook } from "../../src/workbook/workbook";
import { FakeExcel } from "../workbook/fakeExcel";
import { formatNumber } from "../../src/workbook/numberFormat";

const plan: PlanForApproval = {
  cycle: "2026-11",
  scenario: "Base",
  header: ["Item", "Measure", "2026-12", "2027-01"],
  rows: [
    ["A-100", "Production", 120.5, 130],
    ["A-100", "Inventory", 10, 0],
  ],
  numberFormats: ["@", "@", CENTS_FORMAT, CENTS_FORMAT],
  totals: { production: 250.5, revenue: 5010 },
};
const when = new Date("2026-11-25T10:00:00Z");

describe("approving a plan", () => {
  test("writes a protected, versioned sheet and an audit row whose hash matches the content after a save and reload", async () => {
    const book = MemoryWorkbook.empty();
    const entry = await approvePlan(book, plan, "  Dana Planner ", "Agreed in the exec meeting", when);
    expect(entry).toMatchObject({ version: 1, sheet: "Plan 2026-11 v1", who: "Dana Planner", decision: "approved", when: "2026-11-25T10:00:00.000Z" });
    expect(entry.hash).toBe(await contentHash([plan.header, ...plan.rows]));

    const reopened = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    const sheets = await reopened.listSheets();
    expect(sheets.find((s) => s.name === "Plan 2026-11 v1")).toMatchObject({ protected: true, ownedByAddin: true });
    const [logged] = await readAuditLog(reopened);
    expect(logged).toEqual(entry);
    expect(await verifyApproval(reopened, logged)).toBe(true);
    const auditSheet = await reopened.read("SOP Audit Log");
    expect(auditSheet[1].slice(0, 4)).toEqual(["2026-11", 1, "approved", "Dana Planner"]);
    expect(auditSheet[1][9]).toBe(entry.hash);
  });

  test("the approved sheet shows the plan under its formats after a save and reload, as the sheet it comes from does", async () => {
    const book = MemoryWorkbook.empty();
    const entry = await approvePlan(book, plan, "Dana", "", when);
    const reopened = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    const values = reopened.sheetValues(entry.sheet);
    const formats = reopened.sheetNumberFormats(entry.sheet);
    const shown = values.slice(1).map((row, r) => row.slice(2).map((cell, c) => formatNumber(cell as number, formats[r + 1][c + 2])));
    expect(shown).toEqual([
      ["120.50", "130.00"],
      ["10.00", "0.00"],
    ]);
    expect(values).toEqual([plan.header, ...plan.rows]);
    expect(await verifyApproval(reopened, entry)).toBe(true);
  });

  test("formats do not enter the hash: a plan approved before plans had formats still verifies beside a formatted version", async () => {
    const book = MemoryWorkbook.empty();
    // version 1 written as approvals were before plans had formats: the values alone, General format
    const before = await approvePlan(book, { ...plan, numberFormats: [] }, "Dana", "", when);
    const after = await approvePlan(book, plan, "Dana", "", when);
    const reopened = await MemoryWorkbook.fromXlsx(await book.toXlsx());
    expect(reopened.sheetNumberFormats(before.sheet)[1].slice(2)).toEqual([undefined, undefined]);
    expect(reopened.sheetNumberFormats(after.sheet)[1].slice(2)).toEqual([CENTS_FORMAT, CENTS_FORMAT]);
    expect(after.hash).toBe(before.hash);
    const log = await readAuditLog(reopened);
    expect(log.map((entry) => entry.sheet)).toEqual(["Plan 2026-11 v1", "Plan 2026-11 v2"]);
    for (const entry of log) expect(await verifyApproval(reopened, entry)).toBe(true);
  });

  test("the audit sheet shows the version as a whole number and the totals as the plan shows quantities", async () => {
    const book = MemoryWorkbook.empty();
    await approvePlan(book, { ...plan, totals: { production: 1250.5, revenue: 50100 } }, "Dana", "", when);
    const audit = book.sheetValues("SOP Audit Log");
    expect(audit[1][8]).toBe("production 1,250.50; revenue 50,100.00");
    expect(formatNumber(audit[1][1] as number, book.sheetNumberFormats("SOP Audit Log")[1][1])).toBe("1");
  });

  test("a second approval makes version 2 and keeps version 1 as it was", async () => {
    const book = MemoryWorkbook.empty();
    const first = await approvePlan(book, plan, "Dana", "", when);
    const revised = { ...plan, rows: [["A-100", "Production", 100, 100]] };
    const second = await approvePlan(book, revised, "Dana", "revised", when);
    expect(second.version).toBe(2);
    expect(await verifyApproval(book, first)).toBe(true);
    expect(await verifyApproval(book, second)).toBe(true);
    expect(await book.read("Plan 2026-11 v1")).toEqual([plan.header, ...plan.rows]);
    expect((await readAuditLog(book)).map((e) => e.version)).toEqual([1, 2]);
  });

  test("an approved sheet refuses edits, and content that differs from the audit row fails the check", async () => {
    const book = MemoryWorkbook.empty();
    const entry = await approvePlan(book, plan, "Dana", "", when);
    expect(() => book.setCell("Plan 2026-11 v1", "C2", 999)).toThrow(/protected/);
    const other = await approvePlan(book, { ...plan, rows: [["A-100", "Production", 1, 2]] }, "Dana", "", when);
    expect(await verifyApproval(book, { ...entry, sheet: other.sheet })).toBe(false);
  });

  test("rejection records the comment and writes no plan sheet", async () => {
    const book = MemoryWorkbook.empty();
    const entry = await rejectPlan(book, plan, "Sam CFO", "Inventory too high in Q1", when);
    expect(entry).toMatchObject({ decision: "rejected", version: null, comment: "Inventory too high in Q1" });
    expect((await book.listSheets()).map((s) => s.name)).not.toContain("Plan 2026-11 v1");
    await expect(rejectPlan(book, plan, "Sam", " ")).rejects.toThrow(/Say why/);
  });

  test("an approval needs a name and a plan", async () => {
    const book = MemoryWorkbook.empty();
    await expect(approvePlan(book, plan, "  ", "")).rejects.toThrow(/approver's name/);
    await expect(approvePlan(book, { ...plan, rows: [] }, "Dana", "")).rejects.toThrow(/no plan to approve/);
  });
});

describe("an approval is one write, all or nothing", () => {
  test.each([
    [
      "MemoryWorkbook",
      async () => {
        const raw = new ExcelJS.Workbook();
        raw.addWorksheet("SOP Audit Log").getCell("A1").value = "Cycle";
        await raw.getWorksheet("SOP Audit Log")?.protect("", {});
        return (await MemoryWorkbook.fromXlsx(new Uint8Array((await raw.xlsx.writeBuffer()) as ArrayBuffer))) as Workbook;
      },
    ],
    [
      "OfficeWorkbook",
      async () => {
        const fake = new FakeExcel();
        fake.addSheet("SOP Audit Log", [["Cycle"]]);
        fake.sheet("SOP Audit Log").protected = true;
        return new OfficeWorkbook(fake.runner) as Workbook;
      },
    ],
  ])("on %s, the planner's own protected sheet named SOP Audit Log stops the approval before anything is written", async (_name, make) => {
    const book = await make();
    await expect(approvePlan(book, plan, "Dana", "", when)).rejects.toThrow(/"SOP Audit Log" is protected/);
    book.forget();
    expect((await book.listSheets()).map((sheet) => sheet.name)).toEqual(["SOP Audit Log"]);
    expect(await readAuditLog(book)).toEqual([]);
  });

  test.each([
    ["MemoryWorkbook", () => MemoryWorkbook.empty() as Workbook],
    ["OfficeWorkbook", () => new OfficeWorkbook(new FakeExcel().runner) as Workbook],
  ])("on %s, the add-in's protected audit log takes the next decision's row and stays protected", async (_name, make) => {
    const book = make();
    await approvePlan(book, plan, "Dana", "", when);
    await rejectPlan(book, plan, "Eve", "Too much overtime", when);
    book.forget();
    const audit = (await book.listSheets()).find((sheet) => sheet.name === "SOP Audit Log");
    expect(audit?.protected).toBe(true);
    expect((await book.read("SOP Audit Log")).map((row) => row[2])).toEqual(["Decision", "approved", "rejected"]);
  });

  test("on Excel, a batch that fails leaves no unprotected plan sheet and no audit row; the retry makes version 1", async () => {
    const fake = new FakeExcel();
    const book = new OfficeWorkbook(fake.runner);
    await book.listSheets();
    fake.failSyncAfter(0);
    await expect(approvePlan(book, plan, "Dana", "", when)).rejects.toThrow(/connection/);
    book.forget();
    expect(await book.listSheets()).toEqual([]);
    expect(await readAuditLog(book)).toEqual([]);
    const syncs = fake.syncs;
    const entry = await approvePlan(book, plan, "Dana", "", when);
    expect(fake.syncs - syncs).toBe(1);
    expect(entry.sheet).toBe("Plan 2026-11 v1");
    expect(fake.sheet("Plan 2026-11 v1").protected).toBe(true);
    expect((await readAuditLog(book)).map((e) => e.sheet)).toEqual(["Plan 2026-11 v1"]);
    expect(fake.value("SOP Audit Log", "H2")).toBe("Plan 2026-11 v1");
  });
});
