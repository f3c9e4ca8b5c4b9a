import { approvePlan, PlanForApproval, readAuditLog, rejectPlan, verifyApproval } from "../../src/cycle/approval";
import { contentHash } from "../../src/cycle/contentHash";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";

const plan: PlanForApproval = {
  cycle: "2026-11",
  scenario: "Base",
  header: ["Item", "Measure", "2026-12", "2027-01"],
  rows: [
    ["A-100", "Production", 120.5, 130],
    ["A-100", "Inventory", 10, 0],
  ],
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
